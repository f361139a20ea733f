/** What samlscope reports about an X.509 certificate. Certificate bytes never leave the engine in reports. */
export interface CertificateInfo {
  subject: string;
  issuer: string;
  serialNumber: string;
  /** Upper-case hex with colons, as browsers and the AWS console show it. */
  sha256Fingerprint: string;
  sha1Fingerprint: string;
  notBefore: string;
  notAfter: string;
  keyType: string;
  /** RSA modulus length or EC curve size in bits. */
  keySize?: number;
  selfSigned: boolean;
  /** Where samlscope got it. Only `idp-metadata` and `idp-cert` are ever trusted. */
  source: 'idp-metadata' | 'idp-cert' | 'keyinfo' | 'sp-metadata';
}

/** A certificate the user configured as an IdP trust anchor. */
export interface TrustedCertificate {
  pem: string;
  source: 'idp-metadata' | 'idp-cert';
  /** File or setting the certificate came from, for evidence. */
  origin: string;
}
