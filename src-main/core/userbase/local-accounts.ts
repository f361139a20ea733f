/**
 * Accounts JIT leaves behind: active instance users JIT created whose AWS user no longer exists or is no longer
 * assigned. JIT never disables anyone (resolution: "users cannot be marked disabled"), so they keep a licence seat
 * and may still sign in with a local password or a personal access token. Active local accounts without a JIT mark
 * that match no AWS user (local admins, service accounts) are listed apart; inactive accounts and accounts in
 * LDAP/Crowd directories are not reported (the directory, not JIT, manages them).
 */
import { applicationsFor, type SnapshotIndex } from '../jit/snapshot-index.js';
import type { SnapshotUser } from '../jit/snapshot-schema.js';
import type { LocalAccount } from '../model/userbase.js';
import { lowerCase } from '../jit/case-fold.js';

/**
 * Values keyed by account: directory id (`?` when not recorded) and lower-case username. Two map levels rather
 * than one joined key: a bulk run looks up 200,000 accounts, and each joined key was a new string to build and hash.
 */
export class AccountMap<V> {
  private readonly byDirectory = new Map<string, Map<string, V>>();

  get(directoryId: string | null, username: string): V | undefined {
    return this.byDirectory.get(directoryId ?? '?')?.get(lowerCase(username));
  }

  has(directoryId: string | null, username: string): boolean {
    return this.get(directoryId, username) !== undefined;
  }

  set(directoryId: string | null, username: string, value: V): void {
    const dir = directoryId ?? '?';
    let names = this.byDirectory.get(dir);
    if (!names) {
      names = new Map();
      this.byDirectory.set(dir, names);
    }
    names.set(lowerCase(username), value);
  }
}

/** Which AWS users' logins land on which accounts. */
export interface AccountLinks {
  /** Accounts an assigned AWS user's login uses. */
  assigned: AccountMap<true>;
  /** Accounts only an unassigned AWS user's login would use → that user's UserName. */
  unassigned: AccountMap<string>;
  /** NameIDs (jit_idp_id values) of assigned and of unassigned users. */
  assignedNameIds: Set<string>;
  unassignedNameIds: Map<string, string>;
}

export function emptyLinks(): AccountLinks {
  return { assigned: new AccountMap(), unassigned: new AccountMap(), assignedNameIds: new Set(), unassignedNameIds: new Map() };
}

function jitMarkOf(user: SnapshotUser): LocalAccount['jitMark'] | undefined {
  if (user.attributes['jit_idp_id'] !== undefined) return 'jit_idp_id';
  if (user.provisionedBy === 'resolution-jit') return 'resolution-tag';
  if (user.provisionedBy === 'atlassian-sso-jit') return 'atlassian-sso-tag';
  return undefined;
}

export interface LeftBehind {
  orphaned: LocalAccount[];
  notFromAws: LocalAccount[];
}

export function findAccountsLeftBehind(index: SnapshotIndex, links: AccountLinks): LeftBehind {
  const orphaned: LocalAccount[] = [];
  const notFromAws: LocalAccount[] = [];
  for (const user of index.snapshot.users) {
    if (!user.active) continue;
    const directory = user.directoryId === null ? undefined : index.directoriesById.get(user.directoryId);
    if (directory && (!directory.active || (directory.type !== 'internal' && directory.type !== 'unknown'))) continue;
    if (links.assigned.has(user.directoryId, user.username)) continue;
    const idpId = user.attributes['jit_idp_id'];
    if (idpId !== undefined && links.assignedNameIds.has(idpId)) continue;
    const account: LocalAccount = {
      username: user.username,
      displayName: user.displayName,
      email: user.email ?? null,
      directory: directory?.name ?? '(directory not recorded)',
      groups: [...user.groups],
      applications: applicationsFor(index, user.groups),
    };
    const mark = jitMarkOf(user);
    const unassignedUser = links.unassigned.get(user.directoryId, user.username) ?? (idpId !== undefined ? links.unassignedNameIds.get(idpId) : undefined);
    if (mark) {
      account.jitMark = mark;
      account.reason = unassignedUser !== undefined ? 'not-assigned' : 'deleted-in-aws';
      if (unassignedUser !== undefined) account.awsUserName = unassignedUser;
      orphaned.push(account);
    } else if (unassignedUser === undefined) {
      notFromAws.push(account);
    }
  }
  return { orphaned, notFromAws };
}

/** Seats orphaned accounts hold, per application. */
export function seatsHeld(accounts: readonly LocalAccount[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const a of accounts) for (const app of a.applications) out.set(app, (out.get(app) ?? 0) + 1);
  return out;
}
