import { describe, expect, it } from 'vitest';
import { DEFAULT_XML_LIMITS, parseStrictXml, XmlInputError, type XmlErrorId } from '../../../src-main/core/xml/strict-parse.js';

/** Runs the parser and returns the refusal, failing the test if the document was accepted. */
function refusal(xml: string, limits?: Parameters<typeof parseStrictXml>[2]): XmlInputError {
  try {
    parseStrictXml(xml, 'SAML message', limits);
  } catch (err) {
    expect(err).toBeInstanceOf(XmlInputError);
    return err as XmlInputError;
  }
  throw new Error('document was accepted');
}

function expectRefused(xml: string, id: XmlErrorId, limits?: Parameters<typeof parseStrictXml>[2]): XmlInputError {
  const err = refusal(xml, limits);
  expect(err.findingId).toBe(id);
  return err;
}

describe('parseStrictXml: accepted documents', () => {
  it('parses a namespaced SAML response with an XML declaration', () => {
    const doc = parseStrictXml('<?xml version="1.0" encoding="UTF-8"?>\n<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_1"><x>a &amp; b</x></samlp:Response>');
    expect(doc.documentElement?.localName).toBe('Response');
    expect(doc.documentElement?.namespaceURI).toBe('urn:oasis:names:tc:SAML:2.0:protocol');
    expect(doc.documentElement?.textContent).toBe('a & b');
  });

  it('strips a UTF-8 byte order mark', () => {
    const doc = parseStrictXml('\ufeff<?xml version="1.0"?><r/>');
    expect(doc.documentElement?.nodeName).toBe('r');
  });

  it('allows comments and CDATA (reported elsewhere as findings, not parse errors)', () => {
    const doc = parseStrictXml('<!-- top --><r><n>a<!--x-->b<![CDATA[c]]></n></r>');
    expect(doc.documentElement?.textContent).toBe('abc');
  });

  it('accepts numeric character references and the five predefined entities', () => {
    const doc = parseStrictXml('<r>&lt;&gt;&amp;&quot;&apos;&#65;&#x42;</r>');
    expect(doc.documentElement?.textContent).toBe('<>&"\'AB');
  });

  it('accepts a document exactly at the depth and attribute limits', () => {
    const limits = { maxDepth: 3, maxAttributesPerElement: 2 };
    const doc = parseStrictXml('<a x="1" y="2"><b><c/></b></a>', 'x', limits);
    expect(doc.documentElement?.nodeName).toBe('a');
  });

  it('does not count comment or CDATA content as markup when checking limits', () => {
    const doc = parseStrictXml('<r><!-- <a><a><a> --><![CDATA[<b x="1" y="2"><b>]]></r>', 'x', { maxDepth: 1, maxAttributesPerElement: 0 });
    expect(doc.documentElement?.childNodes.length).toBe(2);
  });
});

describe('parseStrictXml: DTD and entities', () => {
  it('refuses a DOCTYPE', () => {
    const err = expectRefused('<?xml version="1.0"?>\n<!DOCTYPE r>\n<r/>', 'xml.dtd');
    expect(err.message).toMatch(/^line 2, column 1: SAML message: contains a <!DOCTYPE declaration/);
    expect(err.line).toBe(2);
  });

  it('refuses an internal entity declaration', () => {
    expectRefused('<!DOCTYPE r [<!ENTITY e "EXPANDED">]><r>&e;</r>', 'xml.dtd');
  });

  it('refuses billion laughs before any expansion', () => {
    const lol = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' +
      Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('') +
      ']><lolz>&lol9;</lolz>';
    expectRefused(lol, 'xml.dtd');
  });

  it('refuses an external entity (XXE)', () => {
    expectRefused('<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>', 'xml.dtd');
  });

  it('refuses a parameter-entity out-of-band XXE', () => {
    expectRefused('<!DOCTYPE r [<!ENTITY % dtd SYSTEM "http://127.0.0.1:2323/evil1.dtd"> %dtd;]><r/>', 'xml.dtd');
  });

  it('refuses a DOCTYPE string hidden in a comment (CVE-2025-25291 shape)', () => {
    expectRefused('<r><!-- <!DOCTYPE r> --></r>', 'xml.dtd');
  });

  it('refuses an unknown entity reference without a declaration', () => {
    const err = expectRefused('<r>&e;</r>', 'xml.malformed');
    expect(err.message).toContain('unknown entity reference &e;');
  });
});

