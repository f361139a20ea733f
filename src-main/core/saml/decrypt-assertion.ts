import type { Element } from '@xmldom/xmldom';
import { decrypt } from 'xml-encryption';
import type { SpPrivateKey } from '../model/options.js';
import { RSA_1_5, decryptRsa15, usesRsa15 } from './decrypt-rsa15.js';
import { encryptedAssertionSchemaProblem } from './encrypted-schema.js';

export type DecryptOutcome =
  | { ok: true; assertionXml: string; keyOrigin: string; obsoleteKeyTransport?: typeof RSA_1_5 }
  | { ok: false; errors: string[] };

function decryptWith(encryptedXml: string, key: SpPrivateKey): Promise<string> {
  return new Promise((resolve, reject) => {
    // Weak content algorithms (AES-CBC) are decrypted so the diagnosis can proceed; the finding reports them.
    decrypt(encryptedXml, { key: key.pem, disallowDecryptionWithInsecureAlgorithm: false, warnInsecureAlgorithm: false }, (error, result) => {
      if (error) reject(error);
      else resolve(result);
    });
  });
}

/**
 * Decrypts an EncryptedAssertion with each configured SP key in turn (xml-encryption does the
 * cryptography). The plaintext is not trusted by itself: the caller verifies it like any assertion.
 */
export async function decryptAssertion(encryptedAssertion: Element, keys: SpPrivateKey[]): Promise<DecryptOutcome> {
  const malformed = encryptedAssertionSchemaProblem(encryptedAssertion);
  if (malformed) return { ok: false, errors: [`the encrypted assertion is not decrypted: ${malformed}`] };
  if (usesRsa15(encryptedAssertion)) return decryptWithRsa15(encryptedAssertion, keys);
  const encryptedXml = encryptedAssertion.toString();
  const errors: string[] = [];
  for (const key of keys) {
    try {
      const assertionXml = await decryptWith(encryptedXml, key);
      return { ok: true, assertionXml, keyOrigin: key.origin };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // Node ≥ 20.11 refuses RSA PKCS#1 v1.5 decryption (CVE-2023-46809): say so instead of a cryptic error.
      const explained = /RSA_PKCS1_PADDING|pkcs1 padding/i.test(reason)
        ? `${reason} (RSA PKCS#1 v1.5 key transport is refused by Node.js since CVE-2023-46809; the IdP should use RSA-OAEP)`
        : reason;
      errors.push(`${key.origin}: ${explained}`);
    }
  }
  return { ok: false, errors };
}

/** rsa-1_5 key transport, which Node refuses: unwrapped with a pure-JavaScript RSA, offline, with the SP's own key. */
function decryptWithRsa15(encryptedAssertion: Element, keys: SpPrivateKey[]): DecryptOutcome {
  const errors: string[] = [];
  for (const key of keys) {
    try {
      return { ok: true, assertionXml: decryptRsa15(encryptedAssertion, key.pem), keyOrigin: key.origin, obsoleteKeyTransport: RSA_1_5 };
    } catch (error) {
      errors.push(`${key.origin}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { ok: false, errors };
}
