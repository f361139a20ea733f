/**
 * Span-preserving mutators: each changes one region of the document text and leaves the rest byte for
 * byte as signed. Each is a pure function of (document, random stream, donor documents), so an input is
 * reproduced exactly from its (campaign seed, index). A mutator that finds nothing to change returns the
 * document unchanged; the generator then falls back to a byte flip.
 */
import type { Random } from './random.js';
import { attributeSpans, elementSpans, insertAt, localName, replaceSpan, textSpans, type ElementSpan } from './xml-spans.js';

export type Mutator = (xml: string, random: Random, donors: readonly string[]) => string;

const DS = 'http://www.w3.org/2000/09/xmldsig#';
const ALGORITHMS = [
  'http://www.w3.org/2000/09/xmldsig#rsa-sha1', 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512', 'http://www.w3.org/2000/09/xmldsig#hmac-sha1',
  'http://www.w3.org/2000/09/xmldsig#sha1', 'http://www.w3.org/2001/04/xmlenc#sha256', 'http://www.w3.org/2001/10/xml-exc-c14n#',
  'http://www.w3.org/2001/10/xml-exc-c14n#WithComments', 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
  'http://www.w3.org/2006/12/xml-c14n11', 'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
  'http://www.w3.org/TR/1999/REC-xpath-19991116', 'http://www.w3.org/TR/1999/REC-xslt-19991116', 'urn:fuzz:unknown', '',
];
const ENCODINGS = ['UTF-8', 'utf-16', 'UTF-32', 'ISO-8859-1', 'US-ASCII', 'EBCDIC-US', 'windows-1252', 'x-unknown'];
const WEIRD_TEXT = ['', ' ', 'x', '\u0000', '\uFFFE', '\uD800', 'é', '\u200B', '<', ']]>', '&', '\r\n', 'A'.repeat(300)];
const REFERENCES = ['&#0;', '&#xFFFE;', '&#x1F600;', '&lt;', '&amp;', '&#65;', '&#x41;', '&undefined;', '&#xD800;', '&#9;'];

function elements(xml: string, filter: (element: ElementSpan) => boolean = () => true): ElementSpan[] {
  return elementSpans(xml).filter(filter);
}

function named(...names: string[]): (element: ElementSpan) => boolean {
  return (element) => names.includes(localName(element.name));
}

function pickElement(xml: string, random: Random, filter?: (element: ElementSpan) => boolean): ElementSpan | undefined {
  const list = elements(xml, filter);
  return list.length ? random.pick(list) : undefined;
}

/** A position inside some element's content (after its start tag), where a child may go. */
function contentPosition(xml: string, random: Random, filter?: (element: ElementSpan) => boolean): number | undefined {
  const target = pickElement(xml, random, (element) => element.openEnd < element.end && (filter?.(element) ?? true));
  if (!target) return undefined;
  return random.chance(0.5) ? target.openEnd : target.closeStart;
}

const text: Mutator = (xml, random) => {
  const spans = textSpans(xml);
  if (!spans.length) return xml;
  const span = random.pick(spans);
  const at = span.start + random.int(span.end - span.start);
  const choice = random.int(3);
  if (choice === 0) return insertAt(xml, at, random.pick(WEIRD_TEXT));
  if (choice === 1) return xml.slice(0, at) + xml.slice(at + 1);
  return replaceSpan(xml, span, random.pick(WEIRD_TEXT) + xml.slice(span.start, span.end).toUpperCase());
};

const comment: Mutator = (xml, random) => {
  const spans = textSpans(xml);
  const at = spans.length && random.chance(0.7) ? (() => { const s = random.pick(spans); return s.start + random.int(s.end - s.start); })() : contentPosition(xml, random);
  if (at === undefined) return xml;
  return insertAt(xml, at, random.pick(['<!---->', '<!--x-->', '<?pi x?>', '<![CDATA[x]]>']));
};

const duplicate: Mutator = (xml, random) => {
  const element = pickElement(xml, random, (e) => e.start > 0);
  return element ? insertAt(xml, random.chance(0.5) ? element.start : element.end, xml.slice(element.start, element.end)) : xml;
};

const move: Mutator = (xml, random) => {
  const element = pickElement(xml, random, (e) => e.start > 0);
  if (!element) return xml;
  const cut = xml.slice(0, element.start) + xml.slice(element.end);
  const at = contentPosition(cut, random);
  return at === undefined ? xml : insertAt(cut, at, xml.slice(element.start, element.end));
};

