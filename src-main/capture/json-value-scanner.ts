/**
 * Finds where one JSON value ends in a byte buffer without building it, checking its grammar on the
 * way (structure, literals, numbers, string escapes). Strings, which make up nearly all of a HAR's
 * bytes (bodies, base64 images), are crossed with Buffer.indexOf, so the scanner runs at memchr speed
 * where a tokenizer would look at every character.
 *
 * It also answers one question about the value, the outline: whether the value is an object whose
 * key path `watch` (e.g. `request.url`) holds a non-empty string, the last occurrence of a repeated key
 * winning as it does in JSON.parse. That decides whether an importer could read the entry at all.
 *
 * Not checked, so left to the full reader: raw control characters inside strings (unless a StringScanner
 * is asked to), and UTF-8 validity.
 */
import { BACKSLASH, CLOSE_ARRAY, CLOSE_OBJECT, COLON, COMMA, isJsonWhitespace, OPEN_ARRAY, OPEN_OBJECT, QUOTE } from './json-bytes.js';

/** The buffer ends before the value does: read more and scan again from the same start. */
export const NEED_MORE = -1;
/** The bytes are not JSON. */
export const INVALID = -2;
/** Deeper than MAX_DEPTH: left to the full reader, which has no recursion to exhaust. */
export const TOO_DEEP = -3;

export type ScanFailure = typeof NEED_MORE | typeof INVALID | typeof TOO_DEEP;

export interface ScannedValue {
  /** Index just after the value. */
  end: number;
  /** The watched key path holds a non-empty string. */
  watchedIsNonEmptyString: boolean;
  /** A `\u` escape occurs somewhere in the value, so its bytes may spell text they do not show. */
  hasUnicodeEscape: boolean;
}

/** The answer, in `into` when the caller reuses one object for every value (no garbage per value). */
function scanned(into: ScannedValue | undefined, end: number, watchedIsNonEmptyString: boolean, hasUnicodeEscape: boolean): ScannedValue {
  if (!into) return { end, watchedIsNonEmptyString, hasUnicodeEscape };
  into.end = end;
  into.watchedIsNonEmptyString = watchedIsNonEmptyString;
  into.hasUnicodeEscape = hasUnicodeEscape;
  return into;
}

const MAX_DEPTH = 256;
/**
 * The open containers' opening bytes, reused between calls (the scanner never re-enters itself): an
 * importer scans tens of thousands of entries, and a stack allocated per entry was most of the garbage
 * that grew the process's young generation.
 */
const CONTAINERS = new Uint8Array(MAX_DEPTH);


const enum Expect {
  Value,
  ValueOrClose,
  Key,
  KeyOrClose,
  Colon,
  CommaOrClose,
}

/** 1 for the bytes that may follow a backslash (other than `u`): " \\ / b f n r t. */
const SIMPLE_ESCAPE = new Uint8Array(256);
for (const c of [QUOTE, BACKSLASH, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74]) SIMPLE_ESCAPE[c] = 1;
/** Escapes in one string after which the scanner steps byte by byte. */
const ESCAPES_BEFORE_BYTE_LOOP = 8;


function isHexDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** Bytes that can continue a number or a literal (true, false, null). */
function isBareValueByte(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || c === 0x2b || c === 0x2d || c === 0x2e || c === 0x45;
}

/**
 * Scans strings in one buffer. Remembers where the next backslash is, so a buffer with few escapes is
 * searched for them once, not once per string.
 */
export class StringScanner {
  private backslashAt = -1;
  private backslashSearchedFrom = Number.MAX_SAFE_INTEGER;
  hasUnicodeEscape = false;

  /**
   * `refuseControlBytes`: a raw control character (below U+0020) inside a string makes it INVALID, as
   * JSON.parse would (https://www.rfc-editor.org/rfc/rfc8259#section-7). Checking costs a pass over the
   * string's bytes, so only the entries an importer reads are checked.
   */
  constructor(
    private readonly bytes: Buffer,
    private readonly refuseControlBytes = false,
  ) {}

  /** True when a backslash (an escape) is between `start` and `end`. */
  escapedBetween(start: number, end: number): boolean {
    const backslash = this.nextBackslash(start);
    return backslash !== -1 && backslash < end;
  }

  private nextBackslash(from: number): number {
    const known = this.backslashSearchedFrom <= from && (this.backslashAt === -1 || this.backslashAt >= from);
    if (!known) {
      this.backslashAt = this.bytes.indexOf(BACKSLASH, from);
      this.backslashSearchedFrom = from;
    }
    return this.backslashAt;
  }

  /** Index of the quote that closes the string whose content starts at `start`. */
  closingQuote(start: number): number | ScanFailure {
    return this.refuseControlBytes ? this.closingQuoteStrictly(start) : this.unescapedQuote(start);
  }

