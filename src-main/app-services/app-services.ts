/**
 * The main-side implementation of every contract channel, as plain functions over injected ports.
 * Electron main binds `handlers` behind its sender check and zod validation; the e2e harness binds
 * the same object to the real React UI in Chromium. Nothing here imports electron; what a channel
 * does is a use case (src-main/usecases), the handlers only translate.
 */
import path from 'node:path';
import type { Settings, WorkspaceResult } from '../ipc/contract.js';
import { ZOOM_LIMITS } from '../ipc/contract.js';
import { baseName } from '../io/decode-file-text.js';
import { createAppContext, type AppContext, type AppServiceDeps } from './app-context.js';
import { createCaptureHandlers } from './capture-service.js';
import { loadDemoCase, type DemoCase } from './demo-case.js';
import type { ChannelHandlers } from './handler-types.js';
import { exportReport } from './report-export.js';
import { appLiveReader } from './simulate-target.js';
import { UserBaseService } from './user-base-service.js';
import { createIngest, createWorkspaceHandlers, readInputFile, type Ingest } from './workspace-handlers.js';

export type { AppServiceDeps } from './app-context.js';

export interface AppServices {
  handlers: ChannelHandlers;
  /** Analyses a file handed over by the OS or the command line and sends `file:opened`. */
  openPath(filePath: string): Promise<WorkspaceResult>;
  settings(): Settings;
  togglePresentation(): Promise<Settings>;
  adjustZoom(direction: 'in' | 'out' | 'reset'): Promise<Settings>;
}

const PROFILE_FILTERS = [{ name: 'Target profiles', extensions: ['yaml', 'yml', 'json'] }];

/**
 * The bundled demo case: its files are read-only assets, read once (a failed read is tried again next
 * time). On a first start the read begins at once, while the window loads, so the demo request only analyses.
 */
function createDemoOpener(ctx: AppContext): () => Promise<WorkspaceResult> {
  let demoFiles: Promise<DemoCase> | undefined;
  const readDemo = (): Promise<DemoCase> => {
    if (!demoFiles) {
      const reading = loadDemoCase(ctx.deps.fs, path.join(ctx.deps.paths.assets, 'demo'));
      demoFiles = reading;
      reading.catch(() => {
        if (demoFiles === reading) demoFiles = undefined;
      });
    }
    return demoFiles;
  };
  if (!ctx.settings.get().demoSeen) readDemo().catch(() => undefined);
  return async () => {
    const files = await readDemo();
    // Copies: the workspace keeps its inputs, the cache must stay as read.
    const inputs = files.inputs.map((input) => ({ ...input }));
    const state = await ctx.workspace.analyze({ title: files.title, inputs, options: { now: files.now }, optionsOrigin: 'the demo case', targetProfileId: files.profileId, demo: true });
    if (!ctx.settings.get().demoSeen) await ctx.updateSettings({ demoSeen: true });
    return ctx.view(state);
  };
}

function createProfileHandlers(ctx: AppContext): Pick<ChannelHandlers, 'profiles:list' | 'profiles:load' | 'profiles:import'> {
  return {
    'profiles:list': () => ctx.profiles.list(),
    'profiles:load': async (req) => ctx.profiles.details(req.id, await ctx.deps.secrets.list()),
    'profiles:import': async () => {
      const file = await ctx.deps.dialogs.chooseOpenPath({ title: 'Import a target profile', filters: PROFILE_FILTERS });
      if (file === null) return { cancelled: true };
      const profile = await ctx.profiles.importFrom(file);
      ctx.deps.emit('profiles:changed', await ctx.profiles.list());
      return { cancelled: false, profile };
    },
  };
}

