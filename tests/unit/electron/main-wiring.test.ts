/**
 * Loads the real src-main/electron/main.ts against the electron stand-in and checks what it wires,
 * in order: before `ready` (scheme, single instance, open-file), then session security, protocol,
 * IPC, menu and window, and the file and settings flows end to end through the real app-services.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS, type Settings, type WorkspaceResult } from '../../../src-main/ipc/contract.js';

vi.mock('electron', async () => (await import('./electron-mock.js')).electronModule);

const mock = await import('./electron-mock.js');
const { app, state, defaultSession, ipcMain, electronModule, safeStorageState } = mock;
const REPO = path.resolve(__dirname, '../../..');
const DEMO_RESPONSE = path.join(REPO, 'assets/demo/demo-response.xml');

async function until<T>(probe: () => T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function sent(event: string): unknown[] {
  const win = state.windows[0];
  return win ? win.webContents.send.mock.calls.filter((c) => c[0] === event).map((c) => c[1]) : [];
}

const trusted = { senderFrame: { url: 'app://samlscope/index.html', parent: null } };

let userData: string;
beforeAll(async () => {
  userData = await mkdtemp(path.join(tmpdir(), 'samlscope-main-'));
  app.userData = userData;
  app.appPath = REPO;
  safeStorageState.backend = 'basic_text';
  await import('../../../src-main/electron/main.js');
});
afterAll(async () => {
  await rm(userData, { recursive: true, force: true });
});

describe('before ready', () => {
  it('registers the app:// scheme, the single-instance lock and the OS open handlers, and opens no window', () => {
    expect(state.privilegedSchemes).toContainEqual(expect.objectContaining({ scheme: 'app' }));
    for (const event of ['second-instance', 'open-file', 'web-contents-created', 'window-all-closed']) expect(app.count(event), event).toBe(1);
    expect(state.windows).toHaveLength(0);
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('queues a file the OS hands over before the window exists (macOS open-file)', () => {
    const event = mock.fakeEvent();
    app.emit('open-file', event, DEMO_RESPONSE);
    expect(event.defaultPrevented()).toBe(true);
  });
});

describe('after ready', () => {
  beforeAll(async () => {
    app.ready.resolve();
    await until(() => (sent('file:opened').length > 0 ? true : undefined), 'the queued file to be opened');
  });

  it('secures the session before the window loads: CSP header, permissions, protocol', () => {
    expect(defaultSession.headersListener).toBeTypeOf('function');
    expect(defaultSession.permissionRequestHandler).toBeTypeOf('function');
    expect(defaultSession.permissionCheckHandler).toBeTypeOf('function');
    expect(defaultSession.protocolHandlers.has('app')).toBe(true);
    const cb = vi.fn();
    defaultSession.permissionRequestHandler!({ getURL: () => '' }, 'media', cb, { requestingUrl: 'app://samlscope/index.html' });
    expect(cb).toHaveBeenCalledWith(false);
  });

  it('registers one IPC handler per contract channel', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
  });

  it('opens one hardened window on app://samlscope with the bundled preload', () => {
    expect(state.windows).toHaveLength(1);
    const win = state.windows[0]!;
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(prefs.preload).toBe(path.join(REPO, 'src-main/electron/preload.cjs'));
    expect(win.webContents.url).toBe('app://samlscope/index.html');
    expect(win.webContents.windowOpenHandler!({ url: 'https://evil.example' })).toEqual({ action: 'deny' });
    const nav = mock.fakeEvent();
    win.webContents.emit('will-navigate', nav, 'https://evil.example');
    expect(nav.defaultPrevented()).toBe(true);
  });

  it('installs the application menu', () => {
    expect(electronModule.Menu.setApplicationMenu).toHaveBeenCalled();
    expect(state.menuTemplates.length).toBeGreaterThan(0);
  });

  it('forwards the queued file to the renderer as file:opened with its analysis', () => {
    const [opened] = sent('file:opened') as Array<{ fileName: string; workspace: WorkspaceResult }>;
    expect(opened?.fileName).toBe('demo-response.xml');
    expect(opened?.workspace.results[0]?.messages[0]?.type).toBe('Response');
  });

  it('forwards files of a second launch to the running instance', async () => {
    const before = sent('file:opened').length;
    app.emit('second-instance', mock.fakeEvent(), ['/opt/samlscope/samlscope', DEMO_RESPONSE], REPO);
    await until(() => (sent('file:opened').length > before ? true : undefined), 'the second instance file');
    expect(state.windows[0]!.focus).toHaveBeenCalled();
  });

  it('refuses IPC from a foreign frame and validates payloads', async () => {
    const handler = ipcMain.handlers.get('settings:get')!;
    await expect(Promise.resolve().then(() => handler({ senderFrame: { url: 'https://evil.example/', parent: null } }, {}))).rejects.toThrow(/Refused/);
    await expect(Promise.resolve().then(() => ipcMain.handlers.get('report:export')!(trusted, { format: 'exe', redact: false }))).rejects.toThrow(/Invalid request for report:export: format/);
  });

  it('presentation mode from the renderer re-sends the workspace redacted, updates the menu and zoom', async () => {
    const menusBefore = state.menuTemplates.length;
    const settings = (await ipcMain.handlers.get('settings:set')!(trusted, { presentationMode: true, zoomFactor: 1.3 })) as Settings;
    expect(settings.presentationMode).toBe(true);
    const updated = sent('workspace:updated').at(-1) as WorkspaceResult;
    expect(updated.redacted).toBe(true);
    expect(JSON.stringify(updated)).not.toContain('jane.doe@example.com');
    expect(sent('settings:changed').at(-1)).toMatchObject({ presentationMode: true, zoomFactor: 1.3 });
    expect(state.windows[0]!.webContents.setZoomFactor).toHaveBeenLastCalledWith(1.3);
    expect(state.menuTemplates.length).toBeGreaterThan(menusBefore);
  });

  it('shows the plain-text secret storage warning on Linux basic_text', async () => {
    const status = await ipcMain.handlers.get('secrets:status')!(trusted, {});
    if (process.platform === 'linux') expect(status).toMatchObject({ protection: 'basic_text', warning: expect.stringMatching(/keyring/) });
    else expect(status).toMatchObject({ protection: 'os' });
  });
});
