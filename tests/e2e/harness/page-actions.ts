/** What a person does in the workspace, as Playwright steps, and how the tests look at the result. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

export const ARTIFACTS_DIR = path.resolve('tests/e2e/.artifacts');

/** Waits until the app finished its first load (settings + first workspace). */
export async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
}

/** The workspace key changes with every new analysis; returns the current one. */
export function workspaceKey(page: Page): Promise<string | null> {
  return page.evaluate(() => document.querySelector('main.results')?.getAttribute('data-workspace') ?? null);
}

/** Waits for a workspace other than `before` to be rendered (and main no longer busy). */
export async function waitNewWorkspace(page: Page, before: string | null): Promise<void> {
  await page.waitForFunction(
    (prev) => {
      const main = document.querySelector('main.results');
      return !!main && main.getAttribute('data-workspace') !== prev && main.getAttribute('data-workspace') !== 'none' && main.getAttribute('aria-busy') === 'false';
    },
    before,
  );
}

/** A paste event outside any text field, as Ctrl+V on the page delivers it. */
export async function dispatchPaste(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Screenshots the current state in both colour schemes (prefers-color-scheme switched live). */
export async function shoot(page: Page, name: string): Promise<string[]> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const files: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const file = path.join(ARTIFACTS_DIR, `${name}-${scheme}.png`);
    await page.screenshot({ path: file });
    files.push(file);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return files;
}

/**
 * Screenshots one element whole, in both colour schemes. A scrolling column is cut off at the
 * window's height, so the window is made as tall as the element's content for the shot, then restored.
 */
export async function shootElement(page: Page, selector: string, name: string): Promise<string[]> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const viewport = page.viewportSize();
  const content = await page.locator(selector).evaluate((el) => el.scrollHeight);
  if (viewport && content > viewport.height - 100) await page.setViewportSize({ width: viewport.width, height: content + 200 });
  const files: string[] = [];
  try {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const file = path.join(ARTIFACTS_DIR, `${name}-${scheme}.png`);
      await page.locator(selector).screenshot({ path: file });
      files.push(file);
    }
  } finally {
    await page.emulateMedia({ colorScheme: 'light' });
    if (viewport) await page.setViewportSize(viewport);
  }
  return files;
}

/** Everything text-like the page holds: rendered text, the serialized DOM and form control values. */
export function pageTexts(page: Page): Promise<{ text: string; html: string; values: string }> {
  return page.evaluate(() => ({
    text: document.body.innerText,
    html: document.documentElement.outerHTML,
    values: Array.from(document.querySelectorAll('input, textarea, select'))
      .map((e) => (e as HTMLInputElement).value)
      .join('\n'),
  }));
}

/** Horizontal overflow anywhere on the page or in the toolbar (a layout break at this size). */
export function layoutOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const vw = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > vw) problems.push(`page scrolls horizontally: ${document.documentElement.scrollWidth} > ${vw}`);
    const toolbar = document.querySelector('.toolbar');
    if (toolbar && toolbar.scrollWidth > toolbar.clientWidth) problems.push(`toolbar overflows: ${toolbar.scrollWidth} > ${toolbar.clientWidth}`);
    for (const el of Array.from(document.querySelectorAll('.toolbar button, .toolbar select, .tabbar button'))) {
      const r = el.getBoundingClientRect();
      if (r.right > vw + 0.5 || r.left < -0.5) problems.push(`${el.textContent?.trim() || el.id} is outside the window (${Math.round(r.left)}–${Math.round(r.right)})`);
    }
    return problems;
  });
}

/** A short description of the focused element and whether a focus indicator is drawn. */
export function describeFocus(page: Page): Promise<{ name: string; visible: boolean; tag: string } | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
    const label = el.getAttribute('aria-label') ?? (el.id ? `#${el.id}` : '');
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    return { name: `${el.getAttribute('role') ?? el.tagName.toLowerCase()}:${text || label}`, visible, tag: el.tagName.toLowerCase() };
  });
}
