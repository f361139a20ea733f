import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src-main/core/analyze.js';
import { defaultOptions } from '../../../src-main/core/model/options.js';
import { DEFAULTS, encryptAssertion, signedAwsResponse } from '../../fixtures/aws-response.js';
import { IDP_KEY, SP_KEY, makeKeyPair } from '../../fixtures/keys.js';

const NOW = new Date(DEFAULTS.issueInstant.getTime() + 30_000);
const trusted = [{ pem: IDP_KEY.certificatePem, source: 'idp-cert' as const, origin: 'idp.pem' }];
const spKey = [{ pem: SP_KEY.privateKeyPem, origin: 'sp-key.pem' }];

describe('rsa-1_5 key transport (refused by Node since CVE-2023-46809)', () => {
  for (const algorithm of ['aes256-cbc', 'aes128-cbc', 'tripledes-cbc', 'aes256-gcm'] as const) {
    it(`decrypts offline with the SP key (${algorithm} content), verifies the assertion and warns`, async () => {
      const xml = await encryptAssertion(signedAwsResponse(), SP_KEY.certificatePem, { keyTransport: 'rsa-1_5', algorithm });
      expect(xml).toContain('xmlenc#rsa-1_5');
      const m = (await analyze({ source: 'rsa-1_5', content: xml }, defaultOptions(NOW, { trustedCertificates: trusted, spPrivateKeys: spKey }))).messages[0]!;
      const ids = m.findings.map((f) => f.id);
      expect(ids).not.toContain('assertion.decryption-failed');
      expect(m.signature.status).toBe('valid');
      expect(m.subject).toMatchObject({ nameId: 'jane.doe@example.com', verified: true });
      expect(m.assertion).toMatchObject({ encrypted: true, decryptedWith: 'sp-key.pem' });
      const warning = m.findings.find((f) => f.id === 'assertion.obsolete-key-transport');
      expect(warning?.severity).toBe('warning');
      expect(warning?.message).toContain('CVE-2023-46809');
      expect(warning?.fix.value).toContain('rsa-oaep');
    });
  }

  it('names the key when it is the wrong one', async () => {
    const xml = await encryptAssertion(signedAwsResponse(), SP_KEY.certificatePem, { keyTransport: 'rsa-1_5' });
    const wrong = makeKeyPair({ label: 'wrong-sp', commonName: 'other.example.com' });
    const m = (await analyze({ source: 'rsa-1_5', content: xml }, defaultOptions(NOW, { trustedCertificates: trusted, spPrivateKeys: [{ pem: wrong.privateKeyPem, origin: 'wrong.pem' }] }))).messages[0]!;
    const failed = m.findings.find((f) => f.id === 'assertion.decryption-failed');
    expect(failed?.message).toContain('wrong.pem');
    expect(failed?.message).toContain('rsa-1_5');
    expect(m.verdict).toBe('fail');
  });
});
