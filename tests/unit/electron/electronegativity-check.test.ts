/** The CI gate over Electronegativity's SARIF (the scanner itself exits 0 whatever it finds). */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const SCRIPT = path.resolve(__dirname, '../../../scripts/electronegativity-check.mjs');

function sarif(results: Array<{ ruleId: string; uri: string; line?: number; text: string }>): string {
  return JSON.stringify({
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'Electronegativity', rules: [] } }, results: results.map((r) => ({ ruleId: r.ruleId, level: 'warning', message: { text: r.text }, locations: [{ physicalLocation: { artifactLocation: { uri: r.uri }, region: { startLine: r.line ?? 1 } } }] })) }],
  });
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'samlscope-eng-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function gate(results: Parameters<typeof sarif>[0], entries: unknown[]): Promise<{ code: number; out: string }> {
  const sarifFile = path.join(dir, `r-${Math.random().toString(36).slice(2)}.sarif`);
  const allowlist = path.join(dir, `a-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(sarifFile, sarif(results));
  await writeFile(allowlist, JSON.stringify({ entries }));
  try {
    const { stdout, stderr } = await run(process.execPath, [SCRIPT, '--sarif', sarifFile, '--allowlist', allowlist, '--out', dir]);
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

const reason = 'Reviewed: the preload exposes only the typed contract, see preload-api.ts.';

describe('electronegativity gate', () => {
  it('fails on a HIGH finding that is not allow-listed', async () => {
    const r = await gate([{ ruleId: 'CONTEXT_ISOLATION_JS_CHECK', uri: 'src-main/electron/x.ts', text: 'Review the use of the contextIsolation option' }], []);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/\[FAIL\] HIGH +CONTEXT_ISOLATION_JS_CHECK/);
  });

  it('fails on a MEDIUM finding in another file than the allow-listed one', async () => {
    const r = await gate([{ ruleId: 'PRELOAD_JS_CHECK', uri: 'src-main/electron/other.ts', text: 'Review the use of preload scripts' }], [{ rule: 'PRELOAD_JS_CHECK', file: 'src-main/electron/main-window.ts', reason }]);
    expect(r.code).toBe(1);
  });

  it('passes allow-listed findings and LOW/INFORMATIONAL ones', async () => {
    const r = await gate(
      [
        { ruleId: 'PRELOAD_JS_CHECK', uri: 'src-main/electron/main-window.ts', text: 'Review the use of preload scripts' },
        { ruleId: 'CSP_GLOBAL_CHECK', uri: 'src-renderer/index.html', text: 'One or more CSP directives detected seems to be vulnerable' },
        { ruleId: 'CSP_JS_CHECK', uri: 'src-main/electron/security.ts', text: 'Review the CSP' },
      ],
      [{ rule: 'PRELOAD_JS_CHECK', file: 'src-main/electron/main-window.ts', reason }],
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/OK: no unexplained HIGH or MEDIUM findings \(3 finding/);
  });

  it('treats a missing CSP as MEDIUM and an unknown rule as HIGH (fail closed)', async () => {
    expect((await gate([{ ruleId: 'CSP_GLOBAL_CHECK', uri: 'file:///', text: 'No CSP has been detected in the target application' }], [])).code).toBe(1);
    const unknown = await gate([{ ruleId: 'NEW_CHECK_FROM_A_LATER_VERSION', uri: 'src-main/a.ts', text: 'x' }], []);
    expect(unknown.code).toBe(1);
    expect(unknown.out).toMatch(/HIGH/);
  });

  it('refuses an allow-list entry without a real reason', async () => {
    const r = await gate([], [{ rule: 'PRELOAD_JS_CHECK', file: 'src-main/electron/main-window.ts', reason: 'ok' }]);
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/needs "rule", "file" and a "reason"/);
  });
});
