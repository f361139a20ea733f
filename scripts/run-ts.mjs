// Runs a TypeScript file with Node by bundling it first (Node 20 cannot strip types).
// Usage: node scripts/run-ts.mjs bench/analyze.bench.ts [args...]
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs FILE.ts [args...]');
  process.exit(2);
}
mkdirSync('dist/run', { recursive: true });
const outfile = resolve('dist/run', basename(entry).replace(/\.tsx?$/, '.mjs'));
await build({
  entryPoints: [entry], outfile, bundle: true, platform: 'node', target: 'node20', format: 'esm',
  packages: 'external', sourcemap: 'inline', logLevel: 'warning',
});
const result = spawnSync(process.execPath, ['--enable-source-maps', '--expose-gc', outfile, ...args], { stdio: 'inherit' });
process.exit(result.status ?? 1);