  /** closingQuote in one pass over the bytes that also refuses control bytes. */
  private closingQuoteStrictly(start: number): number | ScanFailure {
    for (let i = start; ; ) {
      const at = quoteOtherEscapeOrControl(this.bytes, i);
      if (at === -1) return NEED_MORE;
      if (this.bytes[at] === QUOTE) return at;
      if (this.bytes[at]! < 0x20) return INVALID;
      const next = this.afterEscape(at);
      if (next < 0) return next;
      i = next;
    }
  }

  private unescapedQuote(start: number): number | ScanFailure {
    const bytes = this.bytes;
    let p = start;
    let quote = bytes.indexOf(QUOTE, p);
    for (let escapes = 0; ; escapes++) {
      if (quote === -1) return NEED_MORE;
      const backslash = this.nextBackslash(p);
      if (backslash === -1 || backslash > quote) return quote;
      // Text full of escapes (HTML or JSON inside a body): stepping byte by byte is cheaper than two searches per escape.
      if (escapes === ESCAPES_BEFORE_BYTE_LOOP) return this.closingQuoteByteByByte(backslash);
      const next = this.afterEscape(backslash);
      if (next < 0) return next;
      p = next;
      if (quote < p) quote = bytes.indexOf(QUOTE, p);
    }
  }

  private closingQuoteByteByByte(start: number): number | ScanFailure {
    for (let i = start; ; ) {
      const at = quoteOrOtherEscape(this.bytes, i);
      if (at === -1) return NEED_MORE;
      if (this.bytes[at] === QUOTE) return at;
      // A \u escape, an invalid one, or a backslash at the end of the bytes read so far.
      const next = this.afterEscape(at);
      if (next < 0) return next;
      i = next;
    }
  }

  /** Index after the escape sequence at `backslash`, checked. */
  private afterEscape(backslash: number): number | ScanFailure {
    const bytes = this.bytes;
    const escaped = bytes[backslash + 1];
    if (escaped === undefined) return NEED_MORE;
    if (escaped === 0x75) {
      if (backslash + 5 >= bytes.length) return NEED_MORE;
      for (let i = backslash + 2; i < backslash + 6; i++) if (!isHexDigit(bytes[i]!)) return INVALID;
      this.hasUnicodeEscape = true;
      return backslash + 6;
    }
    return SIMPLE_ESCAPE[escaped] === 1 ? backslash + 2 : INVALID;
  }
}

/**
 * From `start`, the index of the first unescaped quote or of the first backslash that does not start one of
 * the common escapes (\" \\ \/ \b \f \n \r \t, stepped over here); -1 when the bytes end first. A plain
 * function over a Uint8Array: the hot loop of escape-heavy bodies, kept small so V8 optimises it whole.
 */
function quoteOrOtherEscape(bytes: Uint8Array, start: number): number {
  const length = bytes.length;
  for (let i = start; i < length; i++) {
    const c = bytes[i]!;
    if (c === QUOTE) return i;
    if (c === BACKSLASH) {
      if (i + 1 < length && SIMPLE_ESCAPE[bytes[i + 1]!] === 1) i++;
      else return i;
    }
  }
  return -1;
}

/** quoteOrOtherEscape that also stops at a control byte (below 0x20), for strict scanning. */
function quoteOtherEscapeOrControl(bytes: Uint8Array, start: number): number {
  const length = bytes.length;
  for (let i = start; i < length; i++) {
    const c = bytes[i]!;
    if (c === QUOTE || c < 0x20) return i;
    if (c === BACKSLASH) {
      if (i + 1 < length && SIMPLE_ESCAPE[bytes[i + 1]!] === 1) i++;
      else return i;
    }
  }
  return -1;
}

/** Index after the number or literal (true, false, null) at `start`, checked. */
export function bareValueEnd(bytes: Buffer, start: number): number | ScanFailure {
  let p = start;
  while (p < bytes.length && isBareValueByte(bytes[p]!)) p++;
  if (p === bytes.length) return NEED_MORE;
  const valid = sameBytes(bytes, start, p, 'true') || sameBytes(bytes, start, p, 'false') || sameBytes(bytes, start, p, 'null') || isJsonNumber(bytes, start, p);
  return valid ? p : INVALID;
}

function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= 0x30 && c <= 0x39;
}

/** Index after the digits from `start` (at most `end`). */
function digitsEnd(bytes: Uint8Array, start: number, end: number): number {
  let p = start;
  while (p < end && isDigit(bytes[p])) p++;
  return p;
}

/**
 * The bytes spell a JSON number (https://www.rfc-editor.org/rfc/rfc8259#section-6): checked on the
 * bytes, without making a string of each number.
 */
