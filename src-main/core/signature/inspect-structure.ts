import type { Document, Element } from '@xmldom/xmldom';
import { DS_NS, SAML_NS, isElement } from '../xml/dom.js';

/**
 * One pass over the document collecting what the XML Signature Wrapping checks need
 * (the eight XSW shapes of Somorovsky et al., "On Breaking SAML", USENIX Security 2012, as SAML Raider
 * builds them: https://github.com/CompassSecurity/SAMLRaider/blob/master/src/main/java/helpers/XSWHelpers.java):
 * every ds:Signature, every Assertion/EncryptedAssertion anywhere (searched like `//`, not only among the
 * root's children, which is all node-saml checks), and every ID-like attribute value.
 */
export interface DocumentStructure {
  root: Element;
  signatures: Element[];
  assertions: Element[];
  /** Value of every ID, Id or id attribute → the elements carrying it. */
  ids: Map<string, Element[]>;
}

const ID_ATTRIBUTES = ['ID', 'Id', 'id'];

export function inspectStructure(doc: Document): DocumentStructure {
  const root = doc.documentElement;
  if (!root) throw new Error('document has no root element');
  const structure: DocumentStructure = { root, signatures: [], assertions: [], ids: new Map() };
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (el.namespaceURI === DS_NS && el.localName === 'Signature') structure.signatures.push(el);
    if (el.namespaceURI === SAML_NS && (el.localName === 'Assertion' || el.localName === 'EncryptedAssertion')) {
      structure.assertions.push(el);
    }
    for (const name of ID_ATTRIBUTES) {
      const value = el.getAttributeNode(name)?.value;
      if (value === undefined) continue;
      const list = structure.ids.get(value);
      if (list) list.push(el);
      else structure.ids.set(value, [el]);
    }
    // Children pushed in reverse so signatures and assertions are collected in document order.
    const children: Element[] = [];
    for (let child = el.firstChild; child; child = child.nextSibling) if (isElement(child)) children.push(child);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return structure;
}

/** True when `node` is `ancestor` or lies inside it. */
export function isWithin(node: Element, ancestor: Element): boolean {
  for (let current: Element | null = node; current; current = current.parentNode as Element | null) {
    if (current === ancestor) return true;
  }
  return false;
}
