/**
 * Security checklist #17: every IPC message must come from the app page itself, in the top-level
 * frame. A sub-frame, a page that navigated elsewhere, or the script-less PDF print window is refused.
 */
import { isAppUrl } from './app-origin.js';

/** The part of `IpcMainInvokeEvent` the check needs (kept structural so tests need no Electron). */
export interface SenderLike {
  senderFrame: { url: string; parent: unknown } | null;
}

export function isTrustedSender(event: SenderLike): boolean {
  const frame = event.senderFrame;
  // null when the frame navigated away or was destroyed before the message was handled.
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

export class UntrustedSenderError extends Error {
  constructor(channel: string, url: string | undefined) {
    super(`Refused ${channel}: the request did not come from the samlscope window (${url ?? 'unknown frame'}).`);
    this.name = 'UntrustedSenderError';
  }
}
