import forge from 'node-forge';

/** A real self-signed certificate (base64 DER body), shaped like AWS IAM Identity Center's. Small key: tests only. */
export function makeCertificateBody(serial = '01', commonName = 'amazonaws.com'): string {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 1024, e: 0x10001 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serial;
  cert.validity.notBefore = new Date('2024-01-03T14:27:25Z');
  cert.validity.notAfter = new Date('2029-01-03T14:27:25Z');
  const dn = [
    { name: 'commonName', value: commonName },
    { shortName: 'OU', value: 'IDAS' },
    { name: 'organizationName', value: 'Amazon' },
    { name: 'countryName', value: 'US' },
  ];
  cert.setSubject(dn);
  cert.setIssuer(dn);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return forge.util.encode64(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes());
}
