// ESLint rule `samlscope/layer-imports`: every relative import must respect the layer table in layers.mjs
// (the same idea as VS Code's `code-import-patterns` layer rule). Runs on each file while you edit;
// scripts/check-deps.mjs checks the whole resolved graph in CI.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { layerViolation } from './layers.mjs';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function toRepositoryPath(absolutePath) {
  return path.relative(repositoryRoot, absolutePath).split(path.sep).join('/');
}

/** True when the statement brings in types only: `import type`, `export type`, or every specifier marked `type`. */
function isTypeOnly(node) {
  if (node.importKind === 'type' || node.exportKind === 'type') return true;
  const specifiers = node.specifiers ?? [];
  return specifiers.length > 0 && specifiers.every((specifier) => specifier.importKind === 'type' || specifier.exportKind === 'type');
}

export const layerImportsRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the layer table in scripts/lint/layers.mjs' },
    schema: [],
    messages: { layer: '{{reason}}.' },
  },
  create(context) {
    const fromPath = toRepositoryPath(context.filename);
    function check(node, source, typeOnly) {
      if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const target = toRepositoryPath(path.resolve(path.dirname(context.filename), source.value));
      const reason = layerViolation(fromPath, target, typeOnly);
      if (reason) context.report({ node: source, messageId: 'layer', data: { reason } });
    }
    return {
      ImportDeclaration: (node) => check(node, node.source, isTypeOnly(node)),
      ExportNamedDeclaration: (node) => check(node, node.source, isTypeOnly(node)),
      ExportAllDeclaration: (node) => check(node, node.source, node.exportKind === 'type'),
      ImportExpression: (node) => check(node, node.source, false),
      TSImportType: (node) => check(node, node.argument?.literal ?? node.argument, true),
    };
  },
};

export const samlscopeLintPlugin = { meta: { name: 'samlscope' }, rules: { 'layer-imports': layerImportsRule } };
