/**
 * Shared types live in `core/model`: the renderer and the IPC contract take engine types from there
 * only, and `core/model` is the bottom of the engine, so nothing it imports leads back into it.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CORE = path.join(ROOT, 'src-main/core');
const MODEL = path.join(CORE, 'model');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

/** Relative imports and re-exports of a file, resolved to source files (`.js` → `.ts`/`.tsx`). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]!);
  return specifiers.map((s) => {
    const base = path.resolve(path.dirname(file), s.replace(/\.js$/, ''));
    return [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((candidate) => {
      try {
        return statSync(candidate).isFile();
      } catch {
        return false;
      }
    }) ?? base;
  });
}

const relative = (file: string): string => path.relative(ROOT, file);

describe('shared types live in core/model', () => {
  it('the renderer and the IPC contract import engine types from core/model only', () => {
    const files = [...sourceFiles(path.join(ROOT, 'src-renderer')), path.join(ROOT, 'src-main/ipc/contract.ts')];
    const outside = files.flatMap((file) =>
      importsOf(file)
        .filter((target) => target.startsWith(CORE + path.sep) && !target.startsWith(MODEL + path.sep))
        .map((target) => `${relative(file)} → ${relative(target)}`),
    );
    expect(outside).toEqual([]);
  });

  it('nothing core/model imports leads back into it (no import cycle through the model)', () => {
    const cycles: string[] = [];
    for (const start of sourceFiles(MODEL)) {
      // Everything reachable from this model file through a module outside the model…
      const seen = new Set<string>();
      const stack = importsOf(start).filter((t) => !t.startsWith(MODEL + path.sep));
      while (stack.length > 0) {
        const file = stack.pop()!;
        if (seen.has(file)) continue;
        seen.add(file);
        for (const target of importsOf(file)) {
          // …must not import the model file it started from.
          if (target === start) cycles.push(`${relative(start)} → … → ${relative(file)} → ${relative(start)}`);
          else if (target.startsWith(ROOT) && !target.includes(`${path.sep}node_modules${path.sep}`)) stack.push(target);
        }
      }
    }
    expect(cycles).toEqual([]);
  });

  it('the renderer keeps no copy of what core/model defines (fix-place labels, durations, validity windows)', () => {
    const copies = sourceFiles(path.join(ROOT, 'src-renderer')).filter((file) =>
      /\b(?:const|function)\s+(?:FIX_PLACE_LABEL|formatDuration|buildTimeline|describeWindow|verdictOfPlaced)\b/.test(readFileSync(file, 'utf8')),
    );
    expect(copies.map(relative)).toEqual([]);
  });
});