const wrap: Mutator = (xml, random) => {
  const element = pickElement(xml, random, (e) => e.start > 0);
  if (!element) return xml;
  const wrapper = random.pick(['f:Wrap xmlns:f="urn:fuzz"', 'ds:Object xmlns:ds="' + DS + '"', 'saml2:Advice xmlns:saml2="urn:oasis:names:tc:SAML:2.0:assertion"', 'samlp:Extensions xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"']);
  const name = wrapper.split(' ')[0];
  return `${xml.slice(0, element.start)}<${wrapper}>${xml.slice(element.start, element.end)}</${name}>${xml.slice(element.end)}`;
};

const idAttributes = (xml: string) => attributeSpans(xml).filter((a) => a.name === 'ID' || a.name === 'URI' || a.name === 'InResponseTo');

const sameId: Mutator = (xml, random) => {
  const ids = attributeSpans(xml).filter((a) => a.name === 'ID');
  if (!ids.length) return xml;
  const value = xml.slice(random.pick(ids).valueStart, random.pick(ids).valueEnd);
  const target = pickElement(xml, random, (e) => e.start > 0);
  if (!target) return xml;
  const tagEnd = xml.lastIndexOf('/>', target.openEnd) === target.openEnd - 2 ? target.openEnd - 2 : target.openEnd - 1;
  return insertAt(xml, tagEnd, ` ID="${value}"`);
};

