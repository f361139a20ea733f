/**
 * Runs the real renderer build in Debian's Chromium with `window.samlscope` recreated by an init
 * script and bound, through `exposeBinding`, to main-side handler functions running in this Node
 * process. Only the transport differs from Electron: the preload's thin mapping.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ChannelHandlers } from '../../../src-main/app-services/handler-types.js';
import { isChannel, type EventName, type EventPayload } from '../../../src-main/ipc/contract.js';
import { validateRequest } from '../../../src-main/ipc/validators.js';

export const VIEWPORT = { width: 1280, height: 720 } as const;


/** Bytes cross the binding as base64 (the preload sends a Uint8Array through structured clone). */
const BYTES_TAG = '__samlscopeBytes';

function decodeBytes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeBytes);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record[BYTES_TAG] === 'string') return new Uint8Array(Buffer.from(record[BYTES_TAG], 'base64'));
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, decodeBytes(v)]));
  }
  return value;
}

/**
 * The preload's API shape (src-main/electron/preload-api.ts) over the binding. Serialised into the
 * page, so it may use nothing from this module's scope.
 */
function installApi({ platform, bytesTag }: { platform: string; bytesTag: string }): void {
  type Listener = (payload: unknown) => void;
  const listeners = new Map<string, Set<Listener>>();
  const encode = (value: unknown): unknown => {
    if (value instanceof Uint8Array) {
      let binary = '';
      for (let i = 0; i < value.length; i += 0x8000) binary += String.fromCharCode(...value.subarray(i, i + 0x8000));
      return { [bytesTag]: btoa(binary) };
    }
    if (Array.isArray(value)) return value.map(encode);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
    return value;
  };
  const w = window as unknown as {
    __samlscopeInvoke(channel: string, request: unknown): Promise<unknown>;
    __samlscopeEmit(event: string, payload: unknown): void;
    samlscope: unknown;
  };
  const api = Object.freeze({
    platform,
    invoke: (channel: string, request: unknown) => w.__samlscopeInvoke(channel, encode(request)),
    on: (event: string, listener: Listener) => {
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(event, set);
      return () => {
        set.delete(listener);
      };
    },
  });
  Object.defineProperty(window, 'samlscope', { value: api, writable: false, configurable: false });
  w.__samlscopeEmit = (event, payload) => {
    for (const l of listeners.get(event) ?? []) l(payload);
  };
}

export interface WorkspacePage {
  context: BrowserContext;
  page: Page;
  /** Every channel the page invoked, in order. */
  calls: string[];
  /** Console warnings and errors, and page errors. */
  problems: string[];
  /** Pushes a main → renderer event into the page. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  url: string;
  handlers: ChannelHandlers;
  colorScheme: 'light' | 'dark';
  platform?: string;
  /**
   * Abort (and record) any request outside the app's origin (default true). Interception sends every
   * request through this process, so the UI benchmark turns it off to time loading as Electron does.
   */
  guardRequests?: boolean;
}

/**
 * A fresh browser context showing the workspace. Requests are validated with main's own schemas
 * before they reach a handler, exactly as ipc-registration does.
 */
export async function openWorkspace(browser: Browser, opts: OpenOptions): Promise<WorkspacePage> {
  const context = await browser.newContext({ viewport: VIEWPORT, colorScheme: opts.colorScheme, deviceScaleFactor: 1 });
  const calls: string[] = [];
  const problems: string[] = [];
  await context.exposeBinding('__samlscopeInvoke', async (_source, channel: unknown, request: unknown) => {
    if (!isChannel(channel)) throw new Error(`Unknown channel: ${String(channel)}`);
    calls.push(channel);
    const valid = validateRequest(channel, decodeBytes(request));
    const handler = opts.handlers[channel] as (r: unknown) => Promise<unknown>;
    return handler(valid);
  });
  await context.addInitScript(installApi, { platform: opts.platform ?? 'linux', bytesTag: BYTES_TAG });
  // Nothing but the app's own origin may be reached: the renderer is offline by design.
  if (opts.guardRequests ?? true) {
    await context.route(
      (url) => !url.href.startsWith(opts.url),
      (route) => {
        problems.push(`blocked request: ${route.request().url()}`);
        return route.abort();
      },
    );
  }
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return {
    context,
    page,
    calls,
    problems,
    emit: async (event, payload) => {
      await page.evaluate(([e, p]) => (window as unknown as { __samlscopeEmit(e: string, p: unknown): void }).__samlscopeEmit(e, p), [event, payload] as const);
    },
    close: () => context.close(),
  };
}
