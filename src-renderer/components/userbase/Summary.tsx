/** Counts per outcome with a small stacked bar, and seats used/needed per application. */
import type { UserBasePrediction } from '../../../src-main/ipc/contract.js';

const SEGMENTS = [
  { key: 'unchanged', label: 'Unchanged', className: 'seg-pass' },
  { key: 'updated', label: 'Updated', className: 'seg-info' },
  { key: 'created', label: 'Created', className: 'seg-create' },
  { key: 'failing', label: 'Fails', className: 'seg-fail' },
  { key: 'notAssigned', label: 'Not assigned', className: 'seg-muted' },
] as const;

export function UserBaseSummary({ prediction }: { prediction: UserBasePrediction }) {
  const s = prediction.summary;
  const total = Math.max(1, s.total);
  return (
    <section className="ub-summary" aria-label="Summary">
      <div className="ub-bar" role="img" aria-label={SEGMENTS.map((g) => `${g.label} ${s[g.key]}`).join(', ')}>
        {SEGMENTS.filter((g) => s[g.key] > 0).map((g) => (
          <span key={g.key} className={`ub-seg ${g.className}`} style={{ width: `${(s[g.key] / total) * 100}%` }} title={`${g.label}: ${s[g.key]}`} />
        ))}
      </div>
      <ul className="ub-legend">
        {SEGMENTS.map((g) => (
          <li key={g.key}>
            <span className={`ub-dot ${g.className}`} aria-hidden="true" /> {g.label} <strong>{s[g.key]}</strong>
          </li>
        ))}
      </ul>
      <dl className="ub-facts">
        <div><dt>AWS users</dt><dd>{s.total} ({s.assigned} assigned)</dd></div>
        <div><dt>Can log in</dt><dd>{s.canLogIn}</dd></div>
        <div><dt>Missing group claims</dt><dd>{s.missingClaims.hasLocally} held locally · {s.missingClaims.willLose} lost at next login · {s.missingClaims.neverGets} never got</dd></div>
        <div><dt>Colliding</dt><dd>{s.colliding}</dd></div>
        <div><dt>Accounts JIT left behind</dt><dd>{s.orphaned}</dd></div>
        <div><dt>Local accounts not from AWS</dt><dd>{s.notFromAws}</dd></div>
      </dl>
      {s.seats.length > 0 && (
        <table className="ub-seats">
          <thead>
            <tr><th>Application</th><th>Seats used</th><th>Needed by new users</th><th>Held by orphaned accounts</th></tr>
          </thead>
          <tbody>
            {s.seats.map((l) => (
              <tr key={l.application} className={l.overBy > 0 ? 'over' : undefined}>
                <td>{l.application}</td>
                <td>{l.used} / {l.seats ?? 'unlimited'}</td>
                <td>{l.needed}{l.overBy > 0 ? ` (${l.overBy} too many)` : ''}</td>
                <td>{l.heldByOrphans}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
