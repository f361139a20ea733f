/**
 * What the workspace shows and the rules for changing it, as pure functions (no React, no IPC), so
 * each rule is unit-tested. `use-workspace.ts` wires them to IPC.
 * - Only the newest request may change what is shown: a slow answer never overwrites a newer one.
 * - In presentation mode only workspaces main masked are shown; personal values of the last clear
 *   workspace (memory only) are blanked out of them should main's masking ever miss one.
 * - A presentation change is answered by one workspace main pushes; the renderer asks for the
 *   workspace itself only when main will not push one.
 */
import type { WorkspaceResult, WorkspaceSetup } from '../../src-main/ipc/contract.js';
import { personalValuesOf, scrubPersonal } from '../lib/personal.js';

export interface ViewState {
  /** Number of the newest request; answers to older ones are dropped. */
  generation: number;
  presentation: boolean;
  workspace: WorkspaceResult | null;
  setup: WorkspaceSetup | null;
  notice: string | null;
  /** The notice that said what pasted setting text was recognised as, while it is the one shown. */
  setupNotice: string | null;
  /** Personal values of the last clear workspace: kept in memory, never in the DOM. */
  personal: ReadonlySet<string>;
  /** Main holds an analysed workspace (it pushes a new view of it when presentation mode changes). */
  mainHasWorkspace: boolean;
}

export const INITIAL_VIEW: ViewState = {
  generation: 0,
  presentation: false,
  workspace: null,
  setup: null,
  notice: null,
  setupNotice: null,
  personal: new Set(),
  mainHasWorkspace: false,
};

/** A new request: it owns the view from now on. */
export function startRequest(state: ViewState): { state: ViewState; generation: number } {
  const generation = state.generation + 1;
  return { state: { ...state, generation }, generation };
}

export type Received =
  /** A newer request owns the view: nothing changes. */
  | { kind: 'stale' }
  /** Shown; `leaked` counts personal values main failed to mask (blanked here). */
  | { kind: 'shown'; state: ViewState; leaked: number }
  /** Clear data while presentation mode is on: not shown. */
  | { kind: 'refused' };

/** What to do with a workspace an answer (or a push) brought for request `generation`. */
export function receive(state: ViewState, ws: WorkspaceResult | null, generation: number): Received {
  if (generation !== state.generation) return { kind: 'stale' };
  if (ws === null) return { kind: 'shown', state: { ...state, workspace: null }, leaked: 0 };
  if (state.presentation && !ws.redacted) return { kind: 'refused' };
  let shown = ws;
  let leaked = 0;
  let personal = state.personal;
  if (state.presentation) ({ workspace: shown, leaked } = scrubPersonal(ws, state.personal));
  else if (!ws.redacted && ws.results.length > 0) personal = personalValuesOf(ws);
  // Pasted metadata, certificates, keys and snapshots become settings: say what was recognised, and
  // stop saying it once a later analysis replaced that view (other notices stay).
  const notice = shown.notice ?? (state.notice === state.setupNotice ? null : state.notice);
  return {
    kind: 'shown',
    leaked,
    state: {
      ...state,
      workspace: shown,
      setup: shown.setup ?? state.setup,
      notice,
      setupNotice: shown.notice ?? null,
      personal,
      mainHasWorkspace: ws.results.length > 0,
    },
  };
}

/**
 * Presentation mode turned on or off. Turning it on takes a clear view off the screen at once (a
 * masked one may stay); turning it off keeps the masked view until main sends the clear one.
 */
export function setPresentation(state: ViewState, on: boolean): ViewState {
  const clearShown = state.workspace !== null && !state.workspace.redacted;
  return { ...state, presentation: on, workspace: on && clearShown ? null : state.workspace };
}

/** Main pushes the re-masked workspace itself when its mode really changes and it holds a workspace. */
export function mainPushesOnPresentationChange(state: ViewState, mainModeBefore: boolean | undefined, wanted: boolean): boolean {
  return mainModeBefore !== undefined && mainModeBefore !== wanted && state.mainHasWorkspace;
}

export function showNotice(state: ViewState, notice: string | null): ViewState {
  return { ...state, notice };
}

/** A shared screen never exports clear data by accident. */
export function exportRedacts(state: ViewState, exportRedactChosen: boolean): boolean {
  return state.presentation || exportRedactChosen;
}
