/** Gathers every finding of a workspace (input, each message, the JIT simulation) for the at-a-glance view. */
import type { AnalysisResult, Finding, MessageResult, Severity, Verdict } from '../../src-main/core/model/index.js';
import type { WorkspaceResult } from '../../src-main/ipc/contract.js';

export interface PlacedFinding {
  /** Stable key for React and for expand state. */
  key: string;
  finding: Finding;
  /** Where it came from: "Input", "Response 1", "JIT simulation". */
  origin: string;
}

export interface FindingGroup {
  severity: Severity;
  title: string;
  items: PlacedFinding[];
}

const GROUP_TITLES: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Information' };
const ORDER: Severity[] = ['error', 'warning', 'info'];

export function groupBySeverity(findings: PlacedFinding[]): FindingGroup[] {
  return ORDER.map((severity) => ({ severity, title: GROUP_TITLES[severity], items: findings.filter((f) => f.finding.severity === severity) })).filter(
    (g) => g.items.length > 0,
  );
}

/**
 * One line that says why the verdict main computed is what it is: the first problem of that severity,
 * and how many more there are. The verdict itself is never recomputed here.
 */
export function verdictReason(verdict: Verdict, findings: PlacedFinding[]): string {
  if (verdict === 'pass') return findings.length > 0 ? 'No problems found; see the notes below.' : 'No problems found.';
  const severity: Severity = verdict === 'fail' ? 'error' : 'warning';
  const same = findings.filter((f) => f.finding.severity === severity);
  const first = same[0];
  if (!first) return verdict === 'fail' ? 'The login cannot succeed; see the findings below.' : 'See the warnings below.';
  const rest = same.length - 1;
  const noun = severity === 'error' ? 'error' : 'warning';
  return rest > 0 ? `${first.finding.title} — and ${rest} more ${noun}${rest === 1 ? '' : 's'}.` : `${first.finding.title}.`;
}

/** A message of the workspace with a label people can tell apart ("Response 2 · capture.har"). */
export interface PlacedMessage {
  key: string;
  label: string;
  message: MessageResult;
  result: AnalysisResult;
}

export function collectMessages(workspace: WorkspaceResult): PlacedMessage[] {
  const many = workspace.results.length > 1;
  const out: PlacedMessage[] = [];
  workspace.results.forEach((result, r) => {
    result.messages.forEach((message, m) => {
      const counter = result.messages.filter((x) => x.type === message.type).length > 1 ? ` ${result.messages.filter((x, i) => x.type === message.type && i <= m).length}` : '';
      out.push({ key: `${r}.${m}`, label: `${message.type}${counter}${many ? ` · ${result.input.source}` : ''}`, message, result });
    });
  });
  return out;
}

/** Every finding of the workspace, errors first, each labelled with where it came from. */
export function collectFindings(workspace: WorkspaceResult): PlacedFinding[] {
  const placed: PlacedFinding[] = [];
  const many = workspace.results.length > 1;
  workspace.results.forEach((result, r) => {
    result.findings.forEach((finding, i) => placed.push({ key: `r${r}-${i}`, finding, origin: many ? result.input.source : 'Input' }));
  });
  for (const pm of collectMessages(workspace)) {
    pm.message.findings.forEach((finding, i) => placed.push({ key: `m${pm.key}-${i}`, finding, origin: pm.label }));
  }
  workspace.simulation?.findings.forEach((finding, i) => placed.push({ key: `s-${i}`, finding, origin: 'JIT simulation' }));
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return placed.sort((a, b) => rank[a.finding.severity] - rank[b.finding.severity]);
}
