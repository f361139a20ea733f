/**
 * Second opinion on every `valid`: Debian's xmlsec1 (libxml2 + OpenSSL) verifies each ds:Signature of the
 * document with the seed's trusted certificate. A signature xmlsec1 refuses where samlscope said valid is
 * saved for review (it may be a false valid, or a stricter parser; both are worth a look).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const SIGNATURE_START = /<([\w.-]+:)?Signature[\s>]/g;
const ID_ATTRIBUTES = ['urn:oasis:names:tc:SAML:2.0:protocol:Response', 'urn:oasis:names:tc:SAML:2.0:assertion:Assertion', 'urn:oasis:names:tc:SAML:2.0:protocol:LogoutRequest', 'urn:oasis:names:tc:SAML:2.0:protocol:LogoutResponse'];

export function xmlsecAvailable(): boolean {
  try {
    execFileSync('xmlsec1', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Undefined when xmlsec1 verifies every ds:Signature with `certificatePem`; else which one it refused. */
export function xmlsecRefusal(xml: string, certificatePem: string): string | undefined {
  const dir = mkdtempSync(path.join(tmpdir(), 'samlscope-fuzz-xmlsec-'));
  try {
    writeFileSync(path.join(dir, 'doc.xml'), xml);
    writeFileSync(path.join(dir, 'cert.pem'), certificatePem);
    const count = Math.max(1, xml.match(SIGNATURE_START)?.length ?? 0);
    for (let k = 1; k <= count; k++) {
      const args = ['--verify', '--pubkey-cert-pem', path.join(dir, 'cert.pem'), ...ID_ATTRIBUTES.flatMap((a) => ['--id-attr:ID', a]),
        '--node-xpath', `(//*[local-name()='Signature' and namespace-uri()='http://www.w3.org/2000/09/xmldsig#'])[${k}]`, path.join(dir, 'doc.xml')];
      try {
        execFileSync('xmlsec1', args, { stdio: 'pipe', timeout: 20_000 });
      } catch (error) {
        const stderr = String((error as { stderr?: Buffer }).stderr ?? '');
        const reason = stderr.split('\n').filter((line) => line.startsWith('func=') && !/self-signed|X509_verify_cert|x509vfy/.test(line))
          .map((line) => `${/func=(\w+)/.exec(line)?.[1] ?? ''}: ${/error=\d+:([^:]*)(?::(.*))?/.exec(line)?.slice(1).filter(Boolean).join(': ') ?? line}`).slice(0, 2).join(' | ');
        return `xmlsec1 refuses signature ${k} of ${count}: ${reason.slice(0, 400)}`;
      }
    }
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
