/**
 * Drives Debian's Chromium through a login with playwright-core while the capture engine records it
 * over CDP (a CDPSession on the page, Network.enable: the same events Electron's webContents.debugger
 * delivers). Playwright's own HAR recorder writes the same login to a HAR file, independently.
 */
import type { Browser, Page } from 'playwright-core';
import { CdpCaptureEngine } from '../../../src-main/capture/cdp-capture-engine.js';
import type { CapturedFlow } from '../../../src-main/core/model/input.js';


const NETWORK_EVENTS = ['Network.requestWillBeSent', 'Network.responseReceived', 'Network.loadingFinished', 'Network.loadingFailed'] as const;

export interface LoginRun {
  /** What the capture engine recorded. */
  flow: CapturedFlow;
  /** Playwright's HAR of the same login. */
  harPath: string;
  /** Problems the engine reported (bodies no longer available, …). */
  problems: string[];
}

export interface LoginOptions {
  loginUrl: string;
  username: string;
  harPath: string;
  /** Text the final page shows once the login has ended (dashboard, error message). */
  finalText: string;
  /** Called with the IdP's login page open, before signing in (screenshots). */
  atLoginPage?: (page: Page) => Promise<void>;
  /** Called on the final page. */
  atFinalPage?: (page: Page) => Promise<void>;
}

export async function captureLogin(browser: Browser, opts: LoginOptions): Promise<LoginRun> {
  const context = await browser.newContext({ recordHar: { path: opts.harPath, content: 'embed' }, viewport: { width: 1100, height: 720 } });
  const problems: string[] = [];
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const engine = new CdpCaptureEngine({ send: (method, params) => cdp.send(method as never, params as never) }, { onProblem: (p) => problems.push(p) });
    for (const name of NETWORK_EVENTS) cdp.on(name, (params: unknown) => engine.handleEvent(name, params));
    await engine.start();

    await page.goto(opts.loginUrl);
    await page.locator('#username').waitFor();
    await opts.atLoginPage?.(page);
    await page.locator('#username').fill(opts.username);
    await page.locator('#next').click();
    await page.getByText(opts.finalText, { exact: false }).first().waitFor();
    await page.waitForLoadState('networkidle');
    await opts.atFinalPage?.(page);
    const flow = await engine.stop();
    await cdp.detach();
    return { flow, harPath: opts.harPath, problems };
  } finally {
    await context.close();
  }
}
