import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src-main/core/analyze.js';
import { defaultOptions } from '../../../src-main/core/model/options.js';
import { encryptAssertion, signedAwsResponse } from '../../fixtures/aws-response.js';
import { IDP_KEY, SP_KEY } from '../../fixtures/keys.js';
import { makeKeyPair } from '../../fixtures/keys.js';

const NOW = new Date('2026-11-29T10:01:00Z');
const trusted = [{ pem: IDP_KEY.certificatePem, source: 'idp-cert' as const, origin: 'idp.pem' }];

describe('encrypted assertions', () => {
  it('decrypts with the SP key, verifies the inner signature and reads the user from it', async () => {
    const xml = await encryptAssertion(signedAwsResponse({ sign: { response: false, assertion: true } }), SP_KEY.certificatePem);
    const result = await analyze({ source: 't', content: xml }, defaultOptions(NOW, { trustedCertificates: trusted, spPrivateKeys: [{ pem: SP_KEY.privateKeyPem, origin: 'sp-key.pem' }] }));
    const m = result.messages[0]!;
    expect(m.signature.status).toBe('valid');
    expect(m.signature.signedElements).toEqual(['Assertion']);
    expect(m.subject).toMatchObject({ nameId: 'jane.doe@example.com', verified: true });
    expect(m.assertion).toMatchObject({ encrypted: true, decryptedWith: 'sp-key.pem' });
    expect(m.findings.map((f) => f.id)).toContain('assertion.encrypted');
  });

  it('accepts a Response signature over the ciphertext as covering the decrypted assertion', async () => {
    const xml = await encryptAssertion(signedAwsResponse({ sign: { response: true, assertion: false } }), SP_KEY.certificatePem);
    const m = (await analyze({ source: 't', content: xml }, defaultOptions(NOW, { trustedCertificates: trusted, spPrivateKeys: [{ pem: SP_KEY.privateKeyPem, origin: 'sp-key.pem' }] }))).messages[0]!;
    expect(m.signature.status).toBe('valid');
    expect(m.subject?.verified).toBe(true);
  });

  it('says which key is needed when none is given, and names the failure with a wrong key', async () => {
    const xml = await encryptAssertion(signedAwsResponse(), SP_KEY.certificatePem);
    const none = (await analyze({ source: 't', content: xml }, defaultOptions(NOW, { trustedCertificates: trusted }))).messages[0]!;
    const needed = none.findings.find((f) => f.id === 'assertion.decryption-failed');
    expect(needed?.fix.field).toBe('--sp-key');
    expect(none.subject).toBeUndefined();

    const wrong = makeKeyPair({ label: 'wrong-sp', commonName: 'other.example.com' });
    const bad = (await analyze({ source: 't', content: xml }, defaultOptions(NOW, { trustedCertificates: trusted, spPrivateKeys: [{ pem: wrong.privateKeyPem, origin: 'wrong.pem' }] }))).messages[0]!;
    const failed = bad.findings.find((f) => f.id === 'assertion.decryption-failed');
    expect(failed?.severity).toBe('error');
    expect(failed?.message).toContain('wrong.pem');
    expect(bad.verdict).toBe('fail');
  });
});
