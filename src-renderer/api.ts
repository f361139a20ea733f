/**
 * The renderer's only door to main: typed calls over the preload's `window.samlscope`. The types
 * come from the shared IPC contract, so a channel or payload mismatch is a compile error here.
 */
import type { Channel, EventName, EventPayload, RequestOf, ResponseOf } from '../src-main/ipc/contract.js';

export function hasApi(): boolean {
  return typeof window !== 'undefined' && typeof window.samlscope?.invoke === 'function';
}

export function invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  if (!hasApi()) return Promise.reject(new Error('samlscope API is not available: the page was opened outside the app.'));
  return window.samlscope.invoke(channel, request);
}

/** Subscribes to a main → renderer event; returns the unsubscribe function (a no-op outside the app). */
export function on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  if (!hasApi()) return () => undefined;
  return window.samlscope.on(event, listener);
}

export function isMac(): boolean {
  return hasApi() && window.samlscope.platform === 'darwin';
}

/** The text of a rejected IPC call, without Electron's "Error invoking remote method '…':" prefix. */
export function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^Error invoking remote method '[^']+': (?:Error: )?/, '');
}
