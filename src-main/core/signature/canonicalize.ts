/**
 * Canonicalization for XML signature checks, with xml-crypto's canonicalisers but without its XPath-based
 * plumbing: the caller hands over the element itself (found through the strict parser's ID index), so no
 * node-set is ever searched or sorted (xml-crypto's `//*[@ID=…]` and `.//comment()` lookups are quadratic in
 * the number of nodes).
 *
 * The steps follow xml-crypto 6.x `SignedXml.canonicalize` so a signature verifies here exactly when it
 * verifies there: https://github.com/node-saml/xml-crypto/blob/master/src/signed-xml.ts
 */
import type { Element, Node } from '@xmldom/xmldom';
// The canonicaliser modules themselves, not the package index: the index also loads SignedXml, its
// signature and hash algorithms and node:util, which this module never uses (most of xml-crypto's load
// time at CLI start-up).
import { C14nCanonicalization, C14nCanonicalizationWithComments } from 'xml-crypto/lib/c14n-canonicalization.js';
import { ExclusiveCanonicalization, ExclusiveCanonicalizationWithComments } from 'xml-crypto/lib/exclusive-canonicalization.js';
import { DS_NS } from '../xml/dom.js';
import { parseStrictXml } from '../xml/strict-parse.js';
import { C14N, C14N11, C14N11_WITH_COMMENTS, C14N_WITH_COMMENTS, ENVELOPED_SIGNATURE, EXC_C14N, EXC_C14N_WITH_COMMENTS } from './algorithms.js';
import { withInheritedXmlAttributes } from './c14n11.js';

interface NamespaceBinding {
  prefix: string;
  namespaceURI: string;
}

interface CanonicalizerOptions {
  ancestorNamespaces?: NamespaceBinding[];
  inclusiveNamespacesPrefixList?: string[];
  defaultNsForPrefix?: Record<string, string>;
}

/** The element type xml-crypto's canonicalisers declare: lib.dom's, which @xmldom/xmldom's is at run time. */
type XmlCryptoElement = Parameters<ExclusiveCanonicalization['process']>[0];

/**
 * xml-crypto types its canonicalisers against lib.dom's nodes but runs them on @xmldom/xmldom's, the parser it
 * uses itself; the two typings of the same DOM differ only in members neither side uses here. This is the one
 * place the two meet.
 */
function asXmlCryptoElement(el: Element): XmlCryptoElement {
  // eslint-disable-next-line no-restricted-syntax -- the documented boundary between two typings of one DOM, above
  return el as unknown as XmlCryptoElement;
}

/** Canonicalises one element (the apex) with the algorithm it was made for. */
type Canonicalize = (el: Element, options: CanonicalizerOptions) => string;

function using(make: () => { process(el: XmlCryptoElement, options: CanonicalizerOptions): string }): Canonicalize {
  return (el, options) => make().process(asXmlCryptoElement(el), options);
}

const exclusive = using(() => new ExclusiveCanonicalization());
const exclusiveWithComments = using(() => new ExclusiveCanonicalizationWithComments());
const inclusive = using(() => new C14nCanonicalization());
const inclusiveWithComments = using(() => new C14nCanonicalizationWithComments());

/** Each c14n algorithm and its variant without comments (a same-document reference drops comments). */
const CANONICALIZERS: Record<string, { withComments: Canonicalize; withoutComments: Canonicalize }> = {
  [EXC_C14N]: { withComments: exclusive, withoutComments: exclusive },
  [EXC_C14N_WITH_COMMENTS]: { withComments: exclusiveWithComments, withoutComments: exclusive },
  [C14N]: { withComments: inclusive, withoutComments: inclusive },
  [C14N_WITH_COMMENTS]: { withComments: inclusiveWithComments, withoutComments: inclusive },
  // C14N 1.1 renders like inclusive 1.0 once the apex carries the xml: attributes it inherits (c14n11.ts).
  [C14N11]: { withComments: inclusive, withoutComments: inclusive },
  [C14N11_WITH_COMMENTS]: { withComments: inclusiveWithComments, withoutComments: inclusive },
};

