/** What XML 1.0 and Namespaces in XML forbid and xmldom accepts: each refused with what and where. */
import { describe, expect, it } from 'vitest';
import { parseStrictXml, XmlInputError } from '../../../src-main/core/xml/strict-parse.js';
import { decodeInput } from '../../../src-main/core/input/decode.js';

function refusal(xml: string): XmlInputError {
  try {
    parseStrictXml(xml, 'SAML message');
  } catch (error) {
    if (error instanceof XmlInputError) return error;
    throw error;
  }
  throw new Error(`accepted: ${xml}`);
}

describe('parseStrictXml: XML 1.0 well-formedness xmldom does not check', () => {
  it.each([
    ['an XML declaration after leading whitespace', ' \n<?xml version="1.0"?><r/>', /XML declaration .* must be the very first thing/],
    ['"/ >" closing an empty-element tag', '<r><a/ ></r>', /line 1, column 6: .*"\/" inside the tag <a> must be followed directly by ">"/],
    ['&#0;', '<r>a&#0;</r>', /line 1, column 5: .*character reference &#0; names U\+0000/],
    ['&#xFFFE;', '<r a="&#xFFFE;"/>', /character reference &#xFFFE; names U\+FFFE/],
    ['a character reference beyond Unicode', '<r>&#x110000;</r>', /names U\+110000/],
    ['a raw control character', '<r>a\u0001</r>', /character U\+0001 is not allowed/],
    ['a lone surrogate', '<r>a\ud800</r>', /character U\+D800 is not allowed/],
    ['a namespace name with whitespace', '<p:r xmlns:p=" urn:x"/>', /namespace name " urn:x" declared by xmlns:p on <p:r> contains whitespace/],
    ['an attribute named xmlnsEvil', '<r><n xmlnsEvil="x">v</n></r>', /attribute xmlnsEvil on <n> uses a reserved name/],
    ['an attribute named XMLfoo', '<r XMLfoo="x"/>', /attribute XMLfoo on <r> uses a reserved name/],
    ['"]]>" in text (fuzzer seed 20261206, index 7393)', '<r><a>x]]>y</a></r>', /line 1, column 8: .*the text contains "\]\]>"/],
    ['a relative namespace name (fuzzer seed 20261206, index 7789)', '<r><a xmlns:xs="(ttp://www.w3.org/2001/XMLSchema"/></r>', /namespace name "\(ttp:\/\/www.w3.org\/2001\/XMLSchema" declared by xmlns:xs on <a> is not an absolute URI/],
    ['an attribute without a value, split by whitespace (fuzzer seed 20261207, index 15850)', '<r><s Valu  \n e="x"/></r>', /attribute "Valu" has no value/],
    ['an attribute value without quotes', '<r a=b/>', /attribute value b is not in quotes/],
    ['two attributes without whitespace between them', '<r a="1"b="2"/>', /attributes must be separated by whitespace \(none after attribute a\)/],
    ['a namespace name with a character no URI has (fuzzer seed 20261207, index 26706)', '<r xmlns:ds="http://www>w3.org/2000/09/xmldsig#"/>', /namespace name "http:\/\/www>w3.org\/2000\/09\/xmldsig#" declared by xmlns:ds on <r> contains ">", which a URI never does/],
    ['a namespace name with a broken percent escape', '<r xmlns="urn:x%zz"/>', /contains "%", which a URI never does/],
    ['a "]" in a namespace name outside an IP-literal host (fuzzer seed 20261210, index 626653)', '<r xmlns:xsd="http://www.w3.org/2001/X]LSchema"/>', /contains "\]", which a URI never does/],
    ['a second "#" in a namespace name (fuzzer seed 20261211, index 714033)', '<r xmlns:ds="http://www.w#.org/2000/09/xmldsig#"/>', /namespace name "http:\/\/www.w#.org\/2000\/09\/xmldsig#" declared by xmlns:ds on <r> is not a URI: it has a second "#", which a fragment cannot hold \(RFC 3986\)/],
    ['a namespace name whose port is not a number', '<r xmlns="http://example.com:80a/ns"/>', /is not a URI: its port is not a number/],
    ['a namespace name with two "@" in its authority', '<r xmlns="http://a@b@c/ns"/>', /is not a URI: it does not follow the URI syntax/],
    ['a bare "&" in text (fuzzer seed 20261210, index 53849)', '<r><c>ab&/cd</c></r>', /line 1, column 9: .*an "&" that starts no entity or character reference/],
    ['a bare "&" before a space', '<r>a & b</r>', /an "&" that starts no entity or character reference/],
    ['a bare "&" in an attribute value', '<r a="x&/y"/>', /an "&" that starts no entity or character reference/],
  ])('refuses %s', (_, xml, message) => {
    const err = refusal(xml);
    expect(err.findingId).toBe('xml.malformed');
    expect(err.message).toMatch(message);
  });

  it('still accepts what is allowed', () => {
    for (const xml of ['<?xml version="1.0"?><r/>', '<r xml:lang="en" xmlns="urn:x" xmlns:p="urn:p" p:a="1">&#x9;&#xD;&#x10FFFF;&#65;</r>', '<r><!-- &#0; in a comment is text --></r>'.replace('&#0;', 'amp'), '<r>a / > b</r>', '<r a="x/y"/>', '<r a="]]>"><!-- ]]> --><![CDATA[ ]] ]]></r>', '<r xmlns="" xmlns:u="urn:x"/>', '<r xmlns:v6="http://[2001:db8::1]/ns"/>',
      // Namespace names real messages carry, and URI forms RFC 3986 allows.
      '<r xmlns:saml2="urn:oasis:names:tc:SAML:2.0:assertion" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" xmlns:xenc="http://www.w3.org/2001/04/xmlenc#" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>',
      '<r xmlns:a="https://user:pw@example.com:8443/a/b;c=d/?q=1&amp;r=2#frag/x?y" xmlns:b="mailto:someone@example.com" xmlns:c="tag:example.com,2026:ns" xmlns:d="file:///tmp/ns" xmlns:e="http://例え.jp/ns" xmlns:f="urn:x:%41"/>']) {
      expect(() => parseStrictXml(xml), xml).not.toThrow();
    }
  });
});

describe('decodeInput: encoding declarations that do not describe the text', () => {
  const doc = (label: string, body = 'x') => `<?xml version="1.0" encoding="${label}"?><samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_r" Version="2.0">${body}</samlp:Response>`;
  const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

  it.each(['UTF-16', 'utf-16le', 'UTF-32', 'IBM037', 'EBCDIC-CP-US', 'cp500'])('refuses encoding="%s" on UTF-8 text, pasted or in base64', (label) => {
    for (const input of [doc(label), b64(doc(label))]) {
      const result = decodeInput(input);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.finding.id).toBe('input.decode-failed');
        expect(result.finding.message).toContain(`encoding="${label}"`);
      }
    }
  });

  it('refuses US-ASCII on text that is not ASCII, accepts it on ASCII', () => {
    const bad = decodeInput(doc('US-ASCII', 'é'));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.finding.message).toMatch(/non-ASCII character U\+00E9/);
    expect(decodeInput(doc('US-ASCII')).ok).toBe(true);
    expect(decodeInput(doc('UTF-8', 'é')).ok).toBe(true);
  });

  it('refuses an encoding label samlscope does not know, pasted or in base64, as decodeXmlBytes does (fuzzer seed 7, index 3956)', () => {
    for (const input of [doc('x-unknown'), `\uFEFF${doc('x-unknown')}`, b64(doc('x-unknown'))]) {
      const result = decodeInput(input);
      expect(result.ok, input.slice(0, 60)).toBe(false);
      if (!result.ok) {
        expect(result.finding.id).toBe('input.decode-failed');
        expect(result.finding.message).toContain('encoding="x-unknown"');
      }
    }
  });

  it('accepts Latin labels on pasted text (it is characters already) and on bytes', () => {
    for (const label of ['ISO-8859-1', 'latin1', 'windows-1252', 'cp1252']) {
      expect(decodeInput(doc(label, 'é')).ok, label).toBe(true);
      expect(decodeInput(Buffer.from(doc(label, 'é'), 'latin1').toString('base64')).ok, label).toBe(true);
    }
  });

  it('accepts UTF-16 with its byte order mark and label', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(doc('UTF-16'), 'utf16le')]);
    expect(decodeInput(bytes.toString('base64')).ok).toBe(true);
  });
});

