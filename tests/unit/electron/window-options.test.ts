import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FakeBrowserWindow } from './electron-mock.js';

vi.mock('electron', async () => (await import('./electron-mock.js')).electronModule);

const { state } = await import('./electron-mock.js');
const { createMainWindow, loadWorkspace } = await import('../../../src-main/electron/main-window.js');
const { printHtmlToPdf, PRINT_PARTITION } = await import('../../../src-main/electron/pdf-printer.js');

beforeEach(() => {
  state.windows.length = 0;
});

/** The secure baseline every window must have (https://www.electronjs.org/docs/latest/tutorial/security). */
function expectSecureWebPreferences(prefs: Record<string, unknown>): void {
  expect(prefs.contextIsolation).toBe(true);
  expect(prefs.sandbox).toBe(true);
  expect(prefs.nodeIntegration).toBe(false);
  expect(prefs.nodeIntegrationInWorker).not.toBe(true);
  expect(prefs.nodeIntegrationInSubFrames).not.toBe(true);
  expect(prefs.webSecurity).toBe(true);
  expect(prefs.allowRunningInsecureContent).toBe(false);
  expect(prefs.experimentalFeatures).toBe(false);
  expect(prefs.webviewTag).toBe(false);
  expect(prefs.navigateOnDragDrop).toBe(false);
  expect(prefs.disableBlinkFeatures).toBe('Auxclick');
  expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  expect(prefs).not.toHaveProperty('enableRemoteModule');
}

describe('main window', () => {
  it('is created with every security setting of the checklist', () => {
    const win = createMainWindow({ preloadPath: '/app/dist/electron/preload.cjs', zoomFactor: 1.2, devTools: false, dark: true }) as unknown as FakeBrowserWindow;
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expectSecureWebPreferences(prefs);
    expect(prefs.preload).toBe('/app/dist/electron/preload.cjs');
    expect(prefs.devTools).toBe(false);
    expect(prefs.zoomFactor).toBe(1.2);
    expect(win.options.show).toBe(false);
  });

  it('has dev tools only when asked (development builds)', () => {
    const win = createMainWindow({ preloadPath: 'p', zoomFactor: 1, devTools: true, dark: false }) as unknown as FakeBrowserWindow;
    expect((win.options.webPreferences as Record<string, unknown>).devTools).toBe(true);
  });

  it('loads the workspace from the app:// origin, not file://', async () => {
    const win = createMainWindow({ preloadPath: 'p', zoomFactor: 1, devTools: false, dark: false });
    await loadWorkspace(win);
    expect((win as unknown as FakeBrowserWindow).webContents.url).toBe('app://samlscope/index.html');
  });

  it('shows itself only when ready, so no blank window flashes', () => {
    const win = createMainWindow({ preloadPath: 'p', zoomFactor: 1, devTools: false, dark: false }) as unknown as FakeBrowserWindow;
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalled();
  });
});

describe('PDF print window', () => {
  it('prints in a hidden, sandboxed window with JavaScript off, in its own session, and closes it', async () => {
    const pdf = await printHtmlToPdf('<!doctype html><title>r</title><p>report</p>');
    expect(new TextDecoder().decode(pdf)).toMatch(/^%PDF-/);
    const win = state.windows.at(-1)!;
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expectSecureWebPreferences(prefs);
    expect(prefs.javascript).toBe(false);
    expect(prefs.devTools).toBe(false);
    expect(prefs).not.toHaveProperty('preload');
    expect(win.options.show).toBe(false);
    expect(prefs.session).toBe(state.partitions.get(PRINT_PARTITION));
    expect(win.webContents.url).toMatch(/^app:\/\/report-print\/[0-9a-f-]{36}\.html$/);
    expect(win.webContents.printToPDF).toHaveBeenCalledWith(expect.objectContaining({ printBackground: true }));
    expect(win.destroyed).toBe(true);
  });

  it('serves the report only while printing, under a script-less CSP', async () => {
    await printHtmlToPdf('<p>one</p>');
    const session = state.partitions.get(PRINT_PARTITION)!;
    const handler = session.protocolHandlers.get('app')!;
    const url = state.windows.at(-1)!.webContents.url;
    // The print is over: the document is gone.
    expect((await handler(new Request(url))).status).toBe(403);
    expect((await handler(new Request('app://samlscope/index.html'))).status).toBe(403);
    // Permissions are denied in the print session too.
    const cb = vi.fn();
    session.permissionRequestHandler!({ getURL: () => url }, 'media', cb, { requestingUrl: url });
    expect(cb).toHaveBeenCalledWith(false);
  });
});