/** xml-crypto's default prefix map, used when a prefix has no binding in the canonicalised subtree. */
const DEFAULT_NS_FOR_PREFIX = Object.freeze({ ds: DS_NS });

/**
 * The namespace declarations in scope at `el` from its ancestors, nearest binding per prefix, without
 * undeclarations and without prefixes `el` itself declares or uses (xml-crypto `findAncestorNsForElement`).
 */
export function ancestorNamespacesOf(el: Element): NamespaceBinding[] {
  const nearest = new Map<string, string>();
  for (let node = el.parentNode; node && node.nodeType === 1; node = node.parentNode) {
    const attributes = (node as Element).attributes;
    for (let i = 0; i < attributes.length; i++) {
      const name = attributes[i]!.nodeName;
      if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
      const prefix = name === 'xmlns' ? '' : name.slice(6);
      if (!nearest.has(prefix)) nearest.set(prefix, attributes[i]!.nodeValue ?? '');
    }
  }
  const own = new Set<string>([el.prefix ?? '']);
  for (let i = 0; i < el.attributes.length; i++) {
    const name = el.attributes[i]!.nodeName;
    if (name === 'xmlns') own.add('');
    else if (name.startsWith('xmlns:')) own.add(name.slice(6));
  }
  const out: NamespaceBinding[] = [];
  for (const [prefix, namespaceURI] of nearest) {
    if (namespaceURI !== '' && !own.has(prefix)) out.push({ prefix, namespaceURI });
  }
  return out;
}

/** The canonicalisers of an algorithm URI; only the listed ones (a URI like `constructor` names none). */
function canonicalizersOf(uri: string): (typeof CANONICALIZERS)[string] | undefined {
  return Object.hasOwn(CANONICALIZERS, uri) ? CANONICALIZERS[uri] : undefined;
}

export function isCanonicalizationAlgorithm(uri: string): boolean {
  return canonicalizersOf(uri) !== undefined;
}

/** Canonicalises SignedInfo (comments kept when the algorithm says so, as xml-crypto's getCanonXml does). */
export function canonicalizeSignedInfo(signedInfo: Element, algorithm: string): string {
  const canonicalizer = canonicalizersOf(algorithm);
  if (!canonicalizer) throw new Error(`canonicalization algorithm ${algorithm} is not supported`);
  const options: CanonicalizerOptions = { ancestorNamespaces: ancestorNamespacesOf(signedInfo), defaultNsForPrefix: { ...DEFAULT_NS_FOR_PREFIX } };
  return canonicalizer.withComments(unchangedOrCopy(signedInfo, algorithm, options), options);
}

/** A reference's transforms, as read from the verified (canonical) SignedInfo. */
export interface ReferenceTransforms {
  algorithms: string[];
  inclusiveNamespacesPrefixList: string[];
}

/**
 * Applies a same-document reference's transforms to `target` and returns the octets to digest.
 * `signature` is the ds:Signature the enveloped-signature transform removes. Comments are dropped, as for
 * every same-document URI. The parsed document is left as it was: the signature is detached only while
 * the element is canonicalised (copying the element, as xml-crypto does, costs more than the digest).
 */
