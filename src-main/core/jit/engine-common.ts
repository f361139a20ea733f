/** Pieces both engines share: user conversion, group arithmetic and the final "may this user log in" check. */
import type { FindingId } from '../findings/catalog.js';
import type { FindingSink } from './finding-sink.js';
import { groupsRemoved, noApplicationAccess, userInactive, type FindingContext } from './jit-findings.js';
import { accessGrantingGroups, applicationsFor, groupExistsAnywhere, groupExistsIn, type LocatedUser, type SnapshotIndex } from './snapshot-index.js';
import type { StepLog } from './step-log.js';
import type { GroupChanges, SimulatedUser, SimulationOutcome, SimulationResult } from './simulation-types.js';
import { ATLASSIAN_MESSAGES } from './product-messages.js';

/** What an engine decides; simulateLogin adds verification and context. */
export type EngineResult = Omit<SimulationResult, 'engine' | 'product' | 'verified' | 'hypothetical' | 'hypotheticalOutcome'> & {
  /** Ids of the findings, also when building the findings themselves was turned off. */
  findingIds: FindingId[];
};

export function toSimulatedUser(located: LocatedUser): SimulatedUser {
  const { user, directory } = located;
  const out: SimulatedUser = {
    username: user.username,
    displayName: user.displayName,
    active: user.active,
    directoryId: user.directoryId,
    directoryName: directory.name,
    attributes: { ...user.attributes },
    groups: [...user.groups],
  };
  if (user.email !== undefined) out.email = user.email;
  if (user.key !== undefined) out.key = user.key;
  return out;
}

export function cloneUser(u: SimulatedUser): SimulatedUser {
  return { ...u, attributes: { ...u.attributes }, groups: [...u.groups] };
}

/** Set arithmetic on group names, case-insensitively (Crowd group names are case-insensitive). */
export function syncGroups(before: readonly string[], wanted: readonly string[], removeUnlisted: boolean): Pick<GroupChanges, 'after' | 'added' | 'removed'> {
  const wantedLower = new Set(wanted.map((g) => g.toLowerCase()));
  const beforeLower = new Set(before.map((g) => g.toLowerCase()));
  const removed = removeUnlisted ? before.filter((g) => !wantedLower.has(g.toLowerCase())) : [];
  const added: string[] = [];
  for (const g of wanted) if (!beforeLower.has(g.toLowerCase()) && !added.some((a) => a.toLowerCase() === g.toLowerCase())) added.push(g);
  const removedLower = new Set(removed.map((g) => g.toLowerCase()));
  const after = [...before.filter((g) => !removedLower.has(g.toLowerCase())), ...added];
  return { after, added, removed };
}

/**
 * Applies `wanted` to the user's memberships (both engines' group step): records jit.groups-removed and returns
 * the changes with a "removes …; adds …; creates the groups …" summary for the caller's own step. A group counts
 * as existing if it exists in any of `directoryIds`; an undefined id (directory not recorded) means anywhere.
 */
export function applyGroupChanges(
  ctx: FindingContext,
  index: SnapshotIndex,
  findings: FindingSink,
  user: SimulatedUser,
  wanted: readonly string[],
  removeUnlisted: boolean,
  attribute: string,
  directoryIds: ReadonlyArray<string | undefined>,
): { changes: GroupChanges; summary: string[] } {
  const before = [...user.groups];
  const { after, added, removed } = syncGroups(before, wanted, removeUnlisted);
  const existsIn = (g: string, dir: string | undefined): boolean => (dir === undefined ? groupExistsAnywhere(index, g) : groupExistsIn(index, g, dir));
  const created = added.filter((g) => !directoryIds.some((dir) => existsIn(g, dir)));
  user.groups = after;
  if (removed.length > 0) {
    const accessGroupsLost = removed.filter((g) => (index.applicationsByGroup.get(g.toLowerCase()) ?? []).length > 0);
    findings.add('jit.groups-removed', () => groupsRemoved(ctx, { username: user.username, removed, accessGroupsLost, sent: wanted, attribute }));
  }
  const summary: string[] = [];
  if (removed.length) summary.push(`removes ${removed.join(', ')}`);
  if (added.length) summary.push(`adds ${added.join(', ')}`);
  if (created.length) summary.push(`creates the groups ${created.join(', ')}`);
  return { changes: { before, after, added, removed, created }, summary };
}

