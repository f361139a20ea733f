/**
 * RSA PKCS#1 v1.5 key transport (`xmlenc#rsa-1_5`), which Node.js refuses to decrypt since
 * CVE-2023-46809 (a timing oracle matters for a server answering attackers, not for an offline tool
 * decrypting one message with the SP's own key). The wrapped key is unwrapped with node-forge's
 * pure-JavaScript RSA; the content is decrypted with node:crypto.
 */
import { createDecipheriv, createPrivateKey } from 'node:crypto';
import type { Element } from '@xmldom/xmldom';
import forge from 'node-forge';
import { DS_NS, XENC_NS, attr, childElements, elementText, firstChildElement } from '../xml/dom.js';
import { RSA_1_5 } from './key-transport.js';
import { ownValue } from '../model/own.js';

export { RSA_1_5 };

/** XML Encryption content algorithms: Node cipher, IV length, whether it is GCM (tag appended). */
const CONTENT_ALGORITHMS: Record<string, { cipher: string; ivLength: number; gcm: boolean }> = {
  'http://www.w3.org/2001/04/xmlenc#aes128-cbc': { cipher: 'aes-128-cbc', ivLength: 16, gcm: false },
  'http://www.w3.org/2001/04/xmlenc#aes192-cbc': { cipher: 'aes-192-cbc', ivLength: 16, gcm: false },
  'http://www.w3.org/2001/04/xmlenc#aes256-cbc': { cipher: 'aes-256-cbc', ivLength: 16, gcm: false },
  'http://www.w3.org/2001/04/xmlenc#tripledes-cbc': { cipher: 'des-ede3-cbc', ivLength: 8, gcm: false },
  'http://www.w3.org/2009/xmlenc11#aes128-gcm': { cipher: 'aes-128-gcm', ivLength: 12, gcm: true },
  'http://www.w3.org/2009/xmlenc11#aes192-gcm': { cipher: 'aes-192-gcm', ivLength: 12, gcm: true },
  'http://www.w3.org/2009/xmlenc11#aes256-gcm': { cipher: 'aes-256-gcm', ivLength: 12, gcm: true },
};

interface EncryptedParts {
  data: Element;
  key: Element;
}

/** The EncryptedData and its EncryptedKey (inside its KeyInfo, or beside it in the EncryptedAssertion, as SAML allows). */
function encryptedParts(encryptedAssertion: Element): EncryptedParts | undefined {
  const data = firstChildElement(encryptedAssertion, XENC_NS, 'EncryptedData');
  if (!data) return undefined;
  const keyInfo = firstChildElement(data, DS_NS, 'KeyInfo');
  const inKeyInfo = keyInfo ? firstChildElement(keyInfo, XENC_NS, 'EncryptedKey') : undefined;
  const beside = childElements(encryptedAssertion, XENC_NS, 'EncryptedKey');
  const key = inKeyInfo ?? (beside.length === 1 ? beside[0] : undefined);
  return key ? { data, key } : undefined;
}

function algorithmOf(el: Element): string | undefined {
  const method = firstChildElement(el, XENC_NS, 'EncryptionMethod');
  return method ? attr(method, 'Algorithm') : undefined;
}

function cipherValue(el: Element): Buffer {
  const cipherData = firstChildElement(el, XENC_NS, 'CipherData');
  const value = cipherData ? firstChildElement(cipherData, XENC_NS, 'CipherValue') : undefined;
  if (!value) throw new Error(`no CipherData/CipherValue in ${el.localName}`);
  return Buffer.from(elementText(value).replace(/\s+/g, ''), 'base64');
}

/** True when the assertion's symmetric key is wrapped with RSA PKCS#1 v1.5. */
export function usesRsa15(encryptedAssertion: Element): boolean {
  const parts = encryptedParts(encryptedAssertion);
  return parts !== undefined && algorithmOf(parts.key) === RSA_1_5;
}

function unwrapKey(wrapped: Buffer, privateKeyPem: string): Buffer {
  // Any key format Node reads (PKCS#1, PKCS#8), handed to forge as PKCS#1.
  const pkcs1 = createPrivateKey(privateKeyPem).export({ type: 'pkcs1', format: 'pem' }).toString();
  const key = forge.pki.privateKeyFromPem(pkcs1);
  return Buffer.from(key.decrypt(wrapped.toString('binary'), 'RSAES-PKCS1-V1_5'), 'binary');
}

function decryptContent(algorithm: string, key: Buffer, content: Buffer): string {
  const spec = ownValue(CONTENT_ALGORITHMS, algorithm);
  if (!spec) throw new Error(`content encryption algorithm ${algorithm} is not supported`);
  const iv = content.subarray(0, spec.ivLength);
  let body = content.subarray(spec.ivLength);
  const decipher = createDecipheriv(spec.cipher, key, iv);
  if (spec.gcm) {
    (decipher as ReturnType<typeof createDecipheriv> & { setAuthTag(tag: Buffer): void }).setAuthTag(body.subarray(body.length - 16));
    body = body.subarray(0, body.length - 16);
  } else {
    decipher.setAutoPadding(false);
  }
  let plain = Buffer.concat([decipher.update(body), decipher.final()]);
  if (!spec.gcm) {
    // XML Encryption padding: the last byte says how many bytes to drop (https://www.w3.org/TR/xmlenc-core1/#sec-Padding).
    const pad = plain[plain.length - 1] ?? 0;
    if (pad < 1 || pad > spec.ivLength) throw new Error('padding length invalid (wrong key?)');
    plain = plain.subarray(0, plain.length - pad);
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(plain);
}

/** Decrypts an EncryptedAssertion whose key is wrapped with rsa-1_5, with the SP's private key. Throws with a plain reason. */
export function decryptRsa15(encryptedAssertion: Element, privateKeyPem: string): string {
  const parts = encryptedParts(encryptedAssertion);
  if (!parts) throw new Error('no EncryptedData with an EncryptedKey');
  let symmetricKey: Buffer;
  try {
    symmetricKey = unwrapKey(cipherValue(parts.key), privateKeyPem);
  } catch (error) {
    throw new Error(`the rsa-1_5 wrapped key does not decrypt with this key (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  return decryptContent(algorithmOf(parts.data) ?? '(missing)', symmetricKey, cipherValue(parts.data));
}
