import { inflateRawSync, inflateSync } from 'node:zlib';
import { InputDecodeError } from './decode-error.js';

/**
 * Inflates a DEFLATE-compressed message (HTTP-Redirect binding), stopping at `maxBytes` of output.
 * `maxOutputLength` makes zlib abort as soon as the limit is reached, so a bomb costs milliseconds; the size
 * is bounded after inflating, not only before (the gap behind ruby-saml's CVE-2025-25293,
 * https://nvd.nist.gov/vuln/detail/CVE-2025-25293). Some tools send zlib-wrapped data (RFC 1950) instead of raw DEFLATE; that is accepted too.
 */
export function inflateMessage(compressed: Buffer, what: string, maxBytes: number): Buffer {
  const zlibWrapped = compressed.length >= 2 && compressed[0] === 0x78 && ((compressed[0]! << 8) | compressed[1]!) % 31 === 0;
  try {
    return inflateRawSync(compressed, { maxOutputLength: maxBytes });
  } catch (err) {
    if (isOutputLimit(err)) throw tooLarge(what, maxBytes);
    if (zlibWrapped) {
      try {
        return inflateSync(compressed, { maxOutputLength: maxBytes });
      } catch (err2) {
        if (isOutputLimit(err2)) throw tooLarge(what, maxBytes);
      }
    }
    const reason = err instanceof Error ? err.message : String(err);
    throw new InputDecodeError('input.decode-failed', `${what} is not valid DEFLATE-compressed data (${reason}). HTTP-Redirect messages are raw DEFLATE, then base64, then URL-encoded; the value may be truncated.`, [
      { location: what, value: reason },
    ]);
  }
}

function isOutputLimit(err: unknown): boolean {
  return err instanceof RangeError && (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
}

function tooLarge(what: string, maxBytes: number): InputDecodeError {
  return new InputDecodeError('input.too-large', `${what} decompresses to more than ${maxBytes} bytes, the limit for one message; decompression was stopped at the limit. A real SAML message is a few kilobytes, so this is a corrupted or hostile input (a "decompression bomb").`, [
    { location: `${what} (DEFLATE output)`, value: `more than ${maxBytes} bytes`, expected: `at most ${maxBytes} bytes` },
  ]);
}
