/**
 * The fast importer reads the entries it keeps from their bytes (shaped-bytes.ts), decoding long strings
 * only up to their bound (string-prefix.ts). Whatever the text holds (escapes, multi-byte and 4-byte
 * characters, invalid UTF-8, a byte-order mark inside a string), the result must be what
 * shapeElement(JSON.parse(text)) gives, so the fast and streaming importers keep the same capture.
 */
import { describe, expect, test } from 'vitest';
import { any, arr, obj, scalar, str, type Shape } from '../../../src-main/capture/json-shape.js';
import { ownCopy } from '../../../src-main/capture/own-copy.js';
import { readShapedBytes, RepeatedKey } from '../../../src-main/capture/shaped-bytes.js';
import { shapeElement } from '../../../src-main/capture/shape-value.js';
import { decodePrefix } from '../../../src-main/capture/string-prefix.js';

const viaJsonParse = (text: string, shape: Shape) => shapeElement(JSON.parse(text), shape);
const viaBytes = (text: string, shape: Shape) => readShapedBytes(Buffer.from(text, 'utf8'), shape);

/** Deterministic pseudo-random numbers (mulberry32), so a failure replays. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Characters that change how many bytes, escapes or code units a string takes. */
const PIECES = ['a', 'b', ' ', 'é', '€', '😀', '\n', '"', '\\', '/', '\u2028', '\ufeff', '<', '\t', '\u0001'];

function randomText(next: () => number, length: number): string {
  let out = '';
  while (out.length < length) out += PIECES[Math.floor(next() * PIECES.length)]!;
  return out;
}

describe('reading a shaped value from bytes', () => {
  const shape = obj({
    url: str(12),
    body: str(40),
    n: scalar(8),
    list: arr(str(5), 2),
    headers: any(6, 2),
    nested: obj({ inner: str(3) }),
  });

  test('gives what JSON.parse and shapeElement give, for random strings around the bounds', () => {
    const next = random(20261207);
    for (let i = 0; i < 400; i++) {
      const value = {
        url: randomText(next, Math.floor(next() * 20)),
        body: randomText(next, Math.floor(next() * 80)),
        n: [0, -0.5, 1e21, 'x', true, null][i % 6],
        list: Array.from({ length: i % 4 }, () => randomText(next, Math.floor(next() * 8))),
        headers: i % 3 === 0 ? [{ name: randomText(next, 9), value: { deep: randomText(next, 3) } }] : 'plain',
        nested: i % 5 === 0 ? ['not', 'an', 'object'] : { inner: randomText(next, 6), skipped: randomText(next, 30) },
        skipped: { big: randomText(next, 50) },
      };
      for (const text of [JSON.stringify(value), JSON.stringify(value, null, 2)]) {
        expect(viaBytes(text, shape), text).toEqual(viaJsonParse(text, shape));
      }
    }
  });

  test('escaped and raw forms of the same text read the same: \\u escapes, surrogate pairs cut at the bound', () => {
    const surrogates = `{"body":"${'x'.repeat(39)}\\ud83d\\ude00tail","url":"\\u0068ttps://a"}`;
    expect(viaBytes(surrogates, shape)).toEqual(viaJsonParse(surrogates, shape));
    const raw = `{"body":"${'x'.repeat(39)}😀tail"}`;
    expect(viaBytes(raw, shape)).toEqual(viaJsonParse(raw, shape));
    expect((viaBytes(raw, shape).value as { body: string }).body).toHaveLength(40);
  });

  test('a string starting with a byte-order mark keeps it, as JSON.parse does', () => {
    const text = '{"url":"\ufeffhttps://a"}';
    expect(viaBytes(text, shape).value).toEqual(viaJsonParse(text, shape).value);
  });

  test('invalid UTF-8 is replaced as TextDecoder replaces it in the whole text', () => {
    const bytes = Buffer.concat([Buffer.from('{"body":"'), Buffer.from('abc'), Buffer.from([0xe2, 0x82, 0x41, 0xf0, 0x9f, 0xc0, 0x80]), Buffer.from('x'.repeat(60)), Buffer.from('"}')]);
    const expected = shapeElement(JSON.parse(new TextDecoder().decode(bytes)), shape);
    expect(readShapedBytes(bytes, shape)).toEqual(expected);
  });

  test('a key repeated in an object the shape keeps is left to the streaming reader; one in a skipped object is not', () => {
    expect(() => viaBytes('{"url":"a","url":"b"}', shape)).toThrow(RepeatedKey);
    expect(viaBytes('{"skipped":{"x":1,"x":2},"url":"a"}', shape).value).toEqual(viaJsonParse('{"url":"a"}', shape).value);
  });

  test('a raw control character in a string is refused, as JSON.parse refuses it, even in a skipped value', () => {
    expect(() => viaBytes('{"url":"a\u0001b"}', shape)).toThrow();
    expect(() => viaBytes('{"skipped":"a\nb","url":"a"}', shape)).toThrow();
    expect(() => viaBytes('{"skipped":"a\nb","url":"a"}', shape)).not.toThrow(RepeatedKey);
  });

  test('__proto__ stays an ordinary key', () => {
    const text = '{"headers":{"__proto__":"x"}}';
    expect(viaBytes(text, shape)).toEqual(viaJsonParse(text, shape));
  });
});

describe('a string whose bound depends on a sibling', () => {
  const shape = obj({ text: str(100, { sibling: 'encoding', is: 'base64', max: 10 }), encoding: scalar(32) });

  test('is cut at the shorter bound unless the sibling says otherwise, wherever the sibling comes', () => {
    const body = 'y'.repeat(60);
    expect(viaBytes(JSON.stringify({ text: body }), shape)).toEqual({ value: { text: body.slice(0, 10) }, truncated: ['text'] });
    expect(viaBytes(JSON.stringify({ text: body, encoding: 'base64' }), shape)).toEqual({ value: { text: body, encoding: 'base64' }, truncated: [] });
    expect(viaBytes(JSON.stringify({ encoding: 'base64', text: body }), shape).value).toEqual({ encoding: 'base64', text: body });
    expect(viaBytes(JSON.stringify({ text: body, encoding: 'base64x' }), shape).value).toEqual({ text: body.slice(0, 10), encoding: 'base64x' });
  });
});

describe('decoding the beginning of a long string', () => {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const prefixOf = (text: string, max: number) => {
    const json = Buffer.from(JSON.stringify(text), 'utf8');
    return decodePrefix(json, 1, json.length - 1, max, json.includes(0x5c), decoder);
  };

  test('gives exactly the first characters, and says whether the string is longer', () => {
    const next = random(7);
    for (let i = 0; i < 300; i++) {
      const text = randomText(next, 1 + Math.floor(next() * 200));
      const max = Math.floor(next() * 120);
      expect(prefixOf(text, max), `${JSON.stringify(text)} at ${max}`).toEqual({ text: text.slice(0, max), cut: text.length > max });
    }
  });

  test('a megabyte body is read no further than the bound', () => {
    const page = `<p>Received SSO request for user jane.doe@example.com</p>${'<div class="row">line</div>\n'.repeat(40_000)}`;
    const prefix = prefixOf(page, 1000);
    expect(prefix).toEqual({ text: page.slice(0, 1000), cut: true });
  });
});

test('ownCopy gives the first characters', () => {
  expect(ownCopy('abcdefghijklmnopqrstuvwxyz', 20)).toBe('abcdefghijklmnopqrst');
  expect(ownCopy('short', 20)).toBe('short');
});
