/**
 * Evaluate at: the wall clock (default), the message's IssueInstant + 1 min (an old capture judged
 * as when it was sent) or a given ISO instant; and the clock skew allowed around validity windows.
 */
import { useEffect, useRef, useState } from 'react';
import type { EvaluateAt, SetupPatch, WorkspaceSetup } from '../../../src-main/ipc/contract.js';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

interface Props {
  time: WorkspaceSetup['time'];
  update(patch: SetupPatch, label: string): void;
}

function readable(iso: string): string {
  return iso.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC');
}

export function TimeSection({ time, update }: Props) {
  const mode = time.evaluateAt.mode;
  const current = time.evaluateAt.mode === 'custom' ? time.evaluateAt.instant : '';
  const [instant, setInstant] = useState(current);
  const [skew, setSkew] = useState(String(time.clockSkewSeconds));
  // Enter then blur must not send the same change twice while the first is still being analysed.
  const sent = useRef<string | null>(null);
  useEffect(() => {
    setInstant(current);
    sent.current = null;
  }, [current]);
  useEffect(() => setSkew(String(time.clockSkewSeconds)), [time.clockSkewSeconds]);
  const instantValid = ISO.test(instant.trim()) && !Number.isNaN(Date.parse(instant.trim()));
  const skewValue = Number(skew);
  const skewValid = skew.trim() !== '' && Number.isInteger(skewValue) && skewValue >= 0 && skewValue <= 86_400;

  const choose = (at: EvaluateAt): void => update({ evaluateAt: at }, 'Judging at another time…');
  const commitInstant = (): void => {
    const value = instant.trim();
    if (!instantValid || (mode === 'custom' && value === current) || value === sent.current) return;
    sent.current = value;
    choose({ mode: 'custom', instant: value });
  };
  const commitSkew = (): void => {
    if (!skewValid || skewValue === time.clockSkewSeconds || `skew:${skewValue}` === sent.current) return;
    sent.current = `skew:${skewValue}`;
    update({ clockSkewSeconds: skewValue }, 'Changing the clock skew…');
  };

  return (
    <section className="setup-section">
      <h3 id="setup-time">Evaluate at</h3>
      <div role="radiogroup" aria-labelledby="setup-time" className="radios">
        <label>
          <input type="radio" name="evaluate-at" checked={mode === 'now'} onChange={() => choose({ mode: 'now' })} /> Now
        </label>
        <label>
          <input type="radio" name="evaluate-at" checked={mode === 'issue-instant'} onChange={() => choose({ mode: 'issue-instant' })} /> The message’s IssueInstant + 1 min
        </label>
        <label>
          <input
            type="radio"
            name="evaluate-at"
            checked={mode === 'custom'}
            onChange={() => {
              const start = instantValid ? instant.trim() : (time.effectiveNow ?? new Date().toISOString());
              setInstant(start);
              choose({ mode: 'custom', instant: start });
            }}
          />{' '}
          This instant
        </label>
      </div>
      <input
        id="setup-instant"
        type="text"
        className="text-input mono"
        aria-label="Instant to evaluate at (ISO 8601)"
        aria-invalid={instant.trim() !== '' && !instantValid}
        placeholder="2025-01-31T12:00:00Z"
        value={instant}
        spellCheck={false}
        onChange={(e) => setInstant(e.target.value)}
        onBlur={commitInstant}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commitInstant();
          }
        }}
      />
      {instant.trim() !== '' && !instantValid && <div className="hint bad-text">Write it like 2025-01-31T12:00:00Z.</div>}
      {time.effectiveNow && (
        <p className="hint" data-effective-now={time.effectiveNow}>
          Judged at {readable(time.effectiveNow)}
        </p>
      )}
      {time.note && <p className="hint">{time.note}</p>}
      <div className="setup-field inline-field">
        <label htmlFor="setup-skew">Clock skew</label>
        <input
          id="setup-skew"
          type="number"
          className="text-input narrow"
          min={0}
          max={86_400}
          step={1}
          value={skew}
          aria-invalid={!skewValid}
          onChange={(e) => setSkew(e.target.value)}
          onBlur={commitSkew}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commitSkew();
            }
          }}
        />
        <span className="muted">seconds</span>
      </div>
    </section>
  );
}
