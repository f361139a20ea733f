/**
 * What every group of channel handlers shares: the injected ports, the settings store, the target
 * profiles, the workspace session, and how a workspace is viewed (redacted in presentation mode).
 */
import path from 'node:path';
import type { AppInfo, Settings, WorkspaceResult } from '../ipc/contract.js';
import { textCaptureImporter } from '../capture/capture-importer.js';
import type { CaptureHost, Clock, Dialogs, EventSink, FileAccess, PdfPrinter, SecretStore } from './ports.js';
import { openSettingsStore, type SettingsStore } from './settings-store.js';
import { appLiveReader } from './simulate-target.js';
import { TargetProfiles } from './target-profiles.js';
import { WorkspaceService, type WorkspaceState } from './workspace-service.js';

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

export interface AppContext {
  deps: AppServiceDeps;
  settings: SettingsStore;
  profiles: TargetProfiles;
  workspace: WorkspaceService;
  /** Written into saved HAR files as `log.creator`. */
  creator: { name: string; version: string };
  /** The renderer's view of a workspace, redacted when presentation mode is on. */
  view(state: WorkspaceState, notice?: string): WorkspaceResult;
  /** `undefined` = the profile picked last (menu and OS opens do not name one); `null` = none. */
  targetOf(id: string | null | undefined): string | null;
  /** Stores a settings change, tells main, and re-sends the workspace when presentation mode changed. */
  updateSettings(patch: Partial<Settings>): Promise<Settings>;
}

export async function createAppContext(deps: AppServiceDeps): Promise<AppContext> {
  const settings = await openSettingsStore(deps.fs, path.join(deps.paths.userData, 'settings.json'));
  const profiles = new TargetProfiles(deps.fs, { examples: path.join(deps.paths.assets, 'examples'), user: path.join(deps.paths.userData, 'profiles') });
  const workspace = new WorkspaceService({
    profiles,
    clock: deps.clock,
    readLive: appLiveReader(deps.secrets, deps.env ?? {}, deps.clock),
    importCapture: textCaptureImporter,
  });
  const view = (state: WorkspaceState, notice?: string): WorkspaceResult => workspace.view(state, settings.get().presentationMode, notice);
  return {
    deps,
    settings,
    profiles,
    workspace,
    creator: { name: 'samlscope', version: deps.appInfo.version },
    view,
    targetOf: (id) => (id === undefined ? settings.get().targetProfileId : id),
    async updateSettings(patch) {
      const before = settings.get();
      const after = await settings.update(patch);
      deps.onSettingsChanged?.(after);
      const state = workspace.current();
      if (state && before.presentationMode !== after.presentationMode) deps.emit('workspace:updated', view(state));
      return after;
    },
  };
}
