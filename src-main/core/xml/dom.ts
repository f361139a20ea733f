/**
 * Namespace constants and the few DOM helpers the engine needs. Every lookup is by namespace URI and local
 * name, never by prefix: an attacker chooses prefixes, and a prefix-based lookup is a wrapping vector.
 */
import type { Element, Node } from '@xmldom/xmldom';

export const NS = Object.freeze({
  SAMLP: 'urn:oasis:names:tc:SAML:2.0:protocol',
  SAML: 'urn:oasis:names:tc:SAML:2.0:assertion',
  DS: 'http://www.w3.org/2000/09/xmldsig#',
  XENC: 'http://www.w3.org/2001/04/xmlenc#',
  MD: 'urn:oasis:names:tc:SAML:2.0:metadata',
  XSI: 'http://www.w3.org/2001/XMLSchema-instance',
});

export const SAMLP_NS = NS.SAMLP;
export const SAML_NS = NS.SAML;
export const DS_NS = NS.DS;
export const XENC_NS = NS.XENC;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const PROCESSING_INSTRUCTION_NODE = 7;
const COMMENT_NODE = 8;

export function isElement(node: Node | null | undefined): node is Element {
  return !!node && node.nodeType === ELEMENT_NODE;
}

/** Direct child elements in `ns`, optionally only those named `localName`, in document order. */
export function childElements(el: Element | Node, ns: string, localName?: string): Element[] {
  const out: Element[] = [];
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (!isElement(child) || child.namespaceURI !== ns) continue;
    if (localName === undefined || child.localName === localName) out.push(child);
  }
  return out;
}

/** The first direct child element `ns:localName`, or undefined. */
export function firstChildElement(el: Element | Node, ns: string, localName: string): Element | undefined {
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (isElement(child) && child.namespaceURI === ns && child.localName === localName) return child;
  }
  return undefined;
}

/**
 * The text of all text and CDATA descendants, in order. Comments and PIs are skipped, which is what a
 * canonicalizing verifier sees; `hasSuspiciousChildNodes` tells callers when that differs from what a naive
 * reader (one that stops at the first text node) would see.
 */
export function elementText(el: Element | Node): string {
  let text = '';
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE || child.nodeType === CDATA_SECTION_NODE) text += child.nodeValue ?? '';
      else if (child.nodeType === ELEMENT_NODE) walk(child);
    }
  };
  walk(el);
  return text;
}

/** True when a comment, CDATA section or processing instruction sits anywhere inside `el` (comment-injection signal). */
export function hasSuspiciousChildNodes(el: Element | Node): boolean {
  for (let child = el.firstChild; child; child = child.nextSibling) {
    const type = child.nodeType;
    if (type === COMMENT_NODE || type === CDATA_SECTION_NODE || type === PROCESSING_INSTRUCTION_NODE) return true;
    if (type === ELEMENT_NODE && hasSuspiciousChildNodes(child)) return true;
  }
  return false;
}

/**
 * `/Response/Assertion/Subject/NameID`: local names from the root down, with a 1-based `[n]` only where
 * siblings share the name, so paths stay readable yet unambiguous.
 */
export function nodePath(el: Element | Node): string {
  const parts: string[] = [];
  for (let node: Node | null = el; node && isElement(node); node = node.parentNode) {
    const parent: Node | null = node.parentNode;
    parts.unshift(parent && isElement(parent) ? labelAmongSiblings(node, parent) : (node.localName ?? node.nodeName));
  }
  return '/' + parts.join('/');
}

/**
 * Each child element's step in a path (`Assertion`, or `Assertion[2]` when siblings share its name), worked
 * out for all children of a parent at once and kept while the parent's children stay the same. Counting the
 * siblings anew for every path made reporting thousands of planted siblings quadratic (fuzzer seed 20261210,
 * index 10568 took 2.3 s).
 */
interface SiblingLabels {
  length: number;
  first: Node | null;
  last: Node | null;
  labels: Map<Node, string>;
}

const siblingLabels = new WeakMap<Node, SiblingLabels>();

function labelAmongSiblings(node: Element, parent: Element): string {
  let known = siblingLabels.get(parent);
  if (!known || known.length !== parent.childNodes.length || known.first !== parent.firstChild || known.last !== parent.lastChild) {
    known = labelChildren(parent);
    siblingLabels.set(parent, known);
  }
  return known.labels.get(node) ?? node.localName ?? node.nodeName;
}

function labelChildren(parent: Element): SiblingLabels {
  const counts = new Map<string, number>();
  const keyOf = (el: Element): string => `${el.namespaceURI ?? ''} ${el.localName ?? el.nodeName}`;
  for (let child: Node | null = parent.firstChild; child; child = child.nextSibling) {
    if (isElement(child)) counts.set(keyOf(child), (counts.get(keyOf(child)) ?? 0) + 1);
  }
  const seen = new Map<string, number>();
  const labels = new Map<Node, string>();
  for (let child: Node | null = parent.firstChild; child; child = child.nextSibling) {
    if (!isElement(child)) continue;
    const key = keyOf(child);
    const index = (seen.get(key) ?? 0) + 1;
    seen.set(key, index);
    const name = child.localName ?? child.nodeName;
    labels.set(child, (counts.get(key) ?? 0) > 1 ? `${name}[${index}]` : name);
  }
  return { length: parent.childNodes.length, first: parent.firstChild, last: parent.lastChild, labels };
}

/** An attribute value, or undefined when absent (xmldom returns null or '' depending on version). */
export function attr(el: Element, name: string): string | undefined {
  return el.hasAttribute(name) ? (el.getAttribute(name) ?? undefined) : undefined;
}