export function noGroupChange(groups: readonly string[]): GroupChanges {
  return { before: [...groups], after: [...groups], added: [], removed: [], created: [] };
}

export interface AccessVerdict {
  canLogIn: boolean;
  reason?: string;
  productMessage?: string;
}

/**
 * The product's last word (https://confluence.atlassian.com/enterprise/jit-user-provisioning-1005342579.html, step 8 of the SAML consumer): the account must be active and a member of a
 * group with application access. Records its step and finding.
 */
export function checkLogInPermitted(
  ctx: FindingContext,
  index: SnapshotIndex,
  log: StepLog,
  findings: FindingSink,
  user: SimulatedUser,
  lostGroups: readonly string[],
  defaultGroups?: readonly string[],
): AccessVerdict {
  if (!user.active) {
    findings.add('jit.no-application-access', () => userInactive(ctx, user.username));
    // Inferred: neither engine documents reactivating a deactivated account on login.
    log.add('Account active', `"${user.username}" is deactivated; SSO does not reactivate accounts.`, 'fail', true);
    return { canLogIn: false, reason: `"${user.username}" is deactivated.`, productMessage: ATLASSIAN_MESSAGES.notPermitted(user.username) };
  }
  if (index.snapshot.applicationAccess.length === 0) {
    // Unknown rather than inferred behaviour: the snapshot cannot answer it.
    log.add('Application access', 'The snapshot lists no application access groups, so whether the user may log in could not be checked.', 'info', true);
    return { canLogIn: true };
  }
  const apps = applicationsFor(index, user.groups);
  if (apps.length > 0) {
    log.add('Application access', `Groups grant ${apps.join(', ')}: the login is permitted.`, 'pass');
    return { canLogIn: true };
  }
  const granting = accessGrantingGroups(index);
  const lostGranting = lostGroups.filter((g) => (index.applicationsByGroup.get(g.toLowerCase()) ?? []).length > 0);
  const args: Parameters<typeof noApplicationAccess>[1] = { username: user.username, groupsAfter: user.groups, grantingGroups: granting, lostGranting };
  if (defaultGroups) args.defaultGroups = defaultGroups;
  findings.add('jit.no-application-access', () => noApplicationAccess(ctx, args));
  log.add('Application access', `None of ${user.groups.length ? user.groups.join(', ') : '(no groups)'} grants access; access comes from ${granting.join(', ')}.`, 'fail');
  return {
    canLogIn: false,
    reason: `"${user.username}" has no group with application access${lostGranting.length ? ` after losing ${lostGranting.join(', ')}` : ''}.`,
    productMessage: ATLASSIAN_MESSAGES.notPermitted(user.username),
  };
}

/** create/update/unchanged from what changed, unless the login failed. */
export function outcomeOf(failed: boolean, created: boolean, changed: boolean): SimulationOutcome {
  if (failed) return 'fail';
  if (created) return 'create';
  return changed ? 'update' : 'unchanged';
}

export function sameUserData(a: SimulatedUser, b: SimulatedUser): boolean {
  return (
    a.username === b.username &&
    a.displayName === b.displayName &&
    a.email === b.email &&
    sameRecord(a.attributes, b.attributes)
  );
}

function sameRecord(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) if (a[k] !== b[k]) return false;
  return true;
}

/**
 * An existing account that is probably the same person as a username the login did not find: an
 * e-mail-shaped username that is some user's e-mail, or whose local part is some user's username.
 * (An e-mail attribute shared with an existing user is reported as jit.duplicate-email instead.)
 */
export function likelySamePerson(index: SnapshotIndex, username: string): { existing: LocatedUser; via: 'email' | 'local-part' } | undefined {
  const lower = username.toLowerCase();
  const at = lower.indexOf('@');
  if (at <= 0) return undefined;
  const byEmail = index.byLowerEmail.get(lower)?.find((l) => l.user.username.toLowerCase() !== lower);
  if (byEmail) return { existing: byEmail, via: 'email' };
  const byLocal = index.byLowerName.get(lower.slice(0, at))?.[0];
  return byLocal ? { existing: byLocal, via: 'local-part' } : undefined;
}
