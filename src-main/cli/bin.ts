/**
 * The `samlscope` bin (dist/cli/samlscope.cjs): turns on Node's module compile cache, then loads the CLI
 * bundle (dist/cli/samlscope-cli.cjs, built from main.ts; for `analyze`, dist/cli/samlscope-analyze.cjs, built
 * from main-analyze.ts). A separate file because the cache only serves
 * modules compiled after it is enabled: the dependencies the bundle loads from node_modules (those of the
 * commands and inputs other than a plain analysis; the XML packages are in the bundle). The bundle itself runs from a
 * code cache of its own in the same directory, made after a run so it also holds the functions that run
 * called (bundle-code-cache.ts). The second and later runs then skip compiling them.
 *
 * The cache lives in the OS temporary directory (a NODE_COMPILE_CACHE directory, which Node enables itself
 * before this runs, wins; NODE_DISABLE_COMPILE_CACHE=1 turns it off), and is best effort: on a Node without `module.enableCompileCache` (< 22.1), or when the directory cannot be used,
 * the CLI runs exactly the same, only without the cache.
 */
import { lstatSync, mkdirSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runWithCodeCache } from './bundle-code-cache.js';

/**
 * The cache holds code this process runs, so only a directory nobody else can write to may hold it: on Linux the
 * temporary directory is shared, and another local user could create ours first and plant code in it. It must be
 * a real directory (not a link), owned by this user, with no write permission for group or others. Where Node
 * has no user ids (Windows, whose temporary directory is per user), the check is skipped.
 */
function privateDirectory(directory: string): boolean {
  try {
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    const uid = process.getuid?.();
    if (uid === undefined) return true;
    const stat = lstatSync(directory);
    return stat.isDirectory() && stat.uid === uid && (stat.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/** Enables the compile cache; returns its directory, or undefined when no cache is in use. */
function enableCompileCache(): string | undefined {
  // Read as optional members: the Node typings this project builds against predate the API.
  const enable: ((directory?: string) => unknown) | undefined = Reflect.get(nodeModule, 'enableCompileCache');
  const directoryInUse: (() => string | undefined) | undefined = Reflect.get(nodeModule, 'getCompileCacheDir');
  const directory = join(tmpdir(), 'samlscope-compile-cache');
  if (typeof enable !== 'function' || !privateDirectory(directory)) return undefined;
  try {
    enable(directory);
    return typeof directoryInUse === 'function' ? directoryInUse() : undefined;
  } catch {
    // A cache that cannot be used never fails the run.
    return undefined;
  }
}

const cacheDirectory = enableCompileCache();
// `samlscope analyze` runs the analyze-only bundle (main-analyze.ts), a third smaller to read, hash and deserialise;
// every other command line, help and usage errors included, the full one (main.ts). Both dispatch the same way.
const cli = join(__dirname, process.argv[2] === 'analyze' ? 'samlscope-analyze.cjs' : 'samlscope-cli.cjs');
if (cacheDirectory) runWithCodeCache(cli, cacheDirectory);
else nodeModule.createRequire(__filename)(cli);
