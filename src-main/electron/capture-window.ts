/**
 * The in-app capture window: a thin host for the CDP capture engine. It opens the target
 * profile's SP login URL in its own BrowserWindow on a fresh in-memory session partition (no
 * `persist:` prefix, so cookies and cache die with it), attaches `webContents.debugger` and forwards
 * the Network events to the engine. It only observes: a debugger failure leaves the login working,
 * just unrecorded. Nothing captured is kept unless the user saves it.
 *
 * The app-wide hardening in main.ts (navigation locked to the app origin, CSP replaced) must not be
 * applied to this window: it has to browse the IdP and the SP. `isCaptureWebContents` tells them apart.
 */
import { randomUUID } from 'node:crypto';
import { BrowserWindow, session, type WebContents } from 'electron';
import type { CapturedExchange, CapturedFlow } from '../core/model/input.js';
import { CdpCaptureEngine } from '../capture/cdp-capture-engine.js';
import { isCapturableUrl } from '../capture/capturable-url.js';

const CDP_PROTOCOL_VERSION = '1.3';
const captureContents = new WeakSet<WebContents>();

/** True for the capture window's webContents (exempt from the app-origin navigation lock, still denied new windows and permissions). */
export function isCaptureWebContents(contents: WebContents): boolean {
  return captureContents.has(contents);
}

/** Only http(s) login pages may be opened: no file:, javascript: or app URLs. */
export { isCapturableUrl };

export interface CaptureWindowOptions {
  /** The SP login URL (from the target profile, or typed by the user). */
  url: string;
  parent?: BrowserWindow;
  /** Each completed exchange, live (main forwards it to the workspace as `capture:exchange`). */
  onExchange: (exchange: CapturedExchange) => void;
  /** The capture stopped by itself: the user closed the window, or the debugger detached. */
  onEnded?: (reason: string) => void;
}

export class CaptureWindow {
  private ended = false;

  private constructor(
    readonly window: BrowserWindow,
    private readonly engine: CdpCaptureEngine,
    private readonly partition: string,
  ) {}

  /** Opens the window, starts recording, then loads the login URL. */
  static async open(opts: CaptureWindowOptions): Promise<CaptureWindow> {
    if (!isCapturableUrl(opts.url)) throw new Error(`Not an http(s) URL: ${opts.url}`);
    // No "persist:" prefix: an in-memory session, one per capture, so no IdP or SP cookie outlives it.
    const partition = `samlscope-capture-${randomUUID()}`;
    const ses = session.fromPartition(partition, { cache: false });
    ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    ses.setPermissionCheckHandler(() => false);
    ses.setDevicePermissionHandler(() => false);

    const win = new BrowserWindow({
      width: 1100,
      height: 800,
      title: 'samlscope — capturing login',
      ...(opts.parent ? { parent: opts.parent } : {}),
      // Spelled out in every window on purpose (not a shared spread): Electronegativity checks the literal
      // options of each BrowserWindow, and a reviewer sees each window's full security settings in one place.
      webPreferences: {
        partition,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        safeDialogs: true,
        disableBlinkFeatures: 'Auxclick',
        spellcheck: false,
        devTools: false,
      },
    });
    captureContents.add(win.webContents);
    const contents = win.webContents;
    // A login that opens a popup continues in this window, where it is recorded.
    contents.setWindowOpenHandler(({ url }) => {
      if (isCapturableUrl(url)) void contents.loadURL(url);
      return { action: 'deny' };
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());

    const dbg = contents.debugger;
    const engine = new CdpCaptureEngine({ send: (method, params) => dbg.sendCommand(method, params) }, { onExchange: opts.onExchange });
    const capture = new CaptureWindow(win, engine, partition);
    dbg.on('message', (_event, method, params) => engine.handleEvent(method, params));
    dbg.on('detach', (_event, reason) => capture.end(`debugger detached: ${reason}`, opts.onEnded));
    win.on('closed', () => capture.end('window closed', opts.onEnded));
    try {
      dbg.attach(CDP_PROTOCOL_VERSION);
      await engine.start();
    } catch (error) {
      // Never block the login: without the debugger the window still works, it just records nothing.
      capture.end(`recording unavailable: ${(error as Error).message}`, opts.onEnded);
    }
    void win.loadURL(opts.url).catch(() => {
      // A failed first load shows Chromium's error page in the window; the capture records what it can.
    });
    return capture;
  }

  private end(reason: string, onEnded?: (reason: string) => void): void {
    if (this.ended) return;
    this.ended = true;
    onEnded?.(reason);
  }

  /** The capture so far. */
  flow(): CapturedFlow {
    return this.engine.flow();
  }

  /** Forgets what was recorded; recording goes on. */
  clear(): void {
    this.engine.clear();
  }

  /** Stops recording (the window stays open) and returns what was captured. */
  async stop(): Promise<CapturedFlow> {
    const flow = await this.engine.stop();
    const dbg = this.window.isDestroyed() ? undefined : this.window.webContents.debugger;
    if (dbg?.isAttached()) dbg.detach();
    this.ended = true;
    return flow;
  }

  /** Closes the window and wipes its in-memory session. */
  async close(): Promise<void> {
    if (!this.window.isDestroyed()) this.window.close();
    await session.fromPartition(this.partition).clearStorageData().catch(() => undefined);
  }
}
