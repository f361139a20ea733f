/**
 * Second opinion on every `valid`: Debian's xmlsec1 (libxml2 + OpenSSL) verifies each ds:Signature of the
 * document with the seed's trusted certificate. A signature xmlsec1 refuses where samlscope said valid is
 * saved for review (it may be a false valid, or a stricter parser; both are worth a look).
 *
 * The call is made to judge the same thing samlscope judges (docs/fuzzing.md, "The oracles"):
 * - the file holds the characters samlscope was given, encoded as the XML declaration says (samlscope gets
 *   a string; a Latin-1 label on it describes those characters, so the file is written in Latin-1 then);
 * - encrypted assertions are decrypted first with the seed's SP key (`xmlsec1 --decrypt`), so that the
 *   signatures inside them, which samlscope verifies after decrypting, are seen by xmlsec1 too;
 * - trust comes from the configured certificate only: `--enabled-key-data key-name` keeps xmlsec1 from
 *   reading the X509Data or KeyValue in the (unsigned) KeyInfo, as samlscope does; otherwise a garbled
 *   certificate in KeyInfo, which nobody signed and which selects no key, fails the verification. The
 *   decryption likewise reads only the EncryptedKey (`enc-key,retrieval-method`), with the SP key given.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

// Asynchronous, so a campaign's analyses go on while xmlsec1 runs (run synchronously it held the main
// thread for more than half of a campaign while the analysis workers waited).
const run = promisify(execFile);

const SIGNATURE_START = /<([\w.-]+:)?Signature[\s>]/g;
const ENCRYPTED_DATA = /<([\w.-]+:)?EncryptedData[\s>]/g;
/**
 * The first EncryptedData that SAML encrypts (in an EncryptedAssertion, EncryptedID or EncryptedAttribute),
 * as samlscope decrypts them. Not simply the first in the document: an EncryptedData spliced in elsewhere
 * (fuzzer seed 20261210, index 34184), which samlscope never decrypts, made xmlsec1 decrypt the wrong one.
 */
const SAML_ENCRYPTED_DATA = "(//*[local-name()='EncryptedAssertion' or local-name()='EncryptedID' or local-name()='EncryptedAttribute']/*[local-name()='EncryptedData' and namespace-uri()='http://www.w3.org/2001/04/xmlenc#'])[1]";
const ID_ATTRIBUTES = ['urn:oasis:names:tc:SAML:2.0:protocol:Response', 'urn:oasis:names:tc:SAML:2.0:assertion:Assertion', 'urn:oasis:names:tc:SAML:2.0:protocol:LogoutRequest', 'urn:oasis:names:tc:SAML:2.0:protocol:LogoutResponse'];
const LATIN_LABEL = /^(iso-8859-1|iso_8859-1|iso8859-1|latin-?1|l1|windows-1252|cp1252|us-ascii|ascii)$/i;
const DECLARED_LABEL = /^\uFEFF?<\?xml[\t\n\r ][^>]*?\bencoding[\t\n\r ]*=[\t\n\r ]*(["'])([^"']*)\1/;

export function xmlsecAvailable(): boolean {
  try {
    execFileSync('xmlsec1', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The bytes of the document samlscope read as the string `xml`: UTF-8, or Latin-1 where the declaration says so. */
export function documentBytes(xml: string): Buffer {
  const label = DECLARED_LABEL.exec(xml)?.[2];
  // eslint-disable-next-line no-control-regex
  if (label && LATIN_LABEL.test(label) && /^[\u0000-\u007f\u00a0-\u00ff]*$/.test(xml)) return Buffer.from(xml, 'latin1');
  return Buffer.from(xml, 'utf8');
}

function stderrOf(error: unknown): string {
  return String((error as { stderr?: Buffer }).stderr ?? '');
}

function reasonOf(error: unknown): string {
  const stderr = stderrOf(error);
  const lines = stderr.split('\n');
  const reason = lines.filter((line) => line.startsWith('func=') && !/self-signed|X509_verify_cert|x509vfy/.test(line))
    .map((line) => `${/func=(\w+)/.exec(line)?.[1] ?? ''}: ${/error=\d+:([^:]*)(?::(.*))?/.exec(line)?.slice(1).filter(Boolean).join(': ') ?? line}`).slice(0, 2).join(' | ');
  return (reason || lines.filter((line) => line.trim() !== '' && !line.startsWith('func=')).slice(0, 2).join(' | ')).slice(0, 400);
}

/**
 * Undefined when xmlsec1 verifies every ds:Signature with `certificatePem` (after decrypting the encrypted
 * assertions with `spKeyPems`); else which one it refused.
 */
export async function xmlsecRefusal(xml: string, certificatePem: string, spKeyPems: readonly string[] = []): Promise<string | undefined> {
  const dir = await mkdtemp(path.join(tmpdir(), 'samlscope-fuzz-xmlsec-'));
  try {
    const doc = path.join(dir, 'doc.xml');
    await writeFile(doc, documentBytes(xml));
    await writeFile(path.join(dir, 'cert.pem'), certificatePem);
    let text = xml;
    // Decrypt every EncryptedData xmlsec1 can (the first one in document order each time). One that does
    // not decrypt stays as it is: what it hides is as invisible to samlscope as to xmlsec1.
    for (const [k, key] of spKeyPems.entries()) await writeFile(path.join(dir, `sp${k}.pem`), key);
    for (let round = 0; round < 8 && spKeyPems.length > 0 && (text.match(ENCRYPTED_DATA)?.length ?? 0) > 0; round++) {
      let decrypted: Buffer | undefined;
      for (const k of spKeyPems.keys()) {
        try {
          decrypted = (await run('xmlsec1', ['--decrypt', '--privkey-pem', path.join(dir, `sp${k}.pem`), '--enabled-key-data', 'enc-key,retrieval-method', '--node-xpath', SAML_ENCRYPTED_DATA, doc], { encoding: 'buffer', timeout: 20_000, maxBuffer: 64 * 1024 * 1024 })).stdout;
          break;
        } catch {
          decrypted = undefined;
        }
      }
      if (!decrypted) break;
      await writeFile(doc, decrypted);
      const before = text.match(ENCRYPTED_DATA)?.length ?? 0;
      text = await readFile(doc, 'latin1');
      if ((text.match(ENCRYPTED_DATA)?.length ?? 0) >= before) break;
    }
    const found = text.match(SIGNATURE_START)?.length ?? 0;
    const count = Math.max(1, found);
    for (let k = 1; k <= count; k++) {
      const args = ['--verify', '--pubkey-cert-pem', path.join(dir, 'cert.pem'), '--enabled-key-data', 'key-name', ...ID_ATTRIBUTES.flatMap((a) => ['--id-attr:ID', a]),
        '--node-xpath', `(//*[local-name()='Signature' and namespace-uri()='http://www.w3.org/2000/09/xmldsig#'])[${k}]`, doc];
      try {
        await run('xmlsec1', args, { encoding: 'buffer', timeout: 20_000 });
      } catch (error) {
        // The count is of elements named Signature in any namespace; fewer of them are ds:Signature.
        // Read in the whole output: a parser warning before it (an XML 1.1 declaration) pushes it out of the reason.
        if (k > 1 && /does not return a single node/.test(stderrOf(error))) break;
        if (found === 0) return `xmlsec1 finds no ds:Signature${spKeyPems.length ? ' (after decrypting what it could)' : ''}: ${reasonOf(error)}`;
        return `xmlsec1 refuses signature ${k} of ${count}: ${reasonOf(error)}`;
      }
    }
    return undefined;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
