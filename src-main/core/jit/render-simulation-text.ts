/** The plain-text view of one simulated login, for the terminal. */
import type { Finding } from '../model/finding.js';
import type { SimulationResult } from './simulation-types.js';

const MARK: Record<string, string> = { pass: '✓', change: '~', fail: '✗', skip: '-', info: 'i' };

export function renderSimulationText(result: SimulationResult): string {
  const out: string[] = [];
  const verdict = result.canLogIn ? 'CAN LOG IN' : 'CANNOT LOG IN';
  out.push(`Simulated login (${result.engine}, ${result.product}): ${result.outcome.toUpperCase()}, ${verdict}`);
  out.push(`  ${result.reason}`);
  if (result.productMessage) out.push(`  Product message: ${result.productMessage}`);
  if (result.hypotheticalOutcome) {
    const h = result.hypotheticalOutcome;
    out.push(`  If it were accepted: ${h.outcome}, ${h.canLogIn ? 'can log in' : 'cannot log in'}. ${h.reason}`);
  }
  out.push('', 'Steps:');
  for (const s of result.steps) {
    const tags = [s.inferred ? 'inferred' : '', s.hypothetical ? 'hypothetical' : ''].filter(Boolean).join(', ');
    out.push(`  ${String(s.n).padStart(2)}. ${MARK[s.outcome] ?? ' '} ${s.title}: ${s.detail}${tags ? ` [${tags}]` : ''}`);
  }
  const { before, after } = result.user;
  if (before || after) {
    out.push('', 'User:');
    const show = (label: string, u: typeof before): void => {
      if (!u) out.push(`  ${label}: (none)`);
      else out.push(`  ${label}: ${u.username} | ${u.displayName} | ${u.email ?? '(no e-mail)'} | ${u.directoryName ?? u.directoryId ?? '?'}${u.active ? '' : ' | inactive'}`);
    };
    show('before', before);
    show('after ', after);
  }
  const g = result.groups;
  if (g.before.length || g.after.length) {
    out.push('', 'Groups:');
    out.push(`  before : ${g.before.join(', ') || '(none)'}`);
    out.push(`  after  : ${g.after.join(', ') || '(none)'}`);
    if (g.removed.length) out.push(`  removed: ${g.removed.join(', ')}`);
    if (g.added.length) out.push(`  added  : ${g.added.join(', ')}`);
    if (g.created.length) out.push(`  created: ${g.created.join(', ')}`);
  }
  if (result.messageFindings?.length) {
    out.push('', 'About the response (decides or explains the login):');
    for (const f of result.messageFindings) renderFinding(out, f);
  }
  if (result.findings.length) {
    out.push('', 'Findings:');
    for (const f of result.findings) renderFinding(out, f);
  }
  return out.join('\n') + '\n';
}

function renderFinding(out: string[], f: Finding): void {
  out.push(`  [${f.severity}] ${f.id}: ${f.title}${f.inferred ? ' (inferred)' : ''}`);
  out.push(`      ${f.message}`);
  out.push(`      Fix (${f.fix.where}${f.fix.path ? `: ${f.fix.path}` : ''}): ${f.fix.summary}`);
  for (const step of f.fix.steps ?? []) out.push(`        - ${step}`);
}
