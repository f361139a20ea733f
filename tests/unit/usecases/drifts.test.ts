/**
 * The places where the command line and the desktop app used to answer the same input differently.
 * Each case drives both front doors (the CLI's run function in-process, the app's handlers through the
 * real validators) and expects one behaviour.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src-main/cli/command.js';
import { runCli } from '../../../src-main/cli/run-cli.js';
import { analyze } from '../../../src-main/core/analyze.js';
import { defaultOptions } from '../../../src-main/core/model/options.js';
import type { Channel, RequestOf, ResponseOf } from '../../../src-main/ipc/contract.js';
import { validateRequest } from '../../../src-main/ipc/validators.js';
import { signedAwsResponse, DEFAULTS } from '../../fixtures/aws-response.js';
import { IDP_KEY } from '../../fixtures/keys.js';
import { ASSETS, createHarness, type Harness } from '../app-services/harness.js';

const NOW = '2026-11-29T10:01:00Z';
let dir: string;
let h: Harness;

function cliIo(): CliIo & { out: string; err: string } {
  const sink = { out: '', err: '', cwd: dir, env: {}, now: () => new Date(NOW), readStdin: async () => '', stdout: (t: string) => void (sink.out += t), stderr: (t: string) => void (sink.err += t) };
  return sink;
}

async function ipc<C extends Channel>(channel: C, payload: unknown): Promise<ResponseOf<C>> {
  const request: RequestOf<C> = validateRequest(channel, payload);
  const handler = h.services.handlers[channel] as (r: RequestOf<C>) => Promise<ResponseOf<C>>;
  return handler(request);
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'samlscope-drifts-'));
  writeFileSync(path.join(dir, 'response.xml'), signedAwsResponse());
  writeFileSync(path.join(dir, 'idp.pem'), IDP_KEY.certificatePem);
  const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  writeFileSync(path.join(dir, 'ec-key.pem'), ec.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  writeFileSync(path.join(dir, 'locked-key.pem'), rsa.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'secret' }) as string);
});
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => h.dispose());

describe('the SP key check is one check: only an unprotected RSA key can decrypt an assertion', () => {
  it.each([
    ['ec-key.pem', /EC prime256v1 key.*only an RSA key can decrypt/s],
    ['locked-key.pem', /protected by a passphrase.*openssl pkey/s],
  ])('%s is refused by the CLI and by the app with the same explanation', async (file, why) => {
    const io = cliIo();
    expect(await runCli(['analyze', 'response.xml', '--idp-cert', 'idp.pem', '--sp-key', file, '--now', NOW], io)).toBe(2);
    expect(io.err).toMatch(why);
    await expect(ipc('workspace:set-setup', { patch: { spKey: { text: readFileSync(path.join(dir, file), 'utf8'), name: file } } })).rejects.toThrow(why);
  });
});

describe('a redacted JSON report keeps the flow in both doors', () => {
  it('samlscope report --format json of a capture has the redacted flow time line', async () => {
    const har = JSON.parse(harFor(signedAwsResponse())) as unknown;
    writeFileSync(path.join(dir, 'login.har'), JSON.stringify(har));
    const io = cliIo();
    await runCli(['report', 'login.har', '--idp-cert', 'idp.pem', '--now', NOW, '--format', 'json'], io);
    const report = JSON.parse(io.out) as { results: Array<{ flow?: { entries: unknown[] } }> };
    expect(report.results[0]?.flow?.entries.length).toBeGreaterThan(0);
    expect(io.out).not.toContain(DEFAULTS.nameId);
  });
});

function harFor(xml: string): string {
  const b64 = Buffer.from(xml).toString('base64');
  return JSON.stringify({
    log: {
      version: '1.2',
      creator: { name: 'test', version: '1' },
      entries: [
        {
          startedDateTime: '2026-11-29T10:00:30.000Z',
          request: {
            method: 'POST',
            url: DEFAULTS.acsUrl,
            headers: [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }],
            postData: { mimeType: 'application/x-www-form-urlencoded', params: [{ name: 'SAMLResponse', value: b64 }], text: `SAMLResponse=${encodeURIComponent(b64)}` },
          },
          response: { status: 302, headers: [{ name: 'Location', value: 'https://jira.example.com/secure/Dashboard.jspa' }], content: { size: 0, mimeType: 'text/html' } },
        },
      ],
    },
  });
}

describe('a saved workspace opens however it arrives', () => {
  it('pasting a saved workspace (workspace:analyze) opens it like dropping the file does', async () => {
    const demo = await ipc('workspace:open-demo', {});
    const file = path.join(h.userData, 'saved.samlscope.json');
    h.savePaths.push(file);
    await ipc('workspace:save', {});
    const text = readFileSync(file, 'utf8');
    const pasted = await ipc('workspace:analyze', { text });
    const dropped = await ipc('workspace:drop-file', { name: 'saved.samlscope.json', text });
    expect(pasted.title).toBe(demo.title);
    expect(pasted.demo).toBe(true);
    expect(pasted.results).toEqual(dropped.results);
  });

  it('a saved workspace whose now is not a time is refused naming the field, not with a RangeError', async () => {
    const saved = { format: 'samlscope-workspace', version: 1, savedAt: '2026-01-15T10:00:00Z', title: 't', targetProfileId: null, inputs: [{ source: 'r.xml', text: signedAwsResponse() }], options: { now: 'yesterday' } };
    await expect(ipc('workspace:drop-file', { name: 'w.samlscope.json', text: JSON.stringify(saved) })).rejects.toThrow(/workspace file is damaged: options\.now: must be an ISO 8601 date-time/);
  });
});

describe('the engine runs once per request', () => {
  it('the "IssueInstant + 1 min" clock is an analysis option the engine resolves itself', async () => {
    const xml = signedAwsResponse();
    const issued = /IssueInstant="([^"]+)"/.exec(xml)?.[1] ?? '';
    const result = await analyze({ source: 'r.xml', content: xml }, { ...defaultOptions(new Date('2030-01-01T00:00:00Z')), clockPolicy: 'issue-instant' });
    expect(result.context?.now).toBe(new Date(Date.parse(issued) + 60_000).toISOString());
    expect(result.messages[0]?.findings.map((f) => f.id)).not.toContain('time.expired');
  });
});

describe('the example profiles read the same in both doors', () => {
  it('the CLI and the app load the Jira example with the same trust anchor and simulate the demo login alike', async () => {
    const profile = path.join(ASSETS, 'examples', 'jira-atlassian-sso', 'profile.yaml');
    const response = path.join(ASSETS, 'demo', 'demo-response.xml');
    const io = cliIo();
    await runCli(['simulate', response, '--target', profile, '--now', '2026-01-15T10:01:00Z', '--format', 'json'], io);
    const cli = JSON.parse(io.out) as { simulation: unknown };
    const app = await ipc('workspace:analyze', { text: readFileSync(response, 'utf8'), targetProfileId: 'example:jira-atlassian-sso/profile.yaml', options: { now: '2026-01-15T10:01:00Z' } });
    expect(app.simulation).toEqual(cli.simulation);
  });
});

describe('SP metadata given replaces the target profile\'s SP settings in both doors', () => {
  it('an SP metadata file for another entity makes both doors expect that Audience', async () => {
    const other = 'https://other.example.com';
    const metadata =
      `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${other}">` +
      `<md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">` +
      `<md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${other}/acs" index="0" isDefault="true"/>` +
      `</md:SPSSODescriptor></md:EntityDescriptor>`;
    writeFileSync(path.join(dir, 'other-sp.xml'), metadata);
    const profile = path.join(ASSETS, 'examples', 'jira-atlassian-sso', 'profile.yaml');
    const response = path.join(ASSETS, 'demo', 'demo-response.xml');
    const now = '2026-01-15T10:01:00Z';
    const io = cliIo();
    await runCli(['report', response, '--target', profile, '--sp-metadata', 'other-sp.xml', '--now', now, '--format', 'json', '--no-redact'], io);
    const cliIds = (JSON.parse(io.out) as { results: Array<{ messages: Array<{ findings: Array<{ id: string }> }> }> }).results[0]?.messages[0]?.findings.map((f) => f.id);
    await ipc('workspace:set-setup', { patch: { spMetadata: { text: metadata, name: 'other-sp.xml' } }, targetProfileId: 'example:jira-atlassian-sso/profile.yaml' });
    const app = await ipc('workspace:analyze', { text: readFileSync(response, 'utf8'), targetProfileId: 'example:jira-atlassian-sso/profile.yaml', options: { now } });
    const appIds = app.results[0]?.messages[0]?.findings.map((f) => f.id);
    expect(cliIds).toContain('audience.mismatch');
    expect(appIds).toEqual(cliIds);
  });
});
