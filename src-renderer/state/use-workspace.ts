/**
 * The workspace state and every action the UI can take, as one hook that wires the pure rules of
 * `workspace-state.ts` (newest request wins, only masked data in presentation mode, one pushed
 * workspace per presentation change) to IPC and React.
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { ProfileSummary, ReportFormat, Settings, SetupPatch, WorkspaceResult, WorkspaceSetup } from '../../src-main/ipc/contract.js';
import { errorText, invoke, on } from '../api.js';
import {
  INITIAL_VIEW,
  exportRedacts,
  mainPushesOnPresentationChange,
  receive,
  setPresentation as withPresentation,
  showNotice as withNotice,
  startRequest,
  type ViewState,
} from './workspace-state.js';

export interface AppError {
  title: string;
  message: string;
}

export interface WorkspaceStore {
  /** False until settings and the first workspace (demo or current) arrived. */
  ready: boolean;
  workspace: WorkspaceResult | null;
  settings: Settings | null;
  presentation: boolean;
  profiles: ProfileSummary[];
  /** What is running, for the status line ("Analysing pasted text…"). */
  busy: string | null;
  error: AppError | null;
  notice: string | null;
  exportRedact: boolean;
  /** What analyses use besides the message (trust anchor, SP settings, time, SP key, snapshot). */
  setup: WorkspaceSetup | null;
  /** Changes the setup in main, which analyses the current message again. */
  /** Resolves false when main refused the setting (the error is shown), so the caller can keep the user's input. */
  updateSetup(patch: SetupPatch, label?: string): Promise<boolean>;
  analyzeText(text: string, source: string): Promise<void>;
  dropFile(file: File): Promise<void>;
  openFile(): Promise<void>;
  openDemo(): Promise<void>;
  selectProfile(id: string | null): Promise<void>;
  importProfile(): Promise<void>;
  setPresentation(on: boolean): Promise<void>;
  setExportRedact(on: boolean): void;
  exportReport(format: ReportFormat): Promise<void>;
  saveWorkspace(): Promise<void>;
  dismissError(): void;
  showError(error: AppError): void;
  showNotice(text: string): void;
  /** Registered by the input panel so the Edit menu's "focus input" can reach it. */
  focusInputRef: React.MutableRefObject<(() => void) | null>;
  /**
   * Shows the workspace a request produces, as every action here does (newest request wins, masked
   * only in presentation mode); resolves to false when the request failed (the error is shown).
   */
  load(label: string, request: () => Promise<WorkspaceResult | null | undefined>): Promise<boolean>;
}

const FORMAT_LABEL: Record<ReportFormat, string> = { html: 'HTML', md: 'Markdown', json: 'JSON', pdf: 'PDF' };

/** Text when it is valid UTF-8 without NUL bytes, else the bytes for main to decode. */
async function readDropped(file: File): Promise<{ text: string } | { bytes: Uint8Array }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (!text.includes('\u0000')) return { text };
  } catch {
    // not UTF-8: main detects the encoding
  }
  return { bytes };
}

