import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_IO_MODULES = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'net', 'node:net', 'http', 'node:http',
  'https', 'node:https', 'child_process', 'node:child_process', 'os', 'node:os', 'path', 'node:path', 'process', 'node:process',
  'worker_threads', 'node:worker_threads', 'dns', 'node:dns', 'tls', 'node:tls', 'undici', 'electron'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'coverage/**', 'tests/e2e/.artifacts/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The engine decides everything and must run anywhere: no I/O, no Electron, no process state, no DOM.
    files: ['src-main/core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { paths: NODE_IO_MODULES.map((name) => ({ name, message: 'src-main/core is pure: do I/O in an adapter outside core.' })) }],
      'no-restricted-globals': ['error', 'process', 'window', 'document', 'fetch', 'require', '__dirname', '__filename', 'setTimeout', 'setInterval'],
    },
  },
  {
    // The renderer talks to main only through the preload API; from src-main it imports types, and at runtime only
    // core/model (shared types with their pure helpers: fix-place labels, validity windows), never the engine.
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: ['**/src-main/core/*.js', '**/src-main/core/*/**', '!**/src-main/core/model/**'], allowTypeImports: true, message: 'The renderer never imports the engine at runtime; use the preload API.' }] }],
    },
  },
);
