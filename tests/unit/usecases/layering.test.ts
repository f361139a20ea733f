/**
 * The use-case layer imports only the engine, its own files (ports included) and pure libraries: no
 * Electron, no file system, no adapters. Then both front doors reach the same behaviour and neither can
 * slip I/O into a use case.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const USECASES = path.resolve(__dirname, '../../../src-main/usecases');
const ALLOWED = [/^\.\.\/core\//, /^\.\//, /^zod$/, /^yaml$/, /^node:crypto$/];

function importsOf(file: string): string[] {
  const text = readFileSync(path.join(USECASES, file), 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? '');
}

describe('src-main/usecases', () => {
  it.each(readdirSync(USECASES).filter((f) => f.endsWith('.ts')))('%s imports only core, its ports and pure libraries', (file) => {
    const outside = importsOf(file).filter((spec) => !ALLOWED.some((re) => re.test(spec)));
    expect(outside).toEqual([]);
  });
});
