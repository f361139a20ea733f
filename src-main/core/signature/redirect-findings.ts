import type { CertificateInfo } from '../model/certificate.js';
import type { Finding, Fix } from '../model/finding.js';
import type { MessageType, SignatureDetail } from '../model/message.js';
import { makeFinding } from '../findings/make-finding.js';
import { SIGNATURE_ALGORITHMS, algorithmName } from './algorithms.js';
import type { RedirectSigner } from './redirect-signature.js';
import { ownValue } from '../model/own.js';

export interface RedirectOutcome {
  detail: SignatureDetail;
  signer: RedirectSigner;
  type: MessageType;
  /** True when at least one certificate of the signer was configured to check with. */
  keysConfigured: boolean;
  /** The certificate that verified it. */
  certificate?: CertificateInfo;
  /** The fix for a query-string signature from the IdP that does not verify (names the IdP in use). */
  idpCertificateFix: Fix;
}

const SP_CERT_FIX: Fix = {
  summary: 'Give samlscope the SP metadata that lists the certificate the SP signs its requests with (--sp-metadata FILE, or the SP metadata field in the app), the same metadata the IdP was given.',
  where: 'samlscope-input',
  field: '--sp-metadata',
};

const SP_SIGNING_FIX: Fix = {
  summary: 'Make the SP sign with the key whose certificate is in its published metadata (KeyDescriptor use="signing"), and give the IdP that metadata again; if they already match, something rewrote the redirect URL on its way.',
  where: 'sp-configuration',
  field: 'SP signing key / certificate (SPSSODescriptor KeyDescriptor use="signing")',
};

function certLabel(info: CertificateInfo): string {
  return `${info.subject} (SHA-256 ${info.sha256Fingerprint})`;
}

/**
 * What to say about an HTTP-Redirect query-string signature (SAML bindings 3.4.4.1): that it verifies and
 * with which algorithm and certificate, that it could not be checked, or that it does not verify.
 */
export function redirectSignatureFindings(outcome: RedirectOutcome | undefined): Finding[] {
  if (!outcome) return [];
  const { detail, signer, type } = outcome;
  const algorithm = detail.signatureAlgorithm ? algorithmName(detail.signatureAlgorithm) : '(no SigAlg)';
  const evidence = [{ location: detail.location, value: detail.signatureAlgorithm ?? '(no SigAlg parameter)' }];
  if (detail.accepted) {
    const weak = detail.signatureAlgorithm && ownValue(SIGNATURE_ALGORITHMS, detail.signatureAlgorithm)?.weak ? ` ${algorithm} is deprecated (SHA-1 collisions are practical); prefer RSA-SHA256.` : '';
    return [makeFinding('signature.redirect-valid', {
      message: `The ${signer} signed this ${type} in the query string with ${algorithm}, and the signature verifies over the parameters exactly as sent${outcome.certificate ? ` with the ${signer} certificate ${certLabel(outcome.certificate)}` : ''}.${weak}`,
      fix: { summary: 'Nothing to change.', where: 'none' },
      evidence,
    })];
  }
  const allowed = detail.signatureAlgorithm !== undefined && ownValue(SIGNATURE_ALGORITHMS, detail.signatureAlgorithm) !== undefined;
  if (!outcome.keysConfigured && allowed) {
    return [makeFinding('signature.redirect-untrusted', {
      message: `This ${type} carries a query-string signature (${algorithm}), but no ${signer} certificate was configured, so samlscope cannot say whether the ${signer} made it.`,
      fix: signer === 'SP' ? SP_CERT_FIX : { summary: 'Give samlscope the IdP metadata or certificate (--idp-metadata FILE or --idp-cert PEM).', where: 'samlscope-input', field: '--idp-metadata / --idp-cert' },
      evidence,
    })];
  }
  const reason = `${detail.problem ?? 'unknown reason'}`;
  if (signer === 'IdP') {
    return [makeFinding(allowed ? 'signature.invalid' : 'signature.unsupported-algorithm', {
      message: `The HTTP-Redirect query-string signature does not verify: ${reason}.`,
      fix: outcome.idpCertificateFix,
      evidence,
    })];
  }
  return [makeFinding('signature.redirect-invalid', {
    message: `The SP's query-string signature on this ${type} does not verify: ${reason}. An IdP that checks request signatures refuses it. The signature covers SAMLRequest, RelayState and SigAlg exactly as sent, so either the SP signs with a key whose certificate is not in the SP metadata given here, or the URL was changed after signing.`,
    fix: allowed ? SP_SIGNING_FIX : { ...SP_SIGNING_FIX, summary: 'Configure the SP to sign its requests with RSA-SHA256 (http://www.w3.org/2001/04/xmldsig-more#rsa-sha256).' },
    evidence,
  })];
}
