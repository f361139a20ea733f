/**
 * The workspace setup in main: auto-routing of pasted/dropped settings (IdP and SP metadata, PEM
 * certificate, PEM private key, instance snapshot), `workspace:set-setup` re-analysing the current
 * message, and the SP private key never leaving main (no response, saved file or report holds it).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkspaceResult } from '../../../src-main/ipc/contract.js';
import { awsIdpMetadata, encryptAssertion, signedAwsResponse, toPostBinding } from '../../fixtures/aws-response.js';
import { ATTACKER_KEY, IDP_KEY, SP_KEY } from '../../fixtures/keys.js';
import { ASSETS, createHarness, type Harness } from './harness.js';

const JIRA_PROFILE = 'example:jira-atlassian-sso/profile.yaml';
const ISSUED = new Date('2026-01-15T10:00:00Z');
const ACS = 'https://jira.example.com/plugins/servlet/samlconsumer';

function response(issueInstant: Date = ISSUED): string {
  return toPostBinding(signedAwsResponse({ issueInstant }));
}

function findingIds(w: WorkspaceResult): string[] {
  return w.results.flatMap((r) => [...r.findings, ...r.messages.flatMap((m) => m.findings)]).map((f) => f.id);
}

function spMetadata(entityId: string, acs: string): string {
  return (
    `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${entityId}">` +
    `<md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">` +
    `<md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${acs}" index="0" isDefault="true"/>` +
    `</md:SPSSODescriptor></md:EntityDescriptor>`
  );
}

/** The base64 body of the SP key without line breaks or armour: what a leak would contain. */
function keyFragments(): string[] {
  const body = SP_KEY.privateKeyPem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  return [body.slice(40, 104), body.slice(-120, -60)];
}

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.dispose();
});

