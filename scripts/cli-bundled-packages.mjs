// The esbuild plugin for the CLI bundle: which dependencies it contains and which stay in node_modules.
//
// Every `samlscope analyze` loads @xmldom/xmldom and xml-crypto's canonicalisers (with @xmldom/is-dom-node). Inside
// the bundle their functions are in the code cache the bin makes after a run (src-main/cli/bundle-code-cache.ts),
// so later runs neither compile them nor resolve and read their files; from node_modules Node's compile cache
// holds only their top-level code and each function is compiled on its first call. Every other dependency stays
// in node_modules: the commands and inputs that need them load them lazily.
//
// Two modules of the bundled packages stay outside: xmldom's HTML entity table and xml-crypto's xpath. Where the
// packages require them, the bundle holds stand-ins (src-main/cli/deferred-dependencies.ts) that keep the `require`
// call and make it only when a member other than their own is read; bundled, the real modules would run when the
// bundle does, and with a require at start-up Node would find and resolve them on every run.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The bundle must stay ASCII (scripts/build.mjs); esbuild escapes strings, but keeps the documentation comments of
// these packages as they are, and xmldom's hold a few other characters ("§", "—"). Each is written as a \u escape,
// which means the same character in a string, template, regular expression or identifier, and is only text in a comment.
const escapeNonAscii = (text) => text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Packages the CLI bundle contains. */
export const BUNDLED_PACKAGES = ['@xmldom/xmldom', 'xml-crypto', '@xmldom/is-dom-node'];

const STAND_IN_NAMESPACE = 'cli-stand-in';
const DEFERRED_DEPENDENCIES = fileURLToPath(new URL('../src-main/cli/deferred-dependencies.ts', import.meta.url));

/** The modules that stay outside: the request the bundle keeps for each, and the stand-in that makes it. */
export const STAND_INS = {
  'xmldom-entities': { request: '@xmldom/xmldom/lib/entities.js', factory: 'xmldomEntitiesStandIn' },
  xpath: { request: 'xpath', factory: 'xpathStandIn' },
};

/** The source of a stand-in module: the stand-in from deferred-dependencies.ts, loading the real module on demand. */
const standInSource = ({ request, factory }) =>
  `module.exports = require(${JSON.stringify(DEFERRED_DEPENDENCIES)}).${factory}(() => require(${JSON.stringify(request)}));\n`;

const packageOf = (path) => path.split('/').slice(0, path.startsWith('@') ? 2 : 1).join('/');
const inPackage = (importer, name) => importer.replaceAll('\\', '/').includes(`/node_modules/${name}/`);

/** @type {import('esbuild').Plugin} */
export const cliBundledPackages = {
  name: 'cli-bundled-packages',
  setup(build) {
    // xmldom's lib/dom-parser.js: require('./entities') gets the stand-in, whose own require stays a real one.
    build.onResolve({ filter: /^\.\/entities$/ }, (args) => (inPackage(args.importer, '@xmldom/xmldom') ? { path: 'xmldom-entities', namespace: STAND_IN_NAMESPACE } : undefined));
    // From a stand-in: deferred-dependencies.ts is bundled, the real module's request stays a require.
    build.onResolve({ filter: /.*/, namespace: STAND_IN_NAMESPACE }, (args) => {
      if (args.path === DEFERRED_DEPENDENCIES) return { path: DEFERRED_DEPENDENCIES };
      if (Object.values(STAND_INS).some((standIn) => standIn.request === args.path)) return { path: args.path, external: true };
      throw new Error(`a CLI stand-in requires ${args.path}, which is neither deferred-dependencies.ts nor the module it stands for`);
    });
    build.onLoad({ filter: /.*/, namespace: STAND_IN_NAMESPACE }, (args) => ({ contents: standInSource(STAND_INS[args.path]), loader: 'js', resolveDir: dirname(DEFERRED_DEPENDENCIES) }));
    build.onLoad({ filter: /[\\/]node_modules[\\/].*\.js$/ }, async (args) => ({ contents: escapeNonAscii(await readFile(args.path, 'utf8')), loader: 'js' }));
    // xml-crypto's xpath is then required from the bundle's folder: refuse a layout where that finds another copy.
    build.onResolve({ filter: /^xpath$/ }, (args) => {
      if (!inPackage(args.importer, 'xml-crypto')) return undefined;
      const bundleFolder = resolve(build.initialOptions.absWorkingDir ?? process.cwd(), dirname(build.initialOptions.outfile));
      if (createRequire(args.importer).resolve('xpath') !== createRequire(join(bundleFolder, 'bundle.cjs')).resolve('xpath')) {
        throw new Error(`xml-crypto's xpath is not the one require('xpath') finds from ${bundleFolder}: the CLI bundle would load another copy`);
      }
      return { path: 'xpath', namespace: STAND_IN_NAMESPACE };
    });
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:') || !BUNDLED_PACKAGES.includes(packageOf(args.path))) return { path: args.path, external: true };
      return undefined;
    });
  },
};
