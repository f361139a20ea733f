// TEMPORARY dev script: screenshots with the fake handlers.
import { mkdirSync } from 'node:fs';
import { buildRenderer, RENDERER_DIR } from './build-renderer.js';
import { devFakeHandlers } from './dev-fake-handlers.js';
import { serveStatic } from './static-server.js';
import { launchChromium, openWorkspace } from './workspace-page.js';

buildRenderer();
const server = await serveStatic(RENDERER_DIR);
const browser = await launchChromium();
mkdirSync('tests/e2e/.artifacts/dev', { recursive: true });
for (const scheme of ['light', 'dark'] as const) {
  const wp = await openWorkspace(browser, { url: server.url, handlers: devFakeHandlers(), colorScheme: scheme });
  await wp.page.goto(server.url);
  await wp.page.waitForSelector('[data-verdict]');
  await wp.page.screenshot({ path: `tests/e2e/.artifacts/dev/${scheme}-findings.png` });
  for (const tab of ['attributes', 'message', 'certificates', 'timeline', 'simulation']) {
    await wp.page.click(`#tab-${tab}`);
    await wp.page.waitForTimeout(100);
    await wp.page.screenshot({ path: `tests/e2e/.artifacts/dev/${scheme}-${tab}.png` });
  }
  await wp.page.keyboard.press('Control+Shift+P');
  await wp.page.waitForSelector('.badge.masked');
  await wp.page.screenshot({ path: `tests/e2e/.artifacts/dev/${scheme}-presentation.png` });
  console.log(scheme, wp.problems, wp.calls);
  await wp.close();
}
await browser.close();
await server.close();
