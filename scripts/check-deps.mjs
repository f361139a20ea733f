#!/usr/bin/env node
// CI gate over the import graph, resolved by dependency-cruiser (type-only imports included):
//   - no import cycles inside src-main;
//   - no layer imports a layer above it (table: scripts/lint/layers.mjs, shared with the ESLint rule);
//   - the renderer imports only types from src-main, besides the pure shared model (src-main/core/model).
// Exits 1 and lists every violation; prints one summary line when the graph is clean.
//
// Usage: node scripts/check-deps.mjs [--root DIR] [--json]   (--root: check another checkout; tests use it)
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { LAYERS } from './lint/layers.mjs';

const rootFlag = process.argv.indexOf('--root');
const root = rootFlag > 0 ? path.resolve(process.argv[rootFlag + 1]) : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One dependency-cruiser rule per layer: nothing from a layer it may not import. */
function layerRules() {
  return LAYERS.flatMap((layer) => {
    const forbidden = LAYERS.filter((other) => other !== layer && !layer.mayImport.includes(other.name)).map((other) => escape(other.folder));
    const rules = [];
    if (layer.typesOnlyFrom) {
      rules.push({
        name: `${layer.name}-types-only`,
        comment: `${layer.folder} may import only types from ${layer.typesOnlyFrom.join(', ')}`,
        severity: 'error',
        from: { path: `^${escape(layer.folder)}/` },
        to: {
          path: `^(${layer.typesOnlyFrom.map(escape).join('|')})/`,
          ...(layer.runtimeFrom ? { pathNot: `^(${layer.runtimeFrom.map(escape).join('|')})/` } : {}),
          dependencyTypesNot: ['type-only'],
        },
      });
    }
    const checked = layer.typesOnlyFrom ? forbidden.filter((folder) => !layer.typesOnlyFrom.some((t) => folder.startsWith(escape(t)))) : forbidden;
    if (checked.length > 0) {
      rules.push({
        name: `${layer.name}-layer`,
        comment: `${layer.folder} may import ${layer.mayImport.join(', ') || 'nothing outside its own folder'}`,
        severity: 'error',
        from: { path: `^${escape(layer.folder)}/` },
        to: { path: `^(${checked.join('|')})/` },
      });
    }
    return rules;
  });
}

const ruleSet = {
  forbidden: [
    { name: 'no-cycles', comment: 'import cycle inside src-main', severity: 'error', from: { path: '^src-main/' }, to: { circular: true } },
    ...layerRules(),
  ],
};

async function main() {
  process.chdir(root);
  const tsConfig = extractTSConfig(path.join(root, 'tsconfig.json'));
  const folders = ['src-main', 'src-renderer'].filter((folder) => existsSync(path.join(root, folder)));
  const result = await cruise(folders, {
    ruleSet,
    validate: true,
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/' },
    combinedDependencies: false,
  }, { extensions: ['.ts', '.tsx', '.js', '.mjs'] }, { tsConfig });
  const { summary } = result.output;
  if (process.argv.includes('--json')) console.log(JSON.stringify(summary.violations, null, 2));
  for (const violation of summary.violations) {
    const cycle = violation.cycle?.length ? `\n    cycle: ${[violation.from, ...violation.cycle.map((step) => step.name ?? step)].join(' -> ')}` : '';
    console.error(`${violation.rule.name}: ${violation.from} -> ${violation.to}${cycle}`);
  }
  console.log(`check-deps: ${summary.totalCruised} modules, ${summary.totalDependenciesCruised} imports, ${summary.violations.length} violation(s)`);
  process.exitCode = summary.violations.length > 0 ? 1 : 0;
}

await main();
