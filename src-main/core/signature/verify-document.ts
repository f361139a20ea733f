import type { Document, Element } from '@xmldom/xmldom';
import type { SignatureStatus, SignedElement } from '../model/message.js';
import { SAML_NS, nodePath } from '../xml/dom.js';
import { checkSignature, type CheckedSignature, type TrustAnchor } from './check-signature.js';
import { inspectStructure, isWithin, type DocumentStructure } from './inspect-structure.js';
import { insideAdviceOf, uncoveredAssertions } from './uncovered-assertions.js';

/** The outcome of verifying one document, before it is turned into findings. */
export interface DocumentVerification {
  structure: DocumentStructure;
  signatures: CheckedSignature[];
  /** Problems of the document as a whole (extra assertions, duplicate signatures). */
  wrapping: string[];
  /** The accepted signature that covers the Response root, if any. */
  rootSignature?: CheckedSignature;
  /** The accepted signature on the Assertion directly under the root, if any. */
  assertionSignature?: CheckedSignature;
  /** The Assertion (or EncryptedAssertion) directly under the root, when exactly one is there. */
  assertion?: Element;
}

function directAssertions(root: Element): Element[] {
  const out: Element[] = [];
  for (let child = root.firstChild; child; child = child.nextSibling) {
    const el = child as Element;
    if (el.nodeType === 1 && el.namespaceURI === SAML_NS && (el.localName === 'Assertion' || el.localName === 'EncryptedAssertion')) out.push(el);
  }
  return out;
}

/**
 * Where IDs must be unique besides the ID each Reference names (which must be unique in the whole
 * document, checked per signature): the whole document as it arrived, or only the assertion when the
 * document is one samlscope assembled by putting a decrypted assertion back. The assertion's signature was
 * computed over the assertion alone, so an ID it shares with the envelope it was decrypted into (pysaml2
 * gives every ds:Signature Id="Signature1") is no ambiguity for anything that signature covers.
 */
export type IdUniquenessScope = 'document' | 'assertion';

/**
 * Verifies every signature in a SAML document and checks the document's shape against signature
 * wrapping (the checks of node-saml 5.x's getVerifiedXml, plus an Assertion search over the whole document:
 * https://github.com/node-saml/node-saml/blob/master/src/xml.ts): at most one signature per signed element, exactly one Assertion
 * outside the signed assertion's own content (Advice may nest more), unique IDs.
 */
export function verifyDocument(doc: Document, xml: string, trusted: TrustAnchor[], idScope: IdUniquenessScope = 'document'): DocumentVerification {
  const structure = inspectStructure(doc);
  const signatures = structure.signatures.map((s) => checkSignature(s, structure, trusted));
  const wrapping: string[] = [];
  const result: DocumentVerification = { structure, signatures, wrapping };

  const direct = directAssertions(structure.root);
  if (direct.length === 1) result.assertion = direct[0]!;

  // Two signatures on one element: one may be the attacker's (ruby-saml duplicated-signature cases).
  const byParent = new Map<unknown, number>();
  for (const s of signatures) byParent.set(s.element.parentNode, (byParent.get(s.element.parentNode) ?? 0) + 1);
  for (const [parent, count] of byParent) {
    if (count > 1) wrapping.push(`${count} signatures on ${nodePath(parent as Element)}; a signed element carries exactly one`);
  }

  for (const s of signatures) {
    if (!s.detail.accepted || !s.covers) continue;
    if (s.covers === structure.root) result.rootSignature ??= s;
    else if (s.covers === result.assertion) result.assertionSignature ??= s;
  }

  // Every other Assertion must sit in the Advice of the one the signature covers (legitimate nesting,
  // node-saml's Advice fixtures); anything else is a second assertion a consumer might read instead.
  const anchor = result.assertionSignature?.covers ?? result.assertion ?? structure.assertions[0];
  const stray = structure.assertions.filter((a) => a !== anchor && !(anchor && insideAdviceOf(a, anchor)));
  if (stray.length > 0) {
    wrapping.push(`the document holds ${stray.length} Assertion element(s) besides ${anchor ? nodePath(anchor) : 'the signed one'} (${stray.map((a) => nodePath(a)).join(', ')}); a Response carries exactly one`);
  }
  // A message some accepted signature covers is read as verified: then no assertion anywhere may be unsigned.
  if (result.rootSignature || result.assertionSignature) {
    const covered = result.assertionSignature?.covers ?? (result.rootSignature ? result.assertion : undefined);
    wrapping.push(...uncoveredAssertions(structure.assertions, covered, stray));
  }
  const idsWithin = idScope === 'assertion' ? result.assertion : undefined;
  for (const [id, found] of structure.ids) {
    const elements = idsWithin ? found.filter((e) => isWithin(e, idsWithin)) : found;
    if (elements.length > 1) wrapping.push(`${elements.length} elements carry the ID ${id} (${elements.map((e) => nodePath(e)).join(', ')}); IDs must be unique`);
  }
  for (const s of signatures) {
    if (s.detail.parent === 'other' && anchor && insideAdviceOf(s.element, anchor)) {
      // Advice-nested assertions carry their own signatures; they are content of the signed assertion, not ours to check.
      s.problems = [];
      s.detail.problem = 'signature inside the Advice of the assertion; not used for this message';
      continue;
    }
    for (const p of s.problems) if (p.kind === 'wrapping' && !wrapping.includes(p.detail)) wrapping.push(p.detail);
  }
  return result;
}

/** Which elements the accepted signatures cover. */
export function signedElementsOf(v: DocumentVerification): SignedElement[] {
  const out: SignedElement[] = [];
  if (v.rootSignature) out.push(v.rootSignature.detail.parent === 'Request' ? 'Request' : 'Response');
  if (v.assertionSignature) out.push('Assertion');
  return out;
}

/**
 * The contract's signature.status: valid only when an accepted signature covers the assertion (or the
 * whole message when it has no assertion) and the structure is sound.
 */
export function signatureStatusOf(v: DocumentVerification, hasTrustAnchor: boolean): SignatureStatus {
  if (v.wrapping.length > 0) return 'invalid';
  // Signatures inside the signed assertion's Advice were cleared of problems above and are not ours to judge.
  const candidates = v.signatures.filter((s) => s.detail.parent !== 'other' || s.problems.length > 0);
  const failed = candidates.filter((s) => !s.detail.accepted);
  const covered = v.rootSignature !== undefined || v.assertionSignature !== undefined;
  if (covered) return failed.length === 0 ? 'valid' : 'invalid';
  if (candidates.length === 0) return 'unsigned';
  if (!hasTrustAnchor || failed.some((s) => s.detail.verifiesWithKeyInfoOnly)) return 'untrusted';
  return 'invalid';
}
