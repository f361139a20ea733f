import { X509Certificate, createHash } from 'node:crypto';
import type { CertificateInfo } from '../model/certificate.js';

function colonHex(hex: string): string {
  return hex.toUpperCase().replace(/(..)(?!$)/g, '$1:');
}

/** One-line distinguished name (`CN=amazonaws.com, OU=IDAS, O=Amazon, C=US`) from Node's multi-line form. */
function oneLineName(name: string): string {
  return name.split('\n').filter(Boolean).reverse().join(', ');
}

/**
 * Descriptions of recently seen certificates. The same few IdP certificates are described for every message
 * of a folder or capture; the bound keeps attacker-supplied KeyInfo certificates from growing it.
 */
const recent = new Map<string, CertificateInfo>();
const RECENT_LIMIT = 32;

/** Describes a PEM certificate. Throws with a plain message when the PEM is not a certificate. */
export function describeCertificate(pem: string, source: CertificateInfo['source']): CertificateInfo {
  const key = `${source}\n${pem}`;
  const known = recent.get(key);
  if (known) return { ...known };
  const info = describeUncached(pem, source);
  if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value as string);
  recent.set(key, info);
  return { ...info };
}

function describeUncached(pem: string, source: CertificateInfo['source']): CertificateInfo {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(pem);
  } catch (error) {
    throw new Error(`not a valid X.509 certificate (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  const der = cert.raw;
  const details = cert.publicKey.asymmetricKeyDetails;
  const info: CertificateInfo = {
    subject: oneLineName(cert.subject),
    issuer: oneLineName(cert.issuer),
    serialNumber: cert.serialNumber,
    sha256Fingerprint: colonHex(createHash('sha256').update(der).digest('hex')),
    sha1Fingerprint: colonHex(createHash('sha1').update(der).digest('hex')),
    notBefore: new Date(cert.validFrom).toISOString(),
    notAfter: new Date(cert.validTo).toISOString(),
    keyType: cert.publicKey.asymmetricKeyType ?? 'unknown',
    selfSigned: cert.subject === cert.issuer,
    source,
  };
  const bits = details?.modulusLength ?? (details?.namedCurve ? curveBits(details.namedCurve) : undefined);
  if (bits !== undefined) info.keySize = bits;
  return info;
}

function curveBits(curve: string): number | undefined {
  const match = /(\d{3})/.exec(curve);
  return match ? Number(match[1]) : undefined;
}