export function canonicalizeReference(target: Element, signature: Element, transforms: ReferenceTransforms): string {
  const algorithms = [...transforms.algorithms];
  // xml-crypto's loadReference: a node-set left at the end is turned into octets with inclusive C14N.
  if (algorithms.length === 0 || algorithms[algorithms.length - 1] === ENVELOPED_SIGNATURE) algorithms.push(C14N);
  const options: CanonicalizerOptions = {
    ancestorNamespaces: ancestorNamespacesOf(target),
    inclusiveNamespacesPrefixList: transforms.inclusiveNamespacesPrefixList,
    defaultNsForPrefix: { ...DEFAULT_NS_FOR_PREFIX },
  };
  let current: Element = target;
  let currentSignature: Element | undefined = isWithin(signature, target) ? signature : undefined;
  let detached: { node: Element; parent: Node; next: Node | null } | undefined;
  let octets: string | undefined;
  try {
    for (const algorithm of algorithms) {
      if (octets !== undefined) {
        // A transform after one that produced octets works on those octets parsed again (XML-DSig §4.4.3.2);
        // xml-crypto refuses octets that are not well-formed and finds the signature again by its value.
        ({ element: current, signature: currentSignature } = reparse(octets, signature));
        options.ancestorNamespaces = [];
        octets = undefined;
      }
      if (algorithm === ENVELOPED_SIGNATURE) {
        const parent = currentSignature?.parentNode;
        if (currentSignature && parent) {
          if (current === target) detached ??= { node: currentSignature, parent, next: currentSignature.nextSibling };
          parent.removeChild(currentSignature);
        }
        currentSignature = undefined;
        continue;
      }
      const canonicalizer = canonicalizersOf(algorithm);
      if (!canonicalizer) throw new Error(`transform ${algorithm} is not supported`);
      const input = current === target ? unchangedOrCopy(current, algorithm, options) : current;
      octets = canonicalizer.withoutComments(input, options);
    }
  } finally {
    if (detached) detached.parent.insertBefore(detached.node, detached.next);
  }
  return octets!;
}

/**
 * Exclusive c14n adds the InclusiveNamespaces prefixes found on ancestors as attributes of the element it
 * is given, and C14N 1.1 the xml: attributes the apex inherits; only then is a copy needed to keep the
 * parsed document unchanged.
 */
function unchangedOrCopy(el: Element, algorithm: string, options: CanonicalizerOptions): Element {
  if (algorithm === C14N11 || algorithm === C14N11_WITH_COMMENTS) return withInheritedXmlAttributes(el);
  if (algorithm !== EXC_C14N && algorithm !== EXC_C14N_WITH_COMMENTS) return el;
  const ancestors = options.ancestorNamespaces ?? [];
  if (ancestors.length === 0) return el;
  let prefixes = options.inclusiveNamespacesPrefixList ?? [];
  if (prefixes.length === 0) {
    // ExclusiveCanonicalization.process reads CanonicalizationMethod/InclusiveNamespaces of the element itself.
    const method = childByLocalName(el, 'CanonicalizationMethod');
    const inclusive = method ? childByLocalName(method, 'InclusiveNamespaces') : undefined;
    prefixes = (inclusive?.getAttribute('PrefixList') ?? '').split(' ');
  }
  const changes = prefixes.some((prefix) => ancestors.some((a) => a.prefix === prefix));
  return changes ? (el.cloneNode(true) as Element) : el;
}

function childByLocalName(el: Element, localName: string): Element | undefined {
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 1 && (c as Element).localName === localName) return c as Element;
  return undefined;
}

function isWithin(node: Node, ancestor: Node): boolean {
  for (let current: Node | null = node.parentNode; current; current = current.parentNode) if (current === ancestor) return true;
  return false;
}

function reparse(octets: string, signature: Element): { element: Element; signature?: Element } {
  const element = parseStrictXml(octets, 'transformed signed content').documentElement!;
  const value = signatureValueText(signature);
  const matches: Element[] = [];
  const stack: Element[] = [element];
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (el.namespaceURI === DS_NS && el.localName === 'Signature' && signatureValueText(el) === value) matches.push(el);
    for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) stack.push(c as Element);
  }
  if (matches.length > 1) throw new Error('the transformed content holds several signatures with the same SignatureValue');
  return matches[0] ? { element, signature: matches[0] } : { element };
}

function signatureValueText(signature: Element): string | undefined {
  for (let c = signature.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1 && (c as Element).namespaceURI === DS_NS && (c as Element).localName === 'SignatureValue') return (c as Element).textContent ?? '';
  }
  return undefined;
}
