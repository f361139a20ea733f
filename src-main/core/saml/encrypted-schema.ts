/**
 * The structure of an EncryptedAssertion's EncryptedData and EncryptedKey checked against the XML
 * Encryption schema (https://www.w3.org/TR/xmlenc-core1/#sec-EncryptedType): EncryptionMethod?,
 * ds:KeyInfo?, CipherData, EncryptionProperties? (EncryptedKey then ReferenceList?, CarriedKeyName?), and
 * CipherData holding exactly one CipherValue or CipherReference. A second CipherData or CipherValue is
 * refused, not skipped: which one a decryptor takes is its own choice (xmlsec1 refuses "unexpected node").
 */
import type { Element } from '@xmldom/xmldom';
import { DS_NS, XENC_NS, attr, childElements, elementText, nodePath } from '../xml/dom.js';
import { decodeSignatureBase64 } from '../signature/strict-base64.js';

/** The parameters an EncryptionMethod may carry (XML Encryption 1.1 §3.2 and §5.5.2). */
const METHOD_PARAMETERS = new Set([`${XENC_NS} KeySize`, `${XENC_NS} OAEPparams`, `${DS_NS} DigestMethod`, 'http://www.w3.org/2009/xmlenc11# MGF']);

/** Digest algorithms an RSA-OAEP EncryptionMethod may name (XML Encryption 1.1 §5.5.2 and RFC 6931). */
const OAEP_DIGESTS = new Set([
  'http://www.w3.org/2000/09/xmldsig#sha1',
  'http://www.w3.org/2001/04/xmlenc#sha256',
  'http://www.w3.org/2001/04/xmlenc#sha512',
  'http://www.w3.org/2001/04/xmldsig-more#sha224',
  'http://www.w3.org/2001/04/xmldsig-more#sha384',
]);

type Particle = [ns: string, name: string, min: number, max: number];

const ENCRYPTED_TYPE: Particle[] = [[XENC_NS, 'EncryptionMethod', 0, 1], [DS_NS, 'KeyInfo', 0, 1], [XENC_NS, 'CipherData', 1, 1], [XENC_NS, 'EncryptionProperties', 0, 1]];
const ENCRYPTED_KEY: Particle[] = [...ENCRYPTED_TYPE, [XENC_NS, 'ReferenceList', 0, 1], [XENC_NS, 'CarriedKeyName', 0, 1]];

function elementChildren(el: Element): Element[] {
  const out: Element[] = [];
  for (let child = el.firstChild; child; child = child.nextSibling) if (child.nodeType === 1) out.push(child as Element);
  return out;
}

/** Where the element children of `el` depart from `sequence` (first problem only), or undefined. */
function sequenceProblem(el: Element, sequence: Particle[]): string | undefined {
  const expected = sequence.map(([, name, min, max]) => `${name}${min === 0 ? '?' : ''}${max > 1 ? '+' : ''}`).join(', ');
  let at = 0;
  let count = 0;
  for (const child of elementChildren(el)) {
    const index = sequence.findIndex(([ns, name], i) => i >= at && ns === child.namespaceURI && name === child.localName);
    if (index === -1) return `unexpected element <${child.nodeName}> at ${nodePath(child)}, where XML Encryption allows ${expected} in this order, each at most once`;
    if (index === at && count > 0) return `<${child.nodeName}> occurs more than once in ${nodePath(el)} (again at ${nodePath(child)}); XML Encryption allows ${expected}`;
    for (let k = count > 0 ? at + 1 : at; k < index; k++) if (sequence[k]![2] > 0) return `${nodePath(el)} has no <${sequence[k]![1]}> before ${nodePath(child)}; XML Encryption requires ${expected}`;
    at = index;
    count = 1;
  }
  for (let k = count > 0 ? at + 1 : at; k < sequence.length; k++) if (sequence[k]![2] > 0) return `${nodePath(el)} has no <${sequence[k]![1]}>; XML Encryption requires ${expected}`;
  return undefined;
}

