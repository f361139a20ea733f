/**
 * The login capture in the results area: first the login URL when the target profile does not give
 * one, then the live list of exchanges (method, URL, status, SAML messages) with Stop & analyse,
 * Clear and Save HAR. In presentation mode URLs are shown without their query strings.
 */
import { useEffect, useRef, useState } from 'react';
import { statusClass, withoutQuery } from '../lib/flow.js';
import type { CaptureStore } from '../state/use-capture.js';

interface Props {
  capture: CaptureStore;
  presentation: boolean;
}

function AskUrl({ capture }: Props) {
  const [typed, setTyped] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  return (
    <section className="capture" aria-labelledby="capture-title" data-capture-phase="asking">
      <h2 id="capture-title">Capture a login</h2>
      <p className="note">
        samlscope opens the product&rsquo;s login page in a window of its own, with a fresh session, and records every request until you stop. Nothing is kept unless you save it.
      </p>
      <form
        className="capture-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          // A host typed without a scheme (jira.example.com/login.jsp) means https; main refuses anything but http(s).
          const url = typed.trim();
          if (url !== '') void capture.startWithUrl(/^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `https://${url}`);
        }}
      >
        <label htmlFor="capture-url">Login URL</label>
        <input
          id="capture-url"
          ref={input}
          type="url"
          className="text-input mono"
          placeholder="e.g. https://jira.example.com/login.jsp"
          value={typed}
          spellCheck={false}
          aria-describedby={capture.error ? 'capture-error' : undefined}
          aria-invalid={capture.error ? true : undefined}
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') capture.cancel();
          }}
        />
        <button type="submit" className="btn primary" disabled={typed.trim() === ''}>
          Start capture
        </button>
        <button type="button" className="btn" onClick={capture.cancel}>
          Cancel
        </button>
      </form>
      {capture.error && (
        <p className="bad-text" id="capture-error" role="alert">
          {capture.error}
        </p>
      )}
    </section>
  );
}

const PHASE_BADGE = {
  starting: { text: 'Opening…', cls: 'neutral' },
  recording: { text: 'Recording', cls: 'rec' },
  ended: { text: 'Recording stopped', cls: 'warning' },
  stopping: { text: 'Analysing…', cls: 'neutral' },
} as const;

export function CapturePanel({ capture, presentation }: Props) {
  const stopButton = useRef<HTMLButtonElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const { phase, exchanges } = capture;
  const recording = phase === 'recording';

  // Keyboard users land on Stop once the window is open (the toolbar button that started it is far away).
  useEffect(() => {
    if (recording) stopButton.current?.focus();
  }, [recording]);

  // Follow new exchanges unless the user scrolled up to read an earlier one.
  useEffect(() => {
    const el = scroller.current;
    if (el && el.scrollHeight - el.scrollTop - el.clientHeight < 80) el.scrollTop = el.scrollHeight;
  }, [exchanges.length]);

  if (phase === 'asking' || phase === 'idle') return <AskUrl capture={capture} presentation={presentation} />;
  const badge = PHASE_BADGE[phase];
  const shown = (url: string): string => (presentation ? withoutQuery(url) : url);
  const samlCount = exchanges.reduce((n, e) => n + e.saml.length, 0);
  const busy = phase === 'starting' || phase === 'stopping';
  return (
    <section className="capture" aria-labelledby="capture-title" data-capture-phase={phase}>
      <div className="capture-head">
        <div className="capture-title">
          <h2 id="capture-title">
            Login capture <span className={`badge ${badge.cls}`}>{badge.text}</span>
          </h2>
          {capture.url && (
            <p className="capture-url mono" title={withoutQuery(capture.url)}>
              {shown(capture.url)}
            </p>
          )}
        </div>
        <div className="capture-actions">
          <button type="button" ref={stopButton} className="btn primary" onClick={() => void capture.stop()} disabled={busy}>
            Stop &amp; analyse
          </button>
          <button type="button" className="btn" onClick={() => void capture.clear()} disabled={busy || exchanges.length === 0} title="Forget what was recorded so far; recording goes on">
            Clear
          </button>
          <button type="button" className="btn" onClick={() => void capture.save()} disabled={busy || exchanges.length === 0} title="Write the capture as a HAR file (it holds the SAML messages and personal data)">
            Save HAR…
          </button>
        </div>
      </div>
      <p className="note" aria-live="polite" data-testid="capture-summary">
        {exchanges.length} request{exchanges.length === 1 ? '' : 's'} recorded, {samlCount} carrying a SAML message.{' '}
        {phase === 'ended'
          ? `The capture window stopped recording (${capture.endedReason ?? 'closed'}): press Stop & analyse to see the flow.`
          : 'Sign in in the capture window; each request appears here when it completes.'}
        {presentation ? ' URLs are shown without their query strings.' : ''}
      </p>
      {capture.error && (
        <p className="bad-text" role="alert">
          {capture.error}
        </p>
      )}
      <div className="capture-scroll" ref={scroller}>
        {exchanges.length === 0 ? (
          <p className="empty">No requests yet.</p>
        ) : (
          <table className="grid capture-list">
            <caption className="visually-hidden">Captured requests, in order</caption>
            <colgroup>
              <col className="c-num" />
              <col className="c-method" />
              <col />
              <col className="c-status" />
              <col className="c-saml" />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Method</th>
                <th scope="col">URL</th>
                <th scope="col">Status</th>
                <th scope="col">SAML</th>
              </tr>
            </thead>
            <tbody>
              {exchanges.map((e) => (
                <tr key={e.index} className={e.saml.length > 0 ? 'saml' : undefined} data-capture-index={e.index}>
                  <td>{e.index + 1}</td>
                  <td>{e.method}</td>
                  <td className="url mono" title={withoutQuery(e.url)}>
                    {shown(e.url)}
                  </td>
                  <td>
                    <span className={`badge http ${statusClass(e.status)}`}>{e.status !== undefined && e.status !== 0 ? e.status : '—'}</span>
                  </td>
                  <td>
                    {e.saml.map((t, i) => (
                      <span key={i} className="badge saml">
                        {t}
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
