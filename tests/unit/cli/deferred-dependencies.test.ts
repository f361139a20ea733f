/**
 * The CLI's stand-ins for dependency modules it never uses (src-main/cli/deferred-dependencies.ts): the stand-in
 * for xmldom's entity module must hold exactly xmldom's own XML_ENTITIES, and the strict parser must accept and
 * refuse exactly what it does without the stand-ins, without building the HTML entity table.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { deferModule } from '../../../src-main/cli/deferred-module.js';
import { deferredDependencyFiles, XML_ENTITIES } from '../../../src-main/cli/deferred-dependencies.js';

const root = resolve(__dirname, '../../..');
const require = createRequire(join(root, 'package.json'));

describe('the stand-in for xmldom\'s entity module', () => {
  it('holds xmldom\'s own XML_ENTITIES: the same entries, frozen, without a prototype', () => {
    const own = (require(deferredDependencyFiles(require).xmldomEntities) as { XML_ENTITIES: Record<string, string> }).XML_ENTITIES;
    expect({ ...XML_ENTITIES }).toEqual({ ...own });
    expect(Object.keys(XML_ENTITIES).sort()).toEqual(Object.keys(own).sort());
    for (const entities of [XML_ENTITIES, own]) {
      expect(Object.getPrototypeOf(entities)).toBeNull();
      expect(Object.isFrozen(entities)).toBe(true);
    }
  });
});

describe('deferModule', () => {
  const dir = mkdtempSync(join(tmpdir(), 'samlscope-deferred-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const load = (name: string) => {
    const file = join(dir, name);
    writeFileSync(file, 'globalThis.__deferredLoads = (globalThis.__deferredLoads ?? 0) + 1; exports.own = "real"; exports.other = "other";\n');
    return { file, require: createRequire(file) };
  };
  const loads = () => (globalThis as { __deferredLoads?: number }).__deferredLoads ?? 0;

  it('serves its own members without loading the module, and loads it once for any other member', () => {
    const { file, require: req } = load('deferred.cjs');
    const before = loads();
    expect(deferModule(req, file, { own: 'stand-in' })).toBe(true);
    const exports = req(file) as { own: string; other: string };
    expect(exports.own).toBe('stand-in');
    expect(loads()).toBe(before);
    expect(exports.other).toBe('other');
    expect('other' in exports).toBe(true);
    expect(exports.other).toBe('other');
    expect(loads()).toBe(before + 1);
    expect(req(file)).toBe(exports);
  });

  it('leaves a module that is already loaded as it is', () => {
    const { file, require: req } = load('loaded.cjs');
    const real = req(file) as { own: string };
    expect(deferModule(req, file, { own: 'stand-in' })).toBe(false);
    expect(req(file)).toBe(real);
    expect(real.own).toBe('real');
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

/** Runs the strict parser over DOCUMENTS in a fresh Node, with or without the stand-ins. */
function parseInChild(deferred: boolean, work: string) {
  const out = join(work, `${deferred ? 'deferred' : 'plain'}.json`);
  const run = spawnSync(process.execPath, [join(work, 'parse.cjs'), deferred ? 'deferred' : 'plain', out, JSON.stringify(DOCUMENTS)], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(readFileSync(out, 'utf8')) as { results: string[]; entityTableBeforeHtml: boolean; entityTableAfterHtml: boolean; html: string };
}

describe('the strict parser with the stand-ins', () => {
  // Bundled into dist/ so the child resolves @xmldom/xmldom and xml-crypto from this checkout's node_modules.
  mkdirSync(join(root, 'dist'), { recursive: true });
  const work = mkdtempSync(join(root, 'dist', 'test-deferred-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('accepts and refuses exactly what it does without them, and never builds the HTML entity table for XML', async () => {
    await build({
      stdin: {
        resolveDir: root,
        loader: 'ts',
        contents: `
          import { createRequire } from 'node:module';
          import { writeFileSync } from 'node:fs';
          import { deferUnusedDependencyCode, deferredDependencyFiles } from './src-main/cli/deferred-dependencies.js';
          const [mode, out, documents] = process.argv.slice(2);
          const req = createRequire(__filename);
          const compiled = new Set<string>();
          const Module = req('node:module');
          const compile = Module.prototype._compile;
          Module.prototype._compile = function (content: string, filename: string) { compiled.add(filename); return compile.call(this, content, filename); };
          if (mode === 'deferred') deferUnusedDependencyCode(req);
          void main();
          async function main() {
          // Imported only now, after the stand-ins are in place (a static import would load xmldom first).
          const { parseStrictXml } = await import('./src-main/core/xml/strict-parse.js');
          const results = (JSON.parse(documents) as string[]).map((xml) => {
            try { return 'accepted ' + parseStrictXml(xml).documentElement.toString(); } catch (error) { return 'refused ' + (error as Error).message; }
          });
          const table = deferredDependencyFiles(req).xmldomEntities;
          const entityTableBeforeHtml = compiled.has(table);
          const { DOMParser } = req('@xmldom/xmldom');
          const html = new DOMParser().parseFromString('<p>&nbsp;&eacute;</p>', 'text/html').documentElement.textContent;
          writeFileSync(out, JSON.stringify({ results, entityTableBeforeHtml, entityTableAfterHtml: compiled.has(table), html }));
          }
        `,
      },
      outfile: join(work, 'parse.cjs'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'error',
      // Only this test's entry and samlscope's sources are bundled; dependencies load from node_modules.
      plugins: [{ name: 'sources-only', setup: (b) => b.onResolve({ filter: /^[^./]/ }, (args) => ({ path: args.path, external: true })) }],
    });
    const plain = parseInChild(false, work);
    const deferred = parseInChild(true, work);
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
