/** The JIT simulation: can the user log in, the user before and after, and the group changes. */
import type { Finding } from '../../src-main/core/model/finding.js';
import type { SimulatedUser, SimulationSummary } from '../../src-main/ipc/contract.js';

const OUTCOME_WORD = { create: 'User will be created', update: 'User will be updated', unchanged: 'User stays unchanged', fail: 'Login fails' } as const;
const ENGINE_WORD = { 'atlassian-sso': "Atlassian's built-in SSO (JIT)", resolution: 'resolution SAML SSO (JIT)' } as const;
const STEP_BADGE = { pass: 'pass', change: 'info', fail: 'error', skip: 'neutral', info: 'neutral' } as const;
const FIELDS: Array<{ label: string; read(u: SimulatedUser): unknown }> = [
  { label: 'Username', read: (u) => u.username },
  { label: 'Display name', read: (u) => u.displayName },
  { label: 'E-mail', read: (u) => u.email },
  { label: 'Directory', read: (u) => u.directoryName ?? u.directoryId },
  { label: 'Active', read: (u) => u.active },
  { label: 'jit_idp_id', read: (u) => u.attributes['jit_idp_id'] },
  { label: 'Groups', read: (u) => u.groups.join(', ') },
];

function show(v: unknown): string {
  if (v === undefined || v === null || v === '') return '—';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return String(v);
}

function Chips({ items, kind }: { items: string[]; kind?: 'added' | 'removed' }) {
  if (items.length === 0) return <span className="muted">none</span>;
  return (
    <span className="chips">
      {items.map((g) => (
        <span key={g} className={`chip ${kind ?? ''}`}>
          {g}
        </span>
      ))}
    </span>
  );
}

/** One finding as the JIT tab lists it: severity, title, the explanation and the fix in a sentence. */
function FindingItem({ finding }: { finding: Finding }) {
  return (
    <li data-finding-id={finding.id}>
      <span className={`badge ${finding.severity === 'info' ? 'neutral' : finding.severity}`}>{finding.severity}</span> <strong>{finding.title}</strong>
      {finding.inferred && (
        <>
          {' '}
          <span className="badge neutral">inferred</span>
        </>
      )}{' '}
      — {finding.message} <span className="muted">Fix: {finding.fix.summary}</span>
    </li>
  );
}

/** The response's findings that decide or explain the login (the engine sent them), then the simulation's own. */
function LoginFindings({ simulation }: { simulation: SimulationSummary }) {
  const fromMessage = simulation.messageFindings ?? [];
  if (fromMessage.length === 0 && simulation.findings.length === 0) return null;
  return (
    <section aria-label="Findings that decide or explain this login">
      <h2>Why the login ends this way</h2>
      {fromMessage.length > 0 && (
        <>
          <h3>About the response</h3>
          <ul className="findings-compact" data-message-findings>
            {fromMessage.map((f, i) => (
              <FindingItem key={`m-${i}`} finding={f} />
            ))}
          </ul>
        </>
      )}
      {simulation.findings.length > 0 && (
        <>
          <h3>From the simulation</h3>
          <ul className="findings-compact" data-simulation-findings>
            {simulation.findings.map((f, i) => (
              <FindingItem key={`s-${i}`} finding={f} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

interface Props {
  simulation: SimulationSummary | undefined;
  error: string | undefined;
  /** Set when a snapshot the user dropped stands in for the profile's own: says so above the outcome. */
  snapshotNote?: string;
}

export function SimulationPanel({ simulation, error, snapshotNote }: Props) {
  if (!simulation) {
    return error ? (
      <p className="error-box" role="alert">
        The JIT simulation could not run: {error}
      </p>
    ) : (
      <p className="empty">Pick a target profile in the toolbar to simulate what this login does to the Atlassian instance.</p>
    );
  }
  const s = simulation;
  const { before, after } = s.user;
  const kept = s.groups.after.filter((g) => !s.groups.added.includes(g));
  const hypo = s.hypotheticalOutcome;
  return (
    <>
      {snapshotNote && (
        <p className="note" data-snapshot-note>
          {snapshotNote}
        </p>
      )}
      <section className="jit-outcome" aria-label="Simulation outcome" data-can-log-in={s.canLogIn}>
        <span className={`badge ${s.canLogIn ? 'pass' : 'error'}`}>{s.canLogIn ? 'Can log in' : 'Cannot log in'}</span>
        <div>
          <div className="big">{OUTCOME_WORD[s.outcome]}</div>
          <p>{s.reason}</p>
          {s.productMessage && (
            <p>
              The product says: <q>{s.productMessage}</q>
            </p>
          )}
        </div>
        <span className="badge neutral" style={{ marginLeft: 'auto' }}>
          {ENGINE_WORD[s.engine]}
        </span>
      </section>
      {s.hypothetical && (
        <p className="error-box" role="note">
          {s.verified ? 'The product rejects this response before provisioning' : 'The response is not verified with a trusted IdP certificate'}: nothing
          below would really happen.
          {hypo && ` If it were accepted: ${OUTCOME_WORD[hypo.outcome].toLowerCase()}, ${hypo.canLogIn ? 'the user could log in' : 'the user could not log in'} — ${hypo.reason}`}
        </p>
      )}
      <section aria-label="User before and after">
        <h2>User{s.username ? ` ${s.username}` : ''}</h2>
        <table className="grid">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Before this login</th>
              <th scope="col">After this login</th>
            </tr>
          </thead>
          <tbody>
            {FIELDS.map(({ label, read }) => {
              const b = before ? show(read(before)) : '';
              const a = after ? show(read(after)) : '';
              return (
                <tr key={label} className={before && after && a !== b ? 'changed' : undefined}>
                  <th scope="row">{label}</th>
                  <td>{before ? b : <span className="muted">does not exist</span>}</td>
                  <td>{after ? a : <span className="muted">{s.canLogIn ? '—' : 'not created'}</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <section aria-label="Group memberships">
        <h2>Group memberships</h2>
        <dl className="facts">
          <dt>Removed</dt>
          <dd>
            <Chips items={s.groups.removed} kind="removed" />
          </dd>
          <dt>Added</dt>
          <dd>
            <Chips items={s.groups.added} kind="added" />
          </dd>
          {s.groups.created.length > 0 && (
            <>
              <dt>Created in the instance</dt>
              <dd>
                <Chips items={s.groups.created} kind="added" />
              </dd>
            </>
          )}
          <dt>Kept</dt>
          <dd>
            <Chips items={kept} />
          </dd>
        </dl>
      </section>
      <LoginFindings simulation={s} />
      {s.steps.length > 0 && (
        <section aria-label="Simulation steps">
          <h2>What the engine does, step by step</h2>
          <ol className="steps">
            {s.steps.map((step, i) => (
              <li key={step.n ?? i}>
                <span className={`badge ${STEP_BADGE[step.outcome]}`}>{step.outcome}</span> <strong>{step.title}</strong> — {step.detail}
                {step.hypothetical && (
                  <>
                    {' '}
                    <span className="badge warning">hypothetical</span>
                  </>
                )}
                {step.inferred && (
                  <>
                    {' '}
                    <span className="badge neutral" title="Rests on inferred, not documented, engine behaviour">
                      inferred
                    </span>
                  </>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
