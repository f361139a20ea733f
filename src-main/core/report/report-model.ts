/**
 * What every report format renders, and the wording they share, so HTML, Markdown and the app's
 * presentation mode describe findings, fixes and redactions the same way.
 */
import type { Finding, Severity, Verdict } from '../model/finding.js';
import { sortFindings, verdictOf } from '../model/finding.js';
import type { AnalysisResult } from '../model/result.js';
import type { SimulatedUser, SimulationOutcome, SimulationResult, StepOutcome } from '../jit/simulation-types.js';
import type { RedactionCategory, RedactionEntry } from './redactor.js';
import { messageTimeWindows, type TimeWindowRow } from '../model/time-windows.js';

export { certificateValidityText, daysUntil, describeWindow, formatDuration, messageTimeWindows, type TimeWindowRow } from '../model/time-windows.js';

export interface ReportInput {
  title?: string;
  /** ISO time the report was made (the caller's clock: the engine never reads one). */
  generatedAt: string;
  results: AnalysisResult[];
  redactions?: RedactionEntry[];
  /** True when `results` went through `redactAnalysis` (and `simulation` through `redactSimulation` with the same Redactor). */
  redacted: boolean;
  /** The JIT provisioning simulation of the login (the first Response), when a target profile was given. */
  simulation?: SimulationResult;
}

export const DEFAULT_REPORT_TITLE = 'SAML diagnosis report';

export { FIX_PLACE_LABEL } from '../model/finding.js';

export const SEVERITY_LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Information' };
export const SEVERITY_PLURAL: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Information' };
export const VERDICT_LABEL: Record<Verdict, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL' };
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];


export const REDACTION_CATEGORY_LABEL: Record<RedactionCategory, string> = {
  email: 'E-mail address',
  nameid: 'NameID',
  name: 'Person name',
  username: 'Username',
  value: 'Attribute value',
  id: 'Message ID / SessionIndex',
  'relay-state': 'RelayState',
  address: 'Client IP address',
  'local-user': 'User name in a file path',
  personal: 'Personal value',
  'signature-value': 'Signature value (dropped)',
  'digest-value': 'Digest value (dropped)',
  'certificate-bytes': 'Certificate bytes (dropped)',
  ciphertext: 'Encrypted data (dropped)',
  'encoded-data': 'Encoded SAML data (dropped)',
  credential: 'Session cookie or token (dropped)',
  'xml-document': 'Message XML (dropped)',
};

export const REDACTION_NOTICE =
  'Personal data is redacted: NameIDs, e-mail addresses, names, attribute values, message IDs, SessionIndex and RelayState are replaced by placeholders. ' +
  'The same value always has the same placeholder in this report, so equal values stay recognisable; a letter suffix (user-1b) marks a value that differs only in letter case. ' +
  'Signature values, digests and certificate bytes are dropped; certificate fingerprints, subjects, validity and algorithms are kept.';

export const UNREDACTED_NOTICE =
  'This report is NOT redacted: it contains personal data (NameIDs, e-mail addresses, names, attribute values) exactly as the identity provider sent them. Share it only with people allowed to see that data.';

export const SIMULATION_TITLE = 'Just-in-Time provisioning simulation';

export const OUTCOME_LABEL: Record<SimulationOutcome, string> = {
  create: 'Creates the user',
  update: 'Updates the user',
  unchanged: 'Uses the user unchanged',
  fail: 'Fails',
};

export const STEP_OUTCOME_LABEL: Record<StepOutcome, string> = { pass: 'passes', change: 'changes', fail: 'fails', skip: 'skipped', info: 'note' };

/** The user fields both simulation sections compare before and after the login, with their labels. */
export const SIMULATED_USER_ROWS: ReadonlyArray<readonly [string, (u: SimulatedUser) => string]> = [
  ['Username', (u) => u.username],
  ['Display name', (u) => u.displayName],
  ['E-mail', (u) => u.email ?? ''],
  ['Directory', (u) => u.directoryName ?? u.directoryId ?? ''],
  ['Active', (u) => (u.active ? 'yes' : 'no')],
  ['jit_idp_id', (u) => u.attributes['jit_idp_id'] ?? ''],
];

export const INFERRED_NOTE = 'Steps marked inferred follow behaviour the vendors do not document, or facts the snapshot does not record; the step says what was assumed.';

/** A simulation's verdict, as the workspace shows it: fail when the user cannot log in or an error is found. */
export function simulationVerdict(sim: SimulationResult): Verdict {
  if (!sim.canLogIn) return 'fail';
  return verdictOf(sim.findings);
}

/** The overall verdict: fail if any input or message fails, warn if any warns. */
export function overallVerdict(results: readonly AnalysisResult[]): Verdict {
  const verdicts: Verdict[] = [];
  for (const r of results) {
    verdicts.push(verdictOf(r.findings));
    for (const m of r.messages) verdicts.push(m.verdict);
  }
  if (verdicts.includes('fail')) return 'fail';
  if (verdicts.includes('warn')) return 'warn';
  return 'pass';
}

/**
 * The one verdict of a workspace or report: fail when any result fails or the simulated login cannot
 * succeed, warn on warnings anywhere. Computed here once; the app and the reports show it.
 */
export function verdictWithSimulation(results: readonly AnalysisResult[], simulation?: SimulationResult): Verdict {
  const verdicts: Verdict[] = [overallVerdict(results)];
  if (simulation) verdicts.push(simulationVerdict(simulation));
  if (verdicts.includes('fail')) return 'fail';
  return verdicts.includes('warn') ? 'warn' : 'pass';
}

/** The verdict of one input's own findings (unreadable input, flow problems) together with its messages. */
export function inputVerdict(result: AnalysisResult): Verdict {
  return overallVerdict([result]);
}

export function countBySeverity(results: readonly AnalysisResult[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const r of results) {
    for (const f of r.findings) counts[f.severity]++;
    for (const m of r.messages) for (const f of m.findings) counts[f.severity]++;
  }
  return counts;
}

/** Findings in severity order, grouped; empty groups are left out. */
export function groupBySeverity(findings: readonly Finding[]): Array<{ severity: Severity; findings: Finding[] }> {
  const sorted = sortFindings(findings);
  return SEVERITIES.map((severity) => ({ severity, findings: sorted.filter((f) => f.severity === severity) })).filter((g) => g.findings.length > 0);
}

/** The last segment of a SAML URN (`urn:…:nameid-format:emailAddress` → `emailAddress`, `…:ac:classes:X` → `X`). */
export function shortUrn(value: string | undefined): string {
  if (!value) return '';
  // Only SAML's own vocabulary is shortened; other URNs (an SP's entity ID) stay whole.
  if (!/^urn:oasis:names:tc:SAML:[0-9.]+:/i.test(value)) return value;
  return value.slice(value.lastIndexOf(':') + 1) || value;
}

/** Every time window of one message, judged at the instant the engine judged that message. */
export function timeWindows(result: AnalysisResult, messageIndex: number): TimeWindowRow[] {
  const m = result.messages[messageIndex];
  if (!m) return [];
  return messageTimeWindows(m, m.judgedAt ?? result.context?.now, result.context?.clockSkewSeconds ?? 180);
}

/** The reference time of a report: the first result's analysis time, else the generation time. */
export function referenceTime(report: ReportInput): string {
  return report.results.find((r) => r.context?.now)?.context?.now ?? report.generatedAt;
}
