import type { AnalysisOptions } from '../model/options.js';
import type { CertificateInfo } from '../model/certificate.js';
import { certificatePemFromBase64 } from '../metadata/pem.js';
import { describeCertificate } from './certificate-info.js';
import type { RedirectKey } from './redirect-signature.js';

/** An SP signing certificate from SP metadata, described once. */
export interface SpSigningKey extends RedirectKey {
  info: CertificateInfo;
}

const described = new WeakMap<object, SpSigningKey[]>();

/**
 * The SP's signing certificates from `--sp-metadata`: what the SP's own signed requests verify against.
 * They are never IdP trust anchors. Described once per metadata object (options are reused across messages).
 */
export function spSigningKeysOf(options: Pick<AnalysisOptions, 'spMetadata'>): SpSigningKey[] {
  const metadata = options.spMetadata;
  if (!metadata?.signingCertificates?.length) return [];
  const cached = described.get(metadata);
  if (cached) return cached;
  const keys: SpSigningKey[] = [];
  for (const body of metadata.signingCertificates) {
    const pem = certificatePemFromBase64(body);
    try {
      const info = describeCertificate(pem, 'sp-metadata');
      keys.push({ pem, sha256Fingerprint: info.sha256Fingerprint, info });
    } catch {
      // SP metadata parsing already refused unreadable certificates; nothing to verify with here.
    }
  }
  described.set(metadata, keys);
  return keys;
}
