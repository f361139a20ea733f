/** The selected user: what main predicted, and that user's login steps and findings (asked from main on selection). */
import { useEffect, useState } from 'react';
import { errorText, invoke } from '../../api.js';
import type { UserBaseUser, UserExplanation } from '../../../src-main/ipc/contract.js';

const STEP_BADGE = { pass: 'pass', change: 'info', fail: 'error', skip: 'neutral', info: 'neutral' } as const;

function List({ items }: { items: readonly string[] }) {
  return items.length ? <span className="chips">{items.map((g) => <span key={g} className="chip">{g}</span>)}</span> : <span className="muted">none</span>;
}

export function UserDetail({ user }: { user: UserBaseUser }) {
  const [explanation, setExplanation] = useState<UserExplanation | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setExplanation(null);
    setError(null);
    invoke('userbase:explain', { awsUserId: user.awsUserId }).then(
      (e) => live && setExplanation(e),
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [user.awsUserId]);
  const a = user.assignment;
  return (
    <aside className="ub-detail" aria-label="Selected user" data-testid="ub-detail">
      <h3>{user.displayName} <span className="muted">({user.awsUserName})</span></h3>
      <p className={user.canLogIn ? 'ok' : 'bad'}>{user.reason}</p>
      <dl className="ub-kv">
        <dt>Assigned</dt><dd>{a.assigned ? (a.known ? [a.direct ? 'directly' : '', a.viaGroups.length ? `through ${a.viaGroups.join(', ')}` : ''].filter(Boolean).join(' and ') : 'assumed (no assignments file)') : 'no'}</dd>
        <dt>AWS groups</dt><dd><List items={user.awsGroups} /></dd>
        <dt>Atlassian account</dt><dd>{user.account ? `${user.account.username} in ${user.account.directory}${user.account.active ? '' : ' (inactive)'}` : 'none yet'}</dd>
        <dt>Groups now</dt><dd><List items={user.account?.groups ?? []} /></dd>
        <dt>Should have</dt><dd><List items={user.expectedGroups} /></dd>
        <dt>Held locally</dt><dd><List items={user.missingClaims.hasLocally} /></dd>
        <dt>Lost at next login</dt><dd><List items={user.missingClaims.willLose} /></dd>
        <dt>Never gets</dt><dd><List items={user.missingClaims.neverGets} /></dd>
        {user.colliding && (<><dt>Collides with</dt><dd>{user.collidesWith.join(', ')}</dd></>)}
      </dl>
      <h4>Login steps</h4>
      {error && <p className="error-box">{error}</p>}
      {!explanation && !error && <p className="muted">Loading…</p>}
      {explanation && (
        <ol className="steps">
          {explanation.steps.map((s) => (
            <li key={s.n}>
              <span className={`badge ${STEP_BADGE[s.outcome]}`}>{s.outcome}</span> <strong>{s.title}</strong>: {s.detail}
            </li>
          ))}
        </ol>
      )}
      {explanation && explanation.findings.length > 0 && (
        <>
          <h4>Findings</h4>
          <ul className="ub-findings">
            {explanation.findings.map((f, i) => (
              <li key={`${f.id}-${i}`}>
                <span className={`badge ${f.severity}`}>{f.severity}</span> <strong>{f.title}</strong> <code>{f.id}</code>
                <div>{f.message}</div>
                <div className="muted">Fix: {f.fix.summary}</div>
              </li>
            ))}
          </ul>
        </>
      )}
    </aside>
  );
}
