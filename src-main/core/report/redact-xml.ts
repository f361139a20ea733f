/**
 * Redacts a SAML message's XML for reports: personal text and attribute values become the report's
 * placeholders, signature values, digests, certificate bytes and ciphertext are dropped. The result no longer
 * verifies (it is not meant to); the report keeps fingerprints and algorithms in its own fields.
 *
 * Two passes (`collect` then `redact`) so every personal value of every message is known before any text is
 * swept: a finding about message 1 may quote a value first read from message 2.
 */
import { XMLSerializer, type CharacterData, type Document, type Element, type Node } from '@xmldom/xmldom';
import { parseStrictXml } from '../xml/strict-parse.js';
import { categoryForAttribute, isMappingExpression } from './personal-attributes.js';
import type { DroppedCategory, PersonalCategory, Redactor } from './redactor.js';
import { ownValue } from '../model/own.js';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const COMMENT_NODE = 8;

/** Element content dropped entirely: it is either bytes nobody needs in a ticket or it encodes personal data. */
const DROPPED_ELEMENTS: Record<string, DroppedCategory> = {
  SignatureValue: 'signature-value',
  DigestValue: 'digest-value',
  X509Certificate: 'certificate-bytes',
  CipherValue: 'ciphertext',
};

/** XML attributes that hold a personal identifier as their whole value. */
const PERSONAL_XML_ATTRIBUTES: Record<string, PersonalCategory> = {
  ID: 'id',
  InResponseTo: 'id',
  SessionIndex: 'id',
  Address: 'address',
};

/**
 * Protocol attributes whose values are fixed vocabulary, times or SP/IdP configuration: never personal, and
 * sweeping them for attribute values (`string`, `bearer` …) could only damage them.
 */
const STRUCTURAL_XML_ATTRIBUTES = new Set([
  'Version', 'IssueInstant', 'NotBefore', 'NotOnOrAfter', 'AuthnInstant', 'SessionNotOnOrAfter', 'Method', 'Format',
  'NameFormat', 'Name', 'FriendlyName', 'Algorithm', 'type', 'Destination', 'Recipient', 'Value', 'ProtocolBinding',
  'AssertionConsumerServiceURL', 'IsPassive', 'ForceAuthn', 'AllowCreate', 'Consent', 'Binding', 'Location', 'use',
]);

function isElement(node: Node | null | undefined): node is Element {
  return !!node && node.nodeType === ELEMENT_NODE;
}

function textOf(el: Element): string {
  let text = '';
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === TEXT_NODE || c.nodeType === CDATA_SECTION_NODE) text += c.nodeValue ?? '';
    else if (isElement(c)) text += textOf(c);
  }
  return text;
}

/** Text and CDATA nodes directly or indirectly inside `el`. */
function textNodesOf(el: Element): Node[] {
  const out: Node[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === TEXT_NODE || c.nodeType === CDATA_SECTION_NODE) out.push(c);
    else if (isElement(c)) out.push(...textNodesOf(c));
  }
  return out;
}

/** Every element in document order, iteratively (documents were depth-limited by the strict parser anyway). */
function elementsOf(doc: Document): Element[] {
  const out: Element[] = [];
  const stack: Node[] = [];
  for (let c = doc.lastChild; c; c = c.previousSibling) stack.push(c);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    out.push(node);
    for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  return out;
}

/** The category of an element's text when the element is personal as a whole (NameID, AttributeValue). */
function personalTextCategory(el: Element): { category: PersonalCategory; seenAs: string } | undefined {
  if (el.localName === 'NameID') return { category: 'nameid', seenAs: 'NameID' };
  if (el.localName === 'AttributeValue') {
    const attribute = el.parentNode as Element | null;
    const name = isElement(attribute) ? (attribute.getAttribute('Name') ?? '') : '';
    const friendly = isElement(attribute) ? (attribute.getAttribute('FriendlyName') ?? undefined) : undefined;
    return { category: categoryForAttribute(name, friendly), seenAs: `attribute "${name}"` };
  }
  return undefined;
}

/** Parses the message for redaction; undefined when it does not parse (callers then drop the XML). */
export function parseForRedaction(xml: string): Document | undefined {
  if (xml.trim() === '') return undefined;
  try {
    return parseStrictXml(xml, 'SAML message');
  } catch {
    return undefined;
  }
}

/** First pass: registers the personal values the document holds. */
export function collectXmlPersonalValues(doc: Document, redactor: Redactor): void {
  for (const el of elementsOf(doc)) {
    const personal = personalTextCategory(el);
    if (personal) {
      const whole = textOf(el);
      if (!isMappingExpression(whole)) {
        redactor.register(whole, personal.category, personal.seenAs);
        // A value split by a comment (comment injection) is registered piece by piece too.
        const pieces = textNodesOf(el);
        if (pieces.length > 1) for (const p of pieces) redactor.register(p.nodeValue ?? '', personal.category, personal.seenAs);
      }
    }
    for (const [attr, category] of Object.entries(PERSONAL_XML_ATTRIBUTES)) {
      const value = el.getAttribute(attr);
      if (value) redactor.register(value, category, `${el.localName}@${attr}`);
    }
  }
}

/** Second pass: rewrites the document in place and serialises it. */
export function redactXmlDocument(doc: Document, redactor: Redactor): string {
  for (const el of elementsOf(doc)) {
    const dropped = ownValue(DROPPED_ELEMENTS, el.localName ?? '');
    if (dropped) {
      while (el.firstChild) el.removeChild(el.firstChild);
      el.appendChild(doc.createTextNode(redactor.drop(dropped, `<${el.localName}>`)));
      continue;
    }
    redactAttributes(el, redactor);
    const personal = personalTextCategory(el);
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (!isCharacterData(c)) continue;
      if (c.nodeType === TEXT_NODE || c.nodeType === CDATA_SECTION_NODE) {
        const text = c.nodeValue ?? '';
        const redacted =
          personal && text.trim() !== '' && !isMappingExpression(text) && redactor.isPersonal(text)
            ? redactor.redactValue(text, personal.category, personal.seenAs)
            : redactor.redactString(text);
        setNodeText(c, redacted);
      } else if (c.nodeType === COMMENT_NODE) {
        setNodeText(c, redactor.sweep(c.nodeValue ?? ''));
      }
    }
  }
  return new XMLSerializer().serializeToString(doc);
}

function redactAttributes(el: Element, redactor: Redactor): void {
  const attrs = el.attributes;
  for (let i = 0; i < attrs.length; i++) {
    const attr = attrs.item(i);
    if (!attr) continue;
    const name = attr.localName ?? attr.name;
    if (attr.name === 'xmlns' || attr.prefix === 'xmlns') continue;
    const value = attr.value;
    let redacted: string;
    const personal = ownValue(PERSONAL_XML_ATTRIBUTES, name);
    if (personal && value.trim() !== '') redacted = redactor.redactValue(value, personal, `${el.localName}@${name}`);
    else if (STRUCTURAL_XML_ATTRIBUTES.has(name)) continue;
    else redacted = redactor.redactString(value);
    if (redacted !== value) attr.value = redacted;
  }
}

function isCharacterData(node: Node): node is CharacterData {
  return node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE || node.nodeType === COMMENT_NODE;
}

/** Replaces a text, CDATA or comment node's text; replaceData keeps xmldom's `data`, `nodeValue` and `length` in step. */
function setNodeText(node: CharacterData, text: string): void {
  if (node.data !== text) node.replaceData(0, node.length, text);
}
