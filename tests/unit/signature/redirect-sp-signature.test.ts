import { createSign } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src-main/core/analyze.js';
import { parseSpMetadata } from '../../../src-main/core/metadata/sp-metadata.js';
import { defaultOptions } from '../../../src-main/core/model/options.js';
import type { MessageResult } from '../../../src-main/core/model/index.js';
import { buildAuthnRequest } from '../../fixtures/aws-response.js';
import { ATTACKER_KEY, IDP_KEY, SP_KEY, makeKeyPair } from '../../fixtures/keys.js';
import { lassoAvailable, lassoSignedRedirectRequest, spMetadataXml } from '../../fixtures/lasso.js';

const NOW = new Date('2026-11-29T10:01:00Z');
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';

/** An SP AuthnRequest signed in the query string over the octets as sent (SAML bindings 3.4.4.1). */
function spSignedRedirect(keyPem: string): string {
  const encoded = encodeURIComponent(deflateRawSync(Buffer.from(buildAuthnRequest())).toString('base64'));
  const query = `SAMLRequest=${encoded}&RelayState=${encodeURIComponent('/browse/ABC-1?x=a b')}&SigAlg=${encodeURIComponent(RSA_SHA256)}`;
  const signature = createSign('RSA-SHA256').update(query).sign(keyPem, 'base64');
  return `https://portal.sso.eu-west-1.amazonaws.com/saml/assertion/x?${query}&Signature=${encodeURIComponent(signature)}`;
}

async function request(url: string, spSigningCertPem?: string): Promise<MessageResult> {
  const options = defaultOptions(NOW, {
    trustedCertificates: [{ pem: IDP_KEY.certificatePem, source: 'idp-cert', origin: 'idp.pem' }],
    ...(spSigningCertPem ? { spMetadata: parseSpMetadata(spMetadataXml(spSigningCertPem)) } : {}),
  });
  return (await analyze({ source: 'url', content: url }, options)).messages[0]!;
}

const ids = (m: MessageResult) => m.findings.map((f) => f.id);

describe('SP query-string signatures on HTTP-Redirect requests', () => {
  it('verifies with the SP signing certificate from SP metadata and names the algorithm', async () => {
    const m = await request(spSignedRedirect(SP_KEY.privateKeyPem), SP_KEY.certificatePem);
    expect(m.type).toBe('AuthnRequest');
    expect(m.signature.status).toBe('valid');
    expect(m.signature.signedElements).toEqual(['Request']);
    expect(m.signature.certificate?.source).toBe('sp-metadata');
    const valid = m.findings.find((f) => f.id === 'signature.redirect-valid');
    expect(valid?.message).toContain('RSA-SHA256');
    expect(valid?.message).toContain('SP certificate');
  });

  it('does not judge the SP certificate as an IdP certificate (no cert.* findings for an expired SP certificate)', async () => {
    const expiredSp = makeKeyPair({ label: 'expired-sp', commonName: 'jira.example.com', notBefore: new Date('2020-01-01T00:00:00Z'), notAfter: new Date('2025-01-01T00:00:00Z') });
    const m = await request(spSignedRedirect(expiredSp.privateKeyPem), expiredSp.certificatePem);
    expect(m.signature.status).toBe('valid');
    expect(m.findings.filter((f) => f.id.startsWith('cert.'))).toEqual([]);
  });

  it('is untrusted, not unsigned, without SP metadata', async () => {
    const m = await request(spSignedRedirect(SP_KEY.privateKeyPem));
    expect(m.signature.status).toBe('untrusted');
    expect(ids(m)).toContain('signature.redirect-untrusted');
    expect(m.findings.find((f) => f.id === 'signature.redirect-untrusted')?.fix.field).toBe('--sp-metadata');
  });

  it('is invalid when signed by another key or changed after signing; never checked against the IdP certificate', async () => {
    for (const url of [
      spSignedRedirect(ATTACKER_KEY.privateKeyPem),
      spSignedRedirect(SP_KEY.privateKeyPem).replace('ABC-1', 'ABC-2'),
      spSignedRedirect(IDP_KEY.privateKeyPem),
    ]) {
      const m = await request(url, SP_KEY.certificatePem);
      expect(m.signature.status).toBe('invalid');
      expect(ids(m)).toContain('signature.redirect-invalid');
      expect(m.findings.find((f) => f.id === 'signature.redirect-invalid')?.fix.where).toBe('sp-configuration');
    }
  });

  describe.skipIf(!lassoAvailable())('a request signed by Lasso (mod_auth_mellon\'s library)', () => {
    it('verifies over RelayState and SigAlg exactly as Lasso encoded them, and reports RSA-SHA1', async () => {
      const url = lassoSignedRedirectRequest(SP_KEY, IDP_KEY);
      expect(url).toContain('&Signature=');
      const m = await request(url, SP_KEY.certificatePem);
      expect(m.signature.status).toBe('valid');
      expect(m.relayState).toBe('https://sp.example.org/protected/page?x=1&y=2');
      expect(m.findings.find((f) => f.id === 'signature.redirect-valid')?.message).toContain('RSA-SHA1');
      const wrongCert = await request(url, ATTACKER_KEY.certificatePem);
      expect(wrongCert.signature.status).toBe('invalid');
    });
  });
});
