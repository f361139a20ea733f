/**
 * The responses every IdP under test produces, and the copies derived from them: tampered after signing,
 * signed by an impostor's key, re-encoded in another declared encoding. Each case says whether a relying
 * party that trusts only the IdP's certificate must accept its signature.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeKeyPair } from '../../fixtures/keys.js';
import { PYTHON } from './system-packages.js';

export const EMAIL_FORMAT = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';
export const PERSISTENT_FORMAT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent';
export const USER_EMAIL = 'alice@example.com';
const PERSISTENT_ID = 'a7f3c1e2-5b9d-4f00-9e61-3c2d1b0a9f88';

/** One response as the IdP is asked to make it (the job the Python IdP scripts read). */
export interface IdpCase {
  name: string;
  signResponse: boolean;
  signAssertion: boolean;
  encrypt: 'aes128-cbc' | '3des' | null;
  hash: 'sha1' | 'sha256';
  nameIdFormat: string;
  nameId: string;
  email: string;
  /** `impostor`: signed with a key whose certificate samlscope is not told to trust. */
  key: 'idp' | 'impostor';
  /** Canonicalisation the IdP signs with (exclusive unless said otherwise). */
  c14n: 'exc' | '1.1';
}

function idpCase(name: string, parts: Partial<IdpCase> & Pick<IdpCase, 'signResponse' | 'signAssertion' | 'hash'>): IdpCase {
  const persistent = parts.nameIdFormat === PERSISTENT_FORMAT;
  return { name, encrypt: null, nameIdFormat: EMAIL_FORMAT, nameId: persistent ? PERSISTENT_ID : USER_EMAIL, email: USER_EMAIL, key: 'idp', c14n: 'exc', ...parts };
}

/** Response-signed, Assertion-signed, both; encrypted with AES-CBC and 3DES (RSA-OAEP key transport); SHA-1 and SHA-256; e-mail and persistent NameIDs. */
export const STANDARD_CASES: IdpCase[] = [
  idpCase('response-signed-sha256-email', { signResponse: true, signAssertion: false, hash: 'sha256' }),
  idpCase('assertion-signed-sha256-persistent', { signResponse: false, signAssertion: true, hash: 'sha256', nameIdFormat: PERSISTENT_FORMAT }),
  idpCase('both-signed-sha256-email', { signResponse: true, signAssertion: true, hash: 'sha256' }),
  idpCase('response-signed-sha1-persistent', { signResponse: true, signAssertion: false, hash: 'sha1', nameIdFormat: PERSISTENT_FORMAT }),
  idpCase('assertion-signed-sha1-email', { signResponse: false, signAssertion: true, hash: 'sha1' }),
  idpCase('both-signed-sha1-persistent', { signResponse: true, signAssertion: true, hash: 'sha1', nameIdFormat: PERSISTENT_FORMAT }),
  idpCase('aes128-response-signed-sha256-email', { signResponse: true, signAssertion: false, hash: 'sha256', encrypt: 'aes128-cbc' }),
  idpCase('aes128-assertion-signed-sha256-persistent', { signResponse: false, signAssertion: true, hash: 'sha256', encrypt: 'aes128-cbc', nameIdFormat: PERSISTENT_FORMAT }),
  idpCase('aes128-both-signed-sha256-email', { signResponse: true, signAssertion: true, hash: 'sha256', encrypt: 'aes128-cbc' }),
  idpCase('3des-response-signed-sha1-persistent', { signResponse: true, signAssertion: false, hash: 'sha1', encrypt: '3des', nameIdFormat: PERSISTENT_FORMAT }),
  idpCase('3des-assertion-signed-sha256-email', { signResponse: false, signAssertion: true, hash: 'sha256', encrypt: '3des' }),
  idpCase('3des-both-signed-sha1-persistent', { signResponse: true, signAssertion: true, hash: 'sha1', encrypt: '3des', nameIdFormat: PERSISTENT_FORMAT }),
];

