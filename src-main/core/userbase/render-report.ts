/** Markdown and self-contained HTML reports of a user-base prediction, with the local group plan. */
import type { PlanAction, UserBasePrediction, UserBaseUser } from '../model/userbase.js';
import { planRows } from './group-plan.js';

const ACTION_LABEL: Record<PlanAction, string> = {
  add: 'add now',
  'add-after-first-login': 'add after first login',
  keep: 'keep',
  're-add-after-login': 're-add after each login',
};

function flags(u: UserBaseUser): string {
  return [
    u.canLogIn ? '' : 'cannot log in',
    u.missingClaims.willLose.length ? `loses ${u.missingClaims.willLose.join(', ')}` : '',
    u.missingClaims.neverGets.length ? `never gets ${u.missingClaims.neverGets.join(', ')}` : '',
    u.missingClaims.hasLocally.length ? `has locally ${u.missingClaims.hasLocally.join(', ')}` : '',
    u.colliding ? 'colliding' : '',
  ].filter(Boolean).join('; ');
}

function sections(p: UserBasePrediction): { summary: Array<[string, string]>; users: string[][]; plan: string[][]; perGroup: string[][]; orphaned: string[][]; notFromAws: string[][] } {
  const s = p.summary;
  return {
    summary: [
      ['AWS users', `${s.total} (${s.assigned} assigned, ${s.notAssigned} not assigned)`],
      ['Next login', `create ${s.created}, update ${s.updated}, unchanged ${s.unchanged}, fail ${s.failing}`],
      ['Can log in', `${s.canLogIn} of ${s.total}`],
      ['Missing group claims', `has locally ${s.missingClaims.hasLocally}, will lose at next login ${s.missingClaims.willLose}, never gets ${s.missingClaims.neverGets}`],
      ['Colliding', String(s.colliding)],
      ['Accounts JIT left behind', String(s.orphaned)],
      ['Local accounts not from AWS', String(s.notFromAws)],
      ...s.seats.map((l): [string, string] => [`Seats ${l.application}`, `${l.used}/${l.seats ?? 'unlimited'} used, ${l.needed} needed${l.overBy ? ` (${l.overBy} too many)` : ''}, ${l.heldByOrphans} held by orphaned accounts`]),
    ],
    users: p.users.map((u) => [u.awsUserName, u.account?.username ?? u.username ?? '', u.outcome, u.canLogIn ? 'yes' : 'no', u.awsGroups.join(', '), flags(u)]),
    plan: planRows(p.users).map((r) => [r.username, r.group, ACTION_LABEL[r.action]]),
    perGroup: p.plan.perGroup.map((g) => [g.group + (g.exists ? '' : ' (create the group)'), String(g.add), String(g.addAfterFirstLogin), String(g.keep), String(g.reAddAfterLogin)]),
    orphaned: p.orphaned.map((a) => [a.username, a.directory, a.reason === 'not-assigned' ? 'AWS user not assigned' : 'AWS user gone', a.applications.join(', ')]),
    notFromAws: p.notFromAws.map((a) => [a.username, a.directory]),
  };
}

const mdCell = (v: string): string => v.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
function mdTable(head: string[], rows: string[][]): string {
  if (rows.length === 0) return '_None._\n';
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`)].join('\n') + '\n';
}

export function renderPredictionMarkdown(p: UserBasePrediction, title: string, redacted: boolean): string {
  const x = sections(p);
  const out = [`# User base: ${mdCell(title)}`, '', `${p.product} with ${p.engine}${redacted ? ' — personal data redacted' : ''}.`, ''];
  out.push('## Summary', '', mdTable(['', ''], x.summary));
  for (const f of p.findings) out.push(`## ${f.title} (\`${f.id}\`)`, '', mdCell(f.message), '', `**Fix:** ${mdCell(f.fix.summary)}${f.fix.path ? ` — ${mdCell(f.fix.path)}` : ''}`, '');
  out.push('## Users', '', mdTable(['AWS user', 'Atlassian user', 'Next login', 'Can log in', 'AWS groups', 'Attention'], x.users));
  out.push('## Local group plan', '', p.plan.loginStripsLocalGroups ? 'The login\'s group sync strips local groups at every login: change the groups mapping, or these memberships last only until the next login.\n' : '', mdTable(['Group', 'Add now', 'Add after first login', 'Keep', 'Re-add after login'], x.perGroup), mdTable(['Username', 'Group', 'Action'], x.plan));
  out.push('## Accounts JIT left behind', '', mdTable(['Username', 'Directory', 'Why', 'Seats'], x.orphaned));
  out.push('## Local accounts not from AWS', '', mdTable(['Username', 'Directory'], x.notFromAws));
  if (p.notes.length) out.push('## Assumptions', '', ...p.notes.map((n) => `- ${mdCell(n)}`), '');
  return out.join('\n');
}

const esc = (v: string): string => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
function htmlTable(head: string[], rows: string[][]): string {
  if (rows.length === 0) return '<p><em>None.</em></p>';
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

/** Self-contained: no scripts, no external resources (a strict CSP says so). */
export function renderPredictionHtml(p: UserBasePrediction, title: string, redacted: boolean): string {
  const x = sections(p);
  const body = [
    `<h1>User base: ${esc(title)}</h1>`,
    `<p>${esc(p.product)} with ${esc(p.engine)}${redacted ? ' — personal data redacted' : ''}.</p>`,
    '<h2>Summary</h2>',
    htmlTable(['', ''], x.summary),
    ...p.findings.map((f) => `<h2>${esc(f.title)} (<code>${esc(f.id)}</code>)</h2><p>${esc(f.message)}</p><p><strong>Fix:</strong> ${esc(f.fix.summary)}${f.fix.path ? ` — ${esc(f.fix.path)}` : ''}</p>`),
    '<h2>Users</h2>',
    htmlTable(['AWS user', 'Atlassian user', 'Next login', 'Can log in', 'AWS groups', 'Attention'], x.users),
    '<h2>Local group plan</h2>',
    p.plan.loginStripsLocalGroups ? '<p>The login\'s group sync strips local groups at every login: change the groups mapping, or these memberships last only until the next login.</p>' : '',
    htmlTable(['Group', 'Add now', 'Add after first login', 'Keep', 'Re-add after login'], x.perGroup),
    htmlTable(['Username', 'Group', 'Action'], x.plan),
    '<h2>Accounts JIT left behind</h2>',
    htmlTable(['Username', 'Directory', 'Why', 'Seats'], x.orphaned),
    '<h2>Local accounts not from AWS</h2>',
    htmlTable(['Username', 'Directory'], x.notFromAws),
    p.notes.length ? `<h2>Assumptions</h2><ul>${p.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : '',
  ].join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>${esc(title)}</title><style>body{font:14px system-ui,sans-serif;margin:2em;color:#1b1f24}table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #c9d1d9;padding:.25em .6em;text-align:left;vertical-align:top}th{background:#f3f5f7}code{font-size:90%}</style></head><body>${body}</body></html>`;
}
