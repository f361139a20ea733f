/**
 * Which elements of the message document the signatures cover, as element paths (`nodePath`), so the
 * message view can mark them without deciding anything itself. Paths are positional where siblings
 * share a name, so a wrapped copy of an assertion (same ID, other place) is never marked as signed.
 */
import type { Document, Element } from '@xmldom/xmldom';
import type { CheckedSignature } from '../signature/check-signature.js';
import { isElement, nodePath } from '../xml/dom.js';

export interface SignedPaths {
  /** Elements an accepted signature covers (everything inside them is covered too). */
  signedPaths: string[];
  /** Elements that carry a signature that was not accepted. */
  rejectedSignedPaths: string[];
}

function signedElementOf(signature: CheckedSignature): Element | undefined {
  const parent = signature.element.parentNode;
  return parent && isElement(parent) ? parent : undefined;
}

/**
 * Only signatures inside `doc` count: a decrypted assertion is verified in a document of its own,
 * whose paths would name other elements of the text the user sees.
 */
export function signedPathsOf(signatures: readonly CheckedSignature[], doc: Document, wholeDocumentSigned: boolean): SignedPaths {
  const signed = new Set<string>();
  const rejected = new Set<string>();
  const root = doc.documentElement;
  if (wholeDocumentSigned && root) signed.add(nodePath(root));
  for (const s of signatures) {
    if (s.element.ownerDocument !== doc) continue;
    if (s.detail.accepted && s.covers) signed.add(nodePath(s.covers));
    else {
      const element = signedElementOf(s);
      if (element) rejected.add(nodePath(element));
    }
  }
  for (const path of signed) rejected.delete(path);
  return { signedPaths: [...signed], rejectedSignedPaths: [...rejected] };
}
