/**
 * The content of a ds:Signature checked against the XML Signature schema
 * (https://www.w3.org/TR/xmldsig-core1/#sec-Signature): SignedInfo, SignatureValue, an optional KeyInfo
 * with its known children, and Object, in that order and each as often as the schema allows (a second
 * SignatureValue or KeyInfo, or a KeyInfo before SignatureValue, is what libxml2-based verifiers such as
 * xmlsec1 refuse as "unexpected node"). Anything else is refused, not skipped: the enveloped-signature
 * transform removes the whole Signature before digesting, so whatever hides inside it is never covered by
 * the signature that carries it (an unsigned Assertion in KeyInfo still lets the Response signature verify).
 */
import type { Element, Node } from '@xmldom/xmldom';
import { DS_NS, elementText, nodePath } from '../xml/dom.js';
import { decodeSignatureBase64 } from './strict-base64.js';
import { ownValue } from '../model/own.js';

const EXC_C14N_NS = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const DSIG11_NS = 'http://www.w3.org/2009/xmldsig11#';

/** What may appear where, as `namespace localName` keys; `text` says whether non-whitespace text is allowed. */
interface ContentRule {
  children: ReadonlySet<string>;
  text: boolean;
  /** Children whose own content is not constrained further (algorithm parameters, key values). */
  open?: boolean;
}

const ds = (...names: string[]): string[] => names.map((n) => `${DS_NS} ${n}`);

const RULES: Record<string, ContentRule> = {
  Signature: { children: new Set(ds('SignedInfo', 'SignatureValue', 'KeyInfo', 'Object')), text: false },
  SignedInfo: { children: new Set(ds('CanonicalizationMethod', 'SignatureMethod', 'Reference')), text: false },
  CanonicalizationMethod: { children: new Set([`${EXC_C14N_NS} InclusiveNamespaces`]), text: false },
  SignatureMethod: { children: new Set(ds('HMACOutputLength')), text: false },
  Reference: { children: new Set(ds('Transforms', 'DigestMethod', 'DigestValue')), text: false },
  Transforms: { children: new Set(ds('Transform')), text: false },
  Transform: { children: new Set([`${EXC_C14N_NS} InclusiveNamespaces`, ...ds('XPath')]), text: false },
  DigestMethod: { children: new Set(), text: false },
  DigestValue: { children: new Set(), text: true },
  SignatureValue: { children: new Set(), text: true },
  KeyInfo: { children: new Set(ds('KeyName', 'KeyValue', 'RetrievalMethod', 'X509Data', 'PGPData', 'SPKIData', 'MgmtData')), text: false },
  X509Data: { children: new Set(ds('X509IssuerSerial', 'X509SKI', 'X509SubjectName', 'X509Certificate', 'X509CRL')), text: false },
  X509Certificate: { children: new Set(), text: true },
  KeyName: { children: new Set(), text: true },
  KeyValue: { children: new Set([...ds('RSAKeyValue', 'DSAKeyValue'), `${DSIG11_NS} ECKeyValue`]), text: false },
  X509IssuerSerial: { children: new Set(ds('X509IssuerName', 'X509SerialNumber')), text: false },
  X509IssuerName: { children: new Set(), text: true },
  X509SerialNumber: { children: new Set(), text: true },
  X509SubjectName: { children: new Set(), text: true },
  X509SKI: { children: new Set(), text: true },
  X509CRL: { children: new Set(), text: true },
  RSAKeyValue: { children: new Set(ds('Modulus', 'Exponent')), text: false },
  Modulus: { children: new Set(), text: true },
  Exponent: { children: new Set(), text: true },
  // Parameters whose content SAML never uses; their inside is left to the algorithm checks.
  InclusiveNamespaces: { children: new Set(), text: false },
  HMACOutputLength: { children: new Set(), text: true },
  XPath: { children: new Set(), text: true, open: true },
  DSAKeyValue: { children: new Set(), text: false, open: true },
  ECKeyValue: { children: new Set(), text: false, open: true },
  RetrievalMethod: { children: new Set(), text: false, open: true },
  PGPData: { children: new Set(), text: false, open: true },
  SPKIData: { children: new Set(), text: false, open: true },
  MgmtData: { children: new Set(), text: true },
  // ds:Object is refused by the wrapping checks (XSW8); its content is not judged here.
  Object: { children: new Set(), text: true, open: true },
};

/** One particle of an XML Schema sequence: the element (`namespace localName`), how often it may occur. */
interface Particle {
  key: string;
  min: number;
  max: number;
}

const once = (name: string): Particle => ({ key: `${DS_NS} ${name}`, min: 1, max: 1 });
const optional = (name: string): Particle => ({ key: `${DS_NS} ${name}`, min: 0, max: 1 });
const many = (name: string, min: number): Particle => ({ key: `${DS_NS} ${name}`, min, max: Infinity });

/**
 * The order and the number of occurrences the schema prescribes for the elements whose content is an
 * xs:sequence of ds elements (xmldsig-core-schema.xsd). Elements with a choice content keep only the
 * membership check of RULES.
 */
