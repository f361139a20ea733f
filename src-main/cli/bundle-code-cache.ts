/**
 * Runs the CLI bundle from V8 code that a previous run cached after it had run, not only after it was
 * compiled. Node's module compile cache stores a module's code as compiled, before it runs, so every run
 * still compiles each function of the bundle it calls the first time; a cache created after the run holds
 * those functions too (https://nodejs.org/api/vm.html#scriptcreatecacheddata: "functions that have been
 * compiled lazily" are included when it is called after the code ran).
 *
 * The cache file's name holds a SHA-256 of the bundle's bytes: V8 itself checks only the text's length (and
 * its own version and flags) before it takes a cache; a rejected cache is written again. The hash comes from
 * node:crypto, which the commands load anyway (node:zlib's crc32 cost a few ms more: loading zlib loads the
 * stream modules). The directory is Node's compile cache directory, which Node names after its version and
 * architecture.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { constants, Script } from 'node:vm';

/** The CommonJS wrapper's parameters, as Node's loader passes them to a module. */
type ModuleFunction = (exports: unknown, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string) => void;

/** The name of the cache file for a bundle of these bytes. */
export function codeCacheFileName(bundle: Buffer): string {
  return `samlscope-cli-${createHash('sha256').update(bundle).digest('hex').slice(0, 16)}.v8cache`;
}

/** Runs the CommonJS `file` with the code cache kept in `cacheDirectory`. */
export function runWithCodeCache(file: string, cacheDirectory: string): void {
  const bytes = readFileSync(file);
  const cacheFile = join(cacheDirectory, codeCacheFileName(bytes));
  // Decoded here, not by readFileSync(file, 'utf8'): the bytes are hashed too. The build keeps the bundle ASCII
  // (scripts/build.mjs), so V8 holds it as a one-byte string, half the size of a two-byte one.
  const source = bytes.toString('utf8');
  const cachedData = readCache(cacheFile);
  // On the first line, so the bundle's lines keep their numbers in stack traces.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  if (!cachedData || script.cachedDataRejected === true) process.once('exit', () => writeCache(cacheFile, script));
  const run = script.runInThisContext() as ModuleFunction;
  const module = { exports: {} };
  run.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
}

function readCache(cacheFile: string): Buffer | undefined {
  try {
    return readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}

/** Written to a file of its own first and renamed, so a run never reads another run's half-written cache. */
function writeCache(cacheFile: string, script: Script): void {
  const partial = `${cacheFile}.${process.pid}`;
  try {
    mkdirSync(dirname(cacheFile), { recursive: true, mode: 0o700 });
    writeFileSync(partial, script.createCachedData(), { mode: 0o600 });
    renameSync(partial, cacheFile);
  } catch {
    // A cache that cannot be written never fails the run.
  }
}
