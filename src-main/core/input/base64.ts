import { InputDecodeError } from './decode-error.js';
import { maxBase64Chars } from './limits.js';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const BASE64URL = /^[A-Za-z0-9\-_]*={0,2}$/;

/** Removes the whitespace that e-mail clients, terminals and HTML forms insert into long base64 values. */
export function compactBase64(text: string): string {
  return text.replace(/[\s]+/g, '');
}

/** True when `text` (whitespace ignored) is plausibly base64 of a SAML message: alphabet and length only. */
export function looksLikeBase64(text: string, minChars = 16): boolean {
  const compact = compactBase64(text);
  if (compact.length < minChars || compact.length % 4 === 1) return false;
  return BASE64.test(compact) || BASE64URL.test(compact);
}

/**
 * Strict base64 decoding (Buffer.from ignores junk silently, which would hide a truncated paste).
 * The length is checked against the byte limit before anything is decoded.
 */
export function decodeBase64Strict(text: string, what: string, maxBytes: number): Buffer {
  const compact = compactBase64(text);
  const limit = maxBase64Chars(maxBytes);
  if (compact.length > limit) {
    throw new InputDecodeError('input.too-large', `${what} is ${compact.length} base64 characters, more than the ${limit} characters that can hold the ${maxBytes}-byte limit for one message.`, [
      { location: what, value: `${compact.length} base64 characters`, expected: `at most ${limit}` },
    ]);
  }
  if (compact.length === 0) {
    throw new InputDecodeError('input.decode-failed', `${what} is empty.`, [{ location: what, value: '' }]);
  }
  const alphabetOk = BASE64.test(compact) || BASE64URL.test(compact);
  if (!alphabetOk) {
    const bad = /[^A-Za-z0-9+/=\-_]/.exec(compact);
    const where = bad ? `character ${JSON.stringify(bad[0])} at position ${bad.index + 1}` : 'padding in the middle';
    throw new InputDecodeError('input.decode-failed', `${what} is not valid base64: ${where}. The value may be truncated, or URL-encoded twice.`, [
      { location: what, value: where },
    ]);
  }
  if (compact.length % 4 === 1) {
    throw new InputDecodeError('input.decode-failed', `${what} is not valid base64: its length (${compact.length}) cannot be a complete base64 value, so it was probably cut off when copied.`, [
      { location: what, value: `${compact.length} base64 characters` },
    ]);
  }
  return Buffer.from(compact, BASE64.test(compact) ? 'base64' : 'base64url');
}
