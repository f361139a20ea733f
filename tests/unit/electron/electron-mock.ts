/**
 * A small stand-in for the `electron` module (the real one needs its binary, which these machines
 * cannot download). It records what main does — options, handlers, listeners — so tests can assert
 * them and fire events. Use with `vi.mock('electron', async () => (await import('./electron-mock.js')).electronModule)`.
 */
import { vi } from 'vitest';

type Listener = (...args: any[]) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, fn: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
    return this;
  }
  once(event: string, fn: Listener): this {
    return this.on(event, fn);
  }
  emit(event: string, ...args: unknown[]): unknown[] {
    return (this.listeners.get(event) ?? []).map((fn) => fn(...args));
  }
  count(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

/** An Electron-style event whose preventDefault is observable. */
export function fakeEvent(extra: Record<string, unknown> = {}): { preventDefault: ReturnType<typeof vi.fn>; defaultPrevented: () => boolean } & Record<string, unknown> {
  const preventDefault = vi.fn();
  return { ...extra, preventDefault, defaultPrevented: () => preventDefault.mock.calls.length > 0 };
}

export class FakeWebContents extends Emitter {
  url = '';
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  readonly send = vi.fn();
  readonly setZoomFactor = vi.fn();
  readonly toggleDevTools = vi.fn();
  readonly printToPDF = vi.fn(async () => Buffer.from('%PDF-1.7 fake'));
  setWindowOpenHandler(fn: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = fn;
  }
  getURL(): string {
    return this.url;
  }
}

export class FakeSession {
  permissionRequestHandler: Listener | undefined;
  permissionCheckHandler: Listener | undefined;
  devicePermissionHandler: Listener | undefined;
  headersListener: Listener | undefined;
  readonly protocolHandlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  readonly webRequest = {
    onHeadersReceived: (fn: Listener) => {
      this.headersListener = fn;
    },
  };
  readonly protocol = {
    handle: (scheme: string, fn: (request: Request) => Response | Promise<Response>) => void this.protocolHandlers.set(scheme, fn),
    isProtocolHandled: (scheme: string) => this.protocolHandlers.has(scheme),
  };
  setPermissionRequestHandler(fn: Listener): void {
    this.permissionRequestHandler = fn;
  }
  setPermissionCheckHandler(fn: Listener): void {
    this.permissionCheckHandler = fn;
  }
  setDevicePermissionHandler(fn: Listener): void {
    this.devicePermissionHandler = fn;
  }
}

export const state = {
  windows: [] as FakeBrowserWindow[],
  partitions: new Map<string, FakeSession>(),
  privilegedSchemes: [] as unknown[],
  menuTemplates: [] as unknown[],
  exposed: new Map<string, unknown>(),
  lockGranted: true,
};

class FakeApp extends Emitter {
  isPackaged = false;
  readonly quit = vi.fn();
  readonly showAboutPanel = vi.fn();
  readonly setAboutPanelOptions = vi.fn();
  userData = '/tmp/samlscope-test-userdata';
  appPath = process.cwd();
  readonly ready: { resolve: () => void; promise: Promise<void> } = (() => {
    let resolve = (): void => undefined;
    const promise = new Promise<void>((r) => {
      resolve = r;
    });
    return { resolve, promise };
  })();
  requestSingleInstanceLock(): boolean {
    return state.lockGranted;
  }
  whenReady(): Promise<void> {
    return this.ready.promise;
  }
  getPath(name: string): string {
    if (name !== 'userData') throw new Error(`unexpected getPath(${name})`);
    return this.userData;
  }
  getAppPath(): string {
    return this.appPath;
  }
  getName(): string {
    return 'samlscope';
  }
  getVersion(): string {
    return '0.1.0-test';
  }
}

export const app = new FakeApp();

export class FakeBrowserWindow extends Emitter {
  static getAllWindows(): FakeBrowserWindow[] {
    return state.windows.filter((w) => !w.destroyed);
  }
  readonly webContents = new FakeWebContents();
  destroyed = false;
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  constructor(readonly options: Record<string, any>) { // eslint-disable-line @typescript-eslint/no-explicit-any
    super();
    state.windows.push(this);
    app.emit('web-contents-created', fakeEvent(), this.webContents);
  }
  async loadURL(url: string): Promise<void> {
    this.webContents.url = url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return false;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

export const defaultSession = new FakeSession();

export const ipcMain = {
  handlers: new Map<string, Listener>(),
  handle(channel: string, fn: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, fn);
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  },
};

export const safeStorageState = { available: true, backend: 'gnome_libsecret' };
export const safeStorage = {
  isEncryptionAvailable: () => safeStorageState.available,
  getSelectedStorageBackend: () => safeStorageState.backend,
  encryptString: (text: string) => Buffer.from(`enc:${Buffer.from(text).toString('hex')}`),
  decryptString: (data: Buffer) => Buffer.from(data.toString().replace(/^enc:/, ''), 'hex').toString(),
};

export const electronModule = {
  app,
  BrowserWindow: FakeBrowserWindow,
  ipcMain,
  safeStorage,
  nativeTheme: { themeSource: 'system', shouldUseDarkColors: false },
  Menu: {
    buildFromTemplate: (template: unknown) => {
      state.menuTemplates.push(template);
      return { template };
    },
    setApplicationMenu: vi.fn(),
  },
  session: {
    defaultSession,
    fromPartition: (name: string) => {
      let s = state.partitions.get(name);
      if (!s) {
        s = new FakeSession();
        state.partitions.set(name, s);
      }
      return s;
    },
  },
  shell: { openExternal: vi.fn(async () => undefined) },
  protocol: { registerSchemesAsPrivileged: (schemes: unknown[]) => void state.privilegedSchemes.push(...schemes) },
  dialog: { showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })), showSaveDialog: vi.fn(async () => ({ canceled: true })) },
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void state.exposed.set(key, api) },
  ipcRenderer: Object.assign(new Emitter(), {
    invoke: vi.fn(async (channel: string, payload: unknown) => ({ channel, payload })),
    removeListener(this: Emitter, channel: string, fn: Listener) {
      this.listeners.set(channel, (this.listeners.get(channel) ?? []).filter((l) => l !== fn));
    },
  }),
};

export default electronModule;
