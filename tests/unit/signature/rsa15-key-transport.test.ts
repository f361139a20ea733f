import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src-main/core/analyze.js';
import { defaultOptions } from '../../../src-main/core/model/options.js';
import { DEFAULTS, encryptAssertion, signedAwsResponse } from '../../fixtures/aws-response.js';
import { IDP_KEY, SP_KEY, makeKeyPair } from '../../fixtures/keys.js';
import { xmlsec1Available, xmlsec1EncryptRsa15 } from '../../fixtures/xmlsec1.js';

/** The signed Assertion of `responseXml` replaced by an EncryptedAssertion xmlsec1 made with rsa-1_5. */
function encryptedByXmlsec1(responseXml: string, content: 'aes128-cbc' | 'aes256-cbc' | 'tripledes-cbc'): string {
  const assertion = /<saml2:Assertion [\s\S]*<\/saml2:Assertion>/.exec(responseXml)![0];
  // Standalone, the assertion needs the root's namespace declarations (exclusive c14n ignores unused ones).
  const rootNs = /<saml2p:Response ([^>]*)>/.exec(responseXml)![1]!.match(/xmlns:\w+="[^"]*"/g)!;
  const standalone = assertion.replace('<saml2:Assertion ', `<saml2:Assertion ${rootNs.filter((ns) => !assertion.startsWith(`<saml2:Assertion ${ns}`)).join(' ')} `);
  const encryptedData = xmlsec1EncryptRsa15(standalone, SP_KEY.certificatePem, content);
  return responseXml.replace(assertion, `<saml2:EncryptedAssertion>${encryptedData}</saml2:EncryptedAssertion>`);
}

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

  for (const content of ['aes128-cbc', 'tripledes-cbc'] as const) {
    it.skipIf(!xmlsec1Available())(`decrypts what xmlsec1 encrypted with rsa-1_5 (${content})`, async () => {
      const xml = encryptedByXmlsec1(signedAwsResponse({ sign: { assertion: true } }), content);
      expect(xml).toContain('xmlenc#rsa-1_5');
      const m = (await analyze({ source: 'xmlsec1', content: xml }, defaultOptions(NOW, { trustedCertificates: trusted, spPrivateKeys: spKey }))).messages[0]!;
      expect(m.findings.map((f) => f.id)).not.toContain('assertion.decryption-failed');
      expect(m.signature.status).toBe('valid');
      expect(m.subject).toMatchObject({ nameId: 'jane.doe@example.com', verified: true });
      expect(m.findings.map((f) => f.id)).toContain('assertion.obsolete-key-transport');
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
