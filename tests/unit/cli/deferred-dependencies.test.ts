/**
 * The CLI's stand-ins for dependency modules it never uses (src-main/cli/deferred-dependencies.ts, put in the CLI
 * bundle by scripts/cli-bundled-packages.mjs): the stand-in for xmldom's entity module must hold exactly xmldom's own
 * XML_ENTITIES, and the strict parser bundled with the stand-ins must accept and refuse exactly what it does with
 * xmldom from node_modules, without building the HTML entity table.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { deferredModule } from '../../../src-main/cli/deferred-module.js';
import { XML_ENTITIES } from '../../../src-main/cli/deferred-dependencies.js';
// @ts-expect-error -- a build script without type declarations
import { cliBundledPackages } from '../../../scripts/cli-bundled-packages.mjs';

const root = resolve(__dirname, '../../..');
const require = createRequire(join(root, 'package.json'));
const entitiesFile = require.resolve('@xmldom/xmldom/lib/entities.js');

describe('the stand-in for xmldom\'s entity module', () => {
  it('holds xmldom\'s own XML_ENTITIES: the same entries, frozen, without a prototype', () => {
    const own = (require(entitiesFile) as { XML_ENTITIES: Record<string, string> }).XML_ENTITIES;
    expect({ ...XML_ENTITIES }).toEqual({ ...own });
    expect(Object.keys(XML_ENTITIES).sort()).toEqual(Object.keys(own).sort());
    for (const entities of [XML_ENTITIES, own]) {
      expect(Object.getPrototypeOf(entities)).toBeNull();
      expect(Object.isFrozen(entities)).toBe(true);
    }
  });
});

describe('deferredModule', () => {
  it('serves its own members without loading the module, and loads it once for any other member', () => {
    let loads = 0;
    const real = { own: 'real', other: 'other' };
    const standIn = deferredModule(() => {
      loads++;
      return real;
    }, { own: 'stand-in' }) as { own: string; other: string; missing?: unknown };
    expect(standIn.own).toBe('stand-in');
    expect('own' in standIn).toBe(true);
    expect(loads).toBe(0);
    expect(standIn.other).toBe('other');
    expect('other' in standIn).toBe(true);
    expect('missing' in standIn).toBe(false);
    expect(standIn.missing).toBeUndefined();
    expect(loads).toBe(1);
  });
});

/** Documents whose entity references the strict parser must accept or refuse as it always has. */
const DOCUMENTS = [
  '<a>&amp;&lt;&gt;&quot;&apos;</a>',
  '<a b="&amp;&lt;&gt;&quot;&apos;"/>',
  '<a>&#160;&#xE9;</a>',
  '<a>&nbsp;</a>',
  '<a>&eacute;</a>',
  '<a b="&copy;"/>',
  '<a>&constructor;</a>',
  '<a>&toString;</a>',
  '<a>&undefined;</a>',
  '<a>&amp</a>',
  '<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>',
];

/** Runs a built parse script over DOCUMENTS in a fresh Node. */
function parseInChild(script: string, work: string) {
  const out = join(work, `${script}.json`);
  const run = spawnSync(process.execPath, [join(work, script), out, JSON.stringify(DOCUMENTS), entitiesFile], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(readFileSync(out, 'utf8')) as { results: string[]; entityTableBeforeHtml: boolean; entityTableAfterHtml: boolean; html: string };
}

describe('the strict parser with the stand-ins', () => {
  // Bundled into dist/ so the child resolves @xmldom/xmldom and xml-crypto from this checkout's node_modules.
  mkdirSync(join(root, 'dist'), { recursive: true });
  const work = mkdtempSync(join(root, 'dist', 'test-deferred-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /** The parse script: the strict parser over the documents, then an HTML parse, noting when entities.js compiles. */
  const contents = `
    import { createRequire } from 'node:module';
    import { writeFileSync } from 'node:fs';
    const [out, documents, table] = process.argv.slice(2);
    const req = createRequire(__filename);
    const compiled = new Set<string>();
    const Module = req('node:module');
    const compile = Module.prototype._compile;
    Module.prototype._compile = function (content: string, filename: string) { compiled.add(filename); return compile.call(this, content, filename); };
    void main();
    async function main() {
      // Imported only now, after the compile hook is in place.
      const { parseStrictXml } = await import('./src-main/core/xml/strict-parse.js');
      const { DOMParser } = await import('@xmldom/xmldom');
      const results = (JSON.parse(documents) as string[]).map((xml) => {
        try { return 'accepted ' + parseStrictXml(xml).documentElement!.toString(); } catch (error) { return 'refused ' + (error as Error).message; }
      });
      const entityTableBeforeHtml = compiled.has(table);
      const html = new DOMParser().parseFromString('<p>&nbsp;&eacute;</p>', 'text/html').documentElement!.textContent;
      writeFileSync(out, JSON.stringify({ results, entityTableBeforeHtml, entityTableAfterHtml: compiled.has(table), html }));
    }
  `;
  const bundle = (outfile: string, plugins: Plugin[]) =>
    build({ stdin: { resolveDir: root, loader: 'ts', contents }, outfile: join(work, outfile), bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error', plugins });

  it('accepts and refuses exactly what it does without them, and never builds the HTML entity table for XML', async () => {
    // Plain: only this test's entry and samlscope's sources are bundled; dependencies load from node_modules.
    await bundle('plain.cjs', [{ name: 'sources-only', setup: (b) => b.onResolve({ filter: /^[^./]/ }, (args) => ({ path: args.path, external: true })) }]);
    // Deferred: xmldom and xml-crypto bundled with the stand-ins, as in the CLI bundle.
    await bundle('deferred.cjs', [cliBundledPackages as Plugin]);
    const plain = parseInChild('plain.cjs', work);
    const deferred = parseInChild('deferred.cjs', work);
    expect(deferred.results).toEqual(plain.results);
    expect(plain.results.filter((r) => r.startsWith('accepted')).length).toBeGreaterThan(2);
    expect(plain.results.filter((r) => r.startsWith('refused')).length).toBeGreaterThan(2);
    expect(plain.entityTableBeforeHtml).toBe(true);
    expect(deferred.entityTableBeforeHtml).toBe(false);
    // HTML parsing, which samlscope never asks for, still finds xmldom's HTML entities behind the stand-in.
    expect(deferred.html).toBe(plain.html);
    expect(deferred.html).toBe('\u00a0\u00e9');
    expect(deferred.entityTableAfterHtml).toBe(true);
  });
});