function createSettingsAndSecretHandlers(ctx: AppContext): Pick<ChannelHandlers, 'settings:get' | 'settings:set' | 'secrets:status' | 'secrets:set' | 'secrets:delete' | 'secrets:list' | 'app:info'> {
  const { secrets } = ctx.deps;
  return {
    'settings:get': async () => ctx.settings.get(),
    'settings:set': (req) => ctx.updateSettings(req),
    'secrets:status': async () => secrets.status(),
    'secrets:set': async (req) => {
      await secrets.set(req.name, req.value);
      return { stored: true, status: secrets.status() };
    },
    'secrets:delete': async (req) => ({ deleted: await secrets.delete(req.name) }),
    'secrets:list': async () => ({ names: await secrets.list() }),
    'app:info': async () => ctx.deps.appInfo,
  };
}

function createCaptureChannelHandlers(ctx: AppContext): ReturnType<typeof createCaptureHandlers> {
  return createCaptureHandlers({
    ...(ctx.deps.capture ? { host: ctx.deps.capture } : {}),
    workspace: ctx.workspace,
    profiles: ctx.profiles,
    dialogs: ctx.deps.dialogs,
    fs: ctx.deps.fs,
    clock: ctx.deps.clock,
    emit: ctx.deps.emit,
    creator: ctx.creator,
    presentation: () => ctx.settings.get().presentationMode,
    view: (state) => ctx.view(state),
    targetOf: ctx.targetOf,
  });
}

function createUserBaseHandlers(ctx: AppContext): Pick<ChannelHandlers, 'userbase:predict' | 'userbase:cancel' | 'userbase:explain' | 'userbase:export' | 'userbase:examples'> {
  const userBase = new UserBaseService({
    fs: ctx.deps.fs,
    dialogs: ctx.deps.dialogs,
    printPdf: ctx.deps.printPdf,
    emit: ctx.deps.emit,
    profiles: ctx.profiles,
    readLive: appLiveReader(ctx.deps.secrets, ctx.deps.env ?? {}, ctx.deps.clock),
    assets: ctx.deps.paths.assets,
    presentationMode: () => ctx.settings.get().presentationMode,
    defaultProfileId: () => ctx.settings.get().targetProfileId,
  });
  return {
    'userbase:predict': (req) => userBase.predict(req),
    'userbase:cancel': async () => userBase.cancel(),
    'userbase:explain': async (req) => userBase.explain(req),
    'userbase:export': (req) => userBase.export(req),
    'userbase:examples': () => userBase.examples(),
  };
}

function createMainActions(ctx: AppContext, ingest: Ingest): Omit<AppServices, 'handlers'> {
  return {
    async openPath(file) {
      const result = await ingest(await readInputFile(ctx, file), baseName(file), ctx.settings.get().targetProfileId);
      ctx.deps.emit('file:opened', { fileName: result.results.length > 0 ? result.title : baseName(file), workspace: result });
      return result;
    },
    settings: () => ctx.settings.get(),
    togglePresentation: () => ctx.updateSettings({ presentationMode: !ctx.settings.get().presentationMode }),
    adjustZoom(direction) {
      const current = ctx.settings.get().zoomFactor;
      const next = direction === 'reset' ? 1 : current + (direction === 'in' ? ZOOM_LIMITS.step : -ZOOM_LIMITS.step);
      const clamped = Math.min(ZOOM_LIMITS.max, Math.max(ZOOM_LIMITS.min, Math.round(next * 100) / 100));
      return ctx.updateSettings({ zoomFactor: clamped });
    },
  };
}

export async function createAppServices(deps: AppServiceDeps): Promise<AppServices> {
  const ctx = await createAppContext(deps);
  const ingest = createIngest(ctx);
  const openDemo = createDemoOpener(ctx);
  const handlers: ChannelHandlers = {
    ...createWorkspaceHandlers(ctx, ingest),
    'workspace:open-demo': () => openDemo(),
    ...createProfileHandlers(ctx),
    'report:export': (req) => exportReport(ctx.workspace.current(), req, deps),
    ...createSettingsAndSecretHandlers(ctx),
    ...createCaptureChannelHandlers(ctx),
    ...createUserBaseHandlers(ctx),
  };
  return { handlers, ...createMainActions(ctx, ingest) };
}
