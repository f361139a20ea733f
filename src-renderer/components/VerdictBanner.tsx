/** The first thing on screen: pass / warn / fail and the one-line reason. */
import { memo } from 'react';
import type { WorkspaceResult } from '../../src-main/ipc/contract.js';
import type { PlacedFinding } from '../lib/findings.js';
import { verdictReason } from '../lib/findings.js';

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

const WORDS = { pass: 'Pass', warn: 'Warning', fail: 'Fail' } as const;
const MARKS = { pass: '✓', warn: '!', fail: '✕' } as const;

interface Props {
  workspace: WorkspaceResult | null;
  findings: PlacedFinding[];
  placeholder: string;
}

/** Memoised: it depends on the workspace only (and the placeholder while there is none). */
export const VerdictBanner = memo(function VerdictBanner({ workspace, findings, placeholder }: Props) {
  if (!workspace) {
    return (
      <section className="verdict neutral" aria-label="Verdict">
        <span className="mark" aria-hidden="true">
          ?
        </span>
        <p className="reason">{placeholder}</p>
      </section>
    );
  }
  const v = workspace.verdict;
  const sim = workspace.simulation;
  // A login that cannot succeed is the headline, whatever else is wrong.
  const reason = sim && !sim.canLogIn ? `The user cannot log in: ${sim.reason}` : verdictReason(v, findings);
  return (
    <section className={`verdict ${v}`} aria-label="Verdict" data-verdict={v}>
      <span className="mark" aria-hidden="true">
        {MARKS[v]}
      </span>
      <div>
        <div className="word">{WORDS[v]}</div>
        <p className="reason" data-testid="verdict-reason">
          {reason}
        </p>
      </div>
      <div className="meta">
        {workspace.demo && <span className="badge demo">Demo case</span>}
        {workspace.redacted && <span className="badge masked">Personal data masked</span>}
        {sim && <span className={`badge ${sim.canLogIn ? 'pass' : 'error'}`}>{sim.canLogIn ? 'Login succeeds' : 'Login fails'}</span>}
        <span className="badge neutral">
          {count(findings.filter((f) => f.finding.severity === 'error').length, 'error')} · {count(findings.filter((f) => f.finding.severity === 'warning').length, 'warning')}
        </span>
      </div>
    </section>
  );
});
