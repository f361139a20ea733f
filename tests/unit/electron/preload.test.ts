import { build } from 'esbuild';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { SamlscopeApi } from '../../../src-main/ipc/contract.js';

vi.mock('electron', async () => (await import('./electron-mock.js')).electronModule);

const { state, electronModule } = await import('./electron-mock.js');
await import('../../../src-main/electron/preload.js');
const api = state.exposed.get('samlscope') as SamlscopeApi;
const ipcRenderer = electronModule.ipcRenderer;

describe('preload', () => {
  it('exposes only window.samlscope with invoke, on and platform', () => {
    expect([...state.exposed.keys()]).toEqual(['samlscope']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on', 'platform']);
    expect(api.platform).toBe(process.platform);
  });

  it('forwards contract channels to ipcRenderer.invoke', async () => {
    await expect(api.invoke('settings:get', {})).resolves.toEqual({ channel: 'settings:get', payload: {} });
  });

  it('refuses channels outside the contract without reaching main', async () => {
    ipcRenderer.invoke.mockClear();
    await expect(api.invoke('shell:exec' as never, {} as never)).rejects.toThrow(/Unknown channel: shell:exec/);
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
    expect(() => api.on('ipc:raw' as never, () => undefined)).toThrow(/Unknown event/);
  });

  it('gives listeners the payload only, never the IpcRendererEvent, and unsubscribes', () => {
    const listener = vi.fn();
    const off = api.on('settings:changed', listener);
    const sender = { sender: 'ipcRenderer-internals' };
    ipcRenderer.emit('settings:changed', sender, { theme: 'dark' });
    expect(listener).toHaveBeenCalledWith({ theme: 'dark' });
    expect(listener.mock.calls[0]).toHaveLength(1);
    off();
    ipcRenderer.emit('settings:changed', sender, { theme: 'light' });
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe('preload bundle', () => {
  it('is one file that requires nothing but electron (a sandboxed preload cannot load our modules)', async () => {
    // Same settings as scripts/build.mjs uses for the preload.
    const out = await build({
      entryPoints: [path.resolve(__dirname, '../../../src-main/electron/preload.ts')],
      bundle: true,
      write: false,
      format: 'cjs',
      platform: 'browser',
      target: 'chrome140',
      packages: 'bundle',
      external: ['electron'],
      logLevel: 'silent',
    });
    const code = out.outputFiles[0]!.text;
    expect([...new Set(code.match(/require\("[^"]+"\)/g))]).toEqual(['require("electron")']);
    expect(code.length).toBeLessThan(20_000);
  });
});
