// Bundles the Node-side entry points (CLI, Electron main, preload) with esbuild.
// The renderer is built by Vite (`npm run build:renderer`).
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { cliBundledPackages } from './cli-bundled-packages.mjs';
import { cliLazyBuiltins } from './cli-lazy-builtins.mjs';
import { cliLazyGrammar } from './cli-lazy-grammar.mjs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // Runtime dependencies stay in node_modules (packaged by electron-builder); only our code is bundled (the CLI
  // bundle, below, also holds the XML packages every analysis loads).
  packages: 'external',
};

/** The bundles the bin runs (src-main/cli/bin.ts). */
const CLI_BUNDLES = ['dist/cli/samlscope-cli.cjs', 'dist/cli/samlscope-analyze.cjs'];

const entries = [
  // The bin (package.json `bin`) is a few lines that enable Node's compile cache and then load the CLI bundle,
  // so the bundle is compiled with the cache on (src-main/cli/bin.ts). Commands load lazily inside the bundle.
  { entryPoints: ['src-main/cli/bin.ts'], outfile: 'dist/cli/samlscope.cjs', banner: { js: '#!/usr/bin/env node' } },
  // The CLI bundle also contains the XML packages every analysis loads (scripts/cli-bundled-packages.mjs), and loads
  // node:zlib only when a message needs inflating (scripts/cli-lazy-builtins.mjs) and builds xmldom's regular
  // expressions only when read (scripts/cli-lazy-grammar.mjs; before cliBundledPackages, whose onLoad would take the file).
  { entryPoints: ['src-main/cli/main.ts'], outfile: 'dist/cli/samlscope-cli.cjs', packages: undefined, plugins: [cliLazyBuiltins, cliLazyGrammar, cliBundledPackages] },
  // The same for `samlscope analyze` alone, which the bin runs instead: without the other commands' code.
  { entryPoints: ['src-main/cli/main-analyze.ts'], outfile: 'dist/cli/samlscope-analyze.cjs', packages: undefined, plugins: [cliLazyBuiltins, cliLazyGrammar, cliBundledPackages] },
  { entryPoints: ['src-main/electron/main.ts'], outfile: 'dist/electron/main.cjs', external: ['electron'] },
  // A sandboxed preload can require only `electron`: everything else is inlined into one file.
  { entryPoints: ['src-main/electron/preload.ts'], outfile: 'dist/electron/preload.cjs', packages: 'bundle', external: ['electron'], platform: 'browser', target: 'chrome140' },
];

for (const entry of entries) {
  if (!existsSync(entry.entryPoints[0])) continue; // entry points arrive with their issues
  await build({ ...common, ...entry });
}

// The CLI bundles must be ASCII: V8 then holds their text as a one-byte string (decoded faster, half the memory of a
// two-byte one; the bin hashes and compiles one on every run). esbuild escapes other characters in strings, but
// not in regular expression literals, String.raw templates or the comments it keeps: write those with \u escapes.
for (const file of CLI_BUNDLES) {
  const cliBundle = readFileSync(file, 'latin1');
  const nonAscii = cliBundle.search(/[\u0080-\u00ff]/);
  if (nonAscii >= 0) {
    const line = cliBundle.slice(0, nonAscii).split('\n').length;
    throw new Error(`${file} line ${line} is not ASCII: ${cliBundle.split('\n')[line - 1].trim().slice(0, 160)}`);
  }
}
