/**
 * Smoke test of the real desktop shell: starts the built app under Electron with playwright-core's
 * `_electron.launch()` and checks what only a real Electron can show: the window opens on the demo case
 * with its verdict, the app protocol sends the CSP header and the page enforces it, the renderer logs no
 * console errors, and a navigation away from the app is blocked. With SAMLSCOPE_PACKAGED_APP pointing at
 * a packaged executable (what electron-builder made), it also reads the fuses back from that binary.
 *
 * Playwright drives Electron through the inspector, which the packaged app's fuses switch off, so the
 * window checks run against the unpackaged build (`electron .` after `npm run build`).
 * Skipped with one line where no Electron binary is present (vitest.config.ts). How to run: docs/release.md.
 */
import path from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electronBinary } from '../support/electron-binary.js';

const root = path.resolve(__dirname, '../..');
let app: ElectronApplication;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  const executablePath = electronBinary(root);
  if (!executablePath) throw new Error('no Electron binary (vitest.config.ts should have left this file out)');
  app = await _electron.launch({
    executablePath,
    args: [root, ...(process.platform === 'linux' ? ['--no-sandbox'] : [])],
    cwd: root,
    env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
    timeout: 60_000,
  });
  page = await app.firstWindow();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.waitForLoadState('domcontentloaded');
});

afterAll(async () => {
  await app?.close();
});

describe('the built desktop app under Electron', () => {
  it('opens on the demo case and shows its verdict', async () => {
    expect(page.url()).toBe('app://samlscope/index.html');
    await expect.poll(() => page.locator('.toolbar .badge.demo').textContent(), { timeout: 30_000 }).toBe('Demo');
    expect(await page.locator('[data-verdict]').getAttribute('data-verdict')).toMatch(/^(pass|warn|fail)$/);
    expect((await page.getByTestId('verdict-reason').textContent())?.trim()).not.toBe('');
  });

  it('serves the renderer with the CSP header, and the page enforces it', async () => {
    const header = await app.evaluate(async ({ net }) => (await net.fetch('app://samlscope/index.html')).headers.get('content-security-policy'));
    expect(header).toContain("script-src 'self'");
    expect(header).toContain("default-src 'none'");
    const evalAllowed = await page.evaluate(() => {
      try {
        return new Function('return true')() === true;
      } catch {
        return false;
      }
    });
    expect(evalAllowed).toBe(false);
  });

  it('blocks a navigation away from the app', async () => {
    await page.evaluate(() => { window.location.href = 'http://127.0.0.1:9/forbidden'; });
    await page.waitForTimeout(1000);
    expect(page.url()).toBe('app://samlscope/index.html');
    expect(app.windows()).toHaveLength(1);
  });

  it('logs no renderer console errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});

const packaged = process.env.SAMLSCOPE_PACKAGED_APP;
// The fuse wire stores each fuse as an ASCII digit: '1' on, '0' off (@electron/fuses' FuseState).
const FuseState = { ENABLE: '1'.charCodeAt(0), DISABLE: '0'.charCodeAt(0) } as const;
describe.skipIf(!packaged)('the packaged app (SAMLSCOPE_PACKAGED_APP)', () => {
  it('has its fuses flipped as electron-builder.yml says', async () => {
    const wire = await getCurrentFuseWire(packaged!);
    const state = (fuse: FuseV1Options) => wire[fuse];
    expect(state(FuseV1Options.RunAsNode)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.EnableCookieEncryption)).toBe(FuseState.ENABLE);
    expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe(FuseState.ENABLE);
    expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe(FuseState.DISABLE);
    if (process.platform !== 'linux') expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(FuseState.ENABLE);
  });
});
