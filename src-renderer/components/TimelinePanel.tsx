/**
 * Validity windows against the instant the engine judged the message at, in bars and in words. The
 * states and words come from `core/model` (the same the reports use); this only draws them to scale.
 */
import { describeWindow, messageTimeWindows, type MessageResult, type TimeWindowRow } from '../../src-main/core/model/index.js';

const STATE_WORD: Record<TimeWindowRow['state'], string> = { valid: 'Valid', expired: 'Expired', 'not-yet-valid': 'Not yet valid', unknown: 'Open' };
const STATE_CLASS: Record<TimeWindowRow['state'], string> = { valid: 'ok', expired: 'bad', 'not-yet-valid': 'warn-text', unknown: 'muted' };

interface TimelineRow {
  window: TimeWindowRow;
  /** Where the bounds were read from. */
  source: string;
  start?: number;
  end?: number;
}

interface TimelineGroup {
  title: string;
  rows: TimelineRow[];
  /** Scale bounds in ms. */
  from: number;
  to: number;
}

function instant(value: string | undefined): number | undefined {
  const t = value === undefined ? NaN : Date.parse(value);
  return Number.isNaN(t) ? undefined : t;
}

function row(window: TimeWindowRow, source: string): TimelineRow {
  const out: TimelineRow = { window, source };
  const start = instant(window.notBefore);
  const end = instant(window.notOnOrAfter);
  if (start !== undefined) out.start = start;
  if (end !== undefined) out.end = end;
  return out;
}

/** Message windows last minutes to hours and certificates years, so each group gets its own scale. */
function group(title: string, rows: TimelineRow[], now: number): TimelineGroup {
  const points = [now, ...rows.flatMap((r) => [r.start, r.end]).filter((t): t is number => t !== undefined)];
  const min = Math.min(...points);
  const max = Math.max(...points);
  const pad = Math.max((max - min) * 0.08, 60_000);
  return { title, rows, from: min - pad, to: max + pad };
}

const SOURCES: Record<string, string> = { Conditions: 'Assertion/Conditions', 'Session (from AuthnInstant)': 'AuthnStatement AuthnInstant → SessionNotOnOrAfter' };

function timelineOf(message: MessageResult, now: string, skewSeconds: number): TimelineGroup[] {
  const nowMs = Date.parse(now);
  const messageRows = messageTimeWindows(message, now, skewSeconds).map((w) => row(w, SOURCES[w.label] ?? 'SubjectConfirmationData'));
  const certs: Array<{ subject: string; notBefore: string; notAfter: string; role: string; fingerprint: string }> = [];
  if (message.signature.certificate) certs.push({ ...message.signature.certificate, role: 'Trusted signing certificate', fingerprint: message.signature.certificate.sha256Fingerprint });
  for (const cert of message.signature.keyInfoCertificates) {
    if (certs.some((c) => c.fingerprint === cert.sha256Fingerprint)) continue;
    certs.push({ ...cert, role: 'Certificate in KeyInfo', fingerprint: cert.sha256Fingerprint });
  }
  const certRows = certs.map((c) => row(describeWindow(c.role, c.notBefore, c.notAfter, now, 0), c.subject));
  const groups: TimelineGroup[] = [];
  if (messageRows.length > 0) groups.push(group('Message validity', messageRows, nowMs));
  if (certRows.length > 0) groups.push(group('Certificate validity', certRows, nowMs));
  return groups;
}

function fmt(ms: number, withTime: boolean): string {
  const iso = new Date(ms).toISOString();
  return withTime ? `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC` : iso.slice(0, 10);
}

function pct(value: number, g: TimelineGroup): number {
  return Math.min(100, Math.max(0, ((value - g.from) / (g.to - g.from)) * 100));
}

function Group({ group: g, now, withTime }: { group: TimelineGroup; now: number; withTime: boolean }) {
  return (
    <section className="tl-group" aria-label={g.title}>
      <h2>{g.title}</h2>
      <div className="tl-axis" aria-hidden="true">
        <span />
        <span className="ends">
          <span>{fmt(g.from, withTime)}</span>
          <span>{fmt(g.to, withTime)}</span>
        </span>
        <span />
      </div>
      {g.rows.map((r, i) => {
        const left = pct(r.start ?? g.from, g);
        const right = pct(r.end ?? g.to, g);
        const state = r.window.state;
        return (
          <div className="tl-row" key={i}>
            <div className="label">
              {r.window.label}
              <small title={r.source}>{r.source}</small>
            </div>
            <div className="tl-track" aria-hidden="true">
              <div className={`tl-bar ${state === 'unknown' ? 'open' : state}`} style={{ left: `${left}%`, width: `${Math.max(right - left, 0.5)}%` }} />
              <div className="tl-now" style={{ left: `${pct(now, g)}%` }} title="now" />
            </div>
            <div className="when">
              <span className={`state ${STATE_CLASS[state]}`}>{STATE_WORD[state]}</span> — {r.window.description}
              <small>
                {r.start !== undefined ? fmt(r.start, withTime) : '…'} → {r.end !== undefined ? fmt(r.end, withTime) : '…'}
              </small>
            </div>
          </div>
        );
      })}
    </section>
  );
}

/** `now`: the instant the engine judged the message at (`MessageResult.judgedAt`, else the analysis's). */
export function TimelinePanel({ message, now, skewSeconds }: { message: MessageResult; now: string; skewSeconds: number }) {
  const groups = timelineOf(message, now, skewSeconds);
  const nowMs = Date.parse(now);
  return (
    <>
      <p className="note">
        Now: <strong>{fmt(nowMs, true)}</strong> (the instant this analysis judged the message by). Clock skew tolerance ±{skewSeconds} s. The black line marks now.
      </p>
      {groups.length === 0 ? (
        <p className="empty">This message has no validity windows and no certificates.</p>
      ) : (
        groups.map((g) => <Group key={g.title} group={g} now={nowMs} withTime={g.title === 'Message validity'} />)
      )}
    </>
  );
}
