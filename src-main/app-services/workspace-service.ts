/**
 * The workspace: analyse inputs (pasted, dropped, opened, the demo), keep the last analysis in
 * memory, and hand the renderer a view of it that is redacted in main whenever presentation mode
 * is on, so the renderer never holds personal data it must not show.
 */
import type { AnalyzeRequestOptions, ProfileSummary, SetupPatch, WorkspaceResult, WorkspaceSetup } from '../ipc/contract.js';
import type { AnalyzeInput } from '../core/model/input.js';
import type { SimulationResult } from '../core/jit/simulation-types.js';
import type { AnalysisResult } from '../core/model/result.js';
import { verdictWithSimulation } from '../core/report/report-model.js';
import { overlaySetup, requestOptionsOf, setupFromRequest, type AnalysisSetup } from '../usecases/analysis-options.js';
import { analyzeInputs } from '../usecases/analyze.js';
import { toAnalyzeInput } from '../usecases/import-capture.js';
import type { CaptureImporter, LiveInstanceReader } from '../usecases/ports.js';
import { redactWorkspaceData } from '../usecases/redact-workspace.js';
import { simulateOneLogin } from '../usecases/simulate.js';
import type { WorkspaceInput } from '../usecases/workspace-file.js';
import type { Clock } from './ports.js';
import { dropTouched } from './setup-options.js';
import { analysisSetupOf, applySetupPatch, initialSetup, type SetupState } from './setup-state.js';
import { setupOrigins, summarizeSetup, withSetupOrigins } from './setup-summary.js';
import type { ResolvedTarget, TargetProfiles } from './target-profiles.js';

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

export interface WorkspaceServiceDeps {
  profiles: TargetProfiles;
  clock: Clock;
  readLive: LiveInstanceReader;
  importCapture: CaptureImporter;
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

  /** Request options read once: re-analyses with the same options (new profile, setup change) reuse the parsed texts. */
  private readonly parsedOptions = new WeakMap<AnalyzeRequestOptions, Partial<AnalysisSetup>>();

  constructor(private readonly deps: WorkspaceServiceDeps) {}

  private overlayOf(req: AnalyzeRequest): Partial<AnalysisSetup> | undefined {
    if (!req.options) return undefined;
    let parsed = this.parsedOptions.get(req.options);
    if (!parsed) {
      parsed = setupFromRequest(req.options, req.optionsOrigin ?? 'the workspace');
      this.parsedOptions.set(req.options, parsed);
    }
    return parsed;
  }

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

  /** One analysis with the current setup; does not change the current workspace. */
  private async compute(req: AnalyzeRequest): Promise<WorkspaceState> {
    const analyzedAt = this.deps.clock();
    const setup = this.setupState;
    // A bad profile must not stop the analysis itself: the message is still checked, the simulation says why it did not run.
    const { target, summary, error } = await this.resolveTarget(req.targetProfileId);
    const analysisSetup = overlaySetup(analysisSetupOf(setup), this.overlayOf(req));
    const inputs: AnalyzeInput[] = [];
    for (const input of req.inputs) inputs.push(await toAnalyzeInput(input, this.deps.importCapture));
    const outcome = await analyzeInputs({ inputs, setup: analysisSetup, target: target?.analysis, wallClock: analyzedAt });
    // Any instant other than the wall clock is the user's (or the analysis's) choice and is saved with the workspace.
    const explicitNow = analysisSetup.evaluateAt.mode !== 'now';
    const state: WorkspaceState = {
      title: req.title,
      inputs: req.inputs,
      effectiveOptions: requestOptionsOf(analysisSetup, explicitNow ? (outcome.judgedAt ?? analyzedAt) : undefined),
      setup: summarizeSetup({
        setup,
        ...(req.options ? { overlay: req.options } : {}),
        ...(req.optionsOrigin ? { overlayOrigin: req.optionsOrigin } : {}),
        ...(target ? { target } : {}),
        ...(error ? { targetError: error } : {}),
        options: outcome.options,
        ...(outcome.judgedAt ? { effectiveNow: outcome.judgedAt } : {}),
        ...(outcome.timeNote ? { timeNote: outcome.timeNote } : {}),
      }),
      targetProfileId: req.targetProfileId,
      results: outcome.results,
      demo: req.demo ?? false,
      analyzedAt: analyzedAt.toISOString(),
    };
    if (req.options) state.options = req.options;
    if (req.optionsOrigin) state.optionsOrigin = req.optionsOrigin;
    if (summary) state.targetProfile = summary;
    if (error) state.simulationError = error;
    if (target && inputs.length > 0) Object.assign(state, await this.simulate(outcome.results, target));
    return state;
  }

  /** A snapshot the user gave stands in for the profile's own snapshot or live instance. */
  private async simulate(results: readonly AnalysisResult[], target: ResolvedTarget): Promise<{ simulation: SimulationResult } | { simulationError: string }> {
    const snapshot = this.setupState.snapshot?.snapshot ?? target.snapshot;
    const outcome = await simulateOneLogin(results, { name: target.summary.name, profile: target.profile, snapshot }, this.deps.readLive);
    return 'error' in outcome ? { simulationError: outcome.error } : { simulation: outcome.simulation };
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