/** The same responses signed by an impostor whose certificate rides along in KeyInfo. */
export const IMPOSTOR_CASES: IdpCase[] = [
  idpCase('impostor-response-signed-sha256-email', { signResponse: true, signAssertion: false, hash: 'sha256', key: 'impostor' }),
  idpCase('impostor-assertion-signed-sha1-persistent', { signResponse: false, signAssertion: true, hash: 'sha1', key: 'impostor', nameIdFormat: PERSISTENT_FORMAT }),
  idpCase('impostor-both-signed-sha256-email', { signResponse: true, signAssertion: true, hash: 'sha256', key: 'impostor' }),
  idpCase('impostor-aes128-assertion-signed-sha256-email', { signResponse: false, signAssertion: true, hash: 'sha256', encrypt: 'aes128-cbc', key: 'impostor' }),
];

export interface InteropKeys {
  dir: string;
  idpKey: string;
  idpCert: string;
  impostorKey: string;
  impostorCert: string;
  spKey: string;
  spCert: string;
}

/** Fresh keys and self-signed certificates in `dir`, made at test time. */
export function writeKeys(dir: string, label: string): InteropKeys {
  const paths: Record<string, string> = {};
  for (const [name, commonName] of [['idp', `idp.${label}.test`], ['impostor', `idp.${label}.test`], ['sp', 'sp.example.test']] as const) {
    const pair = makeKeyPair({ commonName, label: `${label}-${name}` });
    writeFileSync((paths[`${name}Key`] = join(dir, `${name}.key.pem`)), pair.privateKeyPem);
    writeFileSync((paths[`${name}Cert`] = join(dir, `${name}.crt.pem`)), pair.certificatePem);
  }
  return { dir, ...(paths as Omit<InteropKeys, 'dir'>) };
}

export interface IdpJob {
  dir: string;
  entityId: string;
  spEntityId: string;
  acsUrl: string;
  keys: InteropKeys;
  cases: IdpCase[];
}

/** Runs a Python IdP script on a job; returns each case's file. */
export function runPythonIdp(script: string, job: IdpJob): Map<string, string> {
  const input = JSON.stringify({
    dir: job.dir,
    entityId: job.entityId,
    spEntityId: job.spEntityId,
    acsUrl: job.acsUrl,
    keys: { idp: { key: job.keys.idpKey, cert: job.keys.idpCert }, impostor: { key: job.keys.impostorKey, cert: job.keys.impostorCert } },
    spCert: job.keys.spCert,
    cases: job.cases,
  });
  const run = spawnSync(PYTHON, [script], { input, encoding: 'utf8', timeout: 120_000 });
  if (run.status !== 0) throw new Error(`${script} failed (${run.status}): ${run.stderr}`);
  const { files } = JSON.parse(run.stdout) as { files: Record<string, string> };
  return new Map(Object.entries(files));
}

/** Changes signed content in a plaintext assertion: the user's e-mail (NameID and attribute). */
export function tamperPlaintext(xml: string): string {
  if (!xml.includes(USER_EMAIL)) throw new Error('no e-mail address to tamper with');
  return xml.replaceAll(USER_EMAIL, 'mallory@example.com');
}

/** Changes only what the Response's own signature covers: the year of the Response's IssueInstant. */
export function tamperResponseEnvelope(xml: string): string {
  const match = /(<(?:[\w-]+:)?Response\b[^>]*?\sIssueInstant=")(\d{4})/.exec(xml);
  if (!match || match.index === undefined) throw new Error('no Response IssueInstant to tamper with');
  const at = match.index + match[1]!.length;
  return xml.slice(0, at) + String(Number(match[2]) - 1) + xml.slice(at + 4);
}

/**
 * The same bytes-for-meaning document with another declared encoding: a signature covers the canonical
 * form (always UTF-8), so re-encoding keeps it valid. `Zoë` makes the encoding matter.
 */
export function reencodeLatin1(xml: string): Buffer {
  // Character references (pysaml2 writes `Zo&#xEB;`) become the characters themselves, as Latin-1 bytes.
  const literal = xml.replace(/&#x([0-9a-f]{2});/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const declaration = '<?xml version="1.0" encoding="ISO-8859-1"?>';
  const withDeclaration = /^<\?xml[^?]*\?>/.test(literal) ? literal.replace(/^<\?xml[^?]*\?>/, declaration) : `${declaration}\n${literal}`;
  if (!/[\u0080-\u00ff]/.test(withDeclaration)) throw new Error('nothing outside ASCII: the encoding would not matter');
  return Buffer.from(withDeclaration, 'latin1');
}

export function readText(file: string): string {
  return readFileSync(file, 'utf8');
}
