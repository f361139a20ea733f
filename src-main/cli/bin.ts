/**
 * The `samlscope` bin (dist/cli/samlscope.cjs): turns on Node's module compile cache, then loads the CLI
 * bundle (dist/cli/samlscope-cli.cjs, built from main.ts). A separate file because the cache only serves
 * modules compiled after it is enabled: the bundle itself and the dependencies it loads. The second and
 * later runs then skip compiling them.
 *
 * The cache lives in the OS temporary directory (a NODE_COMPILE_CACHE directory, which Node enables itself
 * before this runs, wins; NODE_DISABLE_COMPILE_CACHE=1 turns it off), and is best effort: on a Node without `module.enableCompileCache` (< 22.1), or when the directory cannot be used,
 * the CLI runs exactly the same, only without the cache.
 */
import * as nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function enableCompileCache(): void {
  // Read as an optional member: the Node typings this project builds against predate the API.
  const enable: ((directory?: string) => unknown) | undefined = Reflect.get(nodeModule, 'enableCompileCache');
  if (typeof enable !== 'function') return;
  try {
    enable(join(tmpdir(), 'samlscope-compile-cache'));
  } catch {
    // A cache that cannot be used never fails the run.
  }
}

enableCompileCache();
nodeModule.createRequire(__filename)('./samlscope-cli.cjs');
