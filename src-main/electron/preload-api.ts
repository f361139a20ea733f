/**
 * The object the preload exposes, built from an `ipcRenderer`-like transport so it can be tested
 * without Electron. Listeners receive only the payload.
 */
import { isChannel, isEventName, type SamlscopeApi } from '../ipc/contract.js';

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function createPreloadApi(ipc: IpcRendererLike, platform: string): SamlscopeApi {
  return {
    platform,
    invoke(channel, request) {
      if (!isChannel(channel)) return Promise.reject(new Error(`Unknown channel: ${String(channel)}`));
      return ipc.invoke(channel, request) as never;
    },
    on(event, listener) {
      if (!isEventName(event) || typeof listener !== 'function') throw new Error(`Unknown event: ${String(event)}`);
      const forward = (_event: unknown, payload: unknown): void => listener(payload as never);
      ipc.on(event, forward);
      return () => {
        ipc.removeListener(event, forward);
      };
    },
  };
}
