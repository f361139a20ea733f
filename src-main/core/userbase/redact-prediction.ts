/**
 * Redacts a user-base prediction for presentation mode and exports, with the same Redactor placeholders as
 * every other view: AWS user names and ids, display names, e-mail addresses, NameIDs and Atlassian usernames
 * are personal; group names, counts and samlscope's own vocabulary are copied as they are (they are the point).
 */
import { Redactor, type PersonalValue } from '../report/redactor.js';
import type { LocalAccount, UserBasePrediction } from '../model/userbase.js';

/** Keys whose values are group names or samlscope vocabulary, never personal data. */
const EXEMPT_KEYS = new Set(['awsGroups', 'expectedGroups', 'missingClaims', 'groupsAdded', 'groupsRemoved', 'groupsCreated', 'groups', 'viaGroups', 'perGroup', 'summary', 'inputs', 'engine', 'product', 'outcome', 'action', 'group', 'applications', 'findingIds', 'jitMark', 'directory', 'directoryType', 'assignment', 'loginStripsLocalGroups', 'id', 'severity', 'where', 'path', 'field']);

function accountValues(a: LocalAccount, label: string): PersonalValue[] {
  const out: PersonalValue[] = [{ value: a.username, category: 'username', seenAs: `${label} username` }];
  if (a.displayName) out.push({ value: a.displayName, category: 'name', seenAs: `${label} display name` });
  if (a.email) out.push({ value: a.email, category: 'email', seenAs: `${label} e-mail` });
  if (a.awsUserName) out.push({ value: a.awsUserName, category: 'username', seenAs: 'AWS user name' });
  return out;
}

export function personalValuesOfPrediction(p: UserBasePrediction): PersonalValue[] {
  const out: PersonalValue[] = [];
  for (const u of p.users) {
    out.push({ value: u.awsUserName, category: 'username', seenAs: 'AWS user name' }, { value: u.awsUserId, category: 'id', seenAs: 'AWS user id' });
    if (u.displayName) out.push({ value: u.displayName, category: 'name', seenAs: 'AWS display name' });
    if (u.email) out.push({ value: u.email, category: 'email', seenAs: 'AWS e-mail' });
    if (u.nameId) out.push({ value: u.nameId, category: 'nameid', seenAs: 'NameID' });
    if (u.username) out.push({ value: u.username, category: 'username', seenAs: 'Atlassian username' });
    if (u.account) out.push({ value: u.account.username, category: 'username', seenAs: 'Atlassian account' });
    for (const c of u.collidesWith) out.push({ value: c, category: 'username', seenAs: 'AWS user name' });
  }
  for (const a of p.orphaned) out.push(...accountValues(a, 'orphaned account'));
  for (const a of p.notFromAws) out.push(...accountValues(a, 'local account'));
  return out;
}

/** A redacted deep copy; pass the Redactor of the surrounding report so one person keeps one placeholder. */
export function redactPrediction(p: UserBasePrediction, redactor: Redactor = new Redactor()): UserBasePrediction {
  return redactor.redactDeep(p, personalValuesOfPrediction(p), { exempt: (path) => path.length > 0 && EXEMPT_KEYS.has(String(path[path.length - 1])) && !isAccountName(path) });
}

/** `account.username` sits under an exempt-looking parent only by name; usernames are never exempt. */
function isAccountName(path: readonly (string | number)[]): boolean {
  return path[path.length - 1] === 'username';
}
