/**
 * Validity windows for the time line. Message windows last minutes to hours and certificates years,
 * so each group gets its own scale; every row also says in words where "now" falls.
 */
import type { CertificateInfo, MessageResult } from '../../src-main/core/model/index.js';

export type WindowState = 'valid' | 'expired' | 'not-yet-valid' | 'open';

export interface ValidityWindow {
  label: string;
  /** Where the bounds were read from. */
  source: string;
  start?: number;
  end?: number;
  state: WindowState;
  /** e.g. "expires in 42 min", "expired 3 d ago". */
  relation: string;
}

export interface TimelineGroup {
  title: string;
  windows: ValidityWindow[];
  /** Scale bounds in ms. */
  from: number;
  to: number;
}

function parseInstant(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : t;
}

/** "42 s", "17 min", "5 h", "12 d", "3 y": the coarsest unit that keeps the number readable. */
export function formatDuration(ms: number): string {
  const s = Math.abs(ms) / 1000;
  if (s < 90) return `${Math.round(s)} s`;
  const min = s / 60;
  if (min < 90) return `${Math.round(min)} min`;
  const h = min / 60;
  if (h < 48) return `${Math.round(h)} h`;
  const d = h / 24;
  if (d < 730) return `${Math.round(d)} d`;
  return `${(d / 365.25).toFixed(1)} y`;
}

function windowOf(label: string, source: string, startText: string | undefined, endText: string | undefined, now: number, skewMs: number): ValidityWindow {
  const start = parseInstant(startText);
  const end = parseInstant(endText);
  let state: WindowState = 'open';
  let relation = 'no bounds given';
  if (end !== undefined && now >= end + skewMs) {
    state = 'expired';
    relation = `expired ${formatDuration(now - end)} ago`;
  } else if (start !== undefined && now < start - skewMs) {
    state = 'not-yet-valid';
    relation = `valid in ${formatDuration(start - now)}`;
  } else if (start !== undefined || end !== undefined) {
    state = 'valid';
    relation = end !== undefined ? `valid, ends in ${formatDuration(end - now)}` : `valid since ${formatDuration(now - (start ?? now))}`;
  }
  const w: ValidityWindow = { label, source, state, relation };
  if (start !== undefined) w.start = start;
  if (end !== undefined) w.end = end;
  return w;
}

function scale(windows: ValidityWindow[], now: number): { from: number; to: number } {
  const points = [now];
  for (const w of windows) {
    if (w.start !== undefined) points.push(w.start);
    if (w.end !== undefined) points.push(w.end);
  }
  const min = Math.min(...points);
  const max = Math.max(...points);
  const pad = Math.max((max - min) * 0.08, 60_000);
  return { from: min - pad, to: max + pad };
}

export function buildTimeline(message: MessageResult, now: number, skewSeconds: number): TimelineGroup[] {
  const skewMs = skewSeconds * 1000;
  const messageWindows: ValidityWindow[] = [];
  const c = message.conditions;
  if (c && (c.notBefore || c.notOnOrAfter)) messageWindows.push(windowOf('Conditions', 'Assertion/Conditions', c.notBefore, c.notOnOrAfter, now, skewMs));
  message.subjectConfirmations.forEach((sc, i) => {
    if (sc.notBefore || sc.notOnOrAfter) {
      const label = message.subjectConfirmations.length > 1 ? `Subject confirmation ${i + 1}` : 'Subject confirmation';
      messageWindows.push(windowOf(label, 'SubjectConfirmationData', sc.notBefore, sc.notOnOrAfter, now, skewMs));
    }
  });
  const a = message.authnStatement;
  if (a?.sessionNotOnOrAfter) messageWindows.push(windowOf('Session', 'AuthnStatement AuthnInstant → SessionNotOnOrAfter', a.authnInstant, a.sessionNotOnOrAfter, now, skewMs));

  const certs: Array<{ cert: CertificateInfo; role: string }> = [];
  if (message.signature.certificate) certs.push({ cert: message.signature.certificate, role: 'Trusted signing certificate' });
  for (const cert of message.signature.keyInfoCertificates) {
    if (certs.some((x) => x.cert.sha256Fingerprint === cert.sha256Fingerprint)) continue;
    certs.push({ cert, role: 'Certificate in KeyInfo' });
  }
  const certWindows = certs.map(({ cert, role }) => windowOf(role, cert.subject, cert.notBefore, cert.notAfter, now, 0));

  const groups: TimelineGroup[] = [];
  if (messageWindows.length > 0) groups.push({ title: 'Message validity', windows: messageWindows, ...scale(messageWindows, now) });
  if (certWindows.length > 0) groups.push({ title: 'Certificate validity', windows: certWindows, ...scale(certWindows, now) });
  return groups;
}
