// The esbuild plugin for the CLI bundle: Node built-in modules it loads only when a member is first used.
//
// esbuild turns `import { inflateRawSync } from 'node:zlib'` into a `require("node:zlib")` run when the importing
// module is initialised, so every `samlscope analyze` loaded node:zlib (about 1 ms) although only a message in the
// HTTP-Redirect binding is inflated (src-main/core/input/inflate.ts). In the bundle the import instead names a small
// module whose members are getters: the first one read requires the built-in and reads the member there.
// src-main stays as it is: core keeps its plain import, and the Electron main bundle loads zlib as before.
import { createRequire } from 'node:module';

/** Built-ins the CLI bundle loads lazily. */
export const LAZY_BUILTINS = ['node:zlib'];

const NAMESPACE = 'cli-lazy-builtin';

/** The stand-in module's source: one getter per member the built-in has in the Node that builds the bundle. */
export function lazyBuiltinSource(name) {
  const members = Object.keys(createRequire(import.meta.url)(name));
  return `// ${name}, required when a member is first read (scripts/cli-lazy-builtins.mjs).
let real;
const load = () => (real ??= require(${JSON.stringify(name)}));
for (const member of ${JSON.stringify(members)}) Object.defineProperty(exports, member, { enumerable: true, get: () => load()[member] });
`;
}

/** @type {import('esbuild').Plugin} */
export const cliLazyBuiltins = {
  name: 'cli-lazy-builtins',
  setup(build) {
    const filter = new RegExp(`^(${LAZY_BUILTINS.map((name) => name.replace(/[^a-z]/g, '\\$&')).join('|')})$`);
    // The stand-in's own require of the built-in stays a real require.
    build.onResolve({ filter }, (args) => (args.namespace === NAMESPACE ? { path: args.path, external: true } : { path: args.path, namespace: NAMESPACE }));
    build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({ contents: lazyBuiltinSource(args.path), loader: 'js' }));
  },
};
