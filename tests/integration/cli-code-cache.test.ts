/**
 * The bin's code cache of the CLI bundle (src-main/cli/bundle-code-cache.ts): written after the first run
 * into the compile cache directory under the OS temporary directory, taken by later runs, replaced when it
 * is unusable, and never written with the compile cache disabled. Every run prints the same analysis.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { awsIdpMetadata, DEFAULTS, signedAwsResponse } from '../fixtures/aws-response.js';

const bin = join(__dirname, '../../dist/cli/samlscope.cjs');
const work = mkdtempSync(join(tmpdir(), 'samlscope-code-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
writeFileSync(join(work, 'idp.xml'), awsIdpMetadata());
writeFileSync(join(work, 'response.xml'), signedAwsResponse());
const args = ['analyze', 'response.xml', '--idp-metadata', 'idp.xml', '--sp-entity-id', DEFAULTS.audience, '--acs-url', DEFAULTS.acsUrl, '--now', '2026-11-29T10:01:00Z', '--format', 'json'];

function analyze(temp: string, extraEnv: NodeJS.ProcessEnv = {}): string {
  const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: temp, TEMP: temp, TMP: temp, ...extraEnv };
  delete env.NODE_COMPILE_CACHE;
  if (!('NODE_DISABLE_COMPILE_CACHE' in extraEnv)) delete env.NODE_DISABLE_COMPILE_CACHE;
  const run = spawnSync(process.execPath, [bin, ...args], { cwd: work, env, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stderr).toBe('');
  return run.stdout;
}

/** The bundle's code cache files under `temp`'s compile cache directory. */
function codeCaches(temp: string): string[] {
  const root = join(temp, 'samlscope-compile-cache');
  if (!existsSync(root)) return [];
  return readdirSync(root).flatMap((dir) => readdirSync(join(root, dir)).filter((name) => name.endsWith('.v8cache')).map((name) => join(root, dir, name)));
}

describe('the CLI bundle\'s code cache', () => {
  it('is written by the first run and taken by the next, which prints the same analysis', () => {
    if (!existsSync(bin)) throw new Error('dist/cli/samlscope.cjs is missing: run npm run build (npm test does it first)');
    const temp = mkdtempSync(join(work, 'tmp-'));
    const first = analyze(temp);
    expect(JSON.parse(first).messages[0].signature.status).toBe('valid');
    expect(codeCaches(temp)).toHaveLength(1);
    expect(analyze(temp)).toBe(first);
  });

  // V8 then holds the text as a one-byte string; scripts/build.mjs refuses to write anything else.
  it('is made for bundles that are ASCII', () => {
    for (const name of ['samlscope-cli.cjs', 'samlscope-analyze.cjs']) {
      const bundle = readFileSync(join(__dirname, '../../dist/cli', name));
      expect(bundle.findIndex((byte) => byte > 0x7f)).toBe(-1);
    }
  });

  it('replaces a cache that is unusable, and the run is unaffected', () => {
    const temp = mkdtempSync(join(work, 'tmp-'));
    const first = analyze(temp);
    const [cache] = codeCaches(temp);
    writeFileSync(cache!, 'not a V8 code cache');
    expect(analyze(temp)).toBe(first);
    expect(codeCaches(temp)).toEqual([cache]);
    expect(analyze(temp)).toBe(first);
  });

  // Another local user could create the directory in a shared /tmp first and plant code there.
  it.skipIf(process.platform === 'win32')('is neither taken nor written when others may write to its directory', () => {
    const temp = mkdtempSync(join(work, 'tmp-'));
    const shared = join(temp, 'samlscope-compile-cache');
    mkdirSync(shared);
    chmodSync(shared, 0o777);
    const first = analyze(temp);
    expect(JSON.parse(first).messages[0].signature.status).toBe('valid');
    expect(readdirSync(shared)).toEqual([]);
  });

  it('is not written with the compile cache disabled', () => {
    const temp = mkdtempSync(join(work, 'tmp-'));
    const first = analyze(temp, { NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(JSON.parse(first).messages[0].signature.status).toBe('valid');
    expect(codeCaches(temp)).toEqual([]);
  });
});
