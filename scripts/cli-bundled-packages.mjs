// The esbuild plugin for the CLI bundle: which dependencies it contains and which stay in node_modules.
//
// Every `samlscope analyze` loads @xmldom/xmldom and xml-crypto's canonicalisers (with @xmldom/is-dom-node). Inside
// the bundle their functions are in the code cache the bin makes after a run (src-main/cli/bundle-code-cache.ts),
// so later runs neither compile them nor resolve and read their files; from node_modules Node's compile cache
// holds only their top-level code and each function is compiled on its first call. Every other dependency stays
// in node_modules: the commands and inputs that need them load them lazily.
//
// Two modules of the bundled packages stay outside, as `require` calls at run time: xmldom's HTML entity table and
// xml-crypto's xpath. The CLI puts stand-ins in their place before anything loads them
// (src-main/cli/deferred-dependencies.ts); bundled, the real modules would run when the bundle does.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

// The bundle must stay ASCII (scripts/build.mjs); esbuild escapes strings, but keeps the documentation comments of
// these packages as they are, and xmldom's hold a few other characters ("§", "—"). Each is written as a \u escape,
// which means the same character in a string, template, regular expression or identifier, and is only text in a comment.
const escapeNonAscii = (text) => text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Packages the CLI bundle contains. */
export const BUNDLED_PACKAGES = ['@xmldom/xmldom', 'xml-crypto', '@xmldom/is-dom-node'];

const packageOf = (path) => path.split('/').slice(0, path.startsWith('@') ? 2 : 1).join('/');
const inPackage = (importer, name) => importer.replaceAll('\\', '/').includes(`/node_modules/${name}/`);

/** @type {import('esbuild').Plugin} */
export const cliBundledPackages = {
  name: 'cli-bundled-packages',
  setup(build) {
    // xmldom's lib/dom-parser.js: require('./entities'); the stand-in takes this file's place in require.cache.
    build.onResolve({ filter: /^\.\/entities$/ }, (args) => (inPackage(args.importer, '@xmldom/xmldom') ? { path: '@xmldom/xmldom/lib/entities.js', external: true } : undefined));
    build.onLoad({ filter: /[\\/]node_modules[\\/].*\.js$/ }, async (args) => ({ contents: escapeNonAscii(await readFile(args.path, 'utf8')), loader: 'js' }));
    // xml-crypto's xpath is then required from the bundle's folder: refuse a layout where that finds another copy.
    build.onResolve({ filter: /^xpath$/ }, (args) => {
      if (!inPackage(args.importer, 'xml-crypto')) return undefined;
      const bundleFolder = resolve(build.initialOptions.absWorkingDir ?? process.cwd(), dirname(build.initialOptions.outfile));
      if (createRequire(args.importer).resolve('xpath') !== createRequire(join(bundleFolder, 'bundle.cjs')).resolve('xpath')) {
        throw new Error(`xml-crypto's xpath is not the one require('xpath') finds from ${bundleFolder}: the CLI bundle would load another copy`);
      }
      return { path: 'xpath', external: true };
    });
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:') || !BUNDLED_PACKAGES.includes(packageOf(args.path))) return { path: args.path, external: true };
      return undefined;
    });
  },
};