const idOrUri: Mutator = (xml, random) => {
  const attributes = idAttributes(xml);
  if (!attributes.length) return xml;
  const attribute = random.pick(attributes);
  const value = xml.slice(attribute.valueStart, attribute.valueEnd);
  const replacement = random.pick(['', '#', `${value}x`, value.replace(/^#/, ''), `#xpointer(id('${value.replace(/^#/, '')}'))`, '#xpointer(/)', 'http://example.com/x', ` ${value}`]);
  return replaceSpan(xml, { start: attribute.valueStart, end: attribute.valueEnd }, replacement);
};

const namespace: Mutator = (xml, random) => {
  const declarations = attributeSpans(xml).filter((a) => a.name.startsWith('xmlns'));
  if (declarations.length && random.chance(0.5)) {
    const declaration = random.pick(declarations);
    return replaceSpan(xml, { start: declaration.valueStart, end: declaration.valueEnd }, random.pick(['urn:fuzz', '', DS, 'urn:oasis:names:tc:SAML:2.0:assertion ', 'urn:oasis:names:tc:SAML:2.0:protocol']));
  }
  const element = pickElement(xml, random);
  if (!element) return xml;
  const prefix = element.name.includes(':') ? element.name.slice(0, element.name.indexOf(':')) : '';
  const attribute = random.pick([` xmlns${prefix ? `:${prefix}` : ''}="urn:fuzz"`, ' xmlnsEvil="x"', ' xml:lang="en"', ' xmlns:ds="urn:fuzz"', ' xmlns=""']);
  return insertAt(xml, element.openEnd - (xml[element.openEnd - 2] === '/' ? 2 : 1), attribute);
};

const reference: Mutator = (xml, random) => {
  const spans = textSpans(xml);
  if (!spans.length) return xml;
  const span = random.pick(spans);
  const at = span.start + random.int(span.end - span.start);
  return random.chance(0.5) ? insertAt(xml, at, random.pick(REFERENCES)) : xml.slice(0, at) + `&#${xml.charCodeAt(at)};` + xml.slice(at + 1);
};

const encoding: Mutator = (xml, random) => {
  const declaration = `<?xml version="1.0" encoding="${random.pick(ENCODINGS)}"?>`;
  const body = xml.replace(/^\s*<\?xml[^>]*\?>/, '');
  return random.pick([declaration + body, ` ${declaration}${body}`, `\uFEFF${declaration}${body}`, `<?xml version="1.1"?>${body}`, `\uFEFF\uFEFF${body}`]);
};

const whitespace: Mutator = (xml, random) => {
  const tags = [...xml.matchAll(/<[^<>]+>/g)];
  if (!tags.length) return xml;
  const tag = random.pick(tags);
  const at = tag.index + 1 + random.int(tag[0].length - 1);
  return insertAt(xml, at, random.pick([' ', '\t', '\n', '\r', '\u00A0', '  \n ']));
};

const truncate: Mutator = (xml, random) => xml.slice(0, random.int(xml.length));

const deepNesting: Mutator = (xml, random) => {
  const at = contentPosition(xml, random);
  if (at === undefined) return xml;
  const depth = random.pick([50, 500, 5000, 20000]);
  return insertAt(xml, at, '<f:n xmlns:f="urn:fuzz">'.repeat(depth) + '</f:n>'.repeat(depth));
};

const hugeCount: Mutator = (xml, random) => {
  const at = contentPosition(xml, random);
  if (at === undefined) return xml;
  const count = random.pick([1000, 10000, 40000]);
  const unit = random.pick(['<!---->', '<f:e xmlns:f="urn:fuzz"/>', '<?p?>', ' ', 'a="1" ']);
  return insertAt(xml, at, unit.repeat(count));
};

const byteFlip: Mutator = (xml, random) => {
  if (!xml.length) return xml;
  const at = random.int(xml.length);
  return xml.slice(0, at) + String.fromCharCode(xml.charCodeAt(at) ^ (1 << random.int(7))) + xml.slice(at + 1);
};

const base64Rewrap: Mutator = (xml, random) => {
  const carriers = elements(xml, named('SignatureValue', 'DigestValue', 'X509Certificate', 'CipherValue'));
  if (!carriers.length) return xml;
  const carrier = random.pick(carriers);
  const value = xml.slice(carrier.openEnd, carrier.closeStart).replace(/\s+/g, '');
  const width = random.pick([1, 4, 64, 76]);
  const separator = random.pick(['\n', '\r\n', ' ', '&#13;\n', '\t']);
  const wrapped = value.match(new RegExp(`.{1,${width}}`, 'g'))?.join(separator) ?? '';
  const variant = random.pick([wrapped, `${value}=`, `${value}AAAA`, value.slice(4), `=${value}`, `${value} ${value}`]);
  return xml.slice(0, carrier.openEnd) + variant + xml.slice(carrier.closeStart);
};

const signatureSwap: Mutator = (xml, random, donors) => {
  const signatures = elements(xml, named('Signature'));
  const donorSignatures = donors.flatMap((donor) => elements(donor, named('Signature')).map((s) => donor.slice(s.start, s.end)));
  const own = signatures.map((s) => xml.slice(s.start, s.end));
  const choice = random.int(3);
  if (choice === 0 && signatures.length) {
    const signature = random.pick(signatures);
    return xml.slice(0, signature.start) + xml.slice(signature.end);
  }
  if (choice === 1 && signatures.length && donorSignatures.length) {
    const signature = random.pick(signatures);
    return xml.slice(0, signature.start) + random.pick(donorSignatures) + xml.slice(signature.end);
  }
  const copies = [...own, ...donorSignatures];
  if (!copies.length) return xml;
  const text = random.pick(copies);
  const at = contentPosition(xml, random);
  return at === undefined ? xml : insertAt(xml, at, text);
};

const algorithm: Mutator = (xml, random) => {
  const algorithms = attributeSpans(xml).filter((a) => a.name === 'Algorithm');
  if (!algorithms.length) return xml;
  const attribute = random.pick(algorithms);
  return replaceSpan(xml, { start: attribute.valueStart, end: attribute.valueEnd }, random.pick(ALGORITHMS));
};

/** Takes an element (often an Assertion or a Signature) from another seed and puts it anywhere in this one. */
const splice: Mutator = (xml, random, donors) => {
  if (!donors.length) return xml;
  const donor = random.pick(donors);
  const preferred = elements(donor, named('Assertion', 'EncryptedAssertion', 'Signature', 'KeyInfo', 'Subject', 'AttributeStatement', 'Response'));
  const candidates = preferred.length && random.chance(0.8) ? preferred : elements(donor);
  if (!candidates.length) return xml;
  const part = random.pick(candidates);
  const at = contentPosition(xml, random);
  return at === undefined ? xml : insertAt(xml, at, donor.slice(part.start, part.end));
};

/** Every mutator by name, in a fixed order (the order is part of what (seed, index) means). */
export const MUTATORS: Readonly<Record<string, Mutator>> = {
  text, comment, duplicate, move, wrap, 'same-id': sameId, 'id-or-uri': idOrUri, namespace, reference, encoding,
  whitespace, truncate, 'deep-nesting': deepNesting, 'huge-count': hugeCount, 'byte-flip': byteFlip,
  'base64-rewrap': base64Rewrap, 'signature-swap': signatureSwap, algorithm, splice,
};

export const MUTATOR_NAMES: readonly string[] = Object.keys(MUTATORS);
