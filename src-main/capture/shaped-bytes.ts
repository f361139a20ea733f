/**
 * Reads what a Shape asks for of one JSON value straight from its UTF-8 bytes, bounded exactly as
 * shapeElement bounds JSON.parse's result (shape-value.ts): the same keys, the same cut strings, the
 * same WrongKind markers, the same truncation paths. JSON.parse of a whole entry makes a string of the
 * entry and another of every value in it, so an answer page of a megabyte costs two megabytes of
 * garbage to keep 256 KB of it. Here the parts the shape skips are crossed without making a string,
 * and a long string is decoded only as far as its bound (string-prefix.ts).
 *
 * It refuses what JSON.parse refuses that the scanner lets through (a raw control character in a string).
 * A key repeated in an object it keeps throws RepeatedKey: JSON.parse keeps the last value, the streaming
 * reader also notes cuts in the first, so the caller reads such an entry with the streaming reader.
 */
import { WrongKind, type Shape, type ShorterUnless } from './json-shape.js';
import { bareValueEnd, scanValue, StringScanner } from './json-value-scanner.js';
import { childPath, STRING_IN_CONTAINER_MAX } from './shape-value.js';
import { decodePrefix } from './string-prefix.js';
import { CLOSE_ARRAY, CLOSE_OBJECT, COMMA, isJsonWhitespace, OPEN_ARRAY, OPEN_OBJECT, QUOTE } from './json-bytes.js';

/** An object the shape keeps repeats a key. */
export class RepeatedKey extends Error {}


const depthOf = (shape: Shape): number => (shape.kind === 'any' ? shape.depth : 0);

/** A string's bound where `shape` stands: its own, or a short one where a container belongs. */
const stringMaxOf = (shape: Shape): number => (shape.kind === 'string' || shape.kind === 'scalar' || shape.kind === 'any' ? shape.max : STRING_IN_CONTAINER_MAX);

/** Where a string's content is in the bytes (without its quotes). */
interface StringBytes {
  start: number;
  end: number;
}

