import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src-main/core/analyze.js';
import { defaultOptions } from '../../../src-main/core/model/options.js';
import { C14N11, C14N11_WITH_COMMENTS } from '../../../src-main/core/signature/algorithms.js';
import { prepareSignature, verifyPreparedWith, type CryptoCheck } from '../../../src-main/core/signature/verify-crypto.js';
import { joinUriReferences } from '../../../src-main/core/signature/uri-join.js';
import { DS_NS } from '../../../src-main/core/xml/dom.js';
import { parseStrictXml } from '../../../src-main/core/xml/strict-parse.js';
import { IDP_KEY } from '../../fixtures/keys.js';
import { xmlsec1Available, xmlsec1CanonicalOctets, xmlsec1Sign } from '../../fixtures/xmlsec1.js';

const SAMLP = 'urn:oasis:names:tc:SAML:2.0:protocol';
const SAML = 'urn:oasis:names:tc:SAML:2.0:assertion';

function signatureTemplate(uri: string, c14n: string): string {
  return `<ds:Signature xmlns:ds="${DS_NS}"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="${c14n}"/>` +
    `<ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/><ds:Reference URI="${uri}"><ds:Transforms>` +
    `<ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/><ds:Transform Algorithm="${c14n}"/></ds:Transforms>` +
    `<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue/></ds:Reference></ds:SignedInfo><ds:SignatureValue/></ds:Signature>`;
}

/** A SAML Response whose signed Assertion inherits xml:lang, xml:space and a relative xml:base, and carries xml:id. */
function samlTemplate(c14n: string): string {
  return `<samlp:Response xmlns:samlp="${SAMLP}" xmlns:saml="${SAML}" ID="_r1" Version="2.0" IssueInstant="2026-11-29T10:00:00Z" Destination="https://sp.example.org/acs" ` +
    `xml:lang="en" xml:space="preserve" xml:base="http://idp.example.org/a/b/" xml:id="resp"><saml:Issuer>https://idp.example.org/idp</saml:Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
    `<saml:Assertion ID="_a1" Version="2.0" IssueInstant="2026-11-29T10:00:00Z" xml:id="a1" xml:base="../c/d"><saml:Issuer>https://idp.example.org/idp</saml:Issuer>` +
    signatureTemplate('#_a1', c14n) +
    `<!-- kept only WithComments --><saml:Subject xml:base="e/"><saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">jane@example.org</saml:NameID>` +
    `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="2026-11-29T10:05:00Z" Recipient="https://sp.example.org/acs"/></saml:SubjectConfirmation></saml:Subject>` +
    `</saml:Assertion></samlp:Response>`;
}

/** Relative xml:base values climbing above their start, and an element with no xml:base of its own. */
const NESTED_BASES = [
  `<r xmlns="urn:x"><n xml:base="foo/bar"><n xml:base=".."><n xml:base=".."><d ID="d1" xml:base="x">${signatureTemplate('#d1', C14N11)}</d></n></n></n></r>`,
  `<r xmlns="urn:x"><n xml:base="a/b"><d ID="d1" xml:base="../../../x">${signatureTemplate('#d1', C14N11)}</d></n></r>`,
  `<r xmlns="urn:x"><n xml:base="foo/"><n xml:base=""><d ID="d1" xml:base="./y/.">${signatureTemplate('#d1', C14N11)}</d></n></n></r>`,
  `<a xmlns="urn:x" xml:base="foo/bar"><b xml:base=".."><c xml:base=".."><d ID="d1" xml:base="x">${signatureTemplate('#d1', C14N11)}<e/></d></c></b></a>`,
  `<a xmlns="urn:x" xml:base="http://h.example/p/q?x#f" xml:lang="de"><b xml:base="/abs/"><d ID="d1" xml:space="default">${signatureTemplate('#d1', C14N11)}</d></b></a>`,
  `<a xmlns="urn:x" xml:base="http://h.example/p/"><b xml:base="./s/../t/" xml:lang=""><d ID="d1" xml:base="?q=1">${signatureTemplate('#d1', C14N11)}</d></b></a>`,
];

