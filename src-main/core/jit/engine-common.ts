/** Pieces both engines share: user conversion, group arithmetic and the final "may this user log in" check. */
import type { FindingId } from '../findings/catalog.js';
import type { FindingSink } from './finding-sink.js';
import { groupsRemoved, noApplicationAccess, userInactive, type FindingContext } from './jit-findings.js';
import { accessGrantingGroups, applicationsFor, groupExistsInAnyOf, type LocatedUser, type SnapshotIndex } from './snapshot-index.js';
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
  // Lower-case each name once: bulk runs call this for every user of the base.
  const beforeLower = new Set<string>();
  for (const g of before) beforeLower.add(g.toLowerCase());
  const wantedLower = new Set<string>();
  const added: string[] = [];
  for (const g of wanted) {
    const k = g.toLowerCase();
    if (!beforeLower.has(k) && !wantedLower.has(k)) added.push(g);
    wantedLower.add(k);
  }
  const removed: string[] = [];
  const after: string[] = [];
  for (const g of before) {
    if (removeUnlisted && !wantedLower.has(g.toLowerCase())) removed.push(g);
    else after.push(g);
  }
  for (const g of added) after.push(g);
  return { after, added, removed };
}

/** The "removes …; adds …; creates the groups …" parts of a group step, empty when nothing changes. */
export function groupChangeSummary(changes: Pick<GroupChanges, 'added' | 'removed' | 'created'>): string[] {
  const summary: string[] = [];
  if (changes.removed.length) summary.push(`removes ${changes.removed.join(', ')}`);
  if (changes.added.length) summary.push(`adds ${changes.added.join(', ')}`);
  if (changes.created.length) summary.push(`creates the groups ${changes.created.join(', ')}`);
  return summary;
}

/** Whether a group step changes anything (its summary is not empty: `created` is a subset of `added`). */
export function groupsChange(changes: Pick<GroupChanges, 'added' | 'removed'>): boolean {
  return changes.added.length > 0 || changes.removed.length > 0;
}

/**
 * Applies `wanted` to the user's memberships (both engines' group step): records jit.groups-removed and returns
 * the changes; the caller's own step describes them with groupChangeSummary (built only when steps are kept). A
 * group counts as existing if it exists in any of `directoryIds`; an undefined id (directory not recorded) means anywhere.
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
): GroupChanges {
  // No copy: user.groups is replaced below, never changed in place, so the old list is the "before".
  const before = user.groups;
  const { after, added, removed } = syncGroups(before, wanted, removeUnlisted);
  const created = added.filter((g) => !groupExistsInAnyOf(index, g, directoryIds));
  user.groups = after;
  if (removed.length > 0) {
    const accessGroupsLost = removed.filter((g) => grantsAccess(index, g));
    findings.add('jit.groups-removed', () => groupsRemoved(ctx, { username: user.username, removed, accessGroupsLost, sent: wanted, attribute }));
  }
  return { before, after, added, removed, created };
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
    log.add('Application access', () => `Groups grant ${apps.join(', ')}: the login is permitted.`, 'pass');
    return { canLogIn: true };
  }
  const lostGranting = lostGroups.filter((g) => grantsAccess(index, g));
  findings.add('jit.no-application-access', () => {
    const args: Parameters<typeof noApplicationAccess>[1] = { username: user.username, groupsAfter: user.groups, grantingGroups: accessGrantingGroups(index), lostGranting };
    if (defaultGroups) args.defaultGroups = defaultGroups;
    return noApplicationAccess(ctx, args);
  });
  log.add('Application access', () => `None of ${user.groups.length ? user.groups.join(', ') : '(no groups)'} grants access; access comes from ${accessGrantingGroups(index).join(', ')}.`, 'fail');
  return {
    canLogIn: false,
    reason: `"${user.username}" has no group with application access${lostGranting.length ? ` after losing ${lostGranting.join(', ')}` : ''}.`,
    productMessage: ATLASSIAN_MESSAGES.notPermitted(user.username),
  };
}

/** Whether the group grants some application (case-insensitive name). */
function grantsAccess(index: SnapshotIndex, group: string): boolean {
  return (index.applicationsByGroup.get(group.toLowerCase())?.length ?? 0) > 0;
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
