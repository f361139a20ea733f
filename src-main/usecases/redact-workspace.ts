/**
 * Presentation mode and redacted exports: the analysis results go through the report Redactor
 * (`redactAnalysis`), their flow timelines and the JIT simulation through the same Redactor, so one
 * person keeps one placeholder everywhere (the NameID `user-1@redacted.invalid` is the same user in
 * the simulation, a message ID the same `«id-1»` in the message view and the Flow tab).
 */
import type { SimulationResult } from '../core/jit/simulation-types.js';
import { redactFlowTimeline } from '../core/flow/redact-timeline.js';
import type { AnalysisResult } from '../core/model/result.js';
import { redactAnalysis } from '../core/report/redact.js';
import { redactSimulation } from '../core/report/redact-simulation.js';
import type { RedactionEntry, Redactor } from '../core/report/redactor.js';

export interface RedactedWorkspaceData {
  results: AnalysisResult[];
  simulation?: SimulationResult;
  /** Free texts shown with the results (title, simulation error), swept with the same Redactor. */
  texts: string[];
  redactions: RedactionEntry[];
}

/**
 * Finding messages are written without personal values, so the report Redactor leaves them alone;
 * on a shared screen a slip must not show, so every registered value is swept out of them too.
 */
function sweepFindingMessages(results: AnalysisResult[], redactor: Redactor): AnalysisResult[] {
  const sweep = <T extends { message: string }>(f: T): T => ({ ...f, message: redactor.sweep(f.message) });
  return results.map((r) => ({ ...r, findings: r.findings.map(sweep), messages: r.messages.map((m) => ({ ...m, findings: m.findings.map(sweep) })) }));
}

export function redactWorkspaceData(results: readonly AnalysisResult[], simulation: SimulationResult | undefined, texts: readonly string[]): RedactedWorkspaceData {
  const analysis = redactAnalysis(results);
  const redacted = sweepFindingMessages(analysis.results, analysis.redactor).map((r, i) => {
    // redactAnalysis leaves the flow timeline out; the Flow tab needs it, redacted like the rest.
    const flow = results[i]?.flow;
    return flow ? { ...r, flow: redactFlowTimeline(flow, analysis.redactor) } : r;
  });
  const out: RedactedWorkspaceData = { results: redacted, texts: [], redactions: [] };
  if (simulation) out.simulation = redactSimulation(simulation, analysis.redactor);
  out.texts = texts.map((t) => analysis.redactor.sweep(t));
  out.redactions = analysis.redactor.entries();
  return out;
}
