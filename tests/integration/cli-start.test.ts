/**
 * CLI start-up (issue 11, target 3): `samlscope analyze` of a plain message loads only what it needs. The
 * built bin is run with a preload that lists, at exit, every module file it loaded; the dependencies only
 * other commands or other inputs need must not be among them (bench/cli-start.bench.ts measures the time).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { awsIdpMetadata, signedAwsResponse, DEFAULTS } from '../fixtures/aws-response.js';

const bin = join(__dirname, '../../dist/cli/samlscope.cjs');

/** Runs the built bin and returns the node_modules packages it loaded (CommonJS and ES modules). */
function loadedPackages(args: string[], cwd: string): string[] {
  const listFile = join(cwd, 'loaded.txt');
  const preload = join(cwd, 'list-modules.cjs');
  writeFileSync(preload, `
const { writeFileSync } = require('node:fs');
const esm = new Set();
try { require('node:module').registerHooks?.({ load(url, context, next) { esm.add(url); return next(url, context); } }); } catch {}
process.on('exit', () => writeFileSync(${JSON.stringify(listFile)}, [...Object.keys(require.cache), ...esm].join('\\n')));
`);
  const run = spawnSync(process.execPath, ['--require', preload, bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' } });
  expect(run.status, run.stderr).toBe(0);
  const packages = readFileSync(listFile, 'utf8')
    .split('\n')
    .map((file) => /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file)?.[1]?.replace('\\', '/'))
    .filter((name): name is string => name !== undefined);
  return [...new Set(packages)].sort();
}

describe('samlscope analyze start-up', () => {
  it('loads neither the other commands\' dependencies nor those of captures and encrypted assertions', () => {
    if (!existsSync(bin)) throw new Error('dist/cli/samlscope.cjs is missing: run npm run build (npm test does it first)');
    const dir = mkdtempSync(join(tmpdir(), 'samlscope-cli-start-'));
    writeFileSync(join(dir, 'idp.xml'), awsIdpMetadata());
    writeFileSync(join(dir, 'response.xml'), signedAwsResponse());
    const packages = loadedPackages(['analyze', 'response.xml', '--idp-metadata', 'idp.xml', '--sp-entity-id', DEFAULTS.audience, '--acs-url', DEFAULTS.acsUrl, '--now', '2026-11-29T10:01:00Z', '--format', 'json'], dir);
    expect(packages).toContain('@xmldom/xmldom');
    for (const heavy of ['zod', 'yaml', 'undici', 'node-forge', 'xml-encryption', 'stream-json', 'stream-chain']) expect(packages).not.toContain(heavy);
  });
});
