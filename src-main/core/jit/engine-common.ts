/** Pieces both engines share: user conversion, group arithmetic and the final "may this user log in" check. */
import type { FindingId } from '../findings/catalog.js';
import type { FindingSink } from './finding-sink.js';
import { groupsRemoved, noApplicationAccess, userInactive, type FindingContext } from './jit-findings.js';
import { accessGrantingGroups, applicationsFor, applicationsGrantedBy, groupKeyExistsInAnyOf, type LocatedUser, type SnapshotIndex } from './snapshot-index.js';
import type { StepLog } from './step-log.js';
import type { GroupChanges, SimulatedUser, SimulationOutcome, SimulationResult } from './simulation-types.js';
import { ATLASSIAN_MESSAGES } from './product-messages.js';
import { lowerCase } from './case-fold.js';

/** What an engine decides; simulateLogin adds verification and context. */
export type EngineResult = Omit<SimulationResult, 'engine' | 'product' | 'verified' | 'hypothetical' | 'hypotheticalOutcome'> & {
  /** Ids of the findings, also when building the findings themselves was turned off. */
  findingIds: FindingId[];
  /** The snapshot account behind `user.before` (null when there is none): bulk runs link logins to accounts by it. */
  account: LocatedUser | null;
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
export function syncGroups(before: readonly string[], wanted: readonly string[], removeUnlisted: boolean): Pick<GroupChanges, 'after' | 'added' | 'removed'> & { addedKeys: string[] } {
  // Lower-case each name once: bulk runs call this for every user of the base. Index loops: the lists come in
  // several array shapes (frozen, from the snapshot, from the engine), and for…of over them allocated an iterator
  // result per name once V8 gave up optimising it.
  const beforeKeys: string[] = new Array<string>(before.length);
  for (let i = 0; i < before.length; i += 1) beforeKeys[i] = lowerCase(before[i] as string);
  const held = before.length > SCANNED_NAMES ? new Set(beforeKeys) : beforeKeys;
  const wantedKeys = namesFor(wanted.length);
  const added: string[] = [];
  // The lower-case names of `added`, for the caller's existence checks: AWS group ids are long to fold again.
  const addedKeys: string[] = [];
  for (let i = 0; i < wanted.length; i += 1) {
    const g = wanted[i] as string;
    const k = lowerCase(g);
    if (hasName(wantedKeys, k)) continue; // listed twice: the first spelling counts
    addNewName(wantedKeys, k);
    if (!hasName(held, k)) {
      added.push(g);
      addedKeys.push(k);
    }
  }
  const removed: string[] = [];
  const after: string[] = [];
  for (let i = 0; i < before.length; i += 1) {
    const g = before[i] as string;
    if (removeUnlisted && !hasName(wantedKeys, beforeKeys[i] as string)) removed.push(g);
    else after.push(g);
  }
  for (let i = 0; i < added.length; i += 1) after.push(added[i] as string);
  return { after, added, addedKeys, removed };
}

/** Lower-cased names to test membership in: a plain array, scanned, for short lists; a hash set for long ones. */
type FoldedNames = string[] | Set<string>;

/** Up to this many names, a scanned array is cheaper than a hash set (a user's group lists are usually short). */
const SCANNED_NAMES = 16;

/** Room for up to `expected` names: the array allocates a fraction of a Set's table, and bulk runs build two for every login. */
function namesFor(expected: number): FoldedNames {
  return expected > SCANNED_NAMES ? new Set<string>() : [];
}

function hasName(names: FoldedNames, key: string): boolean {
  return Array.isArray(names) ? names.includes(key) : names.has(key);
}

/** Adds a name the caller knows is not there yet (no second search). */
function addNewName(names: FoldedNames, key: string): void {
  if (Array.isArray(names)) names.push(key);
  else names.add(key);
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
  const { after, added, addedKeys, removed } = syncGroups(before, wanted, removeUnlisted);
  const created = groupsToCreate(index, added, addedKeys, directoryIds);
  user.groups = after;
  if (removed.length > 0) {
    const accessGroupsLost = removed.filter((g) => grantsAccess(index, g));
    findings.add('jit.groups-removed', () => groupsRemoved(ctx, { username: user.username, removed, accessGroupsLost, sent: wanted, attribute }));
  }
  return { before, after, added, removed, created };
}

/**
 * The added groups that exist in none of the directories, which the login creates. `added` itself when none
 * exists: with AWS, every group a login adds is usually new, and a bulk run keeps both lists of every user, so one
 * array serves both (neither is changed later). A new list is made only from the first group that exists.
 */
function groupsToCreate(index: SnapshotIndex, added: string[], addedKeys: readonly string[], directoryIds: ReadonlyArray<string | undefined>): string[] {
  let created: string[] | undefined;
  for (let i = 0; i < added.length; i += 1) {
    const exists = groupKeyExistsInAnyOf(index, addedKeys[i] as string, directoryIds);
    if (exists && !created) created = added.slice(0, i);
    else if (!exists && created) created.push(added[i] as string);
  }
  return created ?? added;
}

export function noGroupChange(groups: readonly string[]): GroupChanges {
  return { before: [...groups], after: [...groups], added: [], removed: [], created: [] };
}

export interface AccessVerdict {
  canLogIn: boolean;
  reason?: string;
  productMessage?: string;
}

/** The one answer for every permitted login: bulk runs ask for each user of the base. */
const PERMITTED: AccessVerdict = Object.freeze({ canLogIn: true });

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
    return PERMITTED;
  }
  if (grantsSomeApplication(index, user.groups)) {
    log.add('Application access', () => `Groups grant ${applicationsFor(index, user.groups).join(', ')}: the login is permitted.`, 'pass');
    return PERMITTED;
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

/** Whether any of the groups grants some application; without listing them (a list per login of a bulk run). */
function grantsSomeApplication(index: SnapshotIndex, groups: readonly string[]): boolean {
  for (let i = 0; i < groups.length; i += 1) if (grantsAccess(index, groups[i] as string)) return true;
  return false;
}

/** Whether the group grants some application (case-insensitive name). */
function grantsAccess(index: SnapshotIndex, group: string): boolean {
  return (applicationsGrantedBy(index, group)?.length ?? 0) > 0;
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

/** Same own keys with the same values; counts keys with for…in rather than building two key arrays per login of a bulk run. */
function sameRecord(a: Record<string, string>, b: Record<string, string>): boolean {
  let size = 0;
  for (const k in a) {
    if (!Object.hasOwn(a, k)) continue;
    if (!Object.hasOwn(b, k) || a[k] !== b[k]) return false;
    size += 1;
  }
  for (const k in b) if (Object.hasOwn(b, k)) size -= 1;
  return size === 0;
}

/**
 * An existing account that is probably the same person as a username the login did not find: an
 * e-mail-shaped username that is some user's e-mail, or whose local part is some user's username.
 * (An e-mail attribute shared with an existing user is reported as jit.duplicate-email instead.)
 */
export function likelySamePerson(index: SnapshotIndex, username: string): { existing: LocatedUser; via: 'email' | 'local-part' } | undefined {
  const lower = lowerCase(username);
  const at = lower.indexOf('@');
  if (at <= 0) return undefined;
  const byEmail = index.byLowerEmail.get(lower)?.find((l) => lowerCase(l.user.username) !== lower);
  if (byEmail) return { existing: byEmail, via: 'email' };
  const byLocal = index.byLowerName.get(lower.slice(0, at))?.[0];
  return byLocal ? { existing: byLocal, via: 'local-part' } : undefined;
}
