/** Validity windows against "now" (the instant the analysis judged them by), in bars and in words. */
import type { MessageResult } from '../../src-main/core/model/index.js';
import { buildTimeline, type TimelineGroup, type ValidityWindow } from '../lib/timeline.js';

const STATE_WORD: Record<ValidityWindow['state'], string> = { valid: 'Valid', expired: 'Expired', 'not-yet-valid': 'Not yet valid', open: 'Open' };
const STATE_CLASS: Record<ValidityWindow['state'], string> = { valid: 'ok', expired: 'bad', 'not-yet-valid': 'warn-text', open: 'muted' };

function fmt(ms: number, withTime: boolean): string {
  const iso = new Date(ms).toISOString();
  return withTime ? `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC` : iso.slice(0, 10);
}

function pct(value: number, g: TimelineGroup): number {
  return Math.min(100, Math.max(0, ((value - g.from) / (g.to - g.from)) * 100));
}

function Group({ group, now, withTime }: { group: TimelineGroup; now: number; withTime: boolean }) {
  return (
    <section className="tl-group" aria-label={group.title}>
      <h2>{group.title}</h2>
      <div className="tl-axis" aria-hidden="true">
        <span />
        <span className="ends">
          <span>{fmt(group.from, withTime)}</span>
          <span>{fmt(group.to, withTime)}</span>
        </span>
        <span />
      </div>
      {group.windows.map((w, i) => {
        const left = pct(w.start ?? group.from, group);
        const right = pct(w.end ?? group.to, group);
        return (
          <div className="tl-row" key={i}>
            <div className="label">
              {w.label}
              <small title={w.source}>{w.source}</small>
            </div>
            <div className="tl-track" aria-hidden="true">
              <div className={`tl-bar ${w.state}`} style={{ left: `${left}%`, width: `${Math.max(right - left, 0.5)}%` }} />
              <div className="tl-now" style={{ left: `${pct(now, group)}%` }} title="now" />
            </div>
            <div className="when">
              <span className={`state ${STATE_CLASS[w.state]}`}>{STATE_WORD[w.state]}</span> — {w.relation}
              <small>
                {w.start !== undefined ? fmt(w.start, withTime) : '…'} → {w.end !== undefined ? fmt(w.end, withTime) : '…'}
              </small>
            </div>
          </div>
        );
      })}
    </section>
  );
}

export function TimelinePanel({ message, now, skewSeconds }: { message: MessageResult; now: number; skewSeconds: number }) {
  const groups = buildTimeline(message, now, skewSeconds);
  return (
    <>
      <p className="note">
        Now: <strong>{fmt(now, true)}</strong> (the instant this analysis judged the message by). Clock skew tolerance ±{skewSeconds} s. The black line marks now.
      </p>
      {groups.length === 0 ? (
        <p className="empty">This message has no validity windows and no certificates.</p>
      ) : (
        groups.map((g) => <Group key={g.title} group={g} now={now} withTime={g.title === 'Message validity'} />)
      )}
    </>
  );
}
