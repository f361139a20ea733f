/** CSV and JSON tables of a user-base prediction, for spreadsheets and scripts. */
import type { UserBaseResult, UserBaseRow } from './simulate-user-base.js';

const COLUMNS: Array<[string, (r: UserBaseRow) => string]> = [
  ['aws_user_name', (r) => r.awsUserName],
  ['aws_user_id', (r) => r.awsUserId],
  ['name_id', (r) => r.nameId ?? ''],
  ['username', (r) => r.username ?? ''],
  ['outcome', (r) => r.outcome],
  ['can_log_in', (r) => (r.canLogIn ? 'yes' : 'no')],
  ['matched_user', (r) => r.matchedUser ?? ''],
  ['groups_removed', (r) => r.groupsRemoved.join('; ')],
  ['groups_added', (r) => r.groupsAdded.join('; ')],
  ['groups_created', (r) => r.groupsCreated.join('; ')],
  ['colliding_with', (r) => r.collidesWith.join('; ')],
  ['findings', (r) => r.findingIds.join('; ')],
  ['reason', (r) => r.reason],
  ['product_message', (r) => r.productMessage ?? ''],
];

/**
 * RFC 4180 quoting, plus a leading apostrophe on values a spreadsheet would run as a formula
 * (names and e-mails come from the directory and could start with =, +, - or @).
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function renderUserBaseCsv(result: UserBaseResult): string {
  const lines = [COLUMNS.map(([name]) => name).join(',')];
  for (const row of result.rows) lines.push(COLUMNS.map(([, get]) => csvCell(get(row))).join(','));
  return lines.join('\r\n') + '\r\n';
}

export function renderUserBaseJson(result: UserBaseResult): string {
  return JSON.stringify({ userBase: result }, null, 2) + '\n';
}

/** A short human summary with the first rows that need attention. */
export function renderUserBaseText(result: UserBaseResult, maxRows = 20): string {
  const s = result.summary;
  const out: string[] = [
    `User base: ${s.total} AWS users → ${result.product} (${result.engine})`,
    `  created ${s.created}, updated ${s.updated}, unchanged ${s.unchanged}, failing ${s.failing}`,
    `  can log in ${s.canLogIn}, losing groups ${s.losingGroups}, colliding ${s.colliding}`,
  ];
  if (s.failureReasons.length) {
    out.push('', 'Why logins fail:');
    for (const f of s.failureReasons) out.push(`  ${String(f.count).padStart(7)}  ${f.reason}`);
  }
  for (const l of s.licence) if (l.overBy > 0) out.push('', `Licence: ${l.application} has ${l.used}/${l.seats} seats used; ${l.newUsers} new users need seats, ${l.overBy} too many.`);
  const ids = Object.entries(s.findingCounts).sort((a, b) => b[1] - a[1]);
  if (ids.length) {
    out.push('', 'Findings (users affected):');
    for (const [id, n] of ids) out.push(`  ${String(n).padStart(7)}  ${id}`);
  }
  const attention = result.rows.filter((r) => !r.canLogIn || r.losingGroups || r.colliding);
  if (attention.length) {
    out.push('', `Users needing attention (${Math.min(maxRows, attention.length)} of ${attention.length}; use --format csv for all):`);
    for (const r of attention.slice(0, maxRows)) {
      const flags = [r.canLogIn ? '' : 'cannot log in', r.losingGroups ? `loses ${r.groupsRemoved.join(', ')}` : '', r.colliding ? `collides with ${r.collidesWith.join(', ')}` : ''].filter(Boolean).join('; ');
      out.push(`  ${r.awsUserName} → ${r.username ?? '(none)'}: ${r.outcome}; ${flags}. ${r.reason}`);
    }
  }
  if (result.notes.length) {
    out.push('', 'Assumptions:');
    for (const n of result.notes) out.push(`  - ${n}`);
  }
  return out.join('\n') + '\n';
}
