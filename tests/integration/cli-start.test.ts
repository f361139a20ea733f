/**
 * CLI start-up (issue 11, target 3): `samlscope analyze` of a plain message loads only what it needs. The
 * built bin is run with a preload that lists, at exit, every module file and built-in module it loaded; the
 * dependencies only other commands or other inputs need must not be among them (bench/cli-start.bench.ts
 * measures the time).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { awsIdpMetadata, buildAwsResponse, signedAwsResponse, toRedirectUrl, DEFAULTS } from '../fixtures/aws-response.js';

const bin = join(__dirname, '../../dist/cli/samlscope.cjs');

/**
 * Runs the built bin (its standard output a pipe, as for a script reading the JSON) and returns the node_modules
 * packages it loaded (CommonJS and ES modules), the built-in modules it loaded after the preload, and its output.
 */
function loaded(args: string[], cwd: string, status = 0): { packages: string[]; builtins: string[]; stdout: string } {
  const listFile = join(cwd, 'loaded.json');
  const preload = join(cwd, 'list-modules.cjs');
  writeFileSync(preload, `
const { writeFileSync } = require('node:fs');
const esm = new Set();
try { require('node:module').registerHooks?.({ load(url, context, next) { esm.add(url); return next(url, context); } }); } catch {}
const before = new Set(process.moduleLoadList);
process.on('exit', () => writeFileSync(${JSON.stringify(listFile)}, JSON.stringify({
  files: [...Object.keys(require.cache), ...esm],
  builtins: process.moduleLoadList.filter((name) => !before.has(name) && name.startsWith('NativeModule ')).map((name) => name.slice('NativeModule '.length)),
})));
`);
  const run = spawnSync(process.execPath, ['--require', preload, bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' } });
  expect(run.status, run.stderr).toBe(status);
  const list = JSON.parse(readFileSync(listFile, 'utf8')) as { files: string[]; builtins: string[] };
  const packages = list.files
    .map((file) => /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file)?.[1]?.replace('\\', '/'))
    .filter((name): name is string => name !== undefined);
  return { packages: [...new Set(packages)].sort(), builtins: list.builtins, stdout: run.stdout };
}

describe('samlscope analyze start-up', () => {
  it('loads neither the other commands\' dependencies nor those of captures and encrypted assertions', () => {
    if (!existsSync(bin)) throw new Error('dist/cli/samlscope.cjs is missing: run npm run build (npm test does it first)');
    const dir = mkdtempSync(join(tmpdir(), 'samlscope-cli-start-'));
    writeFileSync(join(dir, 'idp.xml'), awsIdpMetadata());
    writeFileSync(join(dir, 'response.xml'), signedAwsResponse());
    const { packages, builtins, stdout } = loaded(['analyze', 'response.xml', '--idp-metadata', 'idp.xml', '--sp-entity-id', DEFAULTS.audience, '--acs-url', DEFAULTS.acsUrl, '--now', '2026-11-29T10:01:00Z', '--format', 'json'], dir);
    // The XML packages are in the bundle, and the two modules they require that analysis never uses, xmldom's entity
    // table and xpath, are stand-ins there (src-main/cli/deferred-dependencies.ts): no file from node_modules at all.
    for (const heavy of ['zod', 'yaml', 'undici', 'node-forge', 'xml-encryption', 'stream-json', 'stream-chain']) expect(packages).not.toContain(heavy);
    expect(packages).toEqual([]);
    expect(JSON.parse(stdout).messages[0].signature.status).toBe('valid');
    // zlib only for a message to inflate (scripts/cli-lazy-builtins.mjs); net would be process.stdout over a pipe,
    // which the CLI writes directly (src-main/cli/stdout-writer.ts).
    expect(builtins).toContain('crypto');
    for (const unneeded of ['zlib', 'net', 'tty']) expect(builtins).not.toContain(unneeded);
  });

  it('still inflates a message in the HTTP-Redirect binding, loading zlib for it', () => {
    if (!existsSync(bin)) throw new Error('dist/cli/samlscope.cjs is missing: run npm run build (npm test does it first)');
    const dir = mkdtempSync(join(tmpdir(), 'samlscope-cli-start-'));
    writeFileSync(join(dir, 'redirect.url'), toRedirectUrl(buildAwsResponse(), DEFAULTS.acsUrl, 'relay'));
    // Exit status 1: no IdP certificate is given, so the unsigned message fails; it is still decoded and read.
    const { builtins, stdout } = loaded(['analyze', 'redirect.url', '--now', '2026-11-29T10:01:00Z', '--format', 'json'], dir, 1);
    const message = JSON.parse(stdout).messages[0];
    expect(message.binding).toBe('HTTP-Redirect');
    expect(message.type).toBe('Response');
    expect(builtins).toContain('zlib');
  });
});
