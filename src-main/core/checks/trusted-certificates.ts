/**
 * The IdP certificates worth judging for one message: the trusted one that verified it, then every
 * certificate the SP trusts (explicit and from IdP metadata), each once (by SHA-256 fingerprint).
 */
import type { CertificateInfo } from '../model/certificate.js';
import type { MessageResult } from '../model/message.js';
import type { AnalysisOptions } from '../model/options.js';
import { certificatePemFromBase64 } from '../metadata/pem.js';
import { describeCertificate } from '../signature/certificate-info.js';
import { trustAnchorsOf } from '../signature/trust-anchors.js';

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

/** Every certificate the SP trusts (explicit, then from IdP metadata), described, with where it came from. */
function trustedCertificates(options: AnalysisOptions): Array<{ info: CertificateInfo; origin: string }> {
  // The explicit ones are described once per options object by trustAnchorsOf; unreadable ones are left out there too.
  const out = trustAnchorsOf(options).anchors.map((a) => ({ info: a.info, origin: `trusted IdP certificate (${a.cert.origin})` }));
  for (const der of options.idpMetadata?.signingCertificates ?? []) {
    const info = tryDescribe(certificatePemFromBase64(der), 'idp-metadata');
    if (info) out.push({ info, origin: 'IdP metadata: KeyDescriptor[@use="signing"]' });
  }
  return out;
}

export function certificatesToJudge(message: MessageResult, options: AnalysisOptions): JudgedCertificate[] {
  const judged: JudgedCertificate[] = [];
  const seen = new Set<string>();
  const add = (info: CertificateInfo, origin: string, signedThisMessage: boolean) => {
    if (seen.has(info.sha256Fingerprint)) return;
    seen.add(info.sha256Fingerprint);
    judged.push({ info, origin, signedThisMessage });
  };
  const signer = message.signature.certificate;
  if (signer) add(signer, `certificate that verified the signature (${signer.source})`, true);
  for (const t of trustedCertificates(options)) add(t.info, t.origin, false);
  return judged;
}

/** The fingerprints of every certificate the SP trusts. */
export function trustedFingerprints(options: AnalysisOptions): string[] {
  return [...new Set(trustedCertificates(options).map((t) => t.info.sha256Fingerprint))];
}
