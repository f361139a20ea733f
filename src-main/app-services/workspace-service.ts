/**
 * The workspace: analyse inputs (pasted, dropped, opened, the demo), keep the last analysis in
 * memory, and hand the renderer a view of it that is redacted in main whenever presentation mode
 * is on, so the renderer never holds personal data it must not show.
 */
import type { AnalyzeRequestOptions, ProfileSummary, SetupPatch, WorkspaceResult, WorkspaceSetup } from '../ipc/contract.js';
import { importCaptureChunks } from '../capture/import-capture.js';
import { analyze } from '../core/analyze.js';
import type { AnalyzeInput } from '../core/model/input.js';
import type { AnalysisOptions } from '../core/model/options.js';
import type { SimulationResult } from '../core/jit/simulation-types.js';
import type { AnalysisResult } from '../core/model/result.js';
import { verdictWithSimulation } from '../core/report/report-model.js';
import { buildAnalysisOptions } from './analysis-options.js';
import type { Clock } from './ports.js';
import { redactWorkspaceData } from './redact-workspace.js';
import { dropTouched, mergeRequestOptions, setupExtras, setupRequestOptions } from './setup-options.js';
import { applySetupPatch, initialSetup, type SetupState } from './setup-state.js';
import { setupOrigins, summarizeSetup, withSetupOrigins } from './setup-summary.js';
import { loginResponse, simulateTarget, type SimulationDeps } from './simulate-target.js';
import type { ResolvedTarget, TargetProfiles } from './target-profiles.js';
import type { WorkspaceInput } from './workspace-file.js';

export interface WorkspaceState {
  title: string;
  inputs: WorkspaceInput[];
  /** The analysis's own options (demo, saved workspace, request), applied on top of the setup. */
  options?: AnalyzeRequestOptions;
  /** Who set `options`, for the Setup panel (`the demo case`). */
  optionsOrigin?: string;
  /** Setup and own options combined, in the form a saved workspace keeps (never the SP key or a snapshot). */
  effectiveOptions: AnalyzeRequestOptions;
  setup: WorkspaceSetup;
  /** The profile asked for (`null` = none). */
  targetProfileId: string | null;
  targetProfile?: ProfileSummary;
  results: AnalysisResult[];
  simulation?: SimulationResult;
  simulationError?: string;
  demo: boolean;
  analyzedAt: string;
}

export interface AnalyzeRequest {
  title: string;
  inputs: WorkspaceInput[];
  options?: AnalyzeRequestOptions;
  optionsOrigin?: string;
  targetProfileId: string | null;
  demo?: boolean;
}

/** The engine's one verdict for a workspace (results and simulation together). */
export const workspaceVerdict = verdictWithSimulation;

/**
 * An in-app capture is analysed as the flow it is. HAR and SAML-tracer exports (JSON objects) become
 * a captured flow, analysed as a whole; anything else is one message for the engine's auto-detection.
 * A JSON object that is no capture is refused with the importer's explanation (which keys it has,
 * what was expected).
 */
export async function toAnalyzeInput(input: WorkspaceInput): Promise<AnalyzeInput> {
  if (input.capture) return { source: input.source, kind: 'capture', flow: input.capture };
  if (!input.text.replace(/^\ufeff/, '').trimStart().startsWith('{')) return { source: input.source, content: input.text };
  const imported = await importCaptureChunks(
    (async function* () {
      yield input.text;
    })(),
    input.source,
  );
  return { source: input.source, kind: imported.kind, flow: imported.flow };
}

export interface WorkspaceServiceDeps extends SimulationDeps {
  profiles: TargetProfiles;
  clock: Clock;
}

/** Old captures are judged just after they were issued (what the demo case does too). */
const ISSUE_INSTANT_OFFSET_MS = 60_000;

function issueInstantOf(results: readonly AnalysisResult[]): number | undefined {
  const message = loginResponse(results) ?? results.flatMap((r) => r.messages)[0];
  const t = message?.issueInstant ? Date.parse(message.issueInstant) : NaN;
  return Number.isNaN(t) ? undefined : t;
}

function withoutNow(options: AnalyzeRequestOptions): AnalyzeRequestOptions {
  const out = { ...options };
  delete out.now;
  return out;
}

