/**
 * The CLI bundle contains the XML packages every analysis loads (scripts/cli-bundled-packages.mjs), so their
 * functions are in the bundle's code cache: `samlscope analyze` of a plain message then compiles no module
 * file at all besides the bin. xmldom's HTML entity table and xml-crypto's xpath stay outside the bundle,
 * where the CLI's stand-ins take their place (src-main/cli/deferred-dependencies.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { awsIdpMetadata, DEFAULTS, signedAwsResponse } from '../fixtures/aws-response.js';

const bin = join(__dirname, '../../dist/cli/samlscope.cjs');
const bundle = join(__dirname, '../../dist/cli/samlscope-cli.cjs');
const work = mkdtempSync(join(tmpdir(), 'samlscope-cli-bundle-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the CLI bundle', () => {
  it('requires none of the bundled packages at run time, only the two modules the stand-ins replace', () => {
    if (!existsSync(bundle)) throw new Error('dist/cli/samlscope-cli.cjs is missing: run npm run build (npm test does it first)');
    const required = [...readFileSync(bundle, 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]!);
    expect(required.filter((name) => /^(@xmldom\/|xml-crypto|xpath)/.test(name)).sort()).toEqual(['@xmldom/xmldom/lib/entities.js', 'xpath']);
  });

  it('lets analyze of a plain message compile no module file but the bin, and verify the signature', () => {
    writeFileSync(join(work, 'idp.xml'), awsIdpMetadata());
    writeFileSync(join(work, 'response.xml'), signedAwsResponse());
    const listFile = join(work, 'compiled.txt');
    const preload = join(work, 'list-compiled.cjs');
    writeFileSync(preload, `
const Module = require('node:module');
const compiled = [];
const compile = Module.prototype._compile;
Module.prototype._compile = function (content, filename) { compiled.push(filename); return compile.apply(this, arguments); };
process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(listFile)}, compiled.join('\\n')));
`);
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
