// The esbuild plugin for the CLI bundle that replaces xmldom's lib/grammar.js with a module building each of its
// regular expressions when it is first read.
//
// The original builds all 28 when it is loaded, most of them over large Unicode character classes that V8 parses
// at construction: about 1 ms of every `samlscope analyze`, which reads five of them (the XML declaration, processing
// instructions, names and white space; the rest serve DTDs, which the strict parser refuses before xmldom runs).
// The replacement is generated from the module itself when the bundle is built: each regular expression's source
// and flags become a getter that builds it once; strings, booleans and the helper functions (whose source is
// copied) stay as they are. tests/unit/cli/cli-lazy-grammar.test.ts checks it against the original member by member.
import { createRequire } from 'node:module';

/** A JavaScript expression of `value` in ASCII only (the CLI bundle must stay ASCII, scripts/build.mjs). */
const literal = (value) => JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** The source of the replacement for the grammar module at `file`, from the members that module exports. */
export function lazyGrammarSource(file) {
  const grammar = createRequire(import.meta.url)(file);
  const lines = [
    `// ${file.replaceAll('\\', '/').replace(/.*\/node_modules\//, '')}, each regular expression built when first read (scripts/cli-lazy-grammar.mjs).`,
    '"use strict";',
    '// The helper functions, declared at the end, are hoisted.',
    'var UNICODE_SUPPORT = detectUnicodeSupport();',
    'var built = Object.create(null);',
    'function lazy(name, source, flags) {',
    '  Object.defineProperty(exports, name, { enumerable: true, get: function () { return built[name] || (built[name] = new RegExp(source, flags)); } });',
    '}',
  ];
  const functions = [];
  for (const [name, value] of Object.entries(grammar)) {
    if (value instanceof RegExp) {
      lines.push(`lazy(${literal(name)}, ${literal(value.source)}, ${literal(value.flags)});`);
    } else if (typeof value === 'function') {
      // The helpers are declared under their own names: they call each other (regg calls reg) and read UNICODE_SUPPORT.
      if (value.name !== name) throw new Error(`xmldom grammar: exports.${name} is function ${value.name}; the generated module cannot keep that`);
      functions.push(value.toString().replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
      lines.push(`exports.${name} = ${name};`);
    } else if (name === 'UNICODE_SUPPORT') {
      lines.push('exports.UNICODE_SUPPORT = UNICODE_SUPPORT;');
    } else if (typeof value === 'string' || typeof value === 'boolean') {
      lines.push(`exports[${literal(name)}] = ${literal(value)};`);
    } else {
      throw new Error(`xmldom grammar: exports.${name} is a ${typeof value}, which the generated module does not know how to keep`);
    }
  }
  if (!('UNICODE_SUPPORT' in grammar) || typeof grammar.detectUnicodeSupport !== 'function') throw new Error('xmldom grammar: no UNICODE_SUPPORT or detectUnicodeSupport');
  return [...lines, ...functions, ''].join('\n');
}

/** @type {import('esbuild').Plugin} */
export const cliLazyGrammar = {
  name: 'cli-lazy-grammar',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]@xmldom[\\/]xmldom[\\/]lib[\\/]grammar\.js$/ }, (args) => ({ contents: lazyGrammarSource(args.path), loader: 'js' }));
  },
};
