/**
 * A person logging in with Debian's Chromium (headless, driven by playwright-core) while samlscope's
 * capture engine records the login over CDP: the same Network events Electron's debugger delivers.
 */
import type { Browser } from 'playwright-core';
import { CdpCaptureEngine } from '../../../src-main/capture/cdp-capture-engine.js';
import type { CapturedFlow } from '../../../src-main/core/model/input.js';

/** The flags docs/dev/conventions.md gives for Debian's Chromium in tests. */

const NETWORK_EVENTS = ['Network.requestWillBeSent', 'Network.responseReceived', 'Network.loadingFinished', 'Network.loadingFailed'] as const;

export interface CapturedLogin {
  flow: CapturedFlow;
  /** Text of the page the login ended on. */
  finalText: string;
  finalUrl: string;
  problems: string[];
}

/** Opens the SP's protected page, signs in on SimpleSAMLphp's login form, waits for the protected page. */
export async function loginThroughSimpleSamlPhp(browser: Browser, opts: { protectedUrl: string; username: string; password: string; finalText: string }): Promise<CapturedLogin> {
  const context = await browser.newContext();
  const problems: string[] = [];
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const engine = new CdpCaptureEngine({ send: (method, params) => cdp.send(method as never, params as never) }, { onProblem: (p) => problems.push(p) });
    for (const name of NETWORK_EVENTS) cdp.on(name, (params: unknown) => engine.handleEvent(name, params));
    await engine.start();

    await page.goto(opts.protectedUrl);
    await page.locator('#username').waitFor({ timeout: 30_000 });
    await page.locator('#username').fill(opts.username);
    await page.locator('#password').fill(opts.password);
    await page.locator('#submit_button').click();
    await page.getByText(opts.finalText, { exact: false }).first().waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    const finalText = await page.locator('body').innerText();
    const finalUrl = page.url();
    const flow = await engine.stop();
    await cdp.detach();
    return { flow, finalText, finalUrl, problems };
  } finally {
    await context.close();
  }
}
