/**
 * The app-services' CaptureHost port on Electron: one CaptureWindow at a time, a child of the
 * workspace window. The app-services decide when to start, stop and close; this only holds the window.
 */
import type { BrowserWindow } from 'electron';
import type { CaptureHost } from '../app-services/ports.js';
import { CaptureWindow } from './capture-window.js';

export function createElectronCaptureHost(parent: () => BrowserWindow | null): CaptureHost {
  let current: CaptureWindow | undefined;
  return {
    async start(url, listener) {
      // A window left over (a failed stop) is closed first: two capture windows would confuse the recording.
      await current?.close();
      const owner = parent();
      current = await CaptureWindow.open({ url, ...(owner && !owner.isDestroyed() ? { parent: owner } : {}), onExchange: listener.onExchange, onEnded: listener.onEnded });
    },
    async stop() {
      return current ? current.stop() : { exchanges: [] };
    },
    clear() {
      current?.clear();
    },
    flow() {
      return current ? current.flow() : { exchanges: [] };
    },
    async close() {
      const closing = current;
      current = undefined;
      await closing?.close();
    },
  };
}
