/** Real app-services over a temp user-data folder, the repository's assets, and recording fakes for dialogs, PDF and events. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAppServices, type AppServices } from '../../../src-main/app-services/app-services.js';
import { nodeFileAccess } from '../../../src-main/app-services/node-file-access.js';
import { createMemorySecretStore } from '../../../src-main/app-services/memory-secret-store.js';
import type { CaptureHost, Dialogs } from '../../../src-main/app-services/ports.js';
import type { EventName, EventPayload } from '../../../src-main/ipc/contract.js';

export const REPO = path.resolve(__dirname, '../../..');
export const ASSETS = path.join(REPO, 'assets');

export interface Harness {
  services: AppServices;
  userData: string;
  events: Array<{ event: EventName; payload: unknown }>;
  openPaths: Array<string | null>;
  savePaths: Array<string | null>;
  pdfInputs: string[];
  dispose(): Promise<void>;
}

export const memorySecretStore = createMemorySecretStore;

export async function createHarness(opts: { now?: Date; capture?: CaptureHost } = {}): Promise<Harness> {
  const userData = await mkdtemp(path.join(tmpdir(), 'samlscope-services-'));
  const events: Harness['events'] = [];
  const openPaths: Array<string | null> = [];
  const savePaths: Array<string | null> = [];
  const pdfInputs: string[] = [];
  const dialogs: Dialogs = {
    chooseOpenPath: async () => (openPaths.length > 0 ? (openPaths.shift() ?? null) : null),
    chooseSavePath: async () => (savePaths.length > 0 ? (savePaths.shift() ?? null) : null),
  };
  const services = await createAppServices({
    fs: nodeFileAccess,
    dialogs,
    printPdf: async (html) => {
      pdfInputs.push(html);
      return new TextEncoder().encode('%PDF-1.7 fake for tests\n');
    },
    secrets: memorySecretStore(),
    emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void events.push({ event, payload }),
    clock: () => opts.now ?? new Date('2026-01-15T10:05:00Z'),
    paths: { userData, assets: ASSETS },
    appInfo: { name: 'samlscope', version: '0.0.0-test', platform: 'linux' },
    env: {},
    ...(opts.capture ? { capture: opts.capture } : {}),
  });
  return { services, userData, events, openPaths, savePaths, pdfInputs, dispose: () => rm(userData, { recursive: true, force: true }) };
}
