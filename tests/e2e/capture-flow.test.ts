/**
 * Login capture end to end, on 127.0.0.1 with no protocol mocks: an IdP built from samlify answering like AWS
 * IAM Identity Center, a Jira-like SP on @node-saml/node-saml, and Debian's Chromium driven by
 * playwright-core. The capture engine records each login over CDP; analyze (with the IdP certificate as
 * the trust anchor) must decode the messages, verify the response and raise the flow findings for a
 * working login and for each error page. Playwright's HAR of the same login, a SAML-tracer export
 * written from the capture, and samlscope's own HAR export must import to the same messages.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { flowToHar } from '../../src-main/capture/har-writer.js';
import { importCaptureFile } from '../../src-main/capture/capture-file.js';
import { analyze } from '../../src-main/core/analyze.js';
import type { AnalyzeInput } from '../../src-main/core/model/input.js';
import { defaultOptions } from '../../src-main/core/model/options.js';
import type { AnalysisResult } from '../../src-main/core/model/result.js';
import { samlTracerOf } from '../unit/capture/capture-files.js';
import { ACS_PATH, startAtlassianLikeSp, type AtlassianLikeSp } from './capture-harness/atlassian-like-sp.js';
import { AWS_ISSUER, startAwsLikeIdp, type AwsLikeIdp } from './capture-harness/aws-like-idp.js';
import { launchChromium } from '../support/chromium.js';
import { captureLogin, type LoginRun } from './capture-harness/browser-capture.js';

const ARTIFACTS = join(import.meta.dirname, '.artifacts');
const WORK = join(ARTIFACTS, 'capture-flow');

let browser: Browser;
let idp: AwsLikeIdp;
let sp: AtlassianLikeSp;

const USERS = [
  { email: 'alice@example.com', firstName: 'Alice', lastName: 'Archer' },
  { email: 'bob@example.com', firstName: 'Bob', lastName: 'Baker' },
  { email: 'carol@example.com', firstName: 'Carol', lastName: 'Clark' },
  { email: 'dave@example.com', firstName: 'Dave', lastName: 'Dunn' },
  { email: 'erin@example.com', firstName: 'Erin', lastName: 'Evans' },
  { email: 'frank@example.com', firstName: 'Frank', lastName: 'Fischer' },
  { email: 'gina@example.com', firstName: 'Gina', lastName: 'Gold' },
];

beforeAll(async () => {
  mkdirSync(WORK, { recursive: true });
  idp = await startAwsLikeIdp(USERS);
  sp = await startAtlassianLikeSp(idp);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await sp?.close();
  await idp?.close();
});

beforeEach(() => {
  idp.config = { acsUrl: sp.acsUrl, audience: sp.entityId, assigned: new Set(USERS.map((u) => u.email).filter((e) => e !== 'dave@example.com')) };
  sp.settings = {
    binding: 'HTTP-Redirect',
    jit: false,
    displayNameMapping: '${firstName} ${lastName}',
    freeSeats: 10,
    users: new Map([
      ['alice@example.com', { canLogIn: true }],
      ['carol@example.com', { canLogIn: false }],
    ]),
  };
});

function options() {
  return defaultOptions(new Date(), {
    trustedCertificates: [{ pem: idp.certificatePem, source: 'idp-cert', origin: 'e2e IdP certificate' }],
    sp: { entityId: sp.entityId, acsUrl: sp.acsUrl },
  });
}

const flowIds = (r: AnalysisResult) => r.findings.map((f) => f.id).filter((id) => id.startsWith('flow.')).sort();

async function login(name: string, username: string, finalText: string, shots: { loginPage?: string; finalPage?: string } = {}): Promise<{ run: LoginRun; result: AnalysisResult }> {
  const run = await captureLogin(browser, {
    loginUrl: sp.loginUrl,
    username,
    finalText,
    harPath: join(WORK, `${name}.har`),
    ...(shots.loginPage ? { atLoginPage: async (page) => void (await page.screenshot({ path: join(ARTIFACTS, shots.loginPage!) })) } : {}),
    ...(shots.finalPage ? { atFinalPage: async (page) => void (await page.screenshot({ path: join(ARTIFACTS, shots.finalPage!) })) } : {}),
  });
  const result = await analyze({ source: `${name} (capture)`, kind: 'capture', flow: run.flow }, options());
  return { run, result };
}

/** The same login from three files must give the same messages and flow findings as the live capture. */
async function expectFilesAgree(name: string, run: LoginRun, live: AnalysisResult): Promise<void> {
  const tracerPath = join(WORK, `${name}.SAML-tracer.json`);
  writeFileSync(tracerPath, JSON.stringify(samlTracerOf(run.flow, 'current'), null, 2));
  const ownHarPath = join(WORK, `${name}.samlscope.har`);
  writeFileSync(ownHarPath, JSON.stringify(flowToHar(run.flow)));
  for (const [path, kind] of [[run.harPath, 'har'], [tracerPath, 'saml-tracer'], [ownHarPath, 'har']] as const) {
    const input: AnalyzeInput = await importCaptureFile(path);
    expect('flow' in input && input.kind).toBe(kind);
    const result = await analyze(input, options());
    expect(result.messages.map((m) => m.xml), path).toEqual(live.messages.map((m) => m.xml));
    expect(result.messages.map((m) => m.signature.status), path).toEqual(live.messages.map((m) => m.signature.status));
    // SAML-tracer never records response bodies: an SP page is known there only by its HTTP status.
    if (kind === 'saml-tracer') expect(flowIds(result).filter((id) => id !== 'flow.idp-error' && id !== 'flow.no-response'), path).toEqual(flowIds(live).filter((id) => id !== 'flow.idp-error' && id !== 'flow.no-response'));
    else {
      // Same findings with the same quoted values (exchange numbers differ: each recorder keeps other requests).
      const summary = (r: AnalysisResult) => r.findings.filter((f) => f.id.startsWith('flow.')).map((f) => [f.id, f.evidence[0]?.value]).sort();
      expect(summary(result), path).toEqual(summary(live));
    }
  }
}