describe('parseStrictXml: processing instructions', () => {
  it('refuses a PI inside the document', () => {
    const err = expectRefused('<r>\n  <?evil x?></r>', 'xml.processing-instruction');
    expect(err.message).toBe('line 2, column 3: SAML message: contains the processing instruction <?evil?>; only the XML declaration is allowed');
  });

  it('refuses a stylesheet PI after the XML declaration', () => {
    expectRefused('<?xml version="1.0"?><?xml-stylesheet href="x.xsl"?><r/>', 'xml.processing-instruction');
  });

  it('refuses a PI after the root element', () => {
    expectRefused('<r/><?pi?>', 'xml.processing-instruction');
  });

  it('refuses an XML declaration that is not at the very start', () => {
    expectRefused('<r/><?xml version="1.0"?>', 'xml.malformed');
  });
});

describe('parseStrictXml: malformed documents', () => {
  it('refuses two root elements, saying so', () => {
    const err = expectRefused('<Response/><Response/>', 'xml.malformed');
    expect(err.message).toContain('more than one root element');
  });

  it('refuses text after the root element', () => {
    const err = expectRefused('<r/>junk', 'xml.malformed');
    expect(err.message).toContain('content after the root element');
  });

  it('names line and column of an unclosed tag', () => {
    const err = expectRefused('<r>\n <a>\n  <b>\n</a></r>', 'xml.malformed');
    expect(err.line).toBe(3);
    expect(err.column).toBe(6);
    expect(err.message).toBe('line 3, column 6: SAML message: is not well-formed XML: Opening and ending tag mismatch: "b" != "a"');
  });

  it('refuses duplicate attributes', () => {
    expectRefused('<r a="1" a="2"/>', 'xml.malformed');
  });

  it('refuses an undeclared namespace prefix', () => {
    expectRefused('<saml:Assertion/>', 'xml.malformed');
  });

  it('refuses an empty document', () => {
    expectRefused('', 'xml.malformed');
  });

  it('refuses plain text', () => {
    expectRefused('hello', 'xml.malformed');
  });

  it('uses the caller-supplied name in messages', () => {
    try {
      parseStrictXml('<a>', 'IdP metadata');
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).toContain('IdP metadata: is not well-formed XML');
    }
  });
});

describe('parseStrictXml: limits', () => {
  it('refuses input longer than maxChars', () => {
    const err = expectRefused('<r>' + 'x'.repeat(100) + '</r>', 'input.too-large', { maxChars: 50 });
    expect(err.message).toContain('exceed the limit of 50 characters');
  });

  it('has documented defaults', () => {
    expect(DEFAULT_XML_LIMITS).toEqual({ maxChars: 2_000_000, maxDepth: 64, maxAttributesPerElement: 256, maxElements: 50_000 });
  });

  it('refuses a depth bomb with the default limit', () => {
    const depth = 100_000;
    const err = expectRefused('<a>'.repeat(depth) + '</a>'.repeat(depth), 'xml.too-deep');
    expect(err.message).toContain('65 deep');
    expect(err.message).toContain('limit of 64');
  });

  it('refuses an attribute bomb', () => {
    const attrs = Array.from({ length: 5000 }, (_, i) => `a${i}="v"`).join(' ');
    const err = expectRefused(`<r>\n<e ${attrs}/></r>`, 'xml.too-many-attributes');
    expect(err.message).toMatch(/^line 2, column 1: .*<e> has more than 256 attributes/);
  });

  it('refuses an element flood as too large', () => {
    const err = expectRefused('<r>' + '<a/>'.repeat(60_000) + '</r>', 'input.too-large');
    expect(err.message).toContain('more than 50000 elements');
  });

  it('honours custom limits', () => {
    expectRefused('<a><b><c/></b></a>', 'xml.too-deep', { maxDepth: 2 });
    expectRefused('<a x="1" y="2" z="3"/>', 'xml.too-many-attributes', { maxAttributesPerElement: 2 });
    expectRefused('<a><b/><b/></a>', 'input.too-large', { maxElements: 2 });
  });
});
