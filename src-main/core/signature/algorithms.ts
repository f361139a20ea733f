/**
 * Algorithm allow-lists for XML signatures in SAML messages. Anything not listed is refused before
 * any cryptography runs: unknown transforms and algorithms are hard failures (transform chains were a
 * denial-of-service vector, https://nvd.nist.gov/vuln/detail/CVE-2021-39171), and so is HMAC, which an
 * attacker can compute from the RSA public key alone (https://github.com/advisories/GHSA-c27r-x354-4m68);
 * SHA-1 is accepted but reported as weak because real IdPs (and AWS certificates created with
 * "SHA-1") still use it.
 */
import { ownValue } from '../model/own.js';
export const SIGNATURE_ALGORITHMS: Record<string, { name: string; weak: boolean }> = {
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256': { name: 'RSA-SHA256', weak: false },
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512': { name: 'RSA-SHA512', weak: false },
  'http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1': { name: 'RSASSA-PSS-SHA256', weak: false },
  'http://www.w3.org/2000/09/xmldsig#rsa-sha1': { name: 'RSA-SHA1', weak: true },
};

export const DIGEST_ALGORITHMS: Record<string, { name: string; weak: boolean }> = {
  'http://www.w3.org/2001/04/xmlenc#sha256': { name: 'SHA-256', weak: false },
  'http://www.w3.org/2001/04/xmlenc#sha512': { name: 'SHA-512', weak: false },
  'http://www.w3.org/2000/09/xmldsig#sha1': { name: 'SHA-1', weak: true },
};

export const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
export const EXC_C14N_WITH_COMMENTS = 'http://www.w3.org/2001/10/xml-exc-c14n#WithComments';
export const C14N = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';
export const C14N_WITH_COMMENTS = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments';
export const C14N11 = 'http://www.w3.org/2006/12/xml-c14n11';
export const C14N11_WITH_COMMENTS = 'http://www.w3.org/2006/12/xml-c14n11#WithComments';
export const ENVELOPED_SIGNATURE = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';

/** Canonicalization methods we accept for SignedInfo; the inclusive ones (1.0 and 1.1) are legal but unusual for SAML. */
export const CANONICALIZATION_ALGORITHMS = new Set([EXC_C14N, EXC_C14N_WITH_COMMENTS, C14N, C14N_WITH_COMMENTS, C14N11, C14N11_WITH_COMMENTS]);

/** Reference transforms we accept. No XPath or XSLT transforms, ever. */
export const TRANSFORM_ALGORITHMS = new Set([ENVELOPED_SIGNATURE, EXC_C14N, EXC_C14N_WITH_COMMENTS, C14N, C14N_WITH_COMMENTS, C14N11, C14N11_WITH_COMMENTS]);

/** passport-saml CVE-2021-39171: more than two transforms is a denial-of-service vector, never legitimate in SAML. */
export const MAX_TRANSFORMS = 2;

/** Short name for an algorithm URI, for people. */
export function algorithmName(uri: string | undefined): string {
  if (!uri) return 'none';
  return ownValue(SIGNATURE_ALGORITHMS, uri)?.name ?? ownValue(DIGEST_ALGORITHMS, uri)?.name ?? uri.replace(/^.*[#/]/, '');
}