describe('decodeInput: what surrounds the document (fuzzer seed 7, indexes 3589 and 4267)', () => {
  const doc = '<?xml version="1.0" encoding="UTF-8"?><samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_r" Version="2.0">x</samlp:Response>';
  const b64 = (bytes: Buffer) => bytes.toString('base64');
  const refused = (input: string, id: string, message: RegExp) => {
    const result = decodeInput(input);
    expect(result.ok, JSON.stringify(input.slice(0, 20))).toBe(false);
    if (!result.ok) {
      expect(result.finding.id).toBe(id);
      expect(result.finding.message).toMatch(message);
    }
  };

  it('refuses an XML declaration after leading whitespace, pasted or in base64', () => {
    refused(` ${doc}`, 'xml.malformed', /XML declaration "<\?xml" is at position 2, after 1 whitespace character; XML allows the declaration only at the very start/);
    refused(`\uFEFF\n\t${doc}`, 'xml.malformed', /"<\?xml" is at position 4, after 2 whitespace characters/);
    refused(b64(Buffer.from(`\r\n${doc}`)), 'xml.malformed', /after 2 whitespace characters/);
  });

  it('refuses a second byte order mark and non-XML whitespace before the first tag or after the last', () => {
    refused(`\uFEFF\uFEFF${doc}`, 'xml.malformed', /character U\+FEFF \(a second byte order mark\) at position 2, before the first tag/);
    refused(`\u00A0${doc}`, 'xml.malformed', /character U\+00A0, which is not XML whitespace, at position 1/);
    refused(`${doc}\n\u2028`, 'xml.malformed', /character U\+2028, which is not XML whitespace, at position \d+, after the last tag/);
    refused(b64(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]), Buffer.from(doc)])), 'input.decode-failed', /starts with two byte order marks/);
  });

  it('still accepts one byte order mark, whitespace around an element without a declaration, and whitespace after the document', () => {
    for (const input of [`\uFEFF${doc}`, `${doc}\n\n`, `\n  ${doc.replace(/^<\?xml[^>]*>/, '')}\r\n`, b64(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(doc)]))]) {
      expect(decodeInput(input).ok, JSON.stringify(input.slice(0, 20))).toBe(true);
    }
  });
});
