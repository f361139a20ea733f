/**
 * The main-side implementation of every contract channel, as plain functions over injected ports.
 * Electron main binds `handlers` behind its sender check and zod validation; the e2e harness binds
 * the same object to the real React UI in Chromium. Nothing here imports electron.
 */
import path from 'node:path';
import type { AppInfo, Settings, WorkspaceResult } from '../ipc/contract.js';
import { ZOOM_LIMITS } from '../ipc/contract.js';
import { MAX_DROP_BYTES } from '../ipc/validators.js';
import { flowToHar } from '../capture/har-writer.js';
import { createCaptureHandlers } from './capture-service.js';
import { baseName, decodeFileText } from './decode-file-text.js';
import { loadDemoCase, type DemoCase } from './demo-case.js';
import type { ChannelHandlers } from './handler-types.js';
import type { CaptureHost, Clock, Dialogs, EventSink, FileAccess, PdfPrinter, SecretStore } from './ports.js';
import { exportReport } from './report-export.js';
import { openSettingsStore } from './settings-store.js';
import { TargetProfiles } from './target-profiles.js';
import { parseWorkspaceFile, serializeWorkspace, WORKSPACE_FILE_EXTENSION, WORKSPACE_FILE_FORMAT, type WorkspaceInput } from './workspace-file.js';
import { recognizeSetupInput, type RecognizedSetup } from './setup-input.js';
import { setupNotice } from './setup-notice.js';
import { WorkspaceService, type WorkspaceState } from './workspace-service.js';
import { UserBaseService } from './user-base-service.js';

export interface AppServiceDeps {
  fs: FileAccess;
  dialogs: Dialogs;
  printPdf: PdfPrinter;
  secrets: SecretStore;
  emit: EventSink;
  clock: Clock;
  paths: {
    /** Per-user folder: settings.json, profiles/. */
    userData: string;
    /** The app's `assets` folder: demo/ and examples/. */
    assets: string;
  };
  appInfo: AppInfo;
  /** Environment for `env:NAME` secret references of live profiles. */
  env?: Record<string, string | undefined>;
  /** Called after every settings change, e.g. so main applies zoom and theme and updates the menu. */
  onSettingsChanged?: (settings: Settings) => void;
  /** The login capture window (Electron); without it the capture channels explain that capturing needs the app. */
  capture?: CaptureHost;
}

export interface AppServices {
  handlers: ChannelHandlers;
  /** Analyses a file handed over by the OS or the command line and sends `file:opened`. */
  openPath(filePath: string): Promise<WorkspaceResult>;
  settings(): Settings;
  togglePresentation(): Promise<Settings>;
  adjustZoom(direction: 'in' | 'out' | 'reset'): Promise<Settings>;
}

const OPEN_FILTERS = [
  { name: 'SAML messages and captures', extensions: ['xml', 'saml', 'har', 'json', 'txt', 'b64'] },
  { name: 'All files', extensions: ['*'] },
];

const PROFILE_FILTERS = [{ name: 'Target profiles', extensions: ['yaml', 'yml', 'json'] }];

