/** Text, JSON and CSV forms of a user-base prediction, for the command line and exports. */
import { csvCell } from '../report/csv-cell.js';
import { planRows } from './group-plan.js';
import type { UserBasePrediction, UserBaseUser } from '../model/userbase.js';

const COLUMNS: Array<[string, (u: UserBaseUser) => string]> = [
  ['aws_user_name', (u) => u.awsUserName],
  ['aws_user_id', (u) => u.awsUserId],
  ['assigned', (u) => (u.assignment.assigned ? (u.assignment.known ? 'yes' : 'assumed') : 'no')],
  ['assigned_via', (u) => [u.assignment.direct ? 'direct' : '', ...u.assignment.viaGroups].filter(Boolean).join('; ')],
  ['aws_groups', (u) => u.awsGroups.join('; ')],
  ['username', (u) => u.username ?? ''],
  ['account', (u) => u.account?.username ?? ''],
  ['account_directory', (u) => u.account?.directory ?? ''],
  ['account_active', (u) => (u.account ? (u.account.active ? 'yes' : 'no') : '')],
  ['account_groups', (u) => u.account?.groups.join('; ') ?? ''],
  ['outcome', (u) => u.outcome],
  ['can_log_in', (u) => (u.canLogIn ? 'yes' : 'no')],
  ['expected_groups', (u) => u.expectedGroups.join('; ')],
  ['has_locally', (u) => u.missingClaims.hasLocally.join('; ')],
  ['will_lose', (u) => u.missingClaims.willLose.join('; ')],
  ['never_gets', (u) => u.missingClaims.neverGets.join('; ')],
  ['groups_removed', (u) => u.groupsRemoved.join('; ')],
  ['groups_added', (u) => u.groupsAdded.join('; ')],
  ['colliding_with', (u) => u.collidesWith.join('; ')],
  ['findings', (u) => u.findingIds.join('; ')],
  ['reason', (u) => u.reason],
];

export function renderPredictionCsv(p: UserBasePrediction): string {
  const lines = [COLUMNS.map(([n]) => n).join(',')];
  for (const u of p.users) lines.push(COLUMNS.map(([, get]) => csvCell(get(u))).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** The prediction with the plan's rows written out (the prediction itself keeps only their count). */
export function renderPredictionJson(p: UserBasePrediction): string {
  return JSON.stringify({ userBasePrediction: { ...p, plan: { ...p.plan, rows: planRows(p.users) } } }, null, 2) + '\n';
}

export function renderPredictionText(p: UserBasePrediction, maxRows = 20): string {
  const s = p.summary;
  const out: string[] = [
    `User base: ${s.total} AWS users → ${p.product} (${p.engine}); ${s.assigned} assigned, ${s.notAssigned} not assigned`,
    `  next login: create ${s.created}, update ${s.updated}, unchanged ${s.unchanged}, fail ${s.failing}; can log in ${s.canLogIn}, cannot ${s.cannotLogIn}`,
    `  losing groups ${s.losingGroups}, colliding ${s.colliding}, with missing group claims ${s.withMissingClaims}`,
    `  missing claims: has locally ${s.missingClaims.hasLocally}, will lose at next login ${s.missingClaims.willLose}, never gets ${s.missingClaims.neverGets}`,
    `  accounts JIT left behind: ${s.orphaned}; local accounts not from AWS: ${s.notFromAws}`,
  ];
  if (s.seats.length) {
    out.push('', 'Licence seats:');
    for (const l of s.seats) out.push(`  ${l.application}: ${l.used}/${l.seats ?? 'unlimited'} used, ${l.needed} needed by new users${l.overBy ? ` (${l.overBy} too many)` : ''}, ${l.heldByOrphans} held by orphaned accounts`);
  }
  if (s.failureReasons.length) {
    out.push('', 'Why logins fail:');
    for (const f of s.failureReasons) out.push(`  ${String(f.count).padStart(7)}  ${f.reason}`);
  }
  if (p.plan.perGroup.length) {
    out.push('', `Local group plan (${p.plan.memberships} memberships; write it with --plan FILE):`);
    for (const g of p.plan.perGroup) {
      out.push(`  ${g.group}${g.exists ? '' : ' (does not exist: create it)'}: add ${g.add}, add after first login ${g.addAfterFirstLogin}, keep ${g.keep}, re-add after login ${g.reAddAfterLogin}`);
    }
  }
  for (const f of p.findings) out.push('', `${f.severity.toUpperCase()} ${f.id}: ${f.message}`, `  Fix: ${f.fix.summary}${f.fix.path ? ` (${f.fix.path})` : ''}`);
  if (p.orphaned.length) {
    out.push('', `Accounts JIT left behind (${p.orphaned.length}):`);
    for (const a of p.orphaned.slice(0, maxRows)) out.push(`  ${a.username} (${a.directory}): ${a.reason === 'not-assigned' ? `AWS user ${a.awsUserName ?? ''} not assigned` : 'AWS user gone'}; seats: ${a.applications.join(', ') || 'none'}`);
  }
  if (p.notFromAws.length) {
    out.push('', `Local accounts not from AWS (${p.notFromAws.length}):`);
    for (const a of p.notFromAws.slice(0, maxRows)) out.push(`  ${a.username} (${a.directory})`);
  }
  const attention = p.users.filter((u) => !u.canLogIn || u.groupsRemoved.length > 0 || u.colliding || u.missingClaims.willLose.length + u.missingClaims.neverGets.length > 0);
  if (attention.length) {
    out.push('', `Users needing attention (${Math.min(maxRows, attention.length)} of ${attention.length}; use --format csv for all):`);
    for (const u of attention.slice(0, maxRows)) {
      const flags = [
        u.canLogIn ? '' : 'cannot log in',
        u.missingClaims.willLose.length ? `loses ${u.missingClaims.willLose.join(', ')}` : '',
        u.missingClaims.neverGets.length ? `never gets ${u.missingClaims.neverGets.join(', ')}` : '',
        u.colliding ? `collides with ${u.collidesWith.join(', ')}` : '',
      ].filter(Boolean).join('; ');
      out.push(`  ${u.awsUserName} → ${u.username ?? '(none)'}: ${u.outcome}; ${flags}. ${u.reason}`);
    }
  }
  if (p.notes.length) {
    out.push('', 'Assumptions and input notes:');
    for (const n of p.notes) out.push(`  - ${n}`);
  }
  return out.join('\n') + '\n';
}