describe('auto-routing of pasted and dropped settings', () => {
  it('takes pasted IdP metadata as the trust anchor and analyses the current message again', async () => {
    const handlers = h.services.handlers;
    const first = await handlers['workspace:analyze']({ text: response(), targetProfileId: null });
    expect(findingIds(first)).toContain('signature.no-trust-anchor');
    expect(first.setup?.idp.source).toBe('none');

    const after = await handlers['workspace:analyze']({ text: awsIdpMetadata(), source: 'Pasted text', targetProfileId: null });
    expect(after.notice).toMatch(/^IdP metadata recognised \(https:\/\/portal\.sso\.eu-west-1\.amazonaws\.com\/saml\/assertion\/.+, 1 signing certificate\).*analysed again/);
    // The message shown is still the response, now verified against the pasted metadata.
    expect(after.title).toBe(first.title);
    expect(after.results[0]?.messages[0]?.signature.status).toBe('valid');
    expect(findingIds(after)).not.toContain('signature.no-trust-anchor');
    expect(after.setup?.idp).toMatchObject({ source: 'metadata', origin: 'Pasted text', userGiven: true });
    expect(after.setup?.idp.certificates[0]?.subject).toBe('CN=amazonaws.com, OU=IDAS, O=Amazon, C=US');
    expect(after.setup?.idp.certificates[0]?.sha256Fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect((await handlers['workspace:current']({}))?.results[0]?.messages[0]?.signature.status).toBe('valid');
  });

  it('acknowledges settings given before any message without inventing a workspace', async () => {
    const handlers = h.services.handlers;
    const w = await handlers['workspace:drop-file']({ name: 'idp.pem', text: IDP_KEY.certificatePem, targetProfileId: null });
    expect(w.results).toEqual([]);
    expect(w.notice).toMatch(/^IdP certificate recognised \(CN=amazonaws\.com.*Paste or drop a SAMLResponse/);
    expect(w.setup?.idp).toMatchObject({ source: 'certificate', origin: 'idp.pem' });
    expect(await handlers['workspace:current']({})).toBeNull();
    // The next message is checked against it.
    const next = await handlers['workspace:analyze']({ text: response(), targetProfileId: null });
    expect(next.results[0]?.messages[0]?.signature.status).toBe('valid');
  });

  it('reads dropped SP metadata as the SP settings, so a response for another SP is caught', async () => {
    const handlers = h.services.handlers;
    await handlers['workspace:analyze']({ text: response(), targetProfileId: null });
    const w = await handlers['workspace:drop-file']({ name: 'confluence-sp.xml', text: spMetadata('https://wiki.example.com', 'https://wiki.example.com/plugins/servlet/samlconsumer'), targetProfileId: null });
    expect(w.notice).toMatch(/^SP metadata recognised \(https:\/\/wiki\.example\.com\)/);
    expect(w.setup?.sp.entityId).toEqual({ value: 'https://wiki.example.com', source: 'SP metadata: EntityDescriptor/@entityID' });
    expect(w.setup?.sp.metadata).toEqual({ entityId: 'https://wiki.example.com', acsUrls: ['https://wiki.example.com/plugins/servlet/samlconsumer'], origin: 'confluence-sp.xml' });
    expect(findingIds(w)).toEqual(expect.arrayContaining(['audience.mismatch', 'destination.mismatch', 'recipient.mismatch']));
  });

  it('uses a dropped instance snapshot instead of the target profile’s own, and says so', async () => {
    const handlers = h.services.handlers;
    const demo = await handlers['workspace:open-demo']({});
    expect(demo.simulation?.user.before).not.toBeNull();
    const snapshot = JSON.parse(await readFile(path.join(ASSETS, 'examples/jira-atlassian-sso/snapshot.json'), 'utf8')) as { users: unknown[] };
    const w = await handlers['workspace:drop-file']({ name: 'jira-empty.json', text: JSON.stringify({ ...snapshot, users: [] }), targetProfileId: JIRA_PROFILE });
    expect(w.notice).toMatch(/^Instance snapshot recognised \(jira, 0 users\)\. Used instead of the snapshot of Jira/);
    expect(w.setup?.snapshot).toMatchObject({ origin: 'jira-empty.json', product: 'jira', users: 0 });
    // Nobody exists in the dropped snapshot: the login now creates the user.
    expect(w.simulation?.user.before).toBeNull();
    expect(w.demo).toBe(true);
  });

  it('refuses a recognised but damaged file with the parser’s explanation instead of analysing it', async () => {
    const broken = awsIdpMetadata({ certificates: ['bm90IGEgY2VydGlmaWNhdGU='] });
    await expect(h.services.handlers['workspace:analyze']({ text: broken, targetProfileId: null })).rejects.toThrow(/cannot be used as IdP metadata: .*not a readable X\.509 certificate/);
    const badSnapshot = JSON.stringify({ product: 'jira', directories: [], users: [{}] });
    await expect(h.services.handlers['workspace:drop-file']({ name: 's.json', text: badSnapshot })).rejects.toThrow(/not a valid instance snapshot/);
  });

  it('analyses text that is no setting as a message, as before', async () => {
    const w = await h.services.handlers['workspace:analyze']({ text: 'hello, this is not SAML', targetProfileId: null });
    expect(w.notice).toBeUndefined();
    expect(findingIds(w)).toContain('input.unrecognized');
  });
});

describe('workspace:set-setup', () => {
  it('re-analyses with SP settings, the evaluation time and the clock skew', async () => {
    const handlers = h.services.handlers;
    await handlers['settings:set']({ targetProfileId: JIRA_PROFILE });
    await handlers['workspace:analyze']({ text: response() });
    const idp = { text: awsIdpMetadata(), name: 'aws-metadata.xml' };

    let out = await handlers['workspace:set-setup']({ patch: { idpTrust: idp } });
    expect(out.workspace?.results[0]?.messages[0]?.signature.status).toBe('valid');
    // Prefilled from the profile; no override yet.
    expect(out.setup.sp.profile).toEqual({ entityId: 'https://jira.example.com', acsUrl: ACS });
    expect(out.setup.sp.acsUrls).toEqual([{ value: ACS, source: 'SP setting: ACS URL' }]);
    expect(findingIds(out.workspace as WorkspaceResult)).not.toContain('recipient.mismatch');

    out = await handlers['workspace:set-setup']({ patch: { sp: { acsUrl: 'https://jira.example.com/wrong' } } });
    expect(out.setup.sp.overrides).toEqual({ acsUrl: 'https://jira.example.com/wrong' });
    expect(findingIds(out.workspace as WorkspaceResult)).toEqual(expect.arrayContaining(['recipient.mismatch', 'destination.mismatch']));
    out = await handlers['workspace:set-setup']({ patch: { sp: { acsUrl: null } } });
    expect(findingIds(out.workspace as WorkspaceResult)).not.toContain('recipient.mismatch');

    // After NotOnOrAfter (IssueInstant + 1 h) plus the skew: expired; a generous skew forgives it.
    out = await handlers['workspace:set-setup']({ patch: { evaluateAt: { mode: 'custom', instant: '2026-01-15T11:30:00Z' } } });
    expect(out.setup.time.effectiveNow).toBe('2026-01-15T11:30:00.000Z');
    expect(findingIds(out.workspace as WorkspaceResult)).toContain('time.expired');
    out = await handlers['workspace:set-setup']({ patch: { clockSkewSeconds: 3600 } });
    expect(out.setup.time.clockSkewSeconds).toBe(3600);
    expect(findingIds(out.workspace as WorkspaceResult)).not.toContain('time.expired');
  });

  it('judges an old capture at its IssueInstant + 1 min', async () => {
    const handlers = h.services.handlers;
    const old = await handlers['workspace:analyze']({ text: response(new Date('2021-03-04T09:00:00Z')), targetProfileId: null });
    expect(findingIds(old)).toContain('time.expired');
    const out = await handlers['workspace:set-setup']({ patch: { evaluateAt: { mode: 'issue-instant' } }, targetProfileId: null });
    expect(out.setup.time).toMatchObject({ evaluateAt: { mode: 'issue-instant' }, effectiveNow: '2021-03-04T09:01:00.000Z' });
    expect(out.workspace?.results[0]?.context?.now).toBe('2021-03-04T09:01:00.000Z');
    expect(findingIds(out.workspace as WorkspaceResult)).not.toContain('time.expired');
  });

  it('shows the demo case’s reference time as set by the demo until the user picks another', async () => {
    const handlers = h.services.handlers;
    const demo = await handlers['workspace:open-demo']({});
    expect(demo.setup?.time.evaluateAt.mode).toBe('custom');
    expect(demo.setup?.time.note).toMatch(/Set by the demo case/);
    expect(demo.setup?.idp.source).toBe('profile');
    const out = await handlers['workspace:set-setup']({ patch: { evaluateAt: { mode: 'now' } } });
    expect(out.setup.time.note).toBeUndefined();
    expect(out.setup.time.effectiveNow).toBe('2026-01-15T10:05:00.000Z');
    // Only the demo's own time was replaced: the next pasted message is judged by the setup alone.
    const pasted = await handlers['workspace:analyze']({ text: response() });
    expect(pasted.setup?.time.evaluateAt).toEqual({ mode: 'now' });
  });

  it('replaces the target profile’s trust anchor with the one the user gave, and restores it when cleared', async () => {
    const handlers = h.services.handlers;
    const demo = await handlers['workspace:open-demo']({});
    expect(demo.results[0]?.messages[0]?.signature.status).toBe('valid');
    let out = await handlers['workspace:set-setup']({ patch: { idpTrust: { text: ATTACKER_KEY.certificatePem } } });
    expect(out.setup.idp.source).toBe('certificate');
    expect(out.workspace?.results[0]?.messages[0]?.signature.status).not.toBe('valid');
    out = await handlers['workspace:set-setup']({ patch: { idpTrust: null } });
    expect(out.setup.idp.source).toBe('profile');
    expect(out.workspace?.results[0]?.messages[0]?.signature.status).toBe('valid');
  });

  it('leaves the setup unchanged when a patch cannot be read', async () => {
    const handlers = h.services.handlers;
    await handlers['workspace:set-setup']({ patch: { idpTrust: { text: IDP_KEY.certificatePem } }, targetProfileId: null });
    await expect(handlers['workspace:set-setup']({ patch: { idpTrust: { text: '-----BEGIN CERTIFICATE-----\n!!\n-----END CERTIFICATE-----' }, clockSkewSeconds: 5 }, targetProfileId: null })).rejects.toThrow(/IdP certificate/);
    const setup = await handlers['workspace:setup']({ targetProfileId: null });
    expect(setup.idp.source).toBe('certificate');
    expect(setup.time.clockSkewSeconds).toBe(180);
  });
});

describe('the SP private key', () => {
  it('decrypts encrypted assertions and is described, never returned, saved or exported', async () => {
    const handlers = h.services.handlers;
    const encrypted = await encryptAssertion(signedAwsResponse({ issueInstant: ISSUED }), SP_KEY.certificatePem);
    const before = await handlers['workspace:analyze']({ text: toPostBinding(encrypted), targetProfileId: null });
    expect(findingIds(before)).toContain('assertion.encrypted');

    const responses: unknown[] = [];
    // A combined PEM (key + the SP's own certificate): the key is taken, the certificate is not trusted as the IdP's.
    const dropped = await handlers['workspace:drop-file']({ name: 'jira-sp.pem', text: `${SP_KEY.privateKeyPem}\n${SP_KEY.certificatePem}`, targetProfileId: null });
    responses.push(dropped);
    expect(dropped.notice).toMatch(/^SP private key recognised \(RSA 2048\): kept in memory only/);
    expect(dropped.setup?.spKey).toEqual({ loaded: true, description: 'RSA 2048', origin: 'jira-sp.pem' });
    expect(dropped.setup?.idp.source).toBe('none');
    expect(dropped.results[0]?.messages[0]?.assertion?.decryptedWith).toBe('jira-sp.pem');
    expect(dropped.results[0]?.messages[0]?.subject?.nameId).toBe('jane.doe@example.com');

    responses.push(await handlers['workspace:set-setup']({ patch: { spKey: { text: SP_KEY.privateKeyPem, name: 'again.pem' } }, targetProfileId: null }));
    responses.push(await handlers['workspace:setup']({ targetProfileId: null }));
    responses.push(await handlers['workspace:current']({}));
    await handlers['settings:set']({ presentationMode: true });
    responses.push(await handlers['workspace:current']({}));
    const saved = path.join(h.userData, 'saved.samlscope.json');
    h.savePaths.push(saved);
    await handlers['workspace:save']({});
    const report = path.join(h.userData, 'report.json');
    h.savePaths.push(report);
    await handlers['report:export']({ format: 'json', redact: false });
    const everything = [JSON.stringify(responses), await readFile(saved, 'utf8'), await readFile(report, 'utf8'), JSON.stringify(h.events)].join('\n');
    for (const fragment of keyFragments()) expect(everything).not.toContain(fragment);
    expect(everything).not.toContain('PRIVATE KEY');
    // The needles are real pieces of the key, so the checks above can fail.
    for (const fragment of keyFragments()) expect(SP_KEY.privateKeyPem.replace(/\s+/g, '')).toContain(fragment);
  });

  it('refuses a passphrase-protected key, saying how to export one without', async () => {
    const locked = '-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI\n-----END ENCRYPTED PRIVATE KEY-----\n';
    await expect(h.services.handlers['workspace:drop-file']({ name: 'locked.pem', text: locked })).rejects.toThrow(/passphrase.*openssl pkey/);
    expect((await h.services.handlers['workspace:setup']({})).spKey).toEqual({ loaded: false });
  });
});
