/**
 * Decodes only the beginning of a long JSON string from its UTF-8 bytes: a capture keeps a bounded
 * number of characters of each field, so decoding a 10 MB body to keep 256 KB of it wastes the rest.
 * The characters returned are exactly those that decoding the whole string would begin with (JSON.parse
 * of the text TextDecoder makes of the bytes).
 */
import { ownCopy } from './own-copy.js';
import { BACKSLASH, QUOTE } from './json-bytes.js';

/** A byte that continues a multi-byte UTF-8 character (10xxxxxx). */
const isContinuation = (byte: number | undefined): boolean => byte !== undefined && (byte & 0xc0) === 0x80;

export interface StringPrefix {
  /** At most `max` UTF-16 code units, a string of its own (it keeps no larger string alive). */
  text: string;
  /** The string is longer than `text`. */
  cut: boolean;
}

/**
 * The first `max` code units of the string whose content (without quotes) is `bytes` from `start` to
 * `end`, already checked by the scanner (json-value-scanner.ts); `escaped` when it holds a backslash.
 */
export function decodePrefix(bytes: Buffer, start: number, end: number, max: number, escaped: boolean, decoder: TextDecoder): StringPrefix {
  const at = prefixEnd(bytes, start, end, max, escaped);
  const text = escaped ? parseQuoted(bytes, start, at, decoder) : decoder.decode(bytes.subarray(start, at));
  if (text.length === max && at < end) return { text, cut: true };
  if (text.length <= max && at === end) return { text, cut: false };
  // Invalid UTF-8, or a 4-byte character across the bound: the count above was not exact, so decode it all.
  const whole = escaped ? parseQuoted(bytes, start, end, decoder) : decoder.decode(bytes.subarray(start, end));
  return whole.length > max ? { text: ownCopy(whole, max), cut: true } : { text: whole, cut: false };
}

/**
 * Where the characters that fit in `max` code units end: one unit per character or escape, two for a
 * 4-byte character. The index is always between two characters, where decoding the prefix and decoding
 * the whole agree (the WHATWG decoder ends an unfinished sequence at the next byte that does not
 * continue it: https://encoding.spec.whatwg.org/#utf-8-decoder), and never inside an escape.
 */
function prefixEnd(bytes: Uint8Array, start: number, end: number, max: number, escaped: boolean): number {
  let units = 0;
  let i = start;
  while (i < end) {
    const byte = bytes[i]!;
    let width = 1;
    if (escaped && byte === BACKSLASH) width = bytes[i + 1] === 0x75 ? 6 : 2;
    else if (byte >= 0xc0) while (i + width < end && isContinuation(bytes[i + width])) width++;
    const count = byte >= 0xf0 ? 2 : 1;
    if (units + count > max) break;
    units += count;
    i += width;
  }
  return i;
}

/** JSON.parse of the string content from `start` to `end` (never inside an escape), quoted. */
function parseQuoted(bytes: Buffer, start: number, end: number, decoder: TextDecoder): string {
  const quoted = Buffer.allocUnsafe(end - start + 2);
  quoted[0] = QUOTE;
  bytes.copy(quoted, 1, start, end);
  quoted[quoted.length - 1] = QUOTE;
  return JSON.parse(decoder.decode(quoted)) as string;
}