export function useWorkspace(): WorkspaceStore {
  const [ready, setReady] = useState(false);
  const [view, setView] = useState<ViewState>(INITIAL_VIEW);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [profiles, setProfiles] = useState<ProfileSummary[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [exportRedact, setExportRedact] = useState(true);

  /** The view state as of the last transition (event handlers and async steps read it here). */
  const viewRef = useRef<ViewState>(INITIAL_VIEW);
  /** Main's presentation mode as last reported, to know whether a change makes main push a workspace. */
  const mainPresentation = useRef<boolean | undefined>(undefined);
  const focusInputRef = useRef<(() => void) | null>(null);
  const exportRef = useRef<(format: ReportFormat) => Promise<void>>(() => Promise.resolve());
  const profileId = settings?.targetProfileId ?? null;

  const commit = useCallback((next: ViewState): void => {
    viewRef.current = next;
    setView(next);
    document.documentElement.classList.toggle('presentation', next.presentation);
  }, []);

  const storeSettings = useCallback((s: Settings): void => {
    mainPresentation.current = s.presentationMode;
    setSettings(s);
  }, []);

  const begin = useCallback((): number => {
    const started = startRequest(viewRef.current);
    commit(started.state);
    return started.generation;
  }, [commit]);

  /** Shows a workspace unless a newer request owns the view; false when presentation mode refused it. */
  const accept = useCallback(
    (ws: WorkspaceResult | null, gen: number): boolean => {
      const outcome = receive(viewRef.current, ws, gen);
      if (outcome.kind === 'refused') return false;
      if (outcome.kind === 'shown') {
        if (outcome.leaked > 0) console.warn(`samlscope: ${outcome.leaked} personal value(s) arrived unmasked in presentation mode and were blanked.`);
        commit(outcome.state);
      }
      return true;
    },
    [commit],
  );

  /** Runs one workspace-producing request; only the newest one's answer is shown. */
  const run = useCallback(
    async (label: string, request: () => Promise<WorkspaceResult | null | undefined>): Promise<void> => {
      const gen = begin();
      setBusy(label);
      setError(null);
      try {
        const ws = await request();
        if (ws === undefined) return; // cancelled: keep the view
        if (!accept(ws, gen)) {
          // Clear data while masking is on. Either main turned presentation mode off (menu) before
          // telling us, or something is wrong: ask main, and never render the clear data on a guess.
          const s = await invoke('settings:get', {});
          if (gen !== viewRef.current.generation) return;
          storeSettings(s);
          if (!s.presentationMode) {
            commit(withPresentation(viewRef.current, false));
            accept(ws, gen);
            return;
          }
          const again = await invoke('workspace:current', {});
          if (!accept(again, gen)) {
            commit({ ...viewRef.current, workspace: null });
            setError({ title: 'Presentation mode', message: 'The result could not be masked, so it is not shown. Turn presentation mode off to see it.' });
          }
        }
      } catch (e) {
        if (gen === viewRef.current.generation) setError({ title: label.replace(/…$/, ' failed'), message: errorText(e) });
      } finally {
        if (gen === viewRef.current.generation) setBusy(null);
      }
    },
    [accept, begin, commit, storeSettings],
  );

  const load = useCallback(
    async (label: string, request: () => Promise<WorkspaceResult | null | undefined>): Promise<boolean> => {
      let failed = false;
      await run(label, async () => {
        try {
          return await request();
        } catch (e) {
          failed = true;
          throw e;
        }
      });
      return !failed;
    },
    [run],
  );

  const refreshCurrent = useCallback(() => run('Updating the view…', () => invoke('workspace:current', {})), [run]);

  /**
   * A presentation state main already stored (menu, settings event). Main pushes the re-masked
   * workspace itself (`workspace:updated`); nothing is requested here.
   */
  const applyPresentation = useCallback(
    (value: boolean): void => {
      if (value !== viewRef.current.presentation) commit(withPresentation(viewRef.current, value));
    },
    [commit],
  );

  const setPresentation = useCallback(
    async (value: boolean): Promise<void> => {
      const before = viewRef.current;
      const pushes = mainPushesOnPresentationChange(before, mainPresentation.current, value);
      // Before main answers: a clear view leaves the screen now, and the view main pushes finds the mode it is for.
      commit(withPresentation(before, value));
      try {
        storeSettings(await invoke('settings:set', { presentationMode: value }));
      } catch (e) {
        commit(withPresentation(viewRef.current, before.presentation));
        setError({ title: 'Presentation mode could not be changed', message: errorText(e) });
        return;
      }
      if (!pushes) await refreshCurrent();
    },
    [commit, refreshCurrent, storeSettings],
  );

  // A layout effect: the first requests leave before the empty window's first layout and paint,
  // which then overlap main's work instead of delaying it (the start-up's critical path is IPC).
  useLayoutEffect(() => {
    let cancelled = false;
    const start = async (): Promise<void> => {
      const gen = begin();
      try {
        // The profile list only fills the picker: it never delays the first workspace.
        invoke('profiles:list', {}).then(
          (list) => !cancelled && setProfiles(list),
          () => undefined,
        );
        const s = await invoke('settings:get', {});
        if (cancelled) return;
        storeSettings(s);
        commit(withPresentation(viewRef.current, s.presentationMode));
        // First start: the bundled demo case shows what samlscope does with nothing else given.
        const ws = s.demoSeen ? await invoke('workspace:current', {}) : await invoke('workspace:open-demo', {});
        if (!cancelled && !accept(ws, gen)) accept(await invoke('workspace:current', {}), gen);
        if (!cancelled && !ws?.setup) {
          const setup = await invoke('workspace:setup', {});
          commit({ ...viewRef.current, setup });
        }
      } catch (e) {
        if (!cancelled) setError({ title: 'samlscope could not start', message: errorText(e) });
      } finally {
        if (!cancelled) setReady(true);
      }
    };
    void start();
    const offs = [
      on('workspace:updated', (ws) => void run('Updating the view…', () => Promise.resolve(ws))),
      on('file:opened', ({ fileName, workspace: ws }) => {
        void run(`Opening ${fileName}…`, () => Promise.resolve(ws));
      }),
      on('settings:changed', (s) => {
        storeSettings(s);
        applyPresentation(s.presentationMode);
      }),
      on('menu:toggle-presentation', ({ presentationMode }) => applyPresentation(presentationMode)),
      on('profiles:changed', (list) => setProfiles(list)),
      on('menu:focus-input', () => focusInputRef.current?.()),
      on('menu:export', ({ format }) => void exportRef.current(format)),
      on('app:error', (e) => setError(e)),
    ];
    return () => {
      cancelled = true;
      for (const off of offs) off();
    };
    // Runs once: the handlers read refs, not render-time values.
  }, []);

  const analyzeText = useCallback(
    (text: string, source: string) => run('Analysing…', () => invoke('workspace:analyze', { text, source, targetProfileId: profileId })),
    [run, profileId],
  );

  const dropFile = useCallback(
    async (file: File) => {
      const content = await readDropped(file);
      await run(`Reading ${file.name}…`, () => invoke('workspace:drop-file', { name: file.name, ...content, targetProfileId: profileId }));
    },
    [run, profileId],
  );

  const openFile = useCallback(
    () =>
      run('Opening a file…', async () => {
        const outcome = await invoke('workspace:open-file', { targetProfileId: profileId });
        return outcome.cancelled ? undefined : outcome.workspace;
      }),
    [run, profileId],
  );

  const openDemo = useCallback(() => run('Opening the demo case…', () => invoke('workspace:open-demo', {})), [run]);

  const hasMessage = (view.workspace?.results.length ?? 0) > 0;
  const setSetup = useCallback((setup: WorkspaceSetup) => commit({ ...viewRef.current, setup }), [commit]);
  const setNotice = useCallback((notice: string | null) => commit(withNotice(viewRef.current, notice)), [commit]);

  const selectProfile = useCallback(
    async (id: string | null) => {
      try {
        storeSettings(await invoke('settings:set', { targetProfileId: id }));
      } catch (e) {
        setError({ title: 'Target profile could not be selected', message: errorText(e) });
        return;
      }
      if (hasMessage) await run('Simulating against the target…', () => invoke('workspace:simulate', { targetProfileId: id }));
      else await invoke('workspace:setup', { targetProfileId: id }).then(setSetup, (e: unknown) => setError({ title: 'Setup could not be read', message: errorText(e) }));
    },
    [run, hasMessage, setSetup, storeSettings],
  );

  const updateSetup = useCallback(
    (patch: SetupPatch, label = 'Applying the setup…') =>
      load(label, async () => {
        const out = await invoke('workspace:set-setup', { patch, targetProfileId: profileId });
        if (out.workspace) return out.workspace;
        setSetup(out.setup);
        return undefined; // no message yet: the view stays as it is
      }),
    [load, profileId, setSetup],
  );

  const importProfile = useCallback(async () => {
    try {
      const outcome = await invoke('profiles:import', {});
      if (outcome.cancelled) return;
      setProfiles(await invoke('profiles:list', {}));
      setNotice(`Imported target profile ${outcome.profile.name}.`);
      await selectProfile(outcome.profile.id);
    } catch (e) {
      setError({ title: 'Profile import failed', message: errorText(e) });
    }
  }, [selectProfile, setNotice]);

  const exportReport = useCallback(
    async (format: ReportFormat) => {
      const redact = exportRedacts(viewRef.current, exportRedact);
      setBusy(`Exporting the ${FORMAT_LABEL[format]} report…`);
      try {
        const outcome = await invoke('report:export', { format, redact });
        setNotice(outcome.cancelled ? 'Export cancelled.' : `${FORMAT_LABEL[format]} report saved to ${outcome.path}${redact ? ' (personal data masked)' : ''}.`);
      } catch (e) {
        setError({ title: 'Export failed', message: errorText(e) });
      } finally {
        setBusy(null);
      }
    },
    [exportRedact, setNotice],
  );
  exportRef.current = exportReport;

  const saveWorkspace = useCallback(async () => {
    try {
      const outcome = await invoke('workspace:save', {});
      setNotice(outcome.cancelled ? 'Save cancelled.' : `Workspace saved to ${outcome.path}.`);
    } catch (e) {
      setError({ title: 'Save failed', message: errorText(e) });
    }
  }, [setNotice]);

  return {
    ready,
    workspace: view.workspace,
    settings,
    presentation: view.presentation,
    profiles,
    busy,
    error,
    notice: view.notice,
    exportRedact,
    setup: view.setup,
    updateSetup,
    analyzeText,
    dropFile,
    openFile,
    openDemo,
    selectProfile,
    importProfile,
    setPresentation,
    setExportRedact,
    exportReport,
    saveWorkspace,
    dismissError: () => setError(null),
    showError: setError,
    showNotice: setNotice,
    focusInputRef,
    load,
  };
}
