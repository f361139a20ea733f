import type { Element, Node } from '@xmldom/xmldom';
import { C14nCanonicalization, type CanonicalizationOrTransformationAlgorithmProcessOptions, type SignedXml } from 'xml-crypto';
import { C14N11, C14N11_WITH_COMMENTS } from './algorithms.js';
import { joinUriReferences } from './uri-join.js';

export { C14N11, C14N11_WITH_COMMENTS };

/**
 * Canonical XML 1.1 (https://www.w3.org/TR/xml-c14n11/) for xml-crypto, which ships only 1.0 and the
 * exclusive forms. 1.1 renders namespaces like inclusive 1.0; it differs in the attributes of the xml:
 * namespace an element whose parent is left out of the node-set (the signed element) takes from its
 * ancestors: xml:lang and xml:space are inherited from the nearest ancestor, xml:id never is, and xml:base
 * is joined with the ancestors' values ("xml:base fixup").
 */
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** The xml: attributes the signed element's omitted ancestors hand down, read before xml-crypto clones it. */
export interface InheritedXmlAttributes {
  lang?: string;
  space?: string;
  /** xml:base values of the ancestors, nearest first. */
  bases: string[];
}

type Options = CanonicalizationOrTransformationAlgorithmProcessOptions & { inheritedXml?: InheritedXmlAttributes };
/** The node type xml-crypto declares (the DOM's), which is @xmldom/xmldom's at run time. */
type XmlCryptoNode = Parameters<C14nCanonicalization['process']>[0];

/** Reads what `node`'s ancestors hand down; undefined when nothing is inherited. */
export function inheritedXmlAttributes(node: Node): InheritedXmlAttributes | undefined {
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

export class C14n11Canonicalization extends C14nCanonicalization {
  override process(input: XmlCryptoNode, options: Options): string {
    // Only the detached copy of the signed element is an apex whose ancestors were omitted; a document
    // re-parsed between transforms has no omitted ancestors.
    const node = input as unknown as Node;
    const inherited = options.inheritedXml;
    if (inherited && node.nodeType === 1 && !node.parentNode) applyInheritance(node as Element, inherited);
    return super.process(input, options);
  }

  override getAlgorithmName(): never {
    return C14N11 as never;
  }
}

export class C14n11CanonicalizationWithComments extends C14n11Canonicalization {
  constructor() {
    super();
    this.includeComments = true;
  }

  override getAlgorithmName(): never {
    return C14N11_WITH_COMMENTS as never;
  }
}

type Canonicalize = (transforms: unknown, node: Node, options: Options, flags: unknown) => string;

/**
 * Registers C14N 1.1 on one SignedXml instance. xml-crypto canonicalizes a detached copy of each node, so
 * the ancestors' xml: attributes are read from the original first and handed to the canonicalizer.
 */
export function registerC14n11(sig: SignedXml): void {
  const algorithms = sig.CanonicalizationAlgorithms as Record<string, unknown>;
  algorithms[C14N11] = C14n11Canonicalization;
  algorithms[C14N11_WITH_COMMENTS] = C14n11CanonicalizationWithComments;
  const target = sig as unknown as { canonicalize: Canonicalize };
  const canonicalize = target.canonicalize.bind(sig);
  target.canonicalize = (transforms, node, options, flags) => {
    const inherited = inheritedXmlAttributes(node);
    return canonicalize(transforms, node, inherited ? { ...options, inheritedXml: inherited } : options, flags);
  };
}
