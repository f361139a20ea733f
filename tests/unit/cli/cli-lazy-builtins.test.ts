/**
 * The CLI bundle's stand-in for a built-in module it uses rarely (scripts/cli-lazy-builtins.mjs): it requires the
 * built-in only when a member is first read, and then serves exactly the built-in's members.
 */
import { createRequire } from 'node:module';
import type * as Zlib from 'node:zlib';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a build script without type declarations
import { LAZY_BUILTINS, lazyBuiltinSource } from '../../../scripts/cli-lazy-builtins.mjs';

// The built-in as CommonJS sees it, as the bundle's require does.
const zlib = createRequire(__filename)('node:zlib') as typeof Zlib;

describe("the CLI bundle's lazy node:zlib", () => {
  it('is among the lazy built-ins', () => {
    expect(LAZY_BUILTINS).toContain('node:zlib');
  });

  it('requires node:zlib only when a member is read, once, and serves its members', () => {
    const required: string[] = [];
    const exports: Record<string, unknown> = {};
    const require = (name: string) => {
      required.push(name);
      return zlib;
    };
    runInNewContext((lazyBuiltinSource as (name: string) => string)('node:zlib'), { exports, require, Object });
    expect(required).toEqual([]);
    expect(Object.keys(exports)).toEqual(Object.keys(zlib));
    expect(exports.inflateRawSync).toBe(zlib.inflateRawSync);
    expect(exports.inflateSync).toBe(zlib.inflateSync);
    expect(required).toEqual(['node:zlib']);
  });
});
