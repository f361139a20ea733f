/** Workspaces as main sends them: one clear, one masked by main's own redaction of the same analysis. */
import { redactWorkspaceData } from '../../../src-main/usecases/redact-workspace.js';
import type { SimulationResult } from '../../../src-main/core/model/index.js';
import type { WorkspaceResult } from '../../../src-main/ipc/contract.js';
import { sampleResult } from '../report/sample-result.js';

export function clearWorkspace(simulation?: SimulationResult): WorkspaceResult {
  return {
    title: 'response.xml',
    results: [sampleResult()],
    verdict: 'fail',
    ...(simulation ? { simulation } : {}),
    redacted: false,
    redactions: [],
    demo: false,
    analyzedAt: '2026-11-29T10:00:00Z',
  };
}

export function maskedWorkspace(simulation?: SimulationResult): WorkspaceResult {
  const clear = clearWorkspace(simulation);
  const r = redactWorkspaceData(clear.results, clear.simulation, [clear.title]);
  return { ...clear, title: r.texts[0] ?? '', results: r.results, ...(r.simulation ? { simulation: r.simulation } : {}), redacted: true, redactions: r.redactions };
}
