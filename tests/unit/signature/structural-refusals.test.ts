/**
 * Signatures refused for what they cover get their own finding (signature.structure-refused) that says
 * what they cover and why that is not enough, not signature.invalid's "changed after signing / wrong
 * certificate" and not an AWS certificate fix for another IdP.
 */
import { SignedXml } from 'xml-crypto';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src-main/core/analyze.js';
import type { Finding, MessageResult } from '../../../src-main/core/model/index.js';
import { defaultOptions } from '../../../src-main/core/model/options.js';
import { DEFAULTS, buildAwsResponse } from '../../fixtures/aws-response.js';
import { IDP_KEY } from '../../fixtures/keys.js';

const RESPONSE = "/*[local-name()='Response']";
const ASSERTION = `${RESPONSE}/*[local-name()='Assertion']`;
const GENERIC_ISSUER = 'https://idp.example.org/idp';

/** Signs `references` (XPath) with one signature placed after the Issuer of `placedIn`. */
function signWith(xml: string, references: string[], placedIn: string): string {
  const sig = new SignedXml({
    privateKey: IDP_KEY.privateKeyPem,
    publicCert: IDP_KEY.certificatePem,
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  });
  for (const xpath of references) {
    sig.addReference({ xpath, transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'], digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256' });
  }
  sig.computeSignature(xml, { prefix: 'ds', location: { reference: `${placedIn}/*[local-name()='Issuer']`, action: 'after' } });
  return sig.getSignedXml();
}

async function analyzed(xml: string): Promise<MessageResult> {
  const options = defaultOptions(new Date(DEFAULTS.issueInstant.getTime() + 30_000), {
    trustedCertificates: [{ pem: IDP_KEY.certificatePem, source: 'idp-cert', origin: 'idp.pem' }],
  });
  return (await analyze({ source: 'structure', content: xml }, options)).messages[0]!;
}

function refusal(m: MessageResult): Finding {
  const ids = m.findings.map((f) => f.id);
  expect(ids).not.toContain('signature.invalid');
  expect(ids).not.toContain('signature.wrapping');
  expect(m.signature.status).toBe('invalid');
  expect(m.verdict).toBe('fail');
  expect(m.subject?.verified).not.toBe(true);
  const found = m.findings.find((f) => f.id === 'signature.structure-refused');
  expect(found, JSON.stringify(m.findings.map((f) => f.id))).toBeDefined();
  expect(found!.severity).toBe('error');
  return found!;
}

describe('structural refusals say what the signature covers', () => {
  it('two References covering only the two Issuer elements', async () => {
    const xml = signWith(buildAwsResponse({ issuer: GENERIC_ISSUER }), [`${RESPONSE}/*[local-name()='Issuer']`, `${ASSERTION}/*[local-name()='Issuer']`], RESPONSE);
    const f = refusal(await analyzed(xml));
    expect(f.message).toContain('/Response/Issuer');
    expect(f.message).toContain('/Response/Assertion/Issuer');
    expect(f.message).toContain('2 References');
    expect(f.message).not.toMatch(/changed after it was signed/);
    // Not IAM Identity Center: no AWS console fix.
    expect(f.fix.where).toBe('idp-configuration');
    expect(JSON.stringify(f.fix)).not.toMatch(/AWS|IAM Identity Center/);
  });

  it('a detached signature beside the assertion (in the Response, naming the Assertion)', async () => {
    const xml = signWith(buildAwsResponse({ issuer: GENERIC_ISSUER }), [ASSERTION], RESPONSE);
    const f = refusal(await analyzed(xml));
    expect(f.message).toContain('sits in /Response but its Reference names /Response/Assertion');
    expect(f.message).toContain('cryptography verifies');
  });

  it('a signature covering nothing that matters (only the Status)', async () => {
    const xml = signWith(buildAwsResponse({ issuer: GENERIC_ISSUER }), [`${RESPONSE}/*[local-name()='Status']`], RESPONSE);
    const f = refusal(await analyzed(xml));
    expect(f.message).toContain('/Response/Status');
  });

  it('from IAM Identity Center the fix says to capture again from AWS', async () => {
    const xml = signWith(buildAwsResponse(), [ASSERTION], RESPONSE);
    const f = refusal(await analyzed(xml));
    expect(f.fix.summary).toContain('AWS');
  });
});
