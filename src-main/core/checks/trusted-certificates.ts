/**
 * The IdP certificates worth judging for one message: the trusted one that verified it, then every
 * certificate the SP trusts (explicit and from IdP metadata), each once (by SHA-256 fingerprint).
 */
import type { CertificateInfo } from '../model/certificate.js';
import type { MessageResult } from '../model/message.js';
import type { AnalysisOptions } from '../model/options.js';
import { certificatePemFromBase64 } from '../metadata/pem.js';
import { describeCertificate } from '../signature/certificate-info.js';

export interface JudgedCertificate {
  info: CertificateInfo;
  /** Evidence location: where the certificate came from. */
  origin: string;
  /** True for the certificate that verified the message's signature. */
  signedThisMessage: boolean;
}

function tryDescribe(pem: string, source: CertificateInfo['source']): CertificateInfo | undefined {
  try {
    return describeCertificate(pem, source);
  } catch {
    // An unreadable certificate is reported where it is loaded (metadata.invalid); nothing to judge here.
    return undefined;
  }
}

export function certificatesToJudge(message: MessageResult, options: AnalysisOptions): JudgedCertificate[] {
  const judged: JudgedCertificate[] = [];
  const seen = new Set<string>();
  const add = (info: CertificateInfo | undefined, origin: string, signedThisMessage: boolean) => {
    if (!info || seen.has(info.sha256Fingerprint)) return;
    seen.add(info.sha256Fingerprint);
    judged.push({ info, origin, signedThisMessage });
  };
  const signer = message.signature.certificate;
  if (signer) add(signer, `certificate that verified the signature (${signer.source})`, true);
  for (const t of options.trustedCertificates) add(tryDescribe(t.pem, t.source), `trusted IdP certificate (${t.origin})`, false);
  for (const der of options.idpMetadata?.signingCertificates ?? []) add(tryDescribe(certificatePemFromBase64(der), 'idp-metadata'), 'IdP metadata: KeyDescriptor[@use="signing"]', false);
  return judged;
}

/** The fingerprints of every certificate the SP trusts. */
export function trustedFingerprints(options: AnalysisOptions): string[] {
  const fps = new Set<string>();
  for (const t of options.trustedCertificates) {
    const info = tryDescribe(t.pem, t.source);
    if (info) fps.add(info.sha256Fingerprint);
  }
  for (const der of options.idpMetadata?.signingCertificates ?? []) {
    const info = tryDescribe(certificatePemFromBase64(der), 'idp-metadata');
    if (info) fps.add(info.sha256Fingerprint);
  }
  return [...fps];
}