function isJsonNumber(bytes: Uint8Array, start: number, end: number): boolean {
  let p = start;
  if (p < end && bytes[p] === 0x2d) p++;
  if (p < end && bytes[p] === 0x30) p++;
  else if (p < end && isDigit(bytes[p])) p = digitsEnd(bytes, p, end);
  else return false;
  if (p < end && bytes[p] === 0x2e) {
    const fraction = p + 1;
    p = digitsEnd(bytes, fraction, end);
    if (p === fraction) return false;
  }
  if (p < end && (bytes[p] === 0x65 || bytes[p] === 0x45)) {
    p++;
    if (p < end && (bytes[p] === 0x2b || bytes[p] === 0x2d)) p++;
    const exponent = p;
    p = digitsEnd(bytes, exponent, end);
    if (p === exponent) return false;
  }
  return p === end;
}

function sameBytes(bytes: Uint8Array, start: number, end: number, ascii: string): boolean {
  if (end - start !== ascii.length) return false;
  for (let i = 0; i < ascii.length; i++) if (bytes[start + i] !== ascii.charCodeAt(i)) return false;
  return true;
}

/**
 * Scans the JSON value that starts at `start` (after any whitespace). `watch` is a key path of one or
 * two keys.
 */
export function scanValue(bytes: Buffer, start: number, watch: readonly string[], strings = new StringScanner(bytes), into?: ScannedValue): ScannedValue | ScanFailure {
  const containers = CONTAINERS;
  let depth = 0;
  /** The key just read at depth 1 (or 2) is the first (or second) watched key. */
  let keyMatchesWatch1 = false;
  let keyMatchesWatch2 = false;
  /** The watched first key's latest value is an object, and we are inside it. */
  let insideWatchedObject = false;
  let watched = false;
  strings.hasUnicodeEscape = false;
  let expect = Expect.Value;
  let p = start;

  for (;;) {
    while (p < bytes.length && isJsonWhitespace(bytes[p]!)) p++;
    if (p >= bytes.length) return NEED_MORE;
    const c = bytes[p]!;
    switch (expect) {
      case Expect.ValueOrClose:
      case Expect.Value: {
        if (expect === Expect.ValueOrClose && c === CLOSE_ARRAY) break;
        // What the value now starting means for the watched path: a value for the first watched key
        // replaces the earlier one; inside it, a value for the second key decides.
        const forWatch1 = depth === 1 && keyMatchesWatch1;
        const forWatch2 = depth === 2 && insideWatchedObject && keyMatchesWatch2;
        if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
          if (depth >= MAX_DEPTH) return TOO_DEEP;
          if (forWatch1 || forWatch2) watched = false;
          if (forWatch1 && watch.length === 2 && c === OPEN_OBJECT) insideWatchedObject = true;
          containers[depth++] = c;
          expect = c === OPEN_OBJECT ? Expect.KeyOrClose : Expect.ValueOrClose;
          p++;
          continue;
        }
        let end: number | ScanFailure;
        if (c === QUOTE) {
          const quote = strings.closingQuote(p + 1);
          if (quote < 0) return quote as ScanFailure;
          if ((forWatch1 && watch.length === 1) || forWatch2) watched = quote > p + 1;
          else if (forWatch1) watched = false;
          end = quote + 1;
        } else {
          end = bareValueEnd(bytes, p);
          if (end < 0) return end as ScanFailure;
          if (forWatch1 || forWatch2) watched = false;
        }
        p = end;
        if (depth === 0) return scanned(into, p, watched, strings.hasUnicodeEscape);
        expect = Expect.CommaOrClose;
        continue;
      }
      case Expect.KeyOrClose:
      case Expect.Key: {
        if (expect === Expect.KeyOrClose && c === CLOSE_OBJECT) break;
        if (c !== QUOTE) return INVALID;
        const quote = strings.closingQuote(p + 1);
        if (quote < 0) return quote as ScanFailure;
        if (depth === 1 && watch.length > 0) keyMatchesWatch1 = sameBytes(bytes, p + 1, quote, watch[0]!);
        if (depth === 2 && watch.length === 2) keyMatchesWatch2 = sameBytes(bytes, p + 1, quote, watch[1]!);
        p = quote + 1;
        expect = Expect.Colon;
        continue;
      }
      case Expect.Colon:
        if (c !== COLON) return INVALID;
        p++;
        expect = Expect.Value;
        continue;
      case Expect.CommaOrClose:
        if (c === COMMA) {
          p++;
          expect = containers[depth - 1] === OPEN_OBJECT ? Expect.Key : Expect.Value;
          continue;
        }
        break;
    }
    // A closing bracket: it must match the innermost open container.
    const open = containers[depth - 1];
    if (!((c === CLOSE_OBJECT && open === OPEN_OBJECT) || (c === CLOSE_ARRAY && open === OPEN_ARRAY))) return INVALID;
    depth--;
    if (depth === 1) insideWatchedObject = false;
    p++;
    if (depth === 0) return scanned(into, p, watched, strings.hasUnicodeEscape);
    expect = Expect.CommaOrClose;
  }
}
