import { describe, expect, it } from 'vitest';
import { childElements, elementText, firstChildElement, hasSuspiciousChildNodes, nodePath, NS } from '../../../src-main/core/xml/dom.js';
import { parseStrictXml } from '../../../src-main/core/xml/strict-parse.js';

const RESPONSE = `<samlp:Response xmlns:samlp="${NS.SAMLP}" xmlns:saml="${NS.SAML}">
  <saml:Issuer>idp</saml:Issuer>
  <saml:Assertion>
    <saml:Subject><saml:NameID>alice@example.com</saml:NameID></saml:Subject>
    <saml:AttributeStatement>
      <saml:Attribute Name="a"><saml:AttributeValue>1</saml:AttributeValue></saml:Attribute>
      <saml:Attribute Name="b"><saml:AttributeValue>2</saml:AttributeValue><saml:AttributeValue>3</saml:AttributeValue></saml:Attribute>
    </saml:AttributeStatement>
  </saml:Assertion>
  <other:Assertion xmlns:other="urn:not-saml"/>
</samlp:Response>`;

const root = () => parseStrictXml(RESPONSE).documentElement!;

describe('dom helpers', () => {
  it('finds children by namespace, not by prefix', () => {
    const assertions = childElements(root(), NS.SAML, 'Assertion');
    expect(assertions).toHaveLength(1);
    expect(childElements(root(), 'urn:not-saml')).toHaveLength(1);
    expect(childElements(root(), NS.SAML).map((e) => e.localName)).toEqual(['Issuer', 'Assertion']);
  });

  it('firstChildElement returns undefined when absent', () => {
    expect(firstChildElement(root(), NS.SAML, 'Issuer')?.textContent).toBe('idp');
    expect(firstChildElement(root(), NS.SAMLP, 'Status')).toBeUndefined();
  });

  it('builds readable paths with indexes only for repeated siblings', () => {
    const assertion = firstChildElement(root(), NS.SAML, 'Assertion')!;
    const nameId = firstChildElement(firstChildElement(assertion, NS.SAML, 'Subject')!, NS.SAML, 'NameID')!;
    expect(nodePath(nameId)).toBe('/Response/Assertion/Subject/NameID');
    const attrs = childElements(firstChildElement(assertion, NS.SAML, 'AttributeStatement')!, NS.SAML, 'Attribute');
    const values = childElements(attrs[1]!, NS.SAML, 'AttributeValue');
    expect(nodePath(values[1]!)).toBe('/Response/Assertion/AttributeStatement/Attribute[2]/AttributeValue[2]');
    expect(nodePath(root())).toBe('/Response');
  });

  it('nodePath follows the document when siblings are removed or added after a path was taken', () => {
    const doc = parseStrictXml('<r><a/><b/><a/></r>');
    const [first, second] = Array.from(doc.getElementsByTagName('a'));
    expect(nodePath(second!)).toBe('/r/a[2]');
    doc.documentElement!.removeChild(first!);
    expect(nodePath(second!)).toBe('/r/a');
    doc.documentElement!.appendChild(doc.createElement('a'));
    expect(nodePath(second!)).toBe('/r/a[1]');
  });

  it('elementText joins text and CDATA and ignores comments', () => {
    const doc = parseStrictXml('<n>admin@example.com<!---->.evil.com<![CDATA[!]]><i>x</i></n>');
    expect(elementText(doc.documentElement!)).toBe('admin@example.com.evil.com!x');
  });

  it('hasSuspiciousChildNodes detects comments, CDATA and nested ones', () => {
    const check = (xml: string) => hasSuspiciousChildNodes(parseStrictXml(xml).documentElement!);
    expect(check('<n>plain@example.com</n>')).toBe(false);
    expect(check('<n>admin@example.com<!---->.evil.com</n>')).toBe(true);
    expect(check('<n><![CDATA[a]]></n>')).toBe(true);
    expect(check('<n><i><!--x--></i></n>')).toBe(true);
  });
});
