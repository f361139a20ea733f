/**
 * The AWS side of the user base, indexed once: each user's groups (ids and display names) and whether the
 * application is assigned to them directly or through a group. Linear in users + memberships.
 */
import type { AwsIdentityStoreUser } from '../jit/aws-users.js';
import type { AwsAssignment, AwsGroup, AwsMembership } from './aws-exports.js';
import type { Assignment } from '../model/userbase.js';

export interface AwsDirectoryInput {
  users: readonly AwsIdentityStoreUser[];
  groups?: readonly AwsGroup[] | undefined;
  memberships?: readonly AwsMembership[] | undefined;
  assignments?: readonly AwsAssignment[] | undefined;
}

export interface AwsDirectory {
  /** UserId → the user's group ids, in membership order, without duplicates. */
  groupIdsOf(userId: string): readonly string[];
  /** The group ids of `users[i]` (as groupIdsOf, without looking the UserId up). */
  groupIdsAt(i: number): readonly string[];
  groupName(groupId: string): string;
  /** `groupIds`: the user's groupIdsOf, when the caller has it already. */
  assignmentOf(userId: string, groupIds?: readonly string[]): Assignment;
  notes: string[];
}

const NO_GROUPS: readonly string[] = Object.freeze([]);

/** Without an assignments file every user is assumed assigned. */
const ASSUMED_ASSIGNED: Assignment = Object.freeze({ known: false, assigned: true, direct: false, viaGroups: NO_GROUPS });
const ASSIGNED_DIRECTLY: Assignment = Object.freeze({ known: true, assigned: true, direct: true, viaGroups: NO_GROUPS });
const NOT_ASSIGNED: Assignment = Object.freeze({ known: true, assigned: false, direct: false, viaGroups: NO_GROUPS });

/**
 * One frozen Assignment per distinct answer with at most one group: in a base assigned through a group or two,
 * thousands of users share a handful of answers, and the prediction keeps every user's.
 */
class SharedAssignments {
  private readonly byGroup = [new Map<string, Assignment>(), new Map<string, Assignment>()];

  of(isDirect: boolean, viaGroups: string[]): Assignment {
    const group = viaGroups[0];
    if (group === undefined) return isDirect ? ASSIGNED_DIRECTLY : NOT_ASSIGNED;
    if (viaGroups.length > 1) return { known: true, assigned: true, direct: isDirect, viaGroups };
    const cache = this.byGroup[isDirect ? 1 : 0] as Map<string, Assignment>;
    let answer = cache.get(group);
    if (!answer) {
      answer = Object.freeze({ known: true, assigned: true, direct: isDirect, viaGroups: Object.freeze(viaGroups) });
      cache.set(group, answer);
    }
    return answer;
  }
}
const NO_MEMBERSHIPS: readonly AwsMembership[] = Object.freeze([]);

/** Where each UserId first appears in the users file, and for each position the first one of its UserId. */
interface UserPositions {
  byUserId: Map<string, number>;
  /** users[i]'s UserId first appears at firstOf[i] (i itself, but for a repeated UserId). */
  firstOf: Int32Array;
}

function userPositions(users: readonly AwsIdentityStoreUser[]): UserPositions {
  const byUserId = new Map<string, number>();
  const firstOf = new Int32Array(users.length);
  for (let i = 0; i < users.length; i += 1) {
    const id = (users[i] as AwsIdentityStoreUser).UserId;
    let first = byUserId.get(id);
    if (first === undefined) {
      first = i;
      byUserId.set(id, i);
    }
    firstOf[i] = first;
  }
  return { byUserId, firstOf };
}

interface UserMemberships {
  /** At a user's first position: the group ids, in membership order, without duplicates (undefined: none). */
  groupsAt: Array<string[] | undefined>;
  /** Memberships of a UserId that is not in the users file. */
  unknownUsers: number;
  /** Group ids that are not in the groups file (when there is one). */
  unnamed: Set<string>;
}

/**
 * Each known user's group ids. AWS lists memberships per group (list-group-memberships) or per user
 * (list-group-memberships-for-member), so consecutive memberships mostly share their group or their user: the
 * lookups for either are made once while it repeats. Every occurrence of a group id is replaced by one string per
 * group (`canonical`, the groups file's own when there is one): later look-ups of it, a million in a large base,
 * then find their key by identity instead of comparing characters. An index loop: for…of over a million
 * memberships allocated an iterator result each.
 */
