/**
 * Lookup tables over a snapshot, built once so a simulation of the whole user base stays linear:
 * every per-user question is a map lookup, never a scan of all users.
 */
import type { InstanceSnapshot, SnapshotDirectory, SnapshotLicense, SnapshotUser } from './snapshot-schema.js';
import { lowerCase } from './case-fold.js';

/** A user with the directory it lives in (or is assumed to live in when the snapshot does not say). */
export interface LocatedUser {
  user: SnapshotUser;
  directory: SnapshotDirectory;
  /** The snapshot had no directory for the user; the first active directory was assumed. */
  directoryAssumed: boolean;
  /** The user's position in `snapshot.users`: bulk runs mark accounts by it, without another name lookup. */
  ordinal: number;
  /**
   * The account in an earlier directory with the same name (case-insensitive), which the product resolves the
   * name to instead; absent when this account comes first. resolveUsernameOf reads it without a name lookup.
   */
  shadowedBy?: LocatedUser;
}

/**
 * Where users whose directory the snapshot does not record are placed when it lists no active directory at all
 * (live Jira and Confluence snapshots): they still exist, so they must stay visible to lookups.
 */
export const UNRECORDED_DIRECTORY: SnapshotDirectory = Object.freeze({
  id: '(not recorded)',
  name: '(directory not recorded in the snapshot)',
  type: 'unknown',
  active: true,
  canCreateUsers: null,
  canCreateGroups: null,
  readOnly: false,
  position: null,
});

/** Key under which groups whose directory is not recorded are indexed: they may be in any directory. */
const ANY_DIRECTORY = '\u0000any';

