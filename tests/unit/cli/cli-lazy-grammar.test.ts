/**
 * The CLI bundle's replacement for xmldom's lib/grammar.js (scripts/cli-lazy-grammar.mjs) must export exactly what
 * the original does, member by member, and build a regular expression only when that member is read.
 */
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a build script without type declarations
import { lazyGrammarSource } from '../../../scripts/cli-lazy-grammar.mjs';

const require = createRequire(join(resolve(__dirname, '../../..'), 'package.json'));
const file = require.resolve('@xmldom/xmldom/lib/grammar.js');
const original = require(file) as Record<string, unknown>;

const asciiSource = (text: string) => text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Runs the generated module in a context of its own, counting the regular expressions it constructs. */
function loadGenerated() {
  let constructed = 0;
  class CountingRegExp extends RegExp {
    constructor(pattern: string | RegExp, flags?: string) {
      super(pattern, flags);
      constructed++;
    }
  }
  const exports: Record<string, unknown> = {};
  runInNewContext((lazyGrammarSource as (file: string) => string)(file), { exports, RegExp: CountingRegExp, Object, Array, JSON, Error, String });
  return { exports, constructed: () => constructed };
}

describe("the CLI bundle's xmldom grammar", () => {
  it('exports the same members in the same order, each equal to the original', () => {
    const { exports } = loadGenerated();
    expect(Object.keys(exports)).toEqual(Object.keys(original));
    for (const [name, value] of Object.entries(original)) {
      const generated = exports[name];
      if (value instanceof RegExp) {
        expect(generated, name).toBeInstanceOf(RegExp);
        expect((generated as RegExp).source, name).toBe(value.source);
        expect((generated as RegExp).flags, name).toBe(value.flags);
      } else if (typeof value === 'function') {
        // The same source, with other than ASCII written as \u escapes (the bundle is ASCII).
        expect(String(generated), name).toBe(asciiSource(String(value)));
      } else {
        expect(generated, name).toBe(value);
      }
    }
  });

  it('builds a regular expression only when it is read, once', () => {
    const { exports, constructed } = loadGenerated();
    const atLoad = constructed(); // detectUnicodeSupport's probe
    expect(atLoad).toBe(1);
    const pi = exports.PI;
    expect(constructed()).toBe(atLoad + 1);
    expect(exports.PI).toBe(pi);
    expect(constructed()).toBe(atLoad + 1);
  });

  it('keeps the helpers working: reg builds what the original builds', () => {
    const { exports } = loadGenerated();
    const reg = exports.reg as (...parts: Array<string | RegExp>) => RegExp;
    const expected = (original.reg as (...parts: Array<string | RegExp>) => RegExp)('^', original.QName_group as RegExp, original.S_OPT as RegExp, '$');
    const built = reg('^', exports.QName_group as RegExp, exports.S_OPT as RegExp, '$');
    expect(built.source).toBe(expected.source);
    expect(built.flags).toBe(expected.flags);
    expect(exports.UNICODE_SUPPORT).toBe(true);
  });
});
