/**
 * The name of the CLI bundle's code cache (src-main/cli/bundle-code-cache.ts) follows the bundle's bytes: V8
 * checks only a cache's source length, so a changed bundle of the same length must not find the old cache.
 */
import { describe, expect, it } from 'vitest';
import { codeCacheFileName } from '../../../src-main/cli/bundle-code-cache.js';

describe('codeCacheFileName', () => {
  it('is the same for the same bytes', () => {
    expect(codeCacheFileName(Buffer.from('module.exports = 1;'))).toBe(codeCacheFileName(Buffer.from('module.exports = 1;')));
  });

  it('differs for other bytes of the same length', () => {
    expect(codeCacheFileName(Buffer.from('module.exports = 1;'))).not.toBe(codeCacheFileName(Buffer.from('module.exports = 2;')));
  });

  it('names a .v8cache file of the CLI', () => {
    expect(codeCacheFileName(Buffer.from(''))).toMatch(/^samlscope-cli-[0-9a-f]{16}\.v8cache$/);
  });
});