function expectAwsLoginMessages(result: AnalysisResult, user: string, requestBinding: 'HTTP-Redirect' | 'HTTP-POST'): void {
  const [request, response] = result.messages;
  expect(result.messages.map((m) => `${m.type} ${m.binding}`)).toEqual([`AuthnRequest ${requestBinding}`, 'Response HTTP-POST']);
  expect(request!.request?.assertionConsumerServiceUrl).toBe(sp.acsUrl);
  expect(request!.issuer).toBe(sp.entityId);
  expect(response!.inResponseTo).toBe(request!.id);
  expect(response!.relayState).toBe('/secure/Dashboard.jspa');
  expect(response!.signature.status).toBe('valid');
  expect(response!.signature.signedElements).toEqual(expect.arrayContaining(['Response', 'Assertion']));
  expect(response!.issuer).toBe(AWS_ISSUER);
  expect(response!.issuerDetail).toMatchObject({ value: AWS_ISSUER, verified: true });
  expect(response!.subject).toMatchObject({ nameId: user, format: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress', verified: true });
  expect(response!.attributes.map((a) => a.name)).toEqual(['email', 'firstName', 'lastName']);
  expect(result.context?.aws).toMatchObject({ region: 'eu-west-1', accountId: '123456789012', applicationInstanceId: 'ins-3f5a2b1c4d6e7f80' });
}

describe('captured logins through an AWS-like IdP to a Jira-like SP', () => {
  test('a working login (AuthnRequest by HTTP-Redirect): verified response, no flow finding', async () => {
    const { run, result } = await login('working-redirect', 'alice@example.com', 'System Dashboard', { loginPage: 'capture-idp-login-page.png' });
    expectAwsLoginMessages(result, 'alice@example.com', 'HTTP-Redirect');
    expect(result.messages[1]!.verdict).not.toBe('fail');
    expect(flowIds(result)).toEqual([]);
    // The whole flow was recorded: SP login redirect, IdP page, sign-in post, ACS post, dashboard.
    expect(run.flow.exchanges.map((e) => `${e.method} ${new URL(e.url).pathname} ${e.status}`)).toEqual(
      expect.arrayContaining([`GET /login.jsp 302`, `POST /login 200`, `POST ${ACS_PATH} 302`, 'GET /secure/Dashboard.jspa 200']),
    );
    await expectFilesAgree('working-redirect', run, result);
  });

  test('a working login with the AuthnRequest posted (HTTP-POST) and the user created by JIT', async () => {
    sp.settings.binding = 'HTTP-POST';
    sp.settings.jit = true;
    const { run, result } = await login('working-post-jit', 'frank@example.com', 'System Dashboard');
    expectAwsLoginMessages(result, 'frank@example.com', 'HTTP-POST');
    expect(flowIds(result)).toEqual([]);
    await expectFilesAgree('working-post-jit', run, result);
  });

  const spErrors = [
    { name: 'user-does-not-exist', user: 'bob@example.com', page: 'Received SSO request for user bob@example.com, but the user does not exist', setup: () => undefined, fixWhere: 'atlassian-sso' },
    { name: 'attribute-not-found', user: 'erin@example.com', page: 'Attribute [displayName] could not be found', setup: () => Object.assign(sp.settings, { jit: true, displayNameMapping: '${displayName}' }), fixWhere: 'aws-console' },
    { name: 'license-limit', user: 'gina@example.com', page: 'User could not be created due to the license’s limit.', setup: () => Object.assign(sp.settings, { jit: true, freeSeats: 0 }), fixWhere: 'atlassian-admin' },
    { name: 'not-permitted', user: 'carol@example.com', page: 'Received SSO request for user carol@example.com, but the user is not permitted to log in', setup: () => undefined, fixWhere: 'atlassian-admin' },
  ];

  test.each(spErrors)('the SP answers "$page" → flow.sp-error quoting it', async ({ name, user, page, setup, fixWhere }) => {
    setup();
    const { run, result } = await login(name, user, page, name === 'user-does-not-exist' ? { finalPage: 'capture-sp-error-page.png' } : {});
    expectAwsLoginMessages(result, user, 'HTTP-Redirect');
    expect(flowIds(result)).toEqual(['flow.sp-error']);
    const f = result.findings.find((x) => x.id === 'flow.sp-error')!;
    expect(f.message).toContain(page);
    expect(f.evidence[0]).toMatchObject({ location: `exchange ${run.flow.exchanges.findIndex((e) => e.url === sp.acsUrl) + 1}: POST ${sp.acsUrl} → HTTP 400`, value: page });
    expect(f.fix.where).toBe(fixWhere);
    await expectFilesAgree(name, run, result);
  });

  test('AWS "No access" for a user not assigned to the application → flow.idp-error, no response', async () => {
    const { run, result } = await login('aws-no-access', 'dave@example.com', 'No access');
    expect(result.messages.map((m) => m.type)).toEqual(['AuthnRequest']);
    expect(flowIds(result)).toEqual(['flow.idp-error']);
    const f = result.findings.find((x) => x.id === 'flow.idp-error')!;
    expect(f.evidence[1]!.value).toBe(result.messages[0]!.id);
    expect(f.fix.path).toContain('Assigned users and groups');
    // The page's API call answered 403 with AWS's ForbiddenException body; the capture kept it.
    expect(run.flow.exchanges.some((e) => e.status === 403 && e.responseBody?.includes('ForbiddenException'))).toBe(true);
    await expectFilesAgree('aws-no-access', run, result);
  });

  test('the AWS application posts to another ACS URL than the SP asked for → flow.acs-mismatch', async () => {
    idp.config.acsUrl = `${sp.origin}/plugins/servlet/samlsso`;
    const { run, result } = await login('acs-mismatch', 'alice@example.com', 'Page not found');
    expect(flowIds(result)).toEqual(['flow.acs-mismatch', 'flow.sp-error']);
    const acs = result.findings.find((x) => x.id === 'flow.acs-mismatch')!;
    expect(acs.evidence[0]).toMatchObject({ value: `${sp.origin}/plugins/servlet/samlsso`, expected: sp.acsUrl });
    expect(acs.fix).toMatchObject({ field: 'Application ACS URL', value: sp.acsUrl });
    expect(result.findings.find((x) => x.id === 'flow.sp-error')!.evidence[0]!.value).toBe('HTTP 404: 404 - Page not found');
    await expectFilesAgree('acs-mismatch', run, result);
  });
});
