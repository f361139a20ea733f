/**
 * What every report format renders, and the wording they share, so HTML, Markdown and the app's
 * presentation mode describe findings, fixes and redactions the same way.
 */
import type { Finding, Severity, Verdict } from '../model/finding.js';
import { sortFindings, verdictOf } from '../model/finding.js';
import type { AnalysisResult } from '../model/result.js';
import type { SimulatedUser, SimulationOutcome, SimulationResult, StepOutcome } from '../jit/simulation-types.js';
import type { RedactionCategory, RedactionEntry } from './redactor.js';

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

/** Compact duration, e.g. `2 h 5 min`, `3 d 4 h`, `45 s`. */
export function formatDuration(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min${s % 60 ? ` ${s % 60} s` : ''}`;
  const h = Math.floor(min / 60);
  if (h < 48) return `${h} h${min % 60 ? ` ${min % 60} min` : ''}`;
  const d = Math.floor(h / 24);
  return `${d} d${h % 24 ? ` ${h % 24} h` : ''}`;
}

export interface TimeWindowRow {
  /** What the window is, e.g. `Conditions`. */
  label: string;
  notBefore?: string;
  notOnOrAfter?: string;
  /** Where `now` falls, with the allowed clock skew. */
  state: 'valid' | 'expired' | 'not-yet-valid' | 'unknown';
  /** Plain words: `valid for another 45 min`, `expired 2 h ago (beyond the 180 s skew)`. */
  description: string;
}

/** Where `now` falls in a NotBefore/NotOnOrAfter window, allowing `skewSeconds` on both sides. */
export function describeWindow(label: string, notBefore: string | undefined, notOnOrAfter: string | undefined, now: string | undefined, skewSeconds: number): TimeWindowRow {
  const row: TimeWindowRow = { label, state: 'unknown', description: '' };
  if (notBefore !== undefined) row.notBefore = notBefore;
  if (notOnOrAfter !== undefined) row.notOnOrAfter = notOnOrAfter;
  const t = now ? Date.parse(now) : NaN;
  if (Number.isNaN(t)) {
    row.description = 'no reference time';
    return row;
  }
  const skew = skewSeconds * 1000;
  const start = notBefore ? Date.parse(notBefore) : NaN;
  const end = notOnOrAfter ? Date.parse(notOnOrAfter) : NaN;
  if (!Number.isNaN(start) && t < start - skew) {
    row.state = 'not-yet-valid';
    row.description = `not valid for another ${formatDuration(start - t)} (beyond the ${skewSeconds} s clock skew)`;
  } else if (!Number.isNaN(end) && t >= end + skew) {
    row.state = 'expired';
    row.description = `expired ${formatDuration(t - end)} before the reference time (beyond the ${skewSeconds} s clock skew)`;
  } else if (!Number.isNaN(start) || !Number.isNaN(end)) {
    row.state = 'valid';
    row.description = Number.isNaN(end) ? 'valid, no end time' : t >= end ? `within the ${skewSeconds} s clock skew after its end` : `valid for another ${formatDuration(end - t)}`;
  } else {
    row.description = 'no validity window given';
  }
  return row;
}

/** Every time window of one message against the analysis reference time. */
export function timeWindows(result: AnalysisResult, messageIndex: number): TimeWindowRow[] {
  const m = result.messages[messageIndex];
  if (!m) return [];
  const now = result.context?.now;
  const skew = result.context?.clockSkewSeconds ?? 180;
  const rows: TimeWindowRow[] = [];
  if (m.conditions && (m.conditions.notBefore || m.conditions.notOnOrAfter)) {
    rows.push(describeWindow('Conditions', m.conditions.notBefore, m.conditions.notOnOrAfter, now, skew));
  }
  m.subjectConfirmations.forEach((sc, i) => {
    if (sc.notBefore || sc.notOnOrAfter) {
      const label = m.subjectConfirmations.length > 1 ? `Subject confirmation ${i + 1}` : 'Subject confirmation';
      rows.push(describeWindow(label, sc.notBefore, sc.notOnOrAfter, now, skew));
    }
  });
  if (m.authnStatement?.sessionNotOnOrAfter) {
    rows.push(describeWindow('Session (from AuthnInstant)', m.authnStatement.authnInstant, m.authnStatement.sessionNotOnOrAfter, now, skew));
  }
  return rows;
}

/** Days from `now` to a certificate's notAfter (negative when expired); undefined without a reference time. */
export function daysUntil(isoEnd: string, now: string | undefined): number | undefined {
  const end = Date.parse(isoEnd);
  const t = now ? Date.parse(now) : NaN;
  if (Number.isNaN(end) || Number.isNaN(t)) return undefined;
  return Math.floor((end - t) / 86_400_000);
}

export function certificateValidityText(notBefore: string, notAfter: string, now: string | undefined): string {
  const days = daysUntil(notAfter, now);
  const span = `${notBefore} → ${notAfter}`;
  if (days === undefined) return span;
  if (days < 0) return `${span} (expired ${-days} days ago)`;
  return `${span} (${days} days left)`;
}

/** The reference time of a report: the first result's analysis time, else the generation time. */
export function referenceTime(report: ReportInput): string {
  return report.results.find((r) => r.context?.now)?.context?.now ?? report.generatedAt;
}