const SEQUENCES: Record<string, readonly Particle[]> = {
  Signature: [once('SignedInfo'), once('SignatureValue'), optional('KeyInfo'), many('Object', 0)],
  SignedInfo: [once('CanonicalizationMethod'), once('SignatureMethod'), many('Reference', 1)],
  Reference: [optional('Transforms'), once('DigestMethod'), once('DigestValue')],
  Transforms: [many('Transform', 1)],
  SignatureMethod: [optional('HMACOutputLength')],
  RSAKeyValue: [once('Modulus'), once('Exponent')],
  X509IssuerSerial: [once('X509IssuerName'), once('X509SerialNumber')],
};

const localOf = (p: Particle): string => p.key.slice(p.key.indexOf(' ') + 1);

/**
 * Where the children of `el` (already known to be allowed elements) depart from the sequence of its
 * schema type: a child out of order, one element more often than allowed, a required one missing.
 */
function sequenceProblems(el: Element, children: readonly Element[]): string[] {
  const sequence = SEQUENCES[el.localName ?? ''];
  if (!sequence) return [];
  const expected = sequence.map((p) => `${localOf(p)}${p.min === 0 ? (p.max === 1 ? '?' : '*') : p.max === 1 ? '' : '+'}`).join(', ');
  const problems: string[] = [];
  let at = 0;
  let count = 0;
  for (const child of children) {
    const key = `${child.namespaceURI ?? ''} ${child.localName}`;
    const index = sequence.findIndex((p) => p.key === key);
    if (index === -1) continue; // not allowed at all: reported as an unexpected element
    if (index === at) {
      count++;
      if (count > sequence[at]!.max) {
        problems.push(`<${child.nodeName}> occurs more than ${sequence[at]!.max === 1 ? 'once' : `${sequence[at]!.max} times`} in ${nodePath(el)} (second one at ${nodePath(child)}); the XML Signature schema allows ${expected}`);
        return problems;
      }
    } else if (index > at) {
      for (let k = at; k < index; k++) {
        const have = k === at ? count : 0;
        if (have >= sequence[k]!.min) continue;
        const later = children.find((c, i) => i > children.indexOf(child) && `${c.namespaceURI ?? ''} ${c.localName}` === sequence[k]!.key);
        problems.push(later
          ? `<${child.nodeName}> at ${nodePath(child)} comes before <${later.nodeName}>, out of the order the XML Signature schema prescribes for ${nodePath(el)} (${expected})`
          : `${nodePath(el)} has no <${localOf(sequence[k]!)}> before ${nodePath(child)}; the XML Signature schema requires ${expected}`);
      }
      if (problems.length > 0) return problems;
      at = index;
      count = 1;
    } else {
      problems.push(`<${child.nodeName}> at ${nodePath(child)} comes after <${localOf(sequence[at]!)}>, out of the order the XML Signature schema prescribes for ${nodePath(el)} (${expected})`);
      return problems;
    }
  }
  for (let k = at; k < sequence.length; k++) {
    const have = k === at ? count : 0;
    if (have < sequence[k]!.min) problems.push(`${nodePath(el)} has no <${localOf(sequence[k]!)}>; the XML Signature schema requires ${expected}`);
  }
  return problems;
}

/** Elements whose value is base64 and must decode strictly, as xmlsec1 requires. */
const BASE64_CONTENT = new Set(['SignatureValue', 'DigestValue', 'X509Certificate']);

const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/** Every departure from the schema inside `signature`, each naming the element and where it is. */
export function signatureSchemaProblems(signature: Element): string[] {
  const problems: string[] = [];
  const stack: Element[] = [signature];
  while (stack.length > 0) {
    const el = stack.pop()!;
    const rule = ownValue(RULES, el.localName ?? '');
    if (!rule || rule.open) continue;
    let text = '';
    const allowed: Element[] = [];
    // The first unexpected child is named with its path, the rest only counted: a path costs a scan of the
    // siblings, so naming each of 10,000 planted children took seconds (fuzzer seed 20261210, index 10568).
    let unexpected: Element | undefined;
    let moreUnexpected = 0;
    for (let child: Node | null = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE || child.nodeType === CDATA_SECTION_NODE) {
        text += child.nodeValue ?? '';
      } else if (child.nodeType === 1) {
        const element = child as Element;
        if (rule.children.has(`${element.namespaceURI ?? ''} ${element.localName}`)) {
          stack.push(element);
          allowed.push(element);
        } else if (unexpected) moreUnexpected++;
        else unexpected = element;
      }
    }
    if (unexpected) {
      const more = moreUnexpected > 0 ? ` (and ${moreUnexpected} more unexpected element${moreUnexpected === 1 ? '' : 's'} in ${nodePath(el)})` : '';
      problems.push(`unexpected element <${unexpected.nodeName}> (namespace ${unexpected.namespaceURI ?? 'none'}) at ${nodePath(unexpected)}, where the XML Signature schema allows ${describeAllowed(rule)}${more}`);
    }
    problems.push(...sequenceProblems(el, allowed));
    if (!rule.text && text.trim() !== '') problems.push(`unexpected text ${JSON.stringify(text.trim().slice(0, 40))} in ${nodePath(el)}`);
    if (BASE64_CONTENT.has(el.localName ?? '')) {
      const decoded = decodeSignatureBase64(elementText(el));
      if (!decoded.ok) problems.push(`${el.localName} at ${nodePath(el)} is not valid base64: ${decoded.problem}`);
    }
  }
  return problems;
}

function describeAllowed(rule: ContentRule): string {
  if (rule.children.size === 0) return 'no child elements';
  return [...rule.children].map((key) => key.slice(key.indexOf(' ') + 1)).join(', ');
}
