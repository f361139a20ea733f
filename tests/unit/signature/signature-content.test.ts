/**
 * The two independent guards against content hidden in a ds:Signature: the schema check of the Signature's
 * content (with strict base64) and the rule that no assertion outside accepted signatures may exist.
 */
import { describe, expect, it } from 'vitest';
import type { Element } from '@xmldom/xmldom';
import { parseStrictXml } from '../../../src-main/core/xml/strict-parse.js';
import { DS_NS, SAML_NS } from '../../../src-main/core/xml/dom.js';
import { signatureSchemaProblems } from '../../../src-main/core/signature/signature-schema.js';
import { decodeSignatureBase64 } from '../../../src-main/core/signature/strict-base64.js';
import { uncoveredAssertions } from '../../../src-main/core/signature/uncovered-assertions.js';
import { hideAssertionInSignature } from '../../fixtures/attacks.js';
import { signedAwsResponse } from '../../fixtures/aws-response.js';

const signedWithoutAssertion = () => signedAwsResponse({ sign: { response: true }, includeAssertion: false });

function signatureOf(xml: string): Element {
  return parseStrictXml(xml).getElementsByTagNameNS(DS_NS, 'Signature')[0] as unknown as Element;
}

describe('ds:Signature content against the XML Signature schema', () => {
  it('accepts the signature AWS-shaped responses carry', () => {
    expect(signatureSchemaProblems(signatureOf(signedWithoutAssertion()))).toEqual([]);
  });

  for (const place of ['Signature', 'KeyInfo', 'X509Data', 'X509Certificate', 'SignatureValue'] as const) {
    it(`refuses an Assertion in ${place}, naming where it is`, () => {
      const problems = signatureSchemaProblems(signatureOf(hideAssertionInSignature(signedWithoutAssertion(), place)));
      expect(problems.join('\n')).toMatch(new RegExp(`unexpected element <saml2:Assertion> .* at /Response/Signature/(.*/)?${place === 'Signature' ? '' : `${place}/`}Assertion`));
    });
  }

  it('refuses text where the schema allows none, and lax base64 in SignatureValue and X509Certificate', () => {
    const xml = signedWithoutAssertion()
      .replace(/(<ds:SignatureValue>)([A-Za-z0-9+/])/, '$1!$2')
      .replace(/(<ds:X509Certificate>)/, '$1*')
      .replace(/(<ds:KeyInfo>)/, '$1stray text');
    const problems = signatureSchemaProblems(signatureOf(xml)).join('\n');
    expect(problems).toMatch(/SignatureValue at \/Response\/Signature\/SignatureValue is not valid base64: character U\+0021/);
    expect(problems).toMatch(/X509Certificate at .* is not valid base64: character U\+002A/);
    expect(problems).toMatch(/unexpected text "stray text" in \/Response\/Signature\/KeyInfo/);
  });
  it('checks the order and the number of children the schema prescribes (fuzzer: duplicated SignatureValue/KeyInfo)', () => {
    const xml = signedWithoutAssertion();
    const twice = (name: string) => xml.replace(new RegExp(`<ds:${name}>[^]*?</ds:${name}>`), (element) => element + element);
    expect(signatureSchemaProblems(signatureOf(twice('SignatureValue'))).join('\n')).toMatch(/<ds:SignatureValue> occurs more than once in \/Response\/Signature \(second one at \/Response\/Signature\/SignatureValue/);
    expect(signatureSchemaProblems(signatureOf(twice('KeyInfo'))).join('\n')).toMatch(/<ds:KeyInfo> occurs more than once/);
    expect(signatureSchemaProblems(signatureOf(twice('Reference'))).join('\n')).toBe('');
    const noValue = xml.replace(/<ds:SignatureValue>[^]*?<\/ds:SignatureValue>/, '');
    expect(signatureSchemaProblems(signatureOf(noValue)).join('\n')).toMatch(/\/Response\/Signature has no <SignatureValue> before \/Response\/Signature\/KeyInfo/);
    const noDigest = xml.replace(/<ds:DigestValue>[^]*?<\/ds:DigestValue>/, '');
    expect(signatureSchemaProblems(signatureOf(noDigest)).join('\n')).toMatch(/Reference has no <DigestValue>; the XML Signature schema requires Transforms\?, DigestMethod, DigestValue/);
  });
});

describe('strict base64 for signature values', () => {
  it('allows whitespace between characters and correct padding only', () => {
    expect(decodeSignatureBase64('QU\n JD\r\n').ok).toBe(true);
    expect(decodeSignatureBase64('QUI=').ok).toBe(true);
    expect(decodeSignatureBase64('QUJD\u00a0')).toMatchObject({ ok: false, problem: expect.stringContaining('U+00A0') });
    expect(decodeSignatureBase64('QUI')).toMatchObject({ ok: false, problem: expect.stringContaining('multiple of 4') });
    expect(decodeSignatureBase64('Q=I=')).toMatchObject({ ok: false, problem: expect.stringContaining('padding') });
    expect(decodeSignatureBase64('  ')).toMatchObject({ ok: false, problem: 'it is empty' });
  });
});

describe('assertions no accepted signature covers', () => {
  it('reports an Assertion inside a ds:Signature even when the element around the Signature is covered', () => {
    const doc = parseStrictXml(hideAssertionInSignature(signedWithoutAssertion(), 'KeyInfo'));
    const all = Array.from(doc.getElementsByTagNameNS(SAML_NS, 'Assertion')) as unknown as Element[];
    const problems = uncoveredAssertions(all, undefined, []);
    expect(problems).toEqual([expect.stringContaining('the Assertion at /Response/Signature/KeyInfo/Assertion, inside a ds:Signature')]);
  });

  it('leaves the covered assertion alone', () => {
    const doc = parseStrictXml(signedAwsResponse());
    const all = Array.from(doc.getElementsByTagNameNS(SAML_NS, 'Assertion')) as unknown as Element[];
    expect(uncoveredAssertions(all, all[0], [])).toEqual([]);
  });
});
