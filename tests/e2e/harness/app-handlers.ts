/**
 * The real main-side handlers (src-main/app-services) with test ports: a fresh user-data folder per
 * app start, the repository's assets, save dialogs that answer with a path in a temp folder, PDF
 * printing by the same Chromium, and an in-memory secret store. Only the OS-facing ports are test
 * doubles; every channel runs the production code.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { createAppServices, type AppServices } from '../../../src-main/app-services/app-services.js';
import type { ChannelHandlers } from '../../../src-main/app-services/handler-types.js';
import { nodeFileAccess } from '../../../src-main/app-services/node-file-access.js';
import type { CaptureHost, Dialogs, EventSink, PdfPrinter, SecretStore } from '../../../src-main/app-services/ports.js';
import type { EventName, EventPayload } from '../../../src-main/ipc/contract.js';

export type EventForwarder = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface AppHarness {
  handlers: ChannelHandlers;
  /** The whole service object, for what Electron main drives itself (menu: toggle presentation mode). */
  services: AppServices;
  /** Files the save dialog answered with, in order. */
  saved: string[];
  /** What the open dialog answers next (`null` = the user cancels). */
  nextOpenPath: string | null;
  userData: string;
  /** Where main → renderer events go (the page, once it exists). */
  setEventSink(forward: EventForwarder): void;
  dispose(): Promise<void>;
}

function memorySecrets(): SecretStore {
  const values = new Map<string, string>();
  return {
    status: () => ({ protection: 'os' }),
    set: async (name, value) => void values.set(name, value),
    get: async (name) => values.get(name),
    delete: async (name) => values.delete(name),
    list: async () => [...values.keys()],
  };
}

/** PDF from the report HTML with JavaScript off, as main's hidden print window does. */
function chromiumPdfPrinter(browser: Browser | undefined): PdfPrinter {
  return async (html) => {
    if (!browser) throw new Error('no browser to print with');
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.setContent(html);
      return new Uint8Array(await page.pdf({ format: 'A4', printBackground: true }));
    } finally {
      await context.close();
    }
  };
}

/** `capture`: the login capture window stand-in (the real Electron window cannot run here). */
export async function createAppHarness(opts: { browser?: Browser; now?: () => Date; capture?: CaptureHost } = {}): Promise<AppHarness> {
  const root = mkdtempSync(path.join(tmpdir(), 'samlscope-e2e-'));
  const userData = path.join(root, 'user-data');
  const saveDir = path.join(root, 'saved');
  let forward: EventForwarder = () => undefined;
  const harness: Omit<AppHarness, 'handlers' | 'services'> & { handlers?: ChannelHandlers; services?: AppServices } = {
    saved: [],
    nextOpenPath: null,
    userData,
    setEventSink: (f) => {
      forward = f;
    },
    dispose: async () => rmSync(root, { recursive: true, force: true }),
  };
  const dialogs: Dialogs = {
    chooseOpenPath: async () => harness.nextOpenPath,
    chooseSavePath: async ({ defaultFileName }) => {
      const file = path.join(saveDir, `${harness.saved.length + 1}-${defaultFileName}`);
      harness.saved.push(file);
      return file;
    },
  };
  const emit: EventSink = (event, payload) => forward(event, payload);
  const services = await createAppServices({
    fs: nodeFileAccess,
    dialogs,
    printPdf: chromiumPdfPrinter(opts.browser),
    secrets: memorySecrets(),
    emit,
    clock: opts.now ?? (() => new Date()),
    paths: { userData, assets: path.resolve('assets') },
    appInfo: { name: 'samlscope', version: 'e2e', platform: process.platform },
    // As Electron main does (src-main/electron/main.ts applySettings): tell the renderer.
    onSettingsChanged: (settings) => emit('settings:changed', settings),
    ...(opts.capture ? { capture: opts.capture } : {}),
  });
  harness.services = services;
  harness.handlers = services.handlers;
  return harness as AppHarness;
}
