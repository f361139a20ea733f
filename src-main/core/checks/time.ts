/**
 * time.expired / time.not-yet-valid: the Conditions and SubjectConfirmationData validity windows
 * against `now` with the allowed clock skew. Says by how much, and whether that looks like two clocks
 * drifting apart (a few minutes) or an old, replayed or late-analysed response (more).
 */
import { makeFinding } from '../findings/make-finding.js';
import type { Evidence, Finding, Fix } from '../model/finding.js';
import type { MessageResult } from '../model/message.js';
import type { CheckRun } from './check-run.js';
import { formatDuration, parseInstant } from './duration.js';
import { assertionVerified, subjectConfirmationPath } from './message-facts.js';

/** Beyond the skew, up to this much is still typical of clock drift between two servers. */
export const CLOCK_DRIFT_LIMIT_MS = 10 * 60_000;

interface Bound {
  location: string;
  value: string;
  label: string;
  at: Date;
}

interface Violation extends Bound {
  /** How far `now` is past the bound, skew not deducted. */
  byMs: number;
  /** The same, minus the allowed skew. */
  beyondSkewMs: number;
}

function collectBounds(message: MessageResult, attribute: 'NotBefore' | 'NotOnOrAfter'): Bound[] {
  const bounds: Bound[] = [];
  const add = (location: string, value: string | undefined, label: string) => {
    const at = parseInstant(value);
    if (value !== undefined && at) bounds.push({ location, value, label, at });
  };
  const conditionsValue = attribute === 'NotBefore' ? message.conditions?.notBefore : message.conditions?.notOnOrAfter;
  add(`/Response/Assertion/Conditions/@${attribute}`, conditionsValue, `Conditions ${attribute}`);
  message.subjectConfirmations.forEach((sc, i) => {
    add(subjectConfirmationPath(i, attribute), attribute === 'NotBefore' ? sc.notBefore : sc.notOnOrAfter, `SubjectConfirmationData ${attribute}`);
  });
  return bounds;
}

export function checkTime(message: MessageResult, run: CheckRun): Finding[] {
  const now = run.options.now.getTime();
  const skewMs = run.options.clockSkewSeconds * 1000;
  const findings: Finding[] = [];

  const expired: Violation[] = collectBounds(message, 'NotOnOrAfter')
    .map((b) => ({ ...b, byMs: now - b.at.getTime(), beyondSkewMs: now - b.at.getTime() - skewMs }))
    .filter((v) => v.beyondSkewMs >= 0);
  const early: Violation[] = collectBounds(message, 'NotBefore')
    .map((b) => ({ ...b, byMs: b.at.getTime() - now, beyondSkewMs: b.at.getTime() - now - skewMs }))
    .filter((v) => v.beyondSkewMs > 0);

  if (expired.length > 0) findings.push(timeFinding('time.expired', expired, message, run));
  if (early.length > 0) findings.push(timeFinding('time.not-yet-valid', early, message, run));
  return findings;
}

function timeFinding(id: 'time.expired' | 'time.not-yet-valid', violations: Violation[], message: MessageResult, run: CheckRun): Finding {
  const worst = violations.reduce((a, b) => (b.byMs > a.byMs ? b : a));
  const drift = worst.beyondSkewMs <= CLOCK_DRIFT_LIMIT_MS;
  const nowText = run.options.now.toISOString();
  const skewText = formatDuration(run.options.clockSkewSeconds * 1000);
  const unverified = !assertionVerified(message);
  const evidence: Evidence[] = violations.map((v) => ({ location: v.location, value: v.value, unverified }));
  evidence.push({ location: 'analysis time (--now)', value: nowText });
  evidence.push({ location: 'allowed clock skew (--clock-skew)', value: `${run.options.clockSkewSeconds} s` });

  const lead =
    id === 'time.expired'
      ? `The assertion expired at ${worst.value} (${worst.label}); at ${nowText} that is ${formatDuration(worst.byMs)} ago, ${formatDuration(worst.beyondSkewMs)} beyond the allowed clock skew of ${skewText}.`
      : `The assertion is valid only from ${worst.value} (${worst.label}); at ${nowText} that is ${formatDuration(worst.byMs)} ahead, ${formatDuration(worst.beyondSkewMs)} beyond the allowed clock skew of ${skewText}.`;
  const cause = drift
    ? id === 'time.expired'
      ? 'That looks like clock drift: the SP\'s clock runs ahead of the IdP\'s by a few minutes (or the response took unusually long to arrive).'
      : 'That looks like clock drift: the SP\'s clock runs behind the IdP\'s by a few minutes.'
    : id === 'time.expired'
      ? 'That is far more than clock drift: the response is old, was replayed, or is being analysed long after it was captured.'
      : 'That is far more than clock drift: the SP\'s clock is badly wrong, or the response is being analysed with a time before it was issued.';
  const rejected = 'The SP rejects an assertion outside its validity window.';
  return makeFinding(id, { message: `${lead} ${cause} ${rejected}`, evidence, fix: timeFix(id, drift, message) });
}

function timeFix(id: 'time.expired' | 'time.not-yet-valid', drift: boolean, message: MessageResult): Fix {
  const ntp: Fix = {
    summary: 'Synchronise the Atlassian server clocks with NTP (every Data Center node); IAM Identity Center\'s clock is authoritative.',
    where: 'clock',
    steps: [
      'Compare the time on each node (for example `timedatectl` or `chronyc tracking`) with a reference time source.',
      'Enable and fix NTP (chrony or systemd-timesyncd) on every node, then retry the login.',
    ],
  };
  if (drift) return ntp;
  const captured = message.issueInstant;
  const replay: Fix = {
    summary: captured
      ? `If you are analysing a saved response, pass the time it was captured with --now (for example its IssueInstant ${captured}); in a live login, start a new login instead of reusing the response.`
      : 'If you are analysing a saved response, pass the time it was captured with --now; in a live login, start a new login instead of reusing the response.',
    where: 'samlscope-input',
    field: '--now',
    steps: ['A response is valid only for minutes after it is issued: capture and analyse it right away, or set --now to the capture time.'],
  };
  if (captured) replay.value = captured;
  if (id === 'time.not-yet-valid') {
    return { ...replay, summary: `${replay.summary} If the login fails live, the SP's clock is wrong: synchronise it with NTP.`, steps: [...(replay.steps ?? []), ...(ntp.steps ?? [])] };
  }
  return replay;
}
