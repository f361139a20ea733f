import { createVerify } from 'node:crypto';
import type { DecodedMessage } from '../model/input.js';
import type { SignatureDetail } from '../model/message.js';
import { SIGNATURE_ALGORITHMS } from './algorithms.js';
import { ownValue } from '../model/own.js';

/** Node digest names for the allowed XML-DSig signature algorithm URIs (HTTP-Redirect binding, SAML bindings §3.4.4.1). */
const NODE_ALGORITHMS: Record<string, string> = {
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256': 'RSA-SHA256',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512': 'RSA-SHA512',
  'http://www.w3.org/2000/09/xmldsig#rsa-sha1': 'RSA-SHA1',
};

/** A certificate a query-string signature may verify with: the IdP's for IdP messages, the SP's for SP requests. */
export interface RedirectKey {
  pem: string;
  sha256Fingerprint: string;
}

/** Whose certificate a query-string signature is checked against, for the wording of the outcome. */
export type RedirectSigner = 'IdP' | 'SP';

/**
 * Verifies the query-string signature of an HTTP-Redirect message over the exact octets sent
 * (`SAMLRequest=…&RelayState=…&SigAlg=…`, each value still URL-encoded as it arrived), with each
 * configured certificate of the signer in turn. Undefined when the message carries no such signature.
 */
export function checkRedirectSignature(message: DecodedMessage, keys: RedirectKey[], signer: RedirectSigner = 'IdP'): SignatureDetail | undefined {
  const sig = message.redirectSignature;
  if (!sig) return undefined;
  const detail: SignatureDetail = {
    location: 'query string (HTTP-Redirect binding: SigAlg and Signature parameters)',
    parent: 'other',
    referenceUri: '',
    transforms: [],
    accepted: false,
    cryptoValid: false,
  };
  if (sig.sigAlg) detail.signatureAlgorithm = sig.sigAlg;
  const nodeAlgorithm = ownValue(NODE_ALGORITHMS, sig.sigAlg);
  if (!nodeAlgorithm || !ownValue(SIGNATURE_ALGORITHMS, sig.sigAlg)) {
    detail.problem = `signature algorithm ${sig.sigAlg || '(missing SigAlg)'} is not allowed`;
    return detail;
  }
  const signature = Buffer.from(sig.signature, 'base64');
  for (const key of keys) {
    try {
      const verifier = createVerify(nodeAlgorithm);
      verifier.update(sig.signedQuery);
      if (verifier.verify(key.pem, signature)) {
        detail.cryptoValid = true;
        detail.accepted = true;
        detail.verifiedBy = key.sha256Fingerprint;
        return detail;
      }
    } catch {
      // A malformed key or signature is a failed verification, reported below.
    }
  }
  detail.problem = keys.length === 0
    ? `no ${signer} certificate is configured`
    : `the query-string signature does not verify with any configured ${signer} certificate`;
  return detail;
}