/** The request that analyses a workspace's inputs again; `optionsOrigin` goes with the options it names. */
function again(s: WorkspaceState, options: AnalyzeRequestOptions | undefined, targetProfileId: string | null): AnalyzeRequest {
  return {
    title: s.title,
    inputs: s.inputs,
    ...(options ? { options } : {}),
    ...(options && s.optionsOrigin ? { optionsOrigin: s.optionsOrigin } : {}),
    targetProfileId,
    demo: s.demo,
  };
}

export class WorkspaceService {
  private state: WorkspaceState | undefined;
  /** What the user set besides the message; memory only (it holds the SP key). */
  private setupState: SetupState = initialSetup();

  constructor(private readonly deps: WorkspaceServiceDeps) {}

  current(): WorkspaceState | undefined {
    return this.state;
  }

  private async resolveTarget(id: string | null): Promise<{ target?: ResolvedTarget; summary?: ProfileSummary; error?: string }> {
    if (id === null) return {};
    try {
      const target = await this.deps.profiles.resolve(id);
      return { target, summary: target.summary };
    } catch (error) {
      const summary = (await this.deps.profiles.list()).find((p) => p.id === id);
      return { ...(summary ? { summary } : {}), error: error instanceof Error ? error.message : String(error) };
    }
  }

  /** The instant to judge at before any message was read: the analysis's own, a custom one, or the clock. */
  private startInstant(overlay: AnalyzeRequestOptions | undefined, clock: Date): Date {
    if (overlay?.now) return new Date(overlay.now);
    const at = this.setupState.evaluateAt;
    return at.mode === 'custom' ? new Date(at.instant) : clock;
  }

  /** One analysis with the current setup; does not change the current workspace. */
  private async compute(req: AnalyzeRequest): Promise<WorkspaceState> {
    const analyzedAt = this.deps.clock();
    const setup = this.setupState;
    // A bad profile must not stop the analysis itself: the message is still checked, the simulation says why it did not run.
    const { target, summary, error } = await this.resolveTarget(req.targetProfileId);
    const request = mergeRequestOptions(setupRequestOptions(setup), req.options);
    const idpOrigin = req.options?.idpMetadataXml || req.options?.idpCertificatePem ? req.optionsOrigin : setup.idpTrust?.origin;
    const extras = setupExtras(setup, idpOrigin);
    const inputs: AnalyzeInput[] = [];
    for (const input of req.inputs) inputs.push(await toAnalyzeInput(input));
    // Any instant other than the wall clock is the user's (or the analysis's) choice: the engine then
    // judges captured messages at it too, instead of at the instant each was captured.
    const explicitNow = Boolean(req.options?.now) || setup.evaluateAt.mode !== 'now';
    const run = async (now: Date): Promise<{ options: AnalysisOptions; results: AnalysisResult[] }> => {
      const options = buildAnalysisOptions(now, withoutNow(request), target?.analysis, extras);
      if (explicitNow) options.nowIsExplicit = true;
      const results: AnalysisResult[] = [];
      for (const input of inputs) results.push(await analyze(input, options));
      return { options, results };
    };
    let now = this.startInstant(req.options, analyzedAt);
    let pass = await run(now);
    let timeNote: string | undefined;
    if (!req.options?.now && setup.evaluateAt.mode === 'issue-instant' && inputs.length > 0) {
      const issued = issueInstantOf(pass.results);
      if (issued === undefined) {
        timeNote = 'The message has no IssueInstant, so it was judged at the current time.';
      } else {
        now = new Date(issued + ISSUE_INSTANT_OFFSET_MS);
        pass = await run(now);
      }
    }
    if (!explicitNow && pass.results.some((r) => r.flow)) timeNote = 'Captured messages are judged at the instant each was captured.';
    const effectiveOptions: AnalyzeRequestOptions = { ...request };
    if (explicitNow) effectiveOptions.now = now.toISOString();
    else delete effectiveOptions.now;
    const state: WorkspaceState = {
      title: req.title,
      inputs: req.inputs,
      effectiveOptions,
      setup: summarizeSetup({
        setup,
        ...(req.options ? { overlay: req.options } : {}),
        ...(req.optionsOrigin ? { overlayOrigin: req.optionsOrigin } : {}),
        ...(target ? { target } : {}),
        ...(error ? { targetError: error } : {}),
        options: pass.options,
        ...(inputs.length > 0 ? { effectiveNow: now } : {}),
        ...(timeNote ? { timeNote } : {}),
      }),
      targetProfileId: req.targetProfileId,
      results: pass.results,
      demo: req.demo ?? false,
      analyzedAt: analyzedAt.toISOString(),
    };
    if (req.options) state.options = req.options;
    if (req.optionsOrigin) state.optionsOrigin = req.optionsOrigin;
    if (summary) state.targetProfile = summary;
    if (error) state.simulationError = error;
    // A snapshot the user gave stands in for the profile's own snapshot or live instance.
    const simulated = target && setup.snapshot ? { ...target, snapshot: setup.snapshot.snapshot } : target;
    if (simulated && inputs.length > 0) Object.assign(state, await simulateTarget(pass.results, simulated, this.deps));
    return state;
  }

