/**
 * The `samlscope` bin (dist/cli/samlscope.cjs): turns on Node's module compile cache, then loads the CLI
 * bundle (dist/cli/samlscope-cli.cjs, built from main.ts). A separate file because the cache only serves
 * modules compiled after it is enabled: the dependencies the bundle loads. The bundle itself runs from a
 * code cache of its own in the same directory, made after a run so it also holds the functions that run
 * called (bundle-code-cache.ts). The second and later runs then skip compiling them.
 *
 * The cache lives in the OS temporary directory (a NODE_COMPILE_CACHE directory, which Node enables itself
 * before this runs, wins; NODE_DISABLE_COMPILE_CACHE=1 turns it off), and is best effort: on a Node without `module.enableCompileCache` (< 22.1), or when the directory cannot be used,
 * the CLI runs exactly the same, only without the cache.
 */
import * as nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runWithCodeCache } from './bundle-code-cache.js';

/** Enables the compile cache; returns its directory, or undefined when no cache is in use. */
function enableCompileCache(): string | undefined {
  // Read as optional members: the Node typings this project builds against predate the API.
  const enable: ((directory?: string) => unknown) | undefined = Reflect.get(nodeModule, 'enableCompileCache');
  const directoryInUse: (() => string | undefined) | undefined = Reflect.get(nodeModule, 'getCompileCacheDir');
  if (typeof enable !== 'function') return undefined;
  try {
    enable(join(tmpdir(), 'samlscope-compile-cache'));
    return typeof directoryInUse === 'function' ? directoryInUse() : undefined;
  } catch {
    // A cache that cannot be used never fails the run.
    return undefined;
  }
}

const cacheDirectory = enableCompileCache();
const cli = join(__dirname, 'samlscope-cli.cjs');
if (!cacheDirectory || !runWithCodeCache(cli, cacheDirectory)) nodeModule.createRequire(__filename)(cli);
