/**
 * The workspace: analyse inputs (pasted, dropped, opened, the demo), keep the last analysis in
 * memory, and hand the renderer a view of it that is redacted in main whenever presentation mode
 * is on, so the renderer never holds personal data it must not show.
 */
import type { AnalyzeRequestOptions, ProfileSummary, WorkspaceResult } from '../ipc/contract.js';
import type { Verdict } from '../core/model/finding.js';
import { importCaptureChunks } from '../capture/import-capture.js';
import { analyze } from '../core/analyze.js';
import type { AnalyzeInput } from '../core/model/input.js';
import type { SimulationResult } from '../core/jit/simulation-types.js';
import type { AnalysisResult } from '../core/model/result.js';
import { overallVerdict } from '../core/report/report-model.js';
import { buildAnalysisOptions } from './analysis-options.js';
import type { Clock } from './ports.js';
import { redactWorkspaceData } from './redact-workspace.js';
import { simulateTarget, type SimulationDeps } from './simulate-target.js';
import type { ResolvedTarget, TargetProfiles } from './target-profiles.js';
import type { WorkspaceInput } from './workspace-file.js';

export interface WorkspaceState {
  title: string;
  inputs: WorkspaceInput[];
  options?: AnalyzeRequestOptions;
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
  targetProfileId: string | null;
  demo?: boolean;
}

/** fail when any result fails or the simulated login cannot succeed; warn on warnings anywhere. */
export function workspaceVerdict(results: readonly AnalysisResult[], simulation?: SimulationResult): Verdict {
  const verdicts: Verdict[] = [overallVerdict(results)];
  if (simulation) {
    if (!simulation.canLogIn || simulation.findings.some((f) => f.severity === 'error')) verdicts.push('fail');
    else if (simulation.findings.some((f) => f.severity === 'warning')) verdicts.push('warn');
  }
  if (verdicts.includes('fail')) return 'fail';
  return verdicts.includes('warn') ? 'warn' : 'pass';
}

/**
 * HAR and SAML-tracer exports (JSON objects) become a captured flow, analysed as a whole; anything
 * else is one message for the engine's auto-detection. A JSON object that is no capture is refused
 * with the importer's explanation (which keys it has, what was expected).
 */
export async function toAnalyzeInput(input: WorkspaceInput): Promise<AnalyzeInput> {
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

export class WorkspaceService {
  private state: WorkspaceState | undefined;

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

  async analyze(req: AnalyzeRequest): Promise<WorkspaceState> {
    const analyzedAt = this.deps.clock();
    const { target, summary, error } = await this.resolveTarget(req.targetProfileId);
    // A bad profile must not stop the analysis itself: the message is still checked, the simulation says why it did not run.
    const options = buildAnalysisOptions(analyzedAt, req.options, target?.analysis);
    const results: AnalysisResult[] = [];
    for (const input of req.inputs) results.push(await analyze(await toAnalyzeInput(input), options));
    const state: WorkspaceState = {
      title: req.title,
      inputs: req.inputs,
      targetProfileId: req.targetProfileId,
      results,
      demo: req.demo ?? false,
      analyzedAt: analyzedAt.toISOString(),
    };
    if (req.options) state.options = req.options;
    if (summary) state.targetProfile = summary;
    if (error) state.simulationError = error;
    if (target) Object.assign(state, await simulateTarget(results, target, this.deps));
    this.state = state;
    return state;
  }

  /** Same inputs, another target profile. */
  async resimulate(targetProfileId: string | null): Promise<WorkspaceState> {
    const s = this.state;
    if (!s) throw new Error('There is no analysis to simulate yet: paste or open a SAML response first.');
    return this.analyze({ title: s.title, inputs: s.inputs, ...(s.options ? { options: s.options } : {}), targetProfileId, demo: s.demo });
  }

  /** What the renderer receives. `redact` is the presentation-mode setting at the time of sending. */
  view(state: WorkspaceState, redact: boolean): WorkspaceResult {
    const base = {
      verdict: workspaceVerdict(state.results, state.simulation),
      demo: state.demo,
      analyzedAt: state.analyzedAt,
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
    const texts = [state.title, state.simulationError ?? ''];
    const r = redactWorkspaceData(state.results, state.simulation, texts);
    return {
      ...base,
      title: r.texts[0] ?? '',
      results: r.results,
      ...(r.simulation ? { simulation: r.simulation } : {}),
      ...(state.simulationError ? { simulationError: r.texts[1] ?? '' } : {}),
      redacted: true,
      redactions: r.redactions,
    };
  }
}