function membershipsByUser(memberships: readonly AwsMembership[], users: UserPositions, canonical: Map<string, string>, named: boolean): UserMemberships {
  const out: UserMemberships = { groupsAt: [], unknownUsers: 0, unnamed: new Set() };
  let lastUser: string | undefined;
  let lastList: string[] | undefined;
  let lastGroup: string | undefined;
  let groupId = '';
  const longLists = new Map<string[], Set<string>>();
  for (let i = 0; i < memberships.length; i += 1) {
    const m = memberships[i] as AwsMembership;
    const userId = m.MemberId.UserId;
    if (userId !== lastUser) {
      lastUser = userId;
      const at = users.byUserId.get(userId);
      lastList = at === undefined ? undefined : (out.groupsAt[at] ??= []);
    }
    if (!lastList) {
      out.unknownUsers += 1;
      continue;
    }
    if (m.GroupId !== lastGroup) {
      lastGroup = m.GroupId;
      groupId = canonicalGroupId(canonical, m.GroupId, named ? out.unnamed : undefined);
    }
    if (!listed(lastList, groupId, longLists)) lastList.push(groupId);
  }
  return out;
}

/** Above this many groups, a user's list is checked for repeats through a set (the scan would be quadratic). */
const LONG_LIST = 64;

/** Whether the user's list has the group already; long lists get a set of their own, kept beside them. */
function listed(list: string[], groupId: string, longLists: Map<string[], Set<string>>): boolean {
  if (list.length <= LONG_LIST) return list.includes(groupId);
  let set = longLists.get(list);
  if (!set) {
    set = new Set(list);
    longLists.set(list, set);
  }
  if (set.has(groupId)) return true;
  set.add(groupId);
  return false;
}

/** The one string standing for `groupId`; a group id first met here is recorded as unnamed when a groups file was given. */
function canonicalGroupId(canonical: Map<string, string>, groupId: string, unnamed: Set<string> | undefined): string {
  const known = canonical.get(groupId);
  if (known !== undefined) return known;
  canonical.set(groupId, groupId);
  unnamed?.add(groupId);
  return groupId;
}

export function indexAwsDirectory(input: AwsDirectoryInput): AwsDirectory {
  const notes: string[] = [];
  const names = new Map<string, string>();
  const canonical = new Map<string, string>();
  for (const g of input.groups ?? []) {
    names.set(g.GroupId, g.DisplayName);
    canonical.set(g.GroupId, g.GroupId);
  }
  const users = userPositions(input.users);
  const { groupsAt, unknownUsers, unnamed } = membershipsByUser(input.memberships ?? NO_MEMBERSHIPS, users, canonical, input.groups !== undefined);
  const groupIdsAt = (i: number): readonly string[] => groupsAt[users.firstOf[i] as number] ?? NO_GROUPS;
  const groupIdsOf = (userId: string): readonly string[] => {
    const at = users.byUserId.get(userId);
    return at === undefined ? NO_GROUPS : (groupsAt[at] ?? NO_GROUPS);
  };
  if (unknownUsers > 0) notes.push(`${unknownUsers} membership(s) name a UserId that is not in the users file; they were ignored.`);
  if (input.memberships && !input.groups) notes.push('No groups file (list-groups): groups are shown by GroupId and the group mapping can only match GroupIds.');
  if (unnamed.size > 0) notes.push(`${unnamed.size} group id(s) in the memberships are not in the groups file; they are shown by GroupId.`);

  const shared = new SharedAssignments();
  const direct = new Set<string>();
  const assignedGroups = new Set<string>();
  for (const a of input.assignments ?? []) (a.PrincipalType === 'USER' ? direct : assignedGroups).add(a.PrincipalId);
  if (!input.assignments) notes.push('No application assignments file: every user is assumed to be assigned to the application.');
  else if (assignedGroups.size > 0 && !input.memberships) notes.push('The application is assigned to groups but no memberships were given: users assigned only through a group show as not assigned.');

  return {
    groupIdsOf,
    groupIdsAt,
    groupName: (groupId) => names.get(groupId) ?? groupId,
    assignmentOf(userId, groupIds = groupIdsOf(userId)) {
      if (!input.assignments) return ASSUMED_ASSIGNED;
      const viaGroups: string[] = [];
      for (let i = 0; i < groupIds.length; i += 1) {
        const g = groupIds[i] as string;
        if (assignedGroups.has(g)) viaGroups.push(names.get(g) ?? g);
      }
      return shared.of(direct.has(userId), viaGroups);
    },
    notes,
  };
}
