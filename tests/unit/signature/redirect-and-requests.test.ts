import { createSign } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src-main/core/analyze.js';
import { defaultOptions } from '../../../src-main/core/model/options.js';
import { awsIssuer, buildAuthnRequest, toRedirectUrl } from '../../fixtures/aws-response.js';
import { ATTACKER_KEY, IDP_KEY } from '../../fixtures/keys.js';

const NOW = new Date('2026-11-29T10:01:00Z');
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';

function logoutRequest(): string {
  return `<samlp:LogoutRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_lr1" Version="2.0" IssueInstant="2026-11-29T10:00:30Z" Destination="https://jira.example.com/plugins/servlet/samlslo"><saml:Issuer>${awsIssuer()}</saml:Issuer><saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">jane.doe@example.com</saml:NameID></samlp:LogoutRequest>`;
}

/** An HTTP-Redirect URL signed over the raw query octets, as SAML bindings §3.4.4.1 defines. */
function signedRedirect(xml: string, keyPem: string, tamper = false): string {
  const encoded = encodeURIComponent(deflateRawSync(Buffer.from(xml)).toString('base64'));
  const query = `SAMLRequest=${encoded}&RelayState=${encodeURIComponent('/browse/ABC-1')}&SigAlg=${encodeURIComponent(RSA_SHA256)}`;
  const signature = createSign('RSA-SHA256').update(query).sign(keyPem, 'base64');
  const relay = tamper ? query.replace('ABC-1', 'ABC-2') : query;
  return `https://jira.example.com/plugins/servlet/samlslo?${relay}&Signature=${encodeURIComponent(signature)}`;
}

const options = () => defaultOptions(NOW, { trustedCertificates: [{ pem: IDP_KEY.certificatePem, source: 'idp-cert', origin: 'test' }] });

describe('HTTP-Redirect signatures and SP-sent requests', () => {
  it('verifies an IdP logout request signed in the query string', async () => {
    const result = await analyze({ source: 'url', content: signedRedirect(logoutRequest(), IDP_KEY.privateKeyPem) }, options());
    const m = result.messages[0]!;
    expect(m.type).toBe('LogoutRequest');
    expect(m.binding).toBe('HTTP-Redirect');
    expect(m.signature.status).toBe('valid');
    expect(m.subject).toMatchObject({ nameId: 'jane.doe@example.com', verified: true });
    expect(m.relayState).toBe('/browse/ABC-1');
  });

  it('refuses a query-string signature from another key or over changed parameters', async () => {
    for (const url of [signedRedirect(logoutRequest(), ATTACKER_KEY.privateKeyPem), signedRedirect(logoutRequest(), IDP_KEY.privateKeyPem, true)]) {
      const m = (await analyze({ source: 'url', content: url }, options())).messages[0]!;
      expect(m.signature.status).toBe('invalid');
      expect(m.verdict).toBe('fail');
      expect(m.findings.map((f) => f.id)).toContain('signature.invalid');
      expect(m.subject?.verified).toBe(false);
    }
  });

  it('does not demand an IdP signature on an AuthnRequest (the SP sends it)', async () => {
    const url = toRedirectUrl(buildAuthnRequest(), 'https://portal.sso.eu-west-1.amazonaws.com/saml/assertion/x');
    const m = (await analyze({ source: 'url', content: url }, options())).messages[0]!;
    expect(m.type).toBe('AuthnRequest');
    expect(m.findings.filter((f) => f.id.startsWith('signature.'))).toEqual([]);
    expect(m.request?.assertionConsumerServiceUrl).toBe('https://jira.example.com/plugins/servlet/samlconsumer');
  });
});
