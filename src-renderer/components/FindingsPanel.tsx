/** Findings grouped by severity; each one opens to its explanation, evidence and fix. */
import { memo, useEffect, useMemo, useState } from 'react';
import { FIX_PLACE_LABEL, type Evidence, type Finding, type Fix } from '../../src-main/core/model/index.js';
import { groupBySeverity, type PlacedFinding } from '../lib/findings.js';

const SEVERITY_WORD = { error: 'Error', warning: 'Warning', info: 'Info' } as const;

function EvidenceTable({ evidence }: { evidence: Evidence[] }) {
  if (evidence.length === 0) return null;
  const hasExpected = evidence.some((e) => e.expected !== undefined);
  return (
    <table className="grid">
      <caption className="visually-hidden">Evidence</caption>
      <thead>
        <tr>
          <th scope="col">Location</th>
          <th scope="col">Value found</th>
          {hasExpected && <th scope="col">Expected</th>}
        </tr>
      </thead>
      <tbody>
        {evidence.map((e, i) => (
          <tr key={i}>
            <td className="mono">{e.location}</td>
            <td className="mono">
              {e.value ?? <span className="muted">—</span>}
              {e.unverified && (
                <>
                  {' '}
                  <span className="badge warning" title="Read from content no trusted signature covers">
                    unsigned
                  </span>
                </>
              )}
            </td>
            {hasExpected && <td className="mono">{e.expected ?? <span className="muted">—</span>}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FixBox({ fix }: { fix: Fix }) {
  return (
    <section className="fix" aria-label="How to fix">
      <h4>How to fix</h4>
      <p>{fix.summary}</p>
      {(fix.where !== 'none' || fix.path || fix.field || fix.value) && (
        <dl>
          <dt>Where</dt>
          <dd>{FIX_PLACE_LABEL[fix.where]}</dd>
          {fix.path && (
            <>
              <dt>Path</dt>
              <dd>{fix.path}</dd>
            </>
          )}
          {fix.field && (
            <>
              <dt>Field</dt>
              <dd>{fix.field}</dd>
            </>
          )}
          {fix.value && (
            <>
              <dt>Set to</dt>
              <dd>
                <code>{fix.value}</code>
              </dd>
            </>
          )}
        </dl>
      )}
      {fix.steps && fix.steps.length > 0 && (
        <ol>
          {fix.steps.map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ol>
      )}
    </section>
  );
}

function FindingItem({ placed, open, onToggle }: { placed: PlacedFinding; open: boolean; onToggle(): void }) {
  const f: Finding = placed.finding;
  const bodyId = `finding-${placed.key}`;
  return (
    <li className={`finding ${f.severity}`} data-finding-id={f.id} data-finding-key={placed.key}>
      <h3>
        <button type="button" className="finding-toggle" aria-expanded={open} aria-controls={bodyId} onClick={onToggle}>
          <span className="chev" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          <span>
            <span className="visually-hidden">{SEVERITY_WORD[f.severity]}: </span>
            <span className="title">{f.title}</span>
            {!open && <span className="summary">{f.message}</span>}
          </span>
          <span className="tags">
            {f.inferred && (
              <span className="badge neutral" title="Rests on inferred, not documented, behaviour">
                inferred
              </span>
            )}
            <span className="badge neutral">{placed.origin}</span>
          </span>
        </button>
      </h3>
      {open && (
        <div className="finding-body" id={bodyId}>
          <p>{f.message}</p>
          <EvidenceTable evidence={f.evidence} />
          <FixBox fix={f.fix} />
          <span className="id">
            Finding id <code>{f.id}</code>
          </span>
        </div>
      )}
    </li>
  );
}

/**
 * `focusKey`: a finding to open, scroll to and focus (a link from the Flow tab). Memoised: status-only
 * renders of the app (busy, notices) leave the findings as they are, so the list is not rendered again.
 */
export const FindingsPanel = memo(function FindingsPanel({ findings, focusKey }: { findings: PlacedFinding[]; focusKey?: string | null }) {
  // The most important finding starts open: the fix is visible without a click.
  const [openKeys, setOpenKeys] = useState<Set<string>>(() => {
    const open = new Set(findings[0] && findings[0].finding.severity !== 'info' ? [findings[0].key] : []);
    if (focusKey) open.add(focusKey);
    return open;
  });
  useEffect(() => {
    if (!focusKey) return;
    const item = document.querySelector<HTMLElement>(`[data-finding-key="${CSS.escape(focusKey)}"]`);
    if (!item) return;
    // Only the results panel scrolls (scrollIntoView would also move the window's own frame).
    const panel = item.closest<HTMLElement>('.panel');
    if (panel) panel.scrollTop += item.getBoundingClientRect().top - panel.getBoundingClientRect().top - 12;
    item.querySelector<HTMLButtonElement>('.finding-toggle')?.focus({ preventScroll: true });
  }, [focusKey]);
  const toggle = (key: string): void =>
    setOpenKeys((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const groups = useMemo(() => groupBySeverity(findings), [findings]);
  if (findings.length === 0) return <p className="empty">No findings: nothing is wrong with what was given.</p>;
  return (
    <>
      {groups.map((group) => (
        <section key={group.severity} className="finding-group" aria-label={group.title}>
          <h2>
            {group.title} <span className={`badge ${group.severity}`}>{group.items.length}</span>
          </h2>
          <ul className="finding-list">
            {group.items.map((p) => (
              <FindingItem key={p.key} placed={p} open={openKeys.has(p.key)} onToggle={() => toggle(p.key)} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
});
