/** Filters, search and sort over the users main predicted; they only select rows, they decide nothing. */
import type { UserBaseUser } from '../../../src-main/ipc/contract.js';

export type UserFilter = 'all' | 'cannot-log-in' | 'loses-groups' | 'missing-claims' | 'colliding' | 'orphaned';
export type SortKey = 'awsUserName' | 'account' | 'outcome' | 'attention';

export const FILTERS: Array<{ id: UserFilter; label: string; test?: (u: UserBaseUser) => boolean }> = [
  { id: 'all', label: 'All users' },
  { id: 'cannot-log-in', label: 'Cannot log in', test: (u) => !u.canLogIn },
  { id: 'loses-groups', label: 'Loses groups', test: (u) => u.groupsRemoved.length > 0 || u.missingClaims.willLose.length > 0 },
  { id: 'missing-claims', label: 'Missing claims', test: (u) => u.missingClaims.hasLocally.length + u.missingClaims.willLose.length + u.missingClaims.neverGets.length > 0 },
  { id: 'colliding', label: 'Colliding', test: (u) => u.colliding },
  { id: 'orphaned', label: 'Orphaned accounts' },
];

export function attentionOf(u: UserBaseUser): number {
  return (u.canLogIn ? 0 : 4) + (u.missingClaims.willLose.length > 0 ? 2 : 0) + (u.colliding ? 2 : 0) + (u.missingClaims.neverGets.length > 0 ? 1 : 0);
}

export function selectUsers(users: readonly UserBaseUser[], filter: UserFilter, search: string, sort: SortKey, descending: boolean): UserBaseUser[] {
  const test = FILTERS.find((f) => f.id === filter)?.test;
  const q = search.trim().toLowerCase();
  const rows = users.filter((u) => (!test || test(u)) && (q === '' || [u.awsUserName, u.displayName, u.email ?? '', u.account?.username ?? '', u.username ?? '', ...u.awsGroups].some((v) => v.toLowerCase().includes(q))));
  const key = (u: UserBaseUser): string | number => (sort === 'attention' ? attentionOf(u) : sort === 'account' ? (u.account?.username ?? u.username ?? '').toLowerCase() : sort === 'outcome' ? u.outcome : u.awsUserName.toLowerCase());
  rows.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    const c = x < y ? -1 : x > y ? 1 : 0;
    return descending ? -c : c;
  });
  return rows;
}