class ShapedBytesReader {
  readonly truncated: string[] = [];
  private pos = 0;
  private readonly strings: StringScanner;
  /** ignoreBOM: a string that starts with U+FEFF keeps it, as JSON.parse of the whole entry does. */
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });

  constructor(private readonly bytes: Buffer) {
    this.strings = new StringScanner(bytes, true);
  }

  /** `path` is relative to the element; undefined for the element itself (no cut is noted there). */
  read(shape: Shape, depth: number, path: string | undefined): unknown {
    const c = this.nextByte();
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) return this.container(c === OPEN_ARRAY, shape, depth, path);
    if (c === QUOTE) return this.decode(this.crossString(), stringMaxOf(shape), path);
    const end = bareValueEnd(this.bytes, this.pos);
    if (end < 0) throw new Error('not a JSON value');
    const literal = this.bytes.toString('latin1', this.pos, end);
    this.pos = end;
    return JSON.parse(literal) as unknown;
  }

  private container(isArray: boolean, shape: Shape, depth: number, path: string | undefined): unknown {
    if (shape.kind === 'any') return isArray ? this.anyArray(shape, depth, path) : this.anyObject(shape, depth, path);
    if (!isArray && shape.kind === 'object') return this.object(shape.keys, path);
    if (isArray && shape.kind === 'array') return this.array(shape.of, shape.max, path);
    this.skipValue();
    return new WrongKind(isArray ? 'array' : 'object');
  }

  private object(keys: Record<string, Shape>, path: string | undefined): Record<string, unknown> {
    const out = Object.create(null) as Record<string, unknown>;
    /** Strings whose bound depends on a sibling that may come after them: decoded once the object is read. */
    const later: Array<{ key: string; bytes: StringBytes; shorterUnless: ShorterUnless; max: number }> = [];
    this.members((key) => {
      if (!Object.prototype.hasOwnProperty.call(keys, key)) return this.skipValue();
      const child = keys[key]!;
      if (child.kind === 'string' && child.shorterUnless && this.nextByte() === QUOTE) {
        define(out, key, undefined);
        later.push({ key, bytes: this.crossString(), shorterUnless: child.shorterUnless, max: child.max });
      } else define(out, key, this.read(child, depthOf(child), childPath(path ?? '', key)));
    });
    for (const { key, bytes, shorterUnless, max } of later) {
      const bound = out[shorterUnless.sibling] === shorterUnless.is ? max : Math.min(max, shorterUnless.max);
      define(out, key, this.decode(bytes, bound, childPath(path ?? '', key)));
    }
    return out;
  }

  private array(of: Shape, max: number, path: string | undefined): unknown[] {
    const out: unknown[] = [];
    const count = this.items((i) => {
      if (i < max) out.push(this.read(of, depthOf(of), childPath(path ?? '', i)));
      else this.skipValue();
    });
    if (count > max) this.truncated.push(childPath(path ?? '', max));
    return out;
  }

  /** An `any` container keeps every key, but only `depth` levels of them. */
  private anyObject(shape: Shape, depth: number, path: string | undefined): Record<string, unknown> {
    const out = Object.create(null) as Record<string, unknown>;
    if (depth === 0) {
      this.skipValue();
      return out;
    }
    this.members((key) => define(out, key, this.read(shape, depth - 1, childPath(path ?? '', key))));
    return out;
  }

  private anyArray(shape: Shape, depth: number, path: string | undefined): unknown[] {
    const out: unknown[] = [];
    if (depth === 0) {
      this.skipValue();
      return out;
    }
    this.items((i) => out.push(this.read(shape, depth - 1, childPath(path ?? '', i))));
    return out;
  }

  /** Crosses `{ "key": value, ... }`, with the cursor on each value when `onMember` is called. */
  private members(onMember: (key: string) => void): void {
    this.pos++;
    if (this.nextByte() === CLOSE_OBJECT) {
      this.pos++;
      return;
    }
    const seen = new Set<string>();
    for (;;) {
      this.nextByte();
      const key = this.decode(this.crossString(), Number.MAX_SAFE_INTEGER, undefined);
      if (seen.has(key)) throw new RepeatedKey(key);
      seen.add(key);
      this.nextByte();
      this.pos++; // the colon
      onMember(key);
      if (this.afterMember() === CLOSE_OBJECT) return;
    }
  }

  /** Crosses `[ value, ... ]`, with the cursor on each item when `onItem` is called; returns the item count. */
  private items(onItem: (index: number) => void): number {
    this.pos++;
    if (this.nextByte() === CLOSE_ARRAY) {
      this.pos++;
      return 0;
    }
    for (let i = 0; ; i++) {
      onItem(i);
      if (this.afterMember() === CLOSE_ARRAY) return i + 1;
    }
  }

  /** Steps over the comma or closing bracket after a member; returns it. */
  private afterMember(): number {
    const c = this.nextByte();
    if (c !== COMMA && c !== CLOSE_OBJECT && c !== CLOSE_ARRAY) throw new Error('not valid JSON');
    this.pos++;
    return c;
  }

  /** Steps over the string at the cursor; returns where its content is. */
  private crossString(): StringBytes {
    const start = this.pos + 1;
    const end = this.strings.closingQuote(start);
    if (end < 0) throw new Error('not a JSON string');
    this.pos = end + 1;
    return { start, end };
  }

  /** A string's first `max` characters; a longer string is noted as cut at `path`. */
  private decode({ start, end }: StringBytes, max: number, path: string | undefined): string {
    const escaped = this.strings.escapedBetween(start, end);
    // A string has at most as many characters as bytes: a short one is read whole.
    if (end - start <= max) return escaped ? (JSON.parse(this.decoder.decode(this.bytes.subarray(start - 1, end + 1))) as string) : this.decoder.decode(this.bytes.subarray(start, end));
    const prefix = decodePrefix(this.bytes, start, end, max, escaped, this.decoder);
    if (prefix.cut && path !== undefined) this.truncated.push(path);
    return prefix.text;
  }

  private skipValue(): void {
    this.nextByte();
    const scanned = scanValue(this.bytes, this.pos, [], this.strings);
    if (typeof scanned === 'number') throw new Error('not a JSON value');
    this.pos = scanned.end;
  }

  /** The next byte that is not whitespace, with the cursor on it. */
  private nextByte(): number | undefined {
    while (isJsonWhitespace(this.bytes[this.pos])) this.pos++;
    return this.bytes[this.pos];
  }
}

/** defineProperty: a key named __proto__ in a hand-edited file stays an ordinary key, as JSON.parse keeps it. */
function define(out: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * The element in `bytes` (one value the scanner accepted) bounded by `shape`, with the relative paths of
 * what was cut: what shapeElement(JSON.parse(text), shape) gives for the same value. Throws RepeatedKey,
 * or another error for what JSON.parse would refuse.
 */
export function readShapedBytes(bytes: Buffer, shape: Shape): { value: unknown; truncated: string[] } {
  const reader = new ShapedBytesReader(bytes);
  const value = reader.read(shape, depthOf(shape), undefined);
  return { value, truncated: reader.truncated };
}