/** The cryptographic check of the document's one signature against `pem`, its reference resolved by ID. */
function checkSignatureWith(xml: string, pem: string): CryptoCheck {
  const doc = parseStrictXml(xml, 'test');
  const signature = doc.getElementsByTagNameNS(DS_NS, 'Signature')[0]!;
  const id = signature.getElementsByTagNameNS(DS_NS, 'Reference')[0]!.getAttribute('URI')!.slice(1);
  const target = [...doc.getElementsByTagName('*')].find((el) => el.getAttribute('ID') === id)!;
  const c14n = signature.getElementsByTagNameNS(DS_NS, 'CanonicalizationMethod')[0]!.getAttribute('Algorithm')!;
  return verifyPreparedWith(prepareSignature(signature, target, c14n), pem);
}

describe.skipIf(!xmlsec1Available())('Canonical XML 1.1 against xmlsec1', () => {
  for (const c14n of [C14N11, C14N11_WITH_COMMENTS]) {
    it(`${c14n.endsWith('Comments') ? 'with comments' : 'without comments'}: a SAML Response signed by xmlsec1 is valid, with the same octets`, async () => {
      const signed = xmlsec1Sign(samlTemplate(c14n), IDP_KEY, 'ID:Assertion');
      const expected = xmlsec1CanonicalOctets(signed, IDP_KEY, 'ID:Assertion');
      expect(expected.reference).toContain('xml:base="http://idp.example.org/a/c/d"');
      expect(expected.reference).not.toContain('xml:id="resp"');

      const check = checkSignatureWith(signed, IDP_KEY.certificatePem);
      expect(check.error).toBeUndefined();
      expect(check.signedReference).toBe(expected.reference);

      const options = defaultOptions(new Date('2026-11-29T10:01:00Z'), { trustedCertificates: [{ pem: IDP_KEY.certificatePem, source: 'idp-cert', origin: 'idp.pem' }] });
      const m = (await analyze({ source: 'xmlsec1', content: signed }, options)).messages[0]!;
      expect(m.findings.map((f) => f.id)).not.toContain('signature.unsupported-algorithm');
      expect(m.signature.status).toBe('valid');
      expect(m.subject).toMatchObject({ nameId: 'jane@example.org', verified: true });
    });
  }

  for (const [i, template] of NESTED_BASES.entries()) {
    it(`xml:base fixup and xml:lang/xml:space inheritance match xmlsec1 (case ${i + 1})`, () => {
      const signed = xmlsec1Sign(template, IDP_KEY, 'ID:d');
      const expected = xmlsec1CanonicalOctets(signed, IDP_KEY, 'ID:d');
      const check = checkSignatureWith(signed, IDP_KEY.certificatePem);
      expect(check.signedReference).toBe(expected.reference);
      expect(check.ok).toBe(true);
    });
  }
});

describe('xml:base joining (RFC 3986 §5.2 with C14N 1.1 dot segments)', () => {
  it('resolves against absolute and relative bases', () => {
    expect(joinUriReferences('http://a/b/c/d;p?q', 'g')).toBe('http://a/b/c/g');
    expect(joinUriReferences('http://a/b/c/d;p?q', '../../g')).toBe('http://a/g');
    expect(joinUriReferences('http://a/b/c/d;p?q', '?y')).toBe('http://a/b/c/d;p?y');
    // Relative results keep the `..` segments they still need (C14N 1.1's change to RFC 3986 §5.2.4).
    expect(joinUriReferences('foo/bar', '../x')).toBe('x');
    expect(joinUriReferences('a/b', '../../../x')).toBe('../../x');
    expect(joinUriReferences('../', '../x')).toBe('../../x');
    expect(joinUriReferences('http://h/a/b/', '../../../x')).toBe('http://h/x');
  });
});
