/**
 * Throw-away certificates for the TLS failure tests, built with node-forge (keys from node:crypto,
 * which is much faster). A private CA lets a test trust the chain and still hit a host-name
 * mismatch or an expired certificate.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

export interface Pem {
  key: string;
  cert: string;
}

interface CertOptions {
  commonName: string;
  /** DNS names and IP addresses for subjectAltName. */
  altNames?: Array<{ dns: string } | { ip: string }>;
  notBefore?: Date;
  notAfter?: Date;
  isCa?: boolean;
  issuer?: Pem;
}

function newKey(): { pem: string; forgeKey: forge.pki.rsa.PrivateKey } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return { pem, forgeKey: forge.pki.privateKeyFromPem(pem) as forge.pki.rsa.PrivateKey };
}

export function makeCertificate(opts: CertOptions): Pem {
  const { pem, forgeKey } = newKey();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e);
  cert.serialNumber = '7' + randomBytes(7).toString('hex');
  cert.validity.notBefore = opts.notBefore ?? new Date(Date.now() - 24 * 3600_000);
  cert.validity.notAfter = opts.notAfter ?? new Date(Date.now() + 30 * 24 * 3600_000);
  const subject = [{ shortName: 'CN', value: opts.commonName }];
  cert.setSubject(subject);
  const extensions: object[] = [{ name: 'basicConstraints', cA: opts.isCa ?? false }];
  if (opts.isCa) extensions.push({ name: 'keyUsage', keyCertSign: true, cRLSign: true });
  else extensions.push({ name: 'keyUsage', digitalSignature: true, keyEncipherment: true }, { name: 'extKeyUsage', serverAuth: true });
  if (opts.altNames) {
    extensions.push({ name: 'subjectAltName', altNames: opts.altNames.map((a) => ('dns' in a ? { type: 2, value: a.dns } : { type: 7, ip: a.ip })) });
  }
  cert.setExtensions(extensions);
  if (opts.issuer) {
    cert.setIssuer(forge.pki.certificateFromPem(opts.issuer.cert).subject.attributes);
    cert.sign(forge.pki.privateKeyFromPem(opts.issuer.key), forge.md.sha256.create());
  } else {
    cert.setIssuer(subject);
    cert.sign(forgeKey, forge.md.sha256.create());
  }
  return { key: pem, cert: forge.pki.certificateToPem(cert) };
}
