/**
 * A second opinion on an HTTP-Redirect query-string signature, from openssl: the signed octets are
 * `SAMLRequest=…&RelayState=…&SigAlg=…` exactly as they appear in the URL (SAML Bindings 3.4.4.1,
 * https://docs.oasis-open.org/security/saml/v2.0/saml-bindings-2.0-os.pdf).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DIGESTS: Record<string, string> = {
  'http://www.w3.org/2000/09/xmldsig#rsa-sha1': '-sha1',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256': '-sha256',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512': '-sha512',
};

export interface RedirectSignature {
  signedOctets: string;
  sigAlg: string;
  signature: Buffer;
}

/** The signed octets, algorithm and signature of a Redirect-binding URL; undefined when it carries none. */
export function redirectSignatureOf(url: string): RedirectSignature | undefined {
  const query = url.slice(url.indexOf('?') + 1);
  const raw = new Map(query.split('&').map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)] as const));
  const message = raw.has('SAMLRequest') ? 'SAMLRequest' : 'SAMLResponse';
  const sigAlg = raw.get('SigAlg');
  const signature = raw.get('Signature');
  if (!raw.has(message) || sigAlg === undefined || signature === undefined) return undefined;
  const parts = [`${message}=${raw.get(message)}`];
  if (raw.has('RelayState')) parts.push(`RelayState=${raw.get('RelayState')}`);
  parts.push(`SigAlg=${sigAlg}`);
  return { signedOctets: parts.join('&'), sigAlg: decodeURIComponent(sigAlg), signature: Buffer.from(decodeURIComponent(signature), 'base64') };
}

/** openssl's verdict on the signature with the public key of `certificatePem`. */
export function opensslVerifies(signed: RedirectSignature, certificatePem: string, dir: string): { ok: boolean; output: string } {
  const digest = DIGESTS[signed.sigAlg];
  if (!digest) return { ok: false, output: `no openssl digest for ${signed.sigAlg}` };
  const cert = join(dir, 'redirect-signer.crt.pem');
  const publicKey = join(dir, 'redirect-signer.pub.pem');
  const data = join(dir, 'redirect-signed-octets.txt');
  const signature = join(dir, 'redirect-signature.bin');
  writeFileSync(cert, certificatePem);
  writeFileSync(data, signed.signedOctets);
  writeFileSync(signature, signed.signature);
  const key = spawnSync('openssl', ['x509', '-pubkey', '-noout', '-in', cert], { encoding: 'utf8' });
  if (key.status !== 0) return { ok: false, output: key.stderr };
  writeFileSync(publicKey, key.stdout);
  const run = spawnSync('openssl', ['dgst', digest, '-verify', publicKey, '-signature', signature, data], { encoding: 'utf8' });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}`.trim() };
}
