/**
 * Accounts JIT leaves behind: active instance users JIT created whose AWS user no longer exists or is no longer
 * assigned. JIT never disables anyone (resolution: "users cannot be marked disabled"), so they keep a licence seat
 * and may still sign in with a local password or a personal access token. Active local accounts without a JIT mark
 * that match no AWS user (local admins, service accounts) are listed apart; inactive accounts and accounts in
 * LDAP/Crowd directories are not reported (the directory, not JIT, manages them).
 */
import { applicationsFor, type SnapshotIndex } from '../jit/snapshot-index.js';
import type { InstanceSnapshot, SnapshotUser } from '../jit/snapshot-schema.js';
import type { LocalAccount } from '../model/userbase.js';

/** Which AWS users' logins land on which accounts; accounts are marked by their position in `snapshot.users`. */
export interface AccountLinks {
  /** 1 at the accounts an assigned AWS user's login uses, and at those holding an assigned user's NameID as jit_idp_id. */
  assigned: Uint8Array;
  /** Accounts only an unassigned AWS user's login would use → that user's UserName. */
  unassigned: Map<number, string>;
  /** NameIDs (jit_idp_id values) of unassigned users → the first such user's UserName. */
  unassignedNameIds: Map<string, string>;
}

export function emptyLinks(snapshot: InstanceSnapshot): AccountLinks {
  return { assigned: new Uint8Array(snapshot.users.length), unassigned: new Map(), unassignedNameIds: new Map() };
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
  const users = index.snapshot.users;
  for (let ordinal = 0; ordinal < users.length; ordinal += 1) {
    const user = users[ordinal] as SnapshotUser;
    if (!user.active) continue;
    const directory = user.directoryId === null ? undefined : index.directoriesById.get(user.directoryId);
    if (directory && (!directory.active || (directory.type !== 'internal' && directory.type !== 'unknown'))) continue;
    if (links.assigned[ordinal] === 1) continue;
    const idpId = user.attributes['jit_idp_id'];
    const account: LocalAccount = {
      username: user.username,
      displayName: user.displayName,
      email: user.email ?? null,
      directory: directory?.name ?? '(directory not recorded)',
      groups: [...user.groups],
      applications: applicationsFor(index, user.groups),
    };
    const mark = jitMarkOf(user);
    const unassignedUser = links.unassigned.get(ordinal) ?? (idpId !== undefined ? links.unassignedNameIds.get(idpId) : undefined);
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
