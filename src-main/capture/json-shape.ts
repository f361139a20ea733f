/**
 * What to keep of a streamed JSON document. A shape names the keys worth assembling and bounds every
 * string and array; everything else is tokenised and thrown away, so memory stays bounded whatever the
 * file holds. A value of the wrong kind (an object where a string belongs) is kept as a WrongKind
 * marker so the importer can say which field of which entry was wrong.
 */
export type Shape =
  | { kind: 'string'; max: number; shorterUnless?: ShorterUnless }
  /** Any number, string, boolean or null (the importer checks the type). */
  | { kind: 'scalar'; max: number }
  | { kind: 'object'; keys: Record<string, Shape> }
  | { kind: 'array'; of: Shape; max: number }
  /** Any JSON value, strings bounded, at most `depth` levels deep: for fields exporters write in several forms. */
  | { kind: 'any'; max: number; depth: number }
  /** An array whose elements are handed to a callback one at a time and never kept. */
  | { kind: 'stream'; of: Shape; name: string };

/**
 * A string needs only `max` characters unless its object's `sibling` key (a key of the same object
 * shape, whose bound is longer than `is`) holds the string `is` (a HAR body needs more characters when it
 * is base64). Only a reader that sees the whole object first can use
 * it (shaped-bytes.ts); the streaming reader keeps the larger bound, and the importer keeps no more than
 * the smaller one of a body that is not base64, so both read the same capture.
 */
export interface ShorterUnless {
  sibling: string;
  is: string;
  max: number;
}

export const str = (max: number, shorterUnless?: ShorterUnless): Shape => (shorterUnless ? { kind: 'string', max, shorterUnless } : { kind: 'string', max });
export const scalar = (max = 256): Shape => ({ kind: 'scalar', max });
export const obj = (keys: Record<string, Shape>): Shape => ({ kind: 'object', keys });
export const arr = (of: Shape, max: number): Shape => ({ kind: 'array', of, max });
export const any = (max: number, depth = 4): Shape => ({ kind: 'any', max, depth });
export const stream = (of: Shape, name: string): Shape => ({ kind: 'stream', of, name });

/** Stands where the document had an object or array but the shape expected something else. */
export class WrongKind {
  constructor(readonly found: 'object' | 'array') {}
}

/** How a value reads in an error message: "a string", "an object", "the number 302". */
export function describeValue(value: unknown): string {
  if (value instanceof WrongKind) return value.found === 'object' ? 'an object' : 'an array';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return value === '' ? 'an empty string' : 'a string';
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return `the value ${value}`;
    case 'undefined':
      return 'nothing (the field is missing)';
    default:
      return 'an object';
  }
}
