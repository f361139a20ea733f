/**
 * Binds every contract channel to its app-service handler: sender check first, then zod validation,
 * then the handler. Channels not in the contract are never registered, so the renderer cannot reach
 * anything else.
 */
import type { ChannelHandlers } from '../app-services/handler-types.js';
import { INVOKE_CHANNELS, type Channel, type RequestOf, type ResponseOf } from '../ipc/contract.js';
import { validateRequest } from '../ipc/validators.js';
import { isTrustedSender, UntrustedSenderError, type SenderLike } from './sender-check.js';

/** The slice of `ipcMain` used here. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: SenderLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** Returns a function that removes every handler again (window closed on macOS, tests). */
export function registerIpcHandlers(ipcMain: IpcMainLike, handlers: ChannelHandlers): () => void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, (event, payload) => dispatch(channel, event, payload, handlers));
  }
  return () => {
    for (const channel of INVOKE_CHANNELS) ipcMain.removeHandler(channel);
  };
}

async function dispatch<C extends Channel>(channel: C, event: SenderLike, payload: unknown, handlers: ChannelHandlers): Promise<ResponseOf<C>> {
  if (!isTrustedSender(event)) throw new UntrustedSenderError(channel, event.senderFrame?.url);
  const request = validateRequest(channel, payload);
  const handler = handlers[channel] as (request: RequestOf<C>) => Promise<ResponseOf<C>>;
  return handler(request);
}