export interface SnapshotIndex {
  snapshot: InstanceSnapshot;
  directoriesById: ReadonlyMap<string, SnapshotDirectory>;
  /** Active directories in the product's order (position ascending; unknown positions last, in file order). */
  activeDirectories: readonly SnapshotDirectory[];
  /** False when two or more active directories exist and some position is not recorded: "first directory wins" is then inferred. */
  directoryOrderKnown: boolean;
  /** Active internal directories in order: the only ones Atlassian SSO's JIT searches and writes. */
  activeInternal: readonly SnapshotDirectory[];
  /** Active directories that may be internal: internal ones and those of unknown type, in order. */
  activeMaybeInternal: readonly SnapshotDirectory[];
  /** Users in active directories by lower-case username, in directory order. */
  byLowerName: ReadonlyMap<string, readonly LocatedUser[]>;
  /** Users in active directories by `jit_idp_id` (exact), in directory order. */
  byJitIdpId: ReadonlyMap<string, readonly LocatedUser[]>;
  /** Some `jit_idp_id` is held by two or more of those users. */
  jitIdpIdShared: boolean;
  /** Users in active directories by lower-case e-mail, alphabetical by username (Jira's pick order). */
  byLowerEmail: ReadonlyMap<string, readonly LocatedUser[]>;
  /** Lower-case group name → ids of the directories holding it (a group with no recorded directory counts for every one). */
  groupDirectories: ReadonlyMap<string, ReadonlySet<string>>;
  /** Lower-case group name → applications it grants. */
  applicationsByGroup: ReadonlyMap<string, readonly string[]>;
  /** The lengths (modulo 32, as bits) of those names: see applicationsGrantedBy. */
  accessGroupLengths: number;
  licenseByApplication: ReadonlyMap<string, SnapshotLicense>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function indexSnapshot(snapshot: InstanceSnapshot): SnapshotIndex {
  const directoriesById = new Map(snapshot.directories.map((d) => [d.id, d] as const));
  // Array.prototype.sort is stable: unknown positions keep their file order after the known ones.
  const activeDirectories = snapshot.directories.filter((d) => d.active).sort((a, b) => (a.position ?? Infinity) - (b.position ?? Infinity));
  const directoryOrderKnown = activeDirectories.length < 2 || activeDirectories.every((d) => d.position !== null);
  const activeInternal = activeDirectories.filter((d) => d.type === 'internal');
  const activeMaybeInternal = activeDirectories.filter((d) => d.type === 'internal' || d.type === 'unknown');
  const rank = new Map(activeDirectories.map((d, i) => [d.id, i] as const));
  const fallback = activeDirectories[0] ?? UNRECORDED_DIRECTORY;

  const byLowerName = new Map<string, LocatedUser[]>();
  const byJitIdpId = new Map<string, LocatedUser[]>();
  const byLowerEmail = new Map<string, LocatedUser[]>();
  const groupDirectories = new Map<string, Set<string>>();

  const addGroupDir = (name: string, dirId: string): void => {
    const key = lowerCase(name);
    const set = groupDirectories.get(key);
    if (set) set.add(dirId);
    else groupDirectories.set(key, new Set([dirId]));
  };
  for (const g of snapshot.groups) addGroupDir(g.name, g.directoryId ?? ANY_DIRECTORY);

  for (let ordinal = 0; ordinal < snapshot.users.length; ordinal += 1) {
    const user = snapshot.users[ordinal] as SnapshotUser;
    const known = user.directoryId === null ? undefined : directoriesById.get(user.directoryId);
    // A user in an inactive directory is invisible to the product.
    if (known && !known.active) continue;
    const directory = known ?? fallback;
    const located: LocatedUser = { user, directory, directoryAssumed: known === undefined, ordinal };
    push(byLowerName, lowerCase(user.username), located);
    const idpId = user.attributes['jit_idp_id'];
    if (idpId !== undefined) push(byJitIdpId, idpId, located);
    if (user.email) push(byLowerEmail, lowerCase(user.email), located);
    for (let i = 0; i < user.groups.length; i += 1) {
      const g = user.groups[i] as string;
      // Membership proves the group exists in that directory (or, when the user's directory is assumed, in some directory).
      addGroupDir(g, located.directoryAssumed ? ANY_DIRECTORY : directory.id);
    }
  }
  const byRank = (a: LocatedUser, b: LocatedUser): number => (rank.get(a.directory.id) ?? 0) - (rank.get(b.directory.id) ?? 0);
  for (const list of byLowerName.values()) {
    if (list.length < 2) continue;
    list.sort(byRank);
    const first = list[0] as LocatedUser;
    for (let i = 1; i < list.length; i += 1) (list[i] as LocatedUser).shadowedBy = first;
  }
  let jitIdpIdShared = false;
  for (const list of byJitIdpId.values()) {
    if (list.length < 2) continue;
    jitIdpIdShared = true;
    list.sort(byRank);
  }
  for (const list of byLowerEmail.values()) if (list.length > 1) list.sort((a, b) => (a.user.username < b.user.username ? -1 : a.user.username > b.user.username ? 1 : 0));

  const applicationsByGroup = new Map<string, string[]>();
  for (const access of snapshot.applicationAccess) {
    for (const g of access.groups) {
      const key = lowerCase(g);
      const apps = applicationsByGroup.get(key) ?? [];
      if (!apps.includes(access.application)) apps.push(access.application);
      applicationsByGroup.set(key, apps);
    }
  }

  let accessGroupLengths = 0;
  for (const key of applicationsByGroup.keys()) accessGroupLengths |= lengthBit(key);

  return {
    snapshot,
    directoriesById,
    activeDirectories,
    directoryOrderKnown,
    activeInternal,
    activeMaybeInternal,
    byLowerName,
    byJitIdpId,
    jitIdpIdShared,
    byLowerEmail,
    groupDirectories,
    applicationsByGroup,
    accessGroupLengths,
    licenseByApplication: new Map(snapshot.license.map((l) => [l.application, l] as const)),
  };
}

/** The first user the product resolves for a username (case-insensitive, first directory wins). */
export function resolveUsername(index: SnapshotIndex, username: string): LocatedUser | undefined {
  return index.byLowerName.get(lowerCase(username))?.[0];
}

/**
 * What resolveUsername gives for `username`, read from `known` when that is the account's own name: every login of
 * a bulk run asks it once more for the account it has just found, and the answer is recorded on the account.
 */
export function resolveUsernameOf(index: SnapshotIndex, username: string, known: LocatedUser | undefined): LocatedUser | undefined {
  if (known !== undefined && known.user.username === username) return known.shadowedBy ?? known;
  return resolveUsername(index, username);
}

function lengthBit(name: string): number {
  return 1 << (name.length & 31);
}

/**
 * The applications one group grants (case-insensitive name), if any. Instances have a few access groups, and every
 * login of a bulk run asks this for each of its groups: a group whose length is none of theirs is answered without
 * folding it. Folding keeps a name's length but for U+0130 (case-fold.ts), which takes the full path.
 */
export function applicationsGrantedBy(index: SnapshotIndex, group: string): readonly string[] | undefined {
  if ((index.accessGroupLengths & lengthBit(group)) === 0 && !group.includes('\u0130')) return undefined;
  return index.applicationsByGroup.get(lowerCase(group));
}

/** Applications a set of groups grants (case-insensitive group names). */
export function applicationsFor(index: SnapshotIndex, groups: readonly string[]): string[] {
  const apps: string[] = [];
  // Index loops and no `?? []` per group: every login of a bulk run asks this.
  for (let i = 0; i < groups.length; i += 1) {
    const granted = applicationsGrantedBy(index, groups[i] as string);
    if (granted === undefined) continue;
    for (let j = 0; j < granted.length; j += 1) if (!apps.includes(granted[j] as string)) apps.push(granted[j] as string);
  }
  return apps;
}

/** Groups that grant any application, in snapshot order, for fixes ("add the user to jira-software-users"). */
export function accessGrantingGroups(index: SnapshotIndex): string[] {
  const names: string[] = [];
  for (const a of index.snapshot.applicationAccess) for (const g of a.groups) if (!names.includes(g)) names.push(g);
  return names;
}

/** Whether the group exists in the directory; a group whose directory is not recorded may be that one, so it counts. */
export function groupExistsIn(index: SnapshotIndex, group: string, directoryId: string): boolean {
  const dirs = index.groupDirectories.get(lowerCase(group));
  return dirs !== undefined && (dirs.has(directoryId) || dirs.has(ANY_DIRECTORY));
}

/**
 * Whether the group whose lower-case name is `key` exists in any of the directories; an undefined id (directory
 * not recorded) means anywhere, as groupExistsAnywhere. Takes the folded name: bulk runs ask this for every group
 * of every login, right after folding it for the group arithmetic.
 */
export function groupKeyExistsInAnyOf(index: SnapshotIndex, key: string, directoryIds: ReadonlyArray<string | undefined>): boolean {
  const dirs = index.groupDirectories.get(key);
  for (let i = 0; i < directoryIds.length; i += 1) {
    const dir = directoryIds[i];
    if (dir === undefined ? dirs !== undefined || index.applicationsByGroup.has(key) : dirs !== undefined && (dirs.has(dir) || dirs.has(ANY_DIRECTORY))) return true;
  }
  return false;
}

/** A known directory type other than internal: Atlassian SSO's JIT never writes there (unknown types may be internal). */
export function isRemoteDirectory(directory: SnapshotDirectory): boolean {
  return directory.type !== 'internal' && directory.type !== 'unknown';
}

export function groupExistsAnywhere(index: SnapshotIndex, group: string): boolean {
  const key = lowerCase(group);
  return index.groupDirectories.has(key) || index.applicationsByGroup.has(key);
}

/** Lower-case names of groups with an active member, per index: worked out on the first question, which only Confluence's resolution asks. */
const populatedGroups = new WeakMap<SnapshotIndex, ReadonlySet<string>>();

/** Whether some active user of the snapshot is a direct member of the group (case-insensitive name). */
export function groupHasActiveMember(index: SnapshotIndex, group: string): boolean {
  let populated = populatedGroups.get(index);
  if (!populated) {
    const names = new Set<string>();
    for (const user of index.snapshot.users) {
      // A user in an inactive directory is invisible to the product, as in the lookups above.
      const directory = user.directoryId === null ? undefined : index.directoriesById.get(user.directoryId);
      if (!user.active || (directory && !directory.active)) continue;
      for (const g of user.groups) names.add(lowerCase(g));
    }
    populated = names;
    populatedGroups.set(index, populated);
  }
  return populated.has(lowerCase(group));
}
