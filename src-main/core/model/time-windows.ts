/**
 * Validity windows as the reports and the workspace's time line describe them: where the instant a
 * message was judged at falls in each NotBefore/NotOnOrAfter window, allowing the clock skew.
 */
import type { MessageResult } from './message.js';

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

/** Every time window of one message (Conditions, each SubjectConfirmationData, the session) at `now`. */
export function messageTimeWindows(m: MessageResult, now: string | undefined, skew: number): TimeWindowRow[] {
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
