/**
 * Reading what a user gives besides the message: IdP metadata or certificates (the trust anchor), SP
 * metadata and the SP's private key (an instance snapshot: setup-snapshot.ts). Both front doors read these texts here, with
 * the engine's own parsers, once, when they are given: a broken file is refused at once with the parser's
 * explanation, and every later analysis uses the parsed value.
 */
import { createPrivateKey } from 'node:crypto';
import { parseIdpMetadata } from '../core/metadata/idp-metadata.js';
import { parsePemCertificates } from '../core/metadata/pem.js';
import { parseSpMetadata } from '../core/metadata/sp-metadata.js';
import type { IdpMetadata, SpMetadata } from '../core/model/options.js';

/** Text for one setting and where it came from (file name or path; absent for a paste). */
export interface GivenText {
  text: string;
  name?: string | undefined;
}

export type IdpTrust =
  | { kind: 'metadata'; text: string; metadata: IdpMetadata; origin: string }
  | { kind: 'certificate'; text: string; pems: string[]; origin: string };

export interface ParsedSpMetadata {
  metadata: SpMetadata;
  origin: string;
}

export interface SpKey {
  pem: string;
  origin: string;
  /** `RSA 2048`: enough to recognise the key, nothing that reveals it. */
  description: string;
}

/** A setting that cannot be used; the message says what was expected and what the parser found. */
export class SetupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SetupError';
  }
}

/** The message of a parser's error, for the refusal that quotes it. */
export function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Who gave the text: its file name, or `Pasted text`. */
export function originOf(given: GivenText): string {
  return given.name?.trim() || 'Pasted text';
}

/** Text enters here: a byte-order mark (Windows editors write one) is removed once. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** XML is metadata; anything else must be PEM certificate(s) (or a bare base64 certificate body). */
export function readIdpTrust(given: GivenText): IdpTrust {
  const text = stripBom(given.text).trim();
  const origin = originOf(given);
  if (text.startsWith('<')) return readIdpMetadata({ text, name: origin });
  try {
    return { kind: 'certificate', text, pems: parsePemCertificates(text), origin };
  } catch (error) {
    throw new SetupError(`${origin} cannot be used as the IdP certificate: ${reason(error)}`, { cause: error });
  }
}

export function readIdpMetadata(given: GivenText): IdpTrust & { kind: 'metadata' } {
  const text = stripBom(given.text).trim();
  const origin = originOf(given);
  try {
    return { kind: 'metadata', text, metadata: parseIdpMetadata(text), origin };
  } catch (error) {
    throw new SetupError(`${origin} cannot be used as IdP metadata: ${reason(error)}`, { cause: error });
  }
}

export function readSpMetadata(given: GivenText): ParsedSpMetadata {
  const origin = originOf(given);
  try {
    return { metadata: parseSpMetadata(stripBom(given.text).trim()), origin };
  } catch (error) {
    throw new SetupError(`${origin} cannot be used as SP metadata: ${reason(error)}`, { cause: error });
  }
}

const KEY_BLOCK = /-----BEGIN ((?:RSA |EC |ENCRYPTED )?PRIVATE KEY)-----[\s\S]*?-----END \1-----/;

/**
 * Only the key block is kept: a combined PEM file's certificate is the SP's own, not an IdP trust anchor.
 *
 * Only unprotected RSA keys are accepted. An encrypted assertion carries its content key encrypted to
 * the SP's key with an XML Encryption key-transport algorithm, and those are RSA (RSA-OAEP, RSA-1_5:
 * https://www.w3.org/TR/xmlenc-core1/#sec-Alg-KeyTransport), so an EC key can never decrypt one. Neither
 * door asks for a passphrase, so a protected key is refused with the command that removes it.
 */
export function readSpKey(given: GivenText): SpKey {
  const origin = originOf(given);
  const block = KEY_BLOCK.exec(stripBom(given.text));
  if (!block) throw new SetupError(`${origin} holds no PEM private key (-----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----).`);
  if (block[1] === 'ENCRYPTED PRIVATE KEY') {
    throw new SetupError(`${origin} is protected by a passphrase. Export it without one for samlscope (openssl pkey -in key.pem -out plain-key.pem); it stays in memory only.`);
  }
  const pem = `${block[0]}\n`;
  let key: ReturnType<typeof createPrivateKey>;
  try {
    key = createPrivateKey(pem);
  } catch (error) {
    throw new SetupError(`${origin} is not a readable private key: ${reason(error)}`, { cause: error });
  }
  const details = key.asymmetricKeyDetails ?? {};
  const type = (key.asymmetricKeyType ?? 'unknown').toUpperCase();
  if (key.asymmetricKeyType !== 'rsa') {
    const curve = details.namedCurve ? ` ${details.namedCurve}` : '';
    throw new SetupError(
      `${origin} is an ${type}${curve} key. Encrypted assertions carry their key encrypted to the SP's RSA key (XML Encryption RSA-OAEP or RSA-1_5), so only an RSA key can decrypt them: give the SP's RSA encryption key (the one whose certificate is in the SP metadata's KeyDescriptor use="encryption").`,
    );
  }
  return { pem, origin, description: `${type} ${details.modulusLength ?? ''}`.trim() };
}
