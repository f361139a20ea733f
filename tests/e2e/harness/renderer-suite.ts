/**
 * What every renderer end-to-end file sets up: the renderer built and served, one Chromium for the file, and
 * after each test a check that the page fetched nothing but its own files and logged no error or warning,
 * then the page and its handlers closed.
 */
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { CaptureHost } from '../../../src-main/app-services/ports.js';
import { createAppHarness, type AppHarness } from './app-handlers.js';
import { buildRenderer, RENDERER_DIR } from './build-renderer.js';
import { waitReady } from './page-actions.js';
import { serveStatic, type StaticServer } from './static-server.js';
import { launchChromium } from '../../support/chromium.js';
import { openWorkspace, type WorkspacePage } from './workspace-page.js';

export interface RendererSuite {
  readonly browser: Browser;
  readonly server: StaticServer;
  /** The workspace, loaded and ready, bound to a fresh set of the real main-side handlers. */
  openApp(opts?: { capture?: CaptureHost }): Promise<{ app: AppHarness; wp: WorkspacePage }>;
}

/** Registers the file's hooks; call once at the top level of a test file. */
export function rendererSuite(): RendererSuite {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let open: { app: AppHarness; wp: WorkspacePage } | undefined;
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the renderer suite has no ${what} yet (used outside a test?)`);
    return value;
  };

  beforeAll(async () => {
    buildRenderer();
    server = await serveStatic(RENDERER_DIR);
    browser = await launchChromium();
  });
  afterEach(async () => {
    expect(open?.wp.problems ?? []).toEqual([]);
    await open?.wp.close();
    await open?.app.dispose();
    open = undefined;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  return {
    get browser() {
      return ready(browser, 'browser');
    },
    get server() {
      return ready(server, 'server');
    },
    async openApp(opts = {}) {
      const b = ready(browser, 'browser');
      const url = ready(server, 'server').url;
      const app = await createAppHarness({ browser: b, ...opts });
      const wp = await openWorkspace(b, { url, handlers: app.handlers, colorScheme: 'light' });
      open = { app, wp };
      app.setEventSink((event, payload) => void wp.emit(event, payload));
      await wp.page.goto(url);
      await waitReady(wp.page);
      return open;
    },
  };
}
