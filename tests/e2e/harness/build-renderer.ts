/** Builds the renderer once per test run, exactly as `npm run build:renderer` does (`vite build`). */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const RENDERER_DIR = path.resolve('dist/renderer');

export function buildRenderer(): void {
  const vite = path.resolve('node_modules/vite/bin/vite.js');
  // Vitest sets NODE_ENV=test and Vite keeps an existing NODE_ENV: force the production React build.
  const run = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  if (run.status !== 0) throw new Error(`vite build failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
}

/** Bytes of the build, by kind. */
export function bundleSize(dir: string = RENDERER_DIR): { total: number; js: number; css: number; html: number } {
  const out = { total: 0, js: 0, css: 0, html: 0 };
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) {
        walk(p);
        continue;
      }
      const size = statSync(p).size;
      out.total += size;
      if (p.endsWith('.js')) out.js += size;
      else if (p.endsWith('.css')) out.css += size;
      else if (p.endsWith('.html')) out.html += size;
    }
  };
  walk(dir);
  return out;
}