function cipherDataProblem(encrypted: Element): string | undefined {
  for (const cipherData of childElements(encrypted, XENC_NS, 'CipherData')) {
    const children = elementChildren(cipherData);
    if (children.length !== 1 || children[0]!.namespaceURI !== XENC_NS || !['CipherValue', 'CipherReference'].includes(children[0]!.localName ?? '')) {
      return `${nodePath(cipherData)} holds ${children.length === 0 ? 'nothing' : children.map((c) => `<${c.nodeName}>`).join(', ')}; XML Encryption requires exactly one CipherValue or CipherReference`;
    }
    if (children[0]!.localName === 'CipherValue') {
      const decoded = decodeSignatureBase64(elementText(children[0]!));
      if (!decoded.ok) return `the CipherValue at ${nodePath(children[0]!)} is not valid base64: ${decoded.problem}`;
    }
  }
  for (const method of childElements(encrypted, XENC_NS, 'EncryptionMethod')) {
    const parameters = elementChildren(method);
    const stray = parameters.find((c) => !METHOD_PARAMETERS.has(`${c.namespaceURI ?? ''} ${c.localName}`));
    if (stray) return `unexpected element <${stray.nodeName}> (namespace ${stray.namespaceURI ?? 'none'}) at ${nodePath(stray)}; an EncryptionMethod holds only KeySize, OAEPparams, DigestMethod and MGF`;
    // Each parameter at most once: with two DigestMethods, which one a decryptor uses is its own choice
    // (xmlsec1 refuses; fuzzer seed 20261210, index 851343).
    const repeated = parameters.find((c, i) => parameters.findIndex((o) => o.namespaceURI === c.namespaceURI && o.localName === c.localName) !== i);
    if (repeated) return `<${repeated.nodeName}> occurs more than once in ${nodePath(method)} (again at ${nodePath(repeated)}); an EncryptionMethod names each parameter once`;
    for (const digest of childElements(method, DS_NS, 'DigestMethod')) {
      const algorithm = attr(digest, 'Algorithm') ?? '';
      if (!OAEP_DIGESTS.has(algorithm)) return `the DigestMethod at ${nodePath(digest)} names ${JSON.stringify(algorithm)}, which is not a digest algorithm RSA-OAEP key transport uses`;
    }
  }
  return undefined;
}

/** Names of XML Encryption's own elements: found under another namespace, they are what a decryptor must not read. */
const XENC_NAMES = new Set(['EncryptedData', 'EncryptedKey', 'EncryptionMethod', 'CipherData', 'CipherValue', 'CipherReference', 'ReferenceList', 'CarriedKeyName', 'EncryptionProperties']);

/**
 * An element named like one of XML Encryption's (EncryptedKey, CipherValue, …) in another namespace. A
 * decryptor that finds elements by local name (xml-encryption looks the EncryptedKey up with
 * `local-name()`) reads it; xmlsec1 does not (fuzzer seed 5, index 2672: `xmlns:xenc` rebound on an EncryptedKey).
 */
function foreignEncryptionElement(root: Element): Element | undefined {
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (el !== root && XENC_NAMES.has(el.localName ?? '') && el.namespaceURI !== XENC_NS) return el;
    for (const child of elementChildren(el)) stack.push(child);
  }
  return undefined;
}

/**
 * SAML's EncryptedElementType: one xenc:EncryptedData, then xenc:EncryptedKey elements only (SAML Core 2.7.2,
 * https://docs.oasis-open.org/security/saml/v2.0/saml-core-2.0-os.pdf). Anything else beside them, e.g. a
 * ds:KeyInfo moved out of the EncryptedData, is refused: a decryptor that searches the whole element for an
 * EncryptedKey still finds the key, xmlsec1 does not (fuzzer seed 20261209, index 7481).
 */
function encryptedElementTypeProblem(encryptedAssertion: Element): string | undefined {
  const children = elementChildren(encryptedAssertion);
  for (const [i, child] of children.entries()) {
    const wanted = i === 0 ? 'EncryptedData' : 'EncryptedKey';
    if (child.namespaceURI === XENC_NS && child.localName === wanted) continue;
    return `unexpected element <${child.nodeName}> at ${nodePath(child)}, where SAML allows ${i === 0 ? 'the EncryptedData' : 'only EncryptedKey elements after the EncryptedData'} (an EncryptedAssertion holds one EncryptedData, then EncryptedKey elements)`;
  }
  return children.length === 0 ? `${nodePath(encryptedAssertion)} is empty; SAML requires one EncryptedData` : undefined;
}

/** What is wrong with the EncryptedData and EncryptedKey elements of `encryptedAssertion`, or undefined. */
export function encryptedAssertionSchemaProblem(encryptedAssertion: Element): string | undefined {
  const misplaced = encryptedElementTypeProblem(encryptedAssertion);
  if (misplaced) return misplaced;
  const foreign = foreignEncryptionElement(encryptedAssertion);
  if (foreign) return `<${foreign.nodeName}> at ${nodePath(foreign)} is in the namespace ${JSON.stringify(foreign.namespaceURI ?? '')}, not XML Encryption's (${XENC_NS})`;
  const data = childElements(encryptedAssertion, XENC_NS, 'EncryptedData');
  if (data.length !== 1) return `${nodePath(encryptedAssertion)} has ${data.length} EncryptedData elements; SAML requires exactly one`;
  const keys = [
    ...childElements(encryptedAssertion, XENC_NS, 'EncryptedKey'),
    ...childElements(data[0]!, DS_NS, 'KeyInfo').flatMap((keyInfo) => childElements(keyInfo, XENC_NS, 'EncryptedKey')),
  ];
  for (const [el, sequence] of [[data[0]!, ENCRYPTED_TYPE], ...keys.map((key) => [key, ENCRYPTED_KEY] as const)] as const) {
    const problem = sequenceProblem(el, [...sequence]) ?? cipherDataProblem(el);
    if (problem) return problem;
  }
  return undefined;
}
