import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { FORBIDDEN_PACKAGES, LAYERS } from './scripts/lint/layers.mjs';
import { samlscopeLintPlugin } from './scripts/lint/layer-imports-rule.mjs';

/** ESLint file globs of one layer from the table in scripts/lint/layers.mjs. */
function filesOf(layerName) {
  const layer = LAYERS.find((candidate) => candidate.name === layerName);
  return [`${layer.folder}/**/*.{ts,tsx}`];
}

/** no-restricted-imports for the packages a layer must not use (node I/O, Electron). */
function forbiddenPackagesRule(layerName, message) {
  return ['error', { paths: FORBIDDEN_PACKAGES[layerName].map((name) => ({ name, message })) }];
}

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'coverage/**', 'tests/e2e/.artifacts/**', 'test-results/**', 'fuzz-findings/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { samlscope: samlscopeLintPlugin },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Layering: each folder imports only the layers below it (table: scripts/lint/layers.mjs).
      'samlscope/layer-imports': 'error',
    },
  },
  {
    // Type assertions that hide a mismatch (in the spirit of VS Code's code-no-dangerous-type-assertions):
    // `{ … } as T` skips the check that the object has T's properties; `x as unknown as T` asserts a type
    // the compiler says x cannot have. Declare `const x: T = { … }`, or parse with a schema instead.
    files: ['src-main/**/*.ts', 'src-renderer/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'as', objectLiteralTypeAssertions: 'never' }],
      'no-restricted-syntax': ['error',
        { selector: "TSAsExpression > TSAsExpression.expression[typeAnnotation.type='TSUnknownKeyword']", message: '`as unknown as T` hides a type mismatch: validate the value (zod) or fix the types.' },
        { selector: "TSAsExpression > TSAsExpression.expression[typeAnnotation.type='TSAnyKeyword']", message: '`as any as T` hides a type mismatch: validate the value (zod) or fix the types.' },
      ],
    },
  },
  {
    // The engine decides everything and must run anywhere: no I/O, no Electron, no process state, no DOM.
    files: filesOf('core'),
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': forbiddenPackagesRule('core', 'src-main/core is pure: do I/O in an adapter outside core.'),
      'no-restricted-globals': ['error', 'process', 'window', 'document', 'fetch', 'require', '__dirname', '__filename', 'setTimeout', 'setInterval'],
    },
  },
  {
    // Use cases take typed input and reach files, network and Electron only through their ports.
    files: filesOf('usecases'),
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': forbiddenPackagesRule('usecases', 'src-main/usecases reaches the outside world only through its ports (src-main/usecases/ports.ts).'),
      'no-restricted-globals': ['error', 'process', 'window', 'document', 'fetch', 'require', '__dirname', '__filename'],
    },
  },
  {
    // The command line is one front door; the desktop app is the other. Neither imports the other.
    files: filesOf('cli'),
    rules: { 'no-restricted-imports': forbiddenPackagesRule('cli', 'The command line never loads Electron.') },
  },
  {
    // The renderer talks to main only through the preload API: types from src-main, and at runtime only the pure
    // core/model (shared types with their helpers: fix-place labels, validity windows); samlscope/layer-imports checks it.
    files: filesOf('renderer'),
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': forbiddenPackagesRule('renderer', 'The renderer reaches main only through window.samlscope.') },
  },
);
