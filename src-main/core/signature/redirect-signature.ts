import { createVerify } from 'node:crypto';
import type { DecodedMessage } from '../model/input.js';
import type { SignatureDetail } from '../model/message.js';
import { SIGNATURE_ALGORITHMS } from './algorithms.js';
import type { TrustAnchor } from './check-signature.js';

/** Node digest names for the allowed XML-DSig signature algorithm URIs (HTTP-Redirect binding, SAML bindings §3.4.4.1). */
const NODE_ALGORITHMS: Record<string, string> = {
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256': 'RSA-SHA256',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512': 'RSA-SHA512',
  'http://www.w3.org/2000/09/xmldsig#rsa-sha1': 'RSA-SHA1',
};

/**
 * Verifies the query-string signature of an HTTP-Redirect message over the exact octets sent
 * (`SAMLRequest=…&RelayState=…&SigAlg=…`), with each trusted certificate in turn.
 */
export function checkRedirectSignature(message: DecodedMessage, trusted: TrustAnchor[]): SignatureDetail | undefined {
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
  const nodeAlgorithm = NODE_ALGORITHMS[sig.sigAlg];
  if (!nodeAlgorithm || !SIGNATURE_ALGORITHMS[sig.sigAlg]) {
    detail.problem = `signature algorithm ${sig.sigAlg || '(missing SigAlg)'} is not allowed`;
    return detail;
  }
  const signature = Buffer.from(sig.signature, 'base64');
  for (const anchor of trusted) {
    try {
      const verifier = createVerify(nodeAlgorithm);
      verifier.update(sig.signedQuery);
      if (verifier.verify(anchor.cert.pem, signature)) {
        detail.cryptoValid = true;
        detail.accepted = true;
        detail.verifiedBy = anchor.info.sha256Fingerprint;
        return detail;
      }
    } catch {
      // A malformed key or signature is a failed verification, reported below.
    }
  }
  detail.problem = trusted.length === 0 ? 'no trusted IdP certificate is configured' : 'the query-string signature does not verify with any trusted certificate';
  return detail;
}
