import type { Element, Node } from '@xmldom/xmldom';
import { joinUriReferences } from './uri-join.js';

/**
 * Canonical XML 1.1 (https://www.w3.org/TR/xml-c14n11/). It renders namespaces like inclusive C14N 1.0
 * and differs in the attributes of the xml: namespace an element whose parent is left out of the node-set
 * (the signed element, or SignedInfo) takes from its ancestors: xml:lang and xml:space are inherited from
 * the nearest ancestor, xml:id never is, and xml:base is joined with the ancestors' values ("xml:base
 * fixup"). canonicalize.ts hands the canonicaliser a copy of the apex with these attributes applied.
 */
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** The xml: attributes an element's ancestors hand down. */
interface InheritedXmlAttributes {
  lang?: string;
  space?: string;
  /** xml:base values of the ancestors, nearest first. */
  bases: string[];
}

/** Reads what `node`'s ancestors hand down; undefined when nothing is inherited. */
function inheritedXmlAttributes(node: Node): InheritedXmlAttributes | undefined {
  const inherited: InheritedXmlAttributes = { bases: [] };
  for (let p = node.parentNode; p && p.nodeType === 1; p = p.parentNode) {
    const el = p as Element;
    const lang = el.getAttributeNodeNS(XML_NS, 'lang');
    const space = el.getAttributeNodeNS(XML_NS, 'space');
    const base = el.getAttributeNodeNS(XML_NS, 'base');
    if (lang && inherited.lang === undefined) inherited.lang = lang.value;
    if (space && inherited.space === undefined) inherited.space = space.value;
    if (base) inherited.bases.push(base.value);
  }
  return inherited.lang === undefined && inherited.space === undefined && inherited.bases.length === 0 ? undefined : inherited;
}

/**
 * A base ending in `..` (or another `.` before its last character) is read as a directory, so that joining
 * onto it climbs up: libxml2's xml:base fixup does this, and xmlsec1 signs with libxml2's C14N 1.1.
 */
function asDirectory(base: string): string {
  return base.length > 1 && base[base.length - 2] === '.' ? `${base}/` : base;
}

/** xml:base fixup: the element's own value (or the nearest ancestor's) joined onto each farther ancestor's in turn. */
function fixedUpBase(own: string | undefined, ancestorBases: string[]): string {
  const chain = own !== undefined ? [own, ...ancestorBases] : ancestorBases;
  let result = chain[0] ?? '';
  for (const base of chain.slice(1)) result = joinUriReferences(asDirectory(base), result);
  return result;
}

function applyInheritance(el: Element, inherited: InheritedXmlAttributes): void {
  if (inherited.lang !== undefined && !el.hasAttributeNS(XML_NS, 'lang')) el.setAttributeNS(XML_NS, 'xml:lang', inherited.lang);
  if (inherited.space !== undefined && !el.hasAttributeNS(XML_NS, 'space')) el.setAttributeNS(XML_NS, 'xml:space', inherited.space);
  if (inherited.bases.length > 0) {
    const own = el.getAttributeNodeNS(XML_NS, 'base')?.value;
    const base = fixedUpBase(own, inherited.bases);
    if (base === '') el.removeAttributeNS(XML_NS, 'base');
    else el.setAttributeNS(XML_NS, 'xml:base', base);
  }
}

/**
 * The apex as C14N 1.1 sees it: `el` itself when its ancestors hand nothing down, otherwise a detached
 * copy carrying the inherited xml:lang, xml:space and fixed-up xml:base (the parsed document is never changed).
 */
export function withInheritedXmlAttributes(el: Element): Element {
  const inherited = inheritedXmlAttributes(el);
  if (!inherited) return el;
  const copy = el.cloneNode(true) as Element;
  applyInheritance(copy, inherited);
  return copy;
}
