import { beforeAll, describe, expect, it } from 'vitest';
import { buildXmlView, type XmlLine } from '../../../src-renderer/lib/xml-view.js';
import { installDomGlobals } from './dom-globals.js';

beforeAll(installDomGlobals);

// An XSW7-shaped document: a copy of the assertion, same ID, hidden in an Extensions element before the signed one.
const WRAPPED = `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r">
  <Extensions><saml:Assertion ID="_a"><saml:Subject><saml:NameID>evil</saml:NameID></saml:Subject></saml:Assertion></Extensions>
  <saml:Assertion ID="_a"><ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"/><saml:Subject><saml:NameID>jane</saml:NameID></saml:Subject></saml:Assertion>
</samlp:Response>`;

const TWO_ASSERTIONS = `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r">
  <saml:Assertion ID="_evil"><saml:Subject><saml:NameID>evil</saml:NameID></saml:Subject></saml:Assertion>
  <saml:Assertion ID="_a"><saml:Subject><saml:NameID>jane</saml:NameID></saml:Subject></saml:Assertion>
</samlp:Response>`;

function lines(xml: string, signedPaths: string[], rejectedSignedPaths: string[] = []): XmlLine[] {
  const view = buildXmlView(xml, { coverage: { signedPaths, rejectedSignedPaths }, identities: [] });
  if (!view.ok) throw new Error(view.error);
  return view.lines;
}

const nameIdLines = (ls: XmlLine[]) => ls.filter((l) => l.path.endsWith('/NameID'));

describe('message view signature marks (drawn from the engine’s paths, never from IDs)', () => {
  it('marks only the element the engine names, not a copy elsewhere with the same ID', () => {
    const [evil, jane] = nameIdLines(lines(WRAPPED, ['/Response/Assertion']));
    expect(evil?.coverage).toBe('none');
    expect(jane?.coverage).toBe('signed');
  });

  it('tells same-named siblings apart by position, as the engine’s paths do', () => {
    const [evil, jane] = nameIdLines(lines(TWO_ASSERTIONS, ['/Response/Assertion[2]']));
    expect(evil?.coverage).toBe('none');
    expect(jane?.coverage).toBe('signed');
  });

  it('marks an element whose signature was not accepted as such, and an accepted one inside it as signed', () => {
    const ls = lines(TWO_ASSERTIONS, ['/Response/Assertion[2]'], ['/Response']);
    expect(ls[0]?.coverage).toBe('signed-rejected');
    const [evil, jane] = nameIdLines(ls);
    expect(evil?.coverage).toBe('signed-rejected');
    expect(jane?.coverage).toBe('signed');
  });

  it('marks nothing when the engine names nothing, whatever IDs the document carries', () => {
    expect(lines(WRAPPED, []).every((l) => l.coverage === 'none')).toBe(true);
  });
});
