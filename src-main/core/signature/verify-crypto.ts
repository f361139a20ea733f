import type { Element } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { registerC14n11 } from './c14n11.js';

export interface CryptoCheck {
  ok: boolean;
  /** The canonical XML of the referenced element: the only content identity data may be read from. */
  signedReference?: string;
  error?: string;
}

/**
 * Verifies one ds:Signature against one public certificate with xml-crypto. A fresh SignedXml per call
 * (its signed references accumulate across calls, security.md §0.5); KeyInfo is never consulted for the
 * key (CVE-2024-32962). `xml` must be the exact text `signature` was parsed from.
 */
export function checkSignatureWith(xml: string, signature: Element, publicCertPem: string): CryptoCheck {
  const sig = new SignedXml({ publicCert: publicCertPem, getCertFromKeyInfo: () => null });
  // SAML identifies elements by `ID` only; the structural checks already refuse duplicate ID/Id/id values.
  (sig as unknown as { idAttributes: string[] }).idAttributes = ['ID'];
  registerC14n11(sig);
  try {
    sig.loadSignature(signature as unknown as Parameters<SignedXml["loadSignature"]>[0]);
    const ok = sig.checkSignature(xml) === true;
    if (!ok) return { ok: false, error: 'a reference digest does not match the signed content' };
    const refs = sig.getSignedReferences();
    if (refs.length !== 1 || !refs[0]) return { ok: false, error: `expected exactly one signed reference, got ${refs.length}` };
    return { ok: true, signedReference: refs[0] };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
