/**
 * The layer rules: ESLint (samlscope/layer-imports + the package restrictions, with the repository's own
 * eslint.config.js) and scripts/check-deps.mjs over a small planted tree.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function ruleIds(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('ESLint layering', () => {
  it('core imports nothing outside core', async () => {
    expect(await ruleIds('src-main/core/planted.ts', "import { runCli } from '../cli/run-cli.js';\nexport const x = runCli;\n")).toContain('samlscope/layer-imports');
    expect(await ruleIds('src-main/core/signature/planted.ts', "import { NS } from '../xml/dom.js';\nexport const x = NS;\n")).toEqual([]);
  });

  it('use cases import core only, and no file system or Electron', async () => {
    expect(await ruleIds('src-main/usecases/planted.ts', "import { NS } from '../core/xml/dom.js';\nexport const x = NS;\n")).toEqual([]);
    expect(await ruleIds('src-main/usecases/planted.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toContain('no-restricted-imports');
    expect(await ruleIds('src-main/usecases/planted.ts', "import { app } from 'electron';\nexport const x = app;\n")).toContain('no-restricted-imports');
    expect(await ruleIds('src-main/usecases/planted.ts', "import { isChannel } from '../ipc/contract.js';\nexport const x = isChannel;\n")).toContain('samlscope/layer-imports');
  });

  it('the command line and the Electron adapters never import each other', async () => {
    expect(await ruleIds('src-main/cli/planted.ts', "import { createAppServices } from '../app-services/app-services.js';\nexport const x = createAppServices;\n")).toContain('samlscope/layer-imports');
    expect(await ruleIds('src-main/electron/planted.ts', "import { runCli } from '../cli/run-cli.js';\nexport const x = runCli;\n")).toContain('samlscope/layer-imports');
    expect(await ruleIds('src-main/cli/planted.ts', "import { app } from 'electron';\nexport const x = app;\n")).toContain('no-restricted-imports');
  });

  it('the renderer imports only types from src-main, and at runtime only the shared model', async () => {
    expect(await ruleIds('src-renderer/lib/planted.ts', "import { isChannel } from '../../src-main/ipc/contract.js';\nexport const x = isChannel;\n")).toContain('samlscope/layer-imports');
    expect(await ruleIds('src-renderer/lib/planted.ts', "import type { Channel } from '../../src-main/ipc/contract.js';\nexport type X = Channel;\n")).toEqual([]);
    expect(await ruleIds('src-renderer/lib/planted.ts', "import { FIX_PLACE_LABEL } from '../../src-main/core/model/finding.js';\nexport const x = FIX_PLACE_LABEL;\n")).toEqual([]);
    expect(await ruleIds('src-renderer/lib/planted.ts', "import { analyze } from '../../src-main/core/analyze.js';\nexport const x = analyze;\n")).toContain('samlscope/layer-imports');
  });

  it('refuses type assertions that hide a mismatch in product code', async () => {
    expect(await ruleIds('src-main/core/planted.ts', 'export const x = ({ a: 1 }) as { a: number; b: string };\n')).toContain('@typescript-eslint/consistent-type-assertions');
    expect(await ruleIds('src-main/core/planted.ts', 'export const x = (1 as unknown) as string;\n')).toContain('no-restricted-syntax');
    expect(await ruleIds('src-main/core/planted.ts', "export const x = ['a'] as const;\n")).toEqual([]);
  });
});

describe('scripts/check-deps.mjs', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  function plantedTree(files: Record<string, string>): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'samlscope-deps-'));
    dirs.push(dir);
    writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', strict: true } }));
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    return dir;
  }

  async function checkDeps(dir: string): Promise<{ code: number; output: string }> {
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, [path.join(root, 'scripts/check-deps.mjs'), '--root', dir]);
      return { code: 0, output: stdout + stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, output: failed.stdout + failed.stderr };
    }
  }

  it('passes a clean tree and names cycles and upward imports', async () => {
    const clean = plantedTree({
      'src-main/core/a.ts': "import { b } from './b.js';\nexport const a = b + 1;\n",
      'src-main/core/b.ts': 'export const b = 1;\n',
      'src-main/cli/main.ts': "import { a } from '../core/a.js';\nexport const main = a;\n",
    });
    expect(await checkDeps(clean)).toMatchObject({ code: 0 });

    const broken = plantedTree({
      'src-main/core/a.ts': "import type { B } from './b.js';\nexport interface A { b?: B }\n",
      'src-main/core/b.ts': "import type { A } from './a.js';\nimport { main } from '../cli/main.js';\nexport interface B { a?: A }\nexport const b = main;\n",
      'src-main/cli/main.ts': 'export const main = 1;\n',
    });
    const { code, output } = await checkDeps(broken);
    expect(code).toBe(1);
    expect(output).toContain('no-cycles: src-main/core/a.ts -> src-main/core/b.ts');
    expect(output).toContain('core-layer: src-main/core/b.ts -> src-main/cli/main.ts');
  });
});