export async function createAppServices(deps: AppServiceDeps): Promise<AppServices> {
  const settingsStore = await openSettingsStore(deps.fs, path.join(deps.paths.userData, 'settings.json'));
  const profiles = new TargetProfiles(deps.fs, { examples: path.join(deps.paths.assets, 'examples'), user: path.join(deps.paths.userData, 'profiles') });
  const workspace = new WorkspaceService({ profiles, clock: deps.clock, secrets: deps.secrets, env: deps.env ?? {}, now: deps.clock });

  const userBase = new UserBaseService({
    fs: deps.fs,
    dialogs: deps.dialogs,
    printPdf: deps.printPdf,
    emit: deps.emit,
    profiles,
    assets: deps.paths.assets,
    presentationMode: () => settingsStore.get().presentationMode,
    defaultProfileId: () => settingsStore.get().targetProfileId,
  });
  const view = (state: WorkspaceState, notice?: string): WorkspaceResult => workspace.view(state, settingsStore.get().presentationMode, notice);
  /** `undefined` = the profile picked last (menu and OS opens do not name one); `null` = none. */
  const targetOf = (id: string | null | undefined): string | null => (id === undefined ? settingsStore.get().targetProfileId : id);

  async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
    const before = settingsStore.get();
    const after = await settingsStore.update(patch);
    deps.onSettingsChanged?.(after);
    const state = workspace.current();
    if (state && before.presentationMode !== after.presentationMode) deps.emit('workspace:updated', view(state));
    return after;
  }

  /** Stores recognised setting text and analyses the current message again; the notice says what happened. */
  async function applyRecognized(recognized: RecognizedSetup, targetProfileId: string | null): Promise<WorkspaceResult> {
    const { state, setup } = await workspace.updateSetup(recognized.patch, targetProfileId);
    const notice = setupNotice(recognized.kind, setup, state !== undefined);
    return state ? view(state, notice) : workspace.emptyView(setup, settingsStore.get().presentationMode, notice);
  }

  /**
   * Pasted, dropped or opened text: metadata, certificates, keys and snapshots become settings;
   * a saved workspace is reopened; anything else is analysed as the new message.
   */
  async function ingestText(text: string, source: string, targetProfileId: string | null): Promise<WorkspaceResult> {
    const recognized = recognizeSetupInput(text, source);
    if (recognized) return applyRecognized(recognized, targetProfileId);
    const saved = parseWorkspaceFile(text);
    if (saved) {
      return view(
        await workspace.analyze({
          title: saved.title,
          inputs: saved.inputs,
          ...(saved.options ? { options: saved.options, optionsOrigin: 'the saved workspace' } : {}),
          targetProfileId: saved.targetProfileId,
          demo: saved.demo ?? false,
        }),
      );
    }
    return view(await workspace.analyze({ title: source, inputs: [{ source, text }], targetProfileId }));
  }

  const creator = { name: 'samlscope', version: deps.appInfo.version };
  const captureHandlers = createCaptureHandlers({
    ...(deps.capture ? { host: deps.capture } : {}),
    workspace,
    profiles,
    dialogs: deps.dialogs,
    fs: deps.fs,
    clock: deps.clock,
    emit: deps.emit,
    creator,
    presentation: () => settingsStore.get().presentationMode,
    view: (state) => view(state),
    targetOf,
  });

  async function readInputFile(file: string): Promise<string> {
    const info = await deps.fs.stat(file);
    if (!info || !info.isFile) throw new Error(`${file} is not a file.`);
    if (info.size > MAX_DROP_BYTES) throw new Error(`${baseName(file)} is ${info.size} bytes; samlscope opens files up to ${MAX_DROP_BYTES} bytes.`);
    return decodeFileText(await deps.fs.readFile(file));
  }

  // The demo files are bundled, read-only assets: read once (a failed read is tried again next time).
  // On a first start the read begins now, while the window loads, so the demo request only analyses.
  let demoFiles: Promise<DemoCase> | undefined;
  const readDemo = (): Promise<DemoCase> => {
    if (!demoFiles) {
      const reading = loadDemoCase(deps.fs, path.join(deps.paths.assets, 'demo'));
      demoFiles = reading;
      reading.catch(() => {
        if (demoFiles === reading) demoFiles = undefined;
      });
    }
    return demoFiles;
  };
  if (!settingsStore.get().demoSeen) readDemo().catch(() => undefined);

  async function openDemo(): Promise<WorkspaceResult> {
    const files = await readDemo();
    // Copies: the workspace keeps its inputs, the cache must stay as read.
    const demo = { ...files, inputs: files.inputs.map((input) => ({ ...input })) };
    const state = await workspace.analyze({ title: demo.title, inputs: demo.inputs, options: { now: demo.now }, optionsOrigin: 'the demo case', targetProfileId: demo.profileId, demo: true });
    if (!settingsStore.get().demoSeen) await updateSettings({ demoSeen: true });
    return view(state);
  }

  const handlers: ChannelHandlers = {
    'workspace:analyze': async (req) => {
      const source = req.source?.trim() || 'Pasted text';
      const targetProfileId = targetOf(req.targetProfileId);
      const recognized = recognizeSetupInput(req.text, source);
      if (recognized) return applyRecognized(recognized, targetProfileId);
      const state = await workspace.analyze({
        title: source,
        inputs: [{ source, text: req.text }],
        ...(req.options ? { options: req.options } : {}),
        targetProfileId,
      });
      return view(state);
    },
    'workspace:open-demo': () => openDemo(),
    'workspace:open-file': async (req) => {
      const file = await deps.dialogs.chooseOpenPath({ title: 'Open a SAML message or capture', filters: OPEN_FILTERS });
      if (file === null) return { cancelled: true };
      return { cancelled: false, workspace: await ingestText(await readInputFile(file), baseName(file), targetOf(req.targetProfileId)) };
    },
    'workspace:drop-file': async (req) => {
      const text = req.text ?? decodeFileText(req.bytes ?? new Uint8Array());
      return ingestText(text, baseName(req.name), targetOf(req.targetProfileId));
    },
    'workspace:current': async () => {
      const state = workspace.current();
      return state ? view(state) : null;
    },
    'workspace:simulate': async (req) => view(await workspace.resimulate(req.targetProfileId)),
    'workspace:setup': async (req) => {
      const targetProfileId = targetOf(req.targetProfileId);
      const state = workspace.current();
      // The shown workspace's setup goes through view() so presentation mode sweeps it like the rest.
      if (state && state.targetProfileId === targetProfileId) return view(state).setup ?? state.setup;
      return workspace.describeSetup(targetProfileId);
    },
    'workspace:set-setup': async (req) => {
      const { state, setup } = await workspace.updateSetup(req.patch, targetOf(req.targetProfileId));
      if (!state) return { setup, workspace: null };
      const result = view(state);
      return { setup: result.setup ?? setup, workspace: result };
    },
    'workspace:save': async () => {
      const state = workspace.current();
      if (!state) throw new Error('There is no workspace to save yet: paste or open a SAML response first.');
      const slug = state.title.replace(/\.[A-Za-z0-9]+$/, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'workspace';
      const file = await deps.dialogs.chooseSavePath({
        title: 'Save workspace (contains the messages as given, with personal data)',
        defaultFileName: `${slug}${WORKSPACE_FILE_EXTENSION}`,
        filters: [{ name: 'samlscope workspace', extensions: ['json'] }],
      });
      if (file === null) return { cancelled: true };
      // An in-app capture is kept as the HAR it would be saved as, so the file reopens as a flow.
      const inputs: WorkspaceInput[] = state.inputs.map((i) => ({ source: i.source, text: i.capture ? JSON.stringify(flowToHar(i.capture, creator)) : i.text }));
      await deps.fs.writeFile(
        file,
        serializeWorkspace({
          format: WORKSPACE_FILE_FORMAT,
          version: 1,
          savedAt: deps.clock().toISOString(),
          title: state.title,
          targetProfileId: state.targetProfileId,
          inputs,
          // The setup as used (trust anchor, SP settings, time) so the file reopens with the same result; never the SP key.
          ...(Object.keys(state.effectiveOptions).length > 0 ? { options: state.effectiveOptions } : {}),
          ...(state.demo ? { demo: true } : {}),
        }),
      );
      return { cancelled: false, path: file };
    },
    'profiles:list': () => profiles.list(),
    'profiles:load': async (req) => profiles.details(req.id, await deps.secrets.list()),
    'profiles:import': async () => {
      const file = await deps.dialogs.chooseOpenPath({ title: 'Import a target profile', filters: PROFILE_FILTERS });
      if (file === null) return { cancelled: true };
      const profile = await profiles.importFrom(file);
      deps.emit('profiles:changed', await profiles.list());
      return { cancelled: false, profile };
    },
    'report:export': (req) => exportReport(workspace.current(), req, deps),
    'settings:get': async () => settingsStore.get(),
    'settings:set': (req) => updateSettings(req),
    'secrets:status': async () => deps.secrets.status(),
    'secrets:set': async (req) => {
      await deps.secrets.set(req.name, req.value);
      return { stored: true, status: deps.secrets.status() };
    },
    'secrets:delete': async (req) => ({ deleted: await deps.secrets.delete(req.name) }),
    'secrets:list': async () => ({ names: await deps.secrets.list() }),
    'app:info': async () => deps.appInfo,
    ...captureHandlers,
    'userbase:predict': (req) => userBase.predict(req),
    'userbase:cancel': async () => userBase.cancel(),
    'userbase:explain': async (req) => userBase.explain(req),
    'userbase:export': (req) => userBase.export(req),
    'userbase:examples': () => userBase.examples(),
  };

  return {
    handlers,
    async openPath(file) {
      const result = await ingestText(await readInputFile(file), baseName(file), settingsStore.get().targetProfileId);
      deps.emit('file:opened', { fileName: result.results.length > 0 ? result.title : baseName(file), workspace: result });
      return result;
    },
    settings: () => settingsStore.get(),
    togglePresentation: () => updateSettings({ presentationMode: !settingsStore.get().presentationMode }),
    adjustZoom(direction) {
      const current = settingsStore.get().zoomFactor;
      const next = direction === 'reset' ? 1 : current + (direction === 'in' ? ZOOM_LIMITS.step : -ZOOM_LIMITS.step);
      const clamped = Math.min(ZOOM_LIMITS.max, Math.max(ZOOM_LIMITS.min, Math.round(next * 100) / 100));
      return updateSettings({ zoomFactor: clamped });
    },
  };
}
