/**
 * The CLI bundles contain the XML packages every analysis loads (scripts/cli-bundled-packages.mjs), so their
 * functions are in the bundle's code cache: `samlscope analyze` of a plain message then compiles no module
 * file at all besides the bin. xmldom's HTML entity table and xml-crypto's xpath stay outside the bundles,
 * where the CLI's stand-ins take their place (src-main/cli/deferred-dependencies.ts). The bin runs the
 * analyze-only bundle for `samlscope analyze` and the full one for everything else (src-main/cli/bin.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { awsIdpMetadata, DEFAULTS, signedAwsResponse } from '../fixtures/aws-response.js';

const bin = join(__dirname, '../../dist/cli/samlscope.cjs');
const bundle = join(__dirname, '../../dist/cli/samlscope-cli.cjs');
const analyzeBundle = join(__dirname, '../../dist/cli/samlscope-analyze.cjs');
const work = mkdtempSync(join(tmpdir(), 'samlscope-cli-bundle-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Writes a --require preload that lists, at exit, every file Node compiles as a module into `listFile`; returns its path. */
function compiledFilesPreload(preload: string, listFile: string): string {
  writeFileSync(preload, `
const Module = require('node:module');
const compiled = [];
const compile = Module.prototype._compile;
Module.prototype._compile = function (content, filename) { compiled.push(filename); return compile.apply(this, arguments); };
process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(listFile)}, compiled.join('\\n')));
`);
  return preload;
}

describe('the CLI bundle', () => {
  it('requires none of the bundled packages at run time, only the two modules the stand-ins replace', () => {
    for (const file of [bundle, analyzeBundle]) {
      if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build (npm test does it first)`);
      const required = [...readFileSync(file, 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]!);
      expect(required.filter((name) => /^(@xmldom\/|xml-crypto|xpath)/.test(name)).sort()).toEqual(['@xmldom/xmldom/lib/entities.js', 'xpath']);
    }
  });

  it('for analyze holds the analyze command and none of the others', () => {
    const text = readFileSync(analyzeBundle, 'utf8');
    expect(text).toContain('src-main/cli/commands/analyze.ts');
    for (const other of ['report', 'snapshot', 'simulate']) expect(text).not.toContain(`src-main/cli/commands/${other}.ts`);
    expect(readFileSync(bundle, 'utf8')).toContain('src-main/cli/commands/simulate.ts');
  });

  it('is chosen by the bin: the analyze-only one for analyze, the full one for every other command line', () => {
    // Without the compile cache the bin loads the bundle with require, so the preload sees which file it compiles.
    const compiledBy = (args: string[]) => {
      const listFile = join(work, 'chosen.txt');
      const preload = compiledFilesPreload(join(work, 'list-chosen.cjs'), listFile);
      const run = spawnSync(process.execPath, ['--require', preload, bin, ...args], { cwd: work, env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' }, encoding: 'utf8' });
      return { status: run.status, stdout: run.stdout, compiled: readFileSync(listFile, 'utf8').split('\n') };
    };
    const analyze = compiledBy(['analyze', '--help']);
    expect(analyze.compiled).toEqual([bin, analyzeBundle]);
    expect(analyze.stdout).toMatch(/^samlscope analyze INPUT/);
    for (const args of [['report', '--help'], ['--help'], ['nonsense']]) {
      const { compiled } = compiledBy(args);
      // report's own dependencies (zod, yaml, ...) load from node_modules after the bundle.
      expect(compiled.slice(0, 2)).toEqual([bin, bundle]);
      expect(compiled).not.toContain(analyzeBundle);
    }
    expect(compiledBy(['--help']).stdout).toContain('simulate');
  });

  it('lets analyze of a plain message compile no module file but the bin, and verify the signature', () => {
    writeFileSync(join(work, 'idp.xml'), awsIdpMetadata());
    writeFileSync(join(work, 'response.xml'), signedAwsResponse());
    const listFile = join(work, 'compiled.txt');
    const preload = compiledFilesPreload(join(work, 'list-compiled.cjs'), listFile);
    const args = ['analyze', 'response.xml', '--idp-metadata', 'idp.xml', '--sp-entity-id', DEFAULTS.audience, '--acs-url', DEFAULTS.acsUrl, '--now', '2026-11-29T10:01:00Z', '--format', 'json'];
    const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: work, TEMP: work, TMP: work };
    delete env.NODE_COMPILE_CACHE;
    delete env.NODE_DISABLE_COMPILE_CACHE;
    const run = spawnSync(process.execPath, ['--require', preload, bin, ...args], { cwd: work, env, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).messages[0].signature.status).toBe('valid');
    expect(readFileSync(listFile, 'utf8').split('\n')).toEqual([bin]);
  });
});