  /** Analyses and makes the result the current workspace. */
  async analyze(req: AnalyzeRequest): Promise<WorkspaceState> {
    const state = await this.compute(req);
    this.state = state;
    return state;
  }

  /** The setup in effect for a target profile, without a message. */
  async describeSetup(targetProfileId: string | null): Promise<WorkspaceSetup> {
    const s = this.state;
    if (s && s.targetProfileId === targetProfileId) return s.setup;
    return (await this.compute({ title: '', inputs: [], targetProfileId })).setup;
  }

  /**
   * Changes the setup and analyses the current input again with it (its target profile; for no
   * input, `targetProfileId` is the profile the summary describes). A patch that cannot be read
   * changes nothing.
   */
  async updateSetup(patch: SetupPatch, targetProfileId: string | null): Promise<{ state?: WorkspaceState; setup: WorkspaceSetup }> {
    const before = this.setupState;
    this.setupState = applySetupPatch(before, patch);
    const s = this.state;
    if (!s) return { setup: await this.describeSetup(targetProfileId) };
    try {
      const state = await this.analyze(again(s, dropTouched(s.options, patch), s.targetProfileId));
      return { state, setup: state.setup };
    } catch (error) {
      this.setupState = before;
      throw error;
    }
  }

  /** Same inputs, another target profile. */
  async resimulate(targetProfileId: string | null): Promise<WorkspaceState> {
    const s = this.state;
    if (!s) throw new Error('There is no analysis to simulate yet: paste or open a SAML response first.');
    return this.analyze(again(s, s.options, targetProfileId));
  }

  /** A view without a message, so settings pasted before any message can be acknowledged. Not kept as the current workspace. */
  emptyView(setup: WorkspaceSetup, redact: boolean, notice?: string): WorkspaceResult {
    return {
      title: 'No message yet',
      results: [],
      verdict: 'pass',
      setup,
      ...(notice ? { notice } : {}),
      redacted: redact,
      redactions: [],
      demo: false,
      analyzedAt: this.deps.clock().toISOString(),
    };
  }

  /**
   * What the renderer receives. `redact` is the presentation-mode setting at the time of sending;
   * `notice` says what pasted text was recognised as (sent once, not kept).
   */
  view(state: WorkspaceState, redact: boolean, notice?: string): WorkspaceResult {
    const base = {
      verdict: workspaceVerdict(state.results, state.simulation),
      demo: state.demo,
      analyzedAt: state.analyzedAt,
      setup: state.setup,
      ...(notice ? { notice } : {}),
      ...(state.targetProfile ? { targetProfile: state.targetProfile } : {}),
    };
    if (!redact) {
      return {
        ...base,
        title: state.title,
        results: state.results,
        ...(state.simulation ? { simulation: state.simulation } : {}),
        ...(state.simulationError ? { simulationError: state.simulationError } : {}),
        redacted: false,
        redactions: [],
      };
    }
    // File names and the notice are free text: swept like the title, in case one names the person.
    const origins = setupOrigins(state.setup);
    const texts = [state.title, state.simulationError ?? '', notice ?? '', ...origins];
    const r = redactWorkspaceData(state.results, state.simulation, texts);
    return {
      ...base,
      setup: withSetupOrigins(state.setup, r.texts.slice(3)),
      ...(notice ? { notice: r.texts[2] ?? '' } : {}),
      title: r.texts[0] ?? '',
      results: r.results,
      ...(r.simulation ? { simulation: r.simulation } : {}),
      ...(state.simulationError ? { simulationError: r.texts[1] ?? '' } : {}),
      redacted: true,
      redactions: r.redactions,
    };
  }
}
