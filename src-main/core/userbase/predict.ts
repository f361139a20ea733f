/**
 * Predicts the whole user base: every AWS user's next login (through the profile's JIT engine, via
 * simulateUserBase), the groups AWS membership implies and no login carries, the local group plan, and the
 * accounts JIT leaves behind. Linear in users + memberships + snapshot users.
 */
import type { AwsIdentityStoreUser, AwsMappings } from '../jit/aws-users.js';
import { compileAwsMappings, primaryEmail } from '../jit/aws-users.js';
import { snapshotIndexFor } from '../jit/simulate-login.js';
import { simulateUserBase, type UserBaseResult, type UserBaseRow } from '../jit/simulate-user-base.js';
import type { LocatedUser, SnapshotIndex } from '../jit/snapshot-index.js';
import type { InstanceSnapshot } from '../jit/snapshot-schema.js';
import type { TargetProfile } from '../jit/target-profile-schema.js';
import type { Finding } from '../model/finding.js';
import type { AwsAssignment, AwsGroup, AwsMembership, GroupMapping } from './aws-exports.js';
import { indexAwsDirectory, type AwsDirectory } from './aws-directory.js';
import { GroupPlanCounter } from './group-plan.js';
import { compileGroupMapping, userGroupsResolver, type UserGroups } from './group-mapping.js';
import { emptyLinks, findAccountsLeftBehind, seatsHeld, type AccountLinks } from './local-accounts.js';
import { classifyMissingClaims, claimReaderFor, hasMissingClaims } from './missing-claims.js';
import { orphanedAccountFinding } from './orphaned-finding.js';
import type { AccountNow, Assignment, SeatUse, UserBasePrediction, UserBaseSummary, UserBaseUser } from '../model/userbase.js';

export interface UserBaseInputs {
  users: readonly AwsIdentityStoreUser[];
  groups?: readonly AwsGroup[] | undefined;
  memberships?: readonly AwsMembership[] | undefined;
  assignments?: readonly AwsAssignment[] | undefined;
  groupMapping?: GroupMapping | undefined;
  awsMappings: AwsMappings;
  profile: TargetProfile;
  snapshot: InstanceSnapshot;
  /** The AWS side indexed by the caller (indexAwsDirectory of these same users and files), when it keeps it. */
  aws?: AwsDirectory | undefined;
}

export type PredictionPhase = 'logins' | 'claims' | 'accounts' | 'plan';

export interface PredictHooks {
  /** Called before each phase; returning false stops the prediction (it then returns undefined). */
  phase?: (phase: PredictionPhase) => boolean;
}

const GROUPS_ASSUMPTION = '${user:groups} sends group IDs, which list-users does not show';
const NOT_ASSIGNED_REASON = 'Not assigned to the application in IAM Identity Center: AWS refuses the sign-in ("No access"), so no login reaches the product.';

export function predictUserBase(inputs: UserBaseInputs, hooks: PredictHooks = {}): UserBasePrediction | undefined {
  const go = (p: PredictionPhase): boolean => hooks.phase?.(p) ?? true;
  const { profile, snapshot } = inputs;
  const index = snapshotIndexFor(snapshot);
  const aws = inputs.aws ?? indexAwsDirectory(inputs);

  if (!go('logins')) return undefined;
  const { ordered, groupIds: groupIdsAt, assignments, assignedCount } = assignedFirst(inputs.users, aws);
  const groupIdsOf = (_u: AwsIdentityStoreUser, i: number): readonly string[] => groupIdsAt[i] as readonly string[];
  // One engine run: only assigned users can log in, so only they count for collisions and seats; the rest only locate accounts.
  const run = simulateUserBase(ordered, inputs.awsMappings, profile, snapshot, { groupIdsOf, counted: assignedCount });

  if (!go('claims')) return undefined;
  const mapping = compileGroupMapping(inputs.groupMapping, index);
  const groupsOf = userGroupsResolver(aws.groupName, mapping);
  const compiled = compileAwsMappings(inputs.awsMappings);
  const reader = claimReaderFor(profile, compiled);
  const links = emptyLinks(snapshot);
  const plan = new GroupPlanCounter(index);
  const users: UserBaseUser[] = new Array<UserBaseUser>(ordered.length);
  for (let i = 0; i < ordered.length; i += 1) {
    const u = ordered[i] as AwsIdentityStoreUser;
    const row = run.rows[i] as UserBaseRow;
    const assigned = i < assignedCount;
    const groupIds = groupIdsAt[i] as readonly string[];
    const account = accountNow(row.account);
    const groups = groupsOf(groupIds);
    const expected = groups.expected;
    // An unassigned user has no login: nothing is carried, added or removed.
    const claims = assigned && expected.length ? reader.claims(u, groupIds) : NONE;
    const missingClaims = classifyMissingClaims({ expected, claims, current: account?.groups ?? NONE, added: assigned ? row.groupsAdded : NONE, removed: assigned ? row.groupsRemoved : NONE });
    const user = userOf(u, row, assignments[i] as Assignment, groups, account, missingClaims, assigned);
    users[i] = user;
    plan.add(user);
    link(links, index, row, u.UserName, assigned);
  }
  if (!go('accounts')) return undefined;
  const { orphaned, notFromAws } = findAccountsLeftBehind(index, links);
  const held = seatsHeld(orphaned);
  const findings: Finding[] = [];
  const orphanFinding = orphanedAccountFinding(profile.product, orphaned, held);
  if (orphanFinding) findings.push(orphanFinding);

  if (!go('plan')) return undefined;
  const groupPlan = plan.finish(reader.syncsGroups);
  // With memberships known, ${user:groups} is predicted from the real group IDs, not assumed empty.
  const notes = [...aws.notes, ...run.notes.filter((n) => !(inputs.memberships && n.startsWith(GROUPS_ASSUMPTION)))];
  if (inputs.memberships && compiled.attributes.some((a) => a.groups)) notes.push('${user:groups} sends each user\'s AWS GroupIds (from the memberships), not group names.');
  if (mapping.unmapped.size > 0) {
    const names = [...mapping.unmapped].slice(0, 10).map((n) => `"${n}"`).join(', ');
    notes.push(`${mapping.unmapped.size} AWS group(s) map to no Atlassian group (${names}${mapping.unmapped.size > 10 ? ', …' : ''})${inputs.groupMapping ? ' in the group mapping file' : ': no instance group has the same name'}.`);
  }
  if (groupPlan.loginStripsLocalGroups && groupPlan.memberships > 0) {
    notes.push('The engine removes every group the login does not carry: memberships granted locally are stripped again at each login. Turn off the group mapping (or group removal) so local groups last.');
  }

  return {
    engine: profile.provisioning.engine,
    product: profile.product,
    inputs: {
      users: inputs.users.length,
      groups: inputs.groups ? inputs.groups.length : null,
      memberships: inputs.memberships ? inputs.memberships.length : null,
      assignments: inputs.assignments ? inputs.assignments.length : null,
      groupMapping: inputs.groupMapping ? 'file' : 'same-name',
    },
    summary: summarise(users, run, index, orphaned.length, notFromAws.length, held),
    users,
    orphaned,
    notFromAws,
    plan: groupPlan,
    findings,
    notes,
  };
}

const NONE: readonly string[] = Object.freeze([]);

/** The users in result order (assigned first, then the rest), with each one's group ids and assignment looked up once. */
interface OrderedUsers {
  ordered: AwsIdentityStoreUser[];
  groupIds: Array<readonly string[]>;
  assignments: Assignment[];
  assignedCount: number;
}

function assignedFirst(all: readonly AwsIdentityStoreUser[], aws: AwsDirectory): OrderedUsers {
  const out: OrderedUsers = { ordered: [], groupIds: [], assignments: [], assignedCount: 0 };
  const rest: OrderedUsers = { ordered: [], groupIds: [], assignments: [], assignedCount: 0 };
  for (let i = 0; i < all.length; i += 1) {
    const u = all[i] as AwsIdentityStoreUser;
    const ids = aws.groupIdsAt(i);
    const a = aws.assignmentOf(u.UserId, ids);
    const to = a.assigned ? out : rest;
    to.ordered.push(u);
    to.groupIds.push(ids);
    to.assignments.push(a);
  }
  out.assignedCount = out.ordered.length;
  for (let i = 0; i < rest.ordered.length; i += 1) {
    out.ordered.push(rest.ordered[i] as AwsIdentityStoreUser);
    out.groupIds.push(rest.groupIds[i] as readonly string[]);
    out.assignments.push(rest.assignments[i] as Assignment);
  }
  return out;
}

function accountNow(located: LocatedUser | null): AccountNow | null {
  if (!located) return null;
  // The snapshot's own list, not a copy: both are read-only, and a copy per user of a base adds up.
  return { username: located.user.username, directory: located.directory.name, directoryType: located.directory.type, active: located.user.active, groups: located.user.groups };
}

function userOf(u: AwsIdentityStoreUser, row: UserBaseRow, assignment: Assignment, groups: UserGroups, account: AccountNow | null, missingClaims: UserBaseUser['missingClaims'], assigned: boolean): UserBaseUser {
  const email = primaryEmail(u) ?? null;
  const out: UserBaseUser = {
    awsUserId: u.UserId,
    awsUserName: u.UserName,
    displayName: u.DisplayName ?? u.Name?.Formatted ?? u.UserName,
    email,
    assignment,
    awsGroups: groups.names,
    account,
    outcome: assigned ? row.outcome : 'not-assigned',
    canLogIn: assigned && row.canLogIn,
    reason: assigned ? row.reason : NOT_ASSIGNED_REASON,
    username: row.username,
    nameId: row.nameId,
    // What an unassigned user's login would do never happens.
    groupsAdded: assigned ? row.groupsAdded : [],
    groupsRemoved: assigned ? row.groupsRemoved : [],
    groupsCreated: assigned ? row.groupsCreated : [],
    expectedGroups: groups.expected,
    missingClaims,
    colliding: assigned && row.colliding,
    collidesWith: assigned ? row.collidesWith : [],
    findingIds: assigned ? row.findingIds : [],
  };
  if (assigned && row.productMessage) out.productMessage = row.productMessage;
  return out;
}

function link(links: AccountLinks, index: SnapshotIndex, row: UserBaseRow, awsUserName: string, assigned: boolean): void {
  const account = row.account;
  if (assigned) {
    if (account) links.assigned[account.ordinal] = 1;
    // Accounts holding the login's NameID as jit_idp_id belong to its user too, also where the login lands elsewhere.
    if (row.nameId !== null && !onlyHolder(index, account, row.nameId)) {
      const holders = index.byJitIdpId.get(row.nameId);
      if (holders) for (let k = 0; k < holders.length; k += 1) links.assigned[(holders[k] as LocatedUser).ordinal] = 1;
    }
  } else {
    if (account && !links.unassigned.has(account.ordinal)) links.unassigned.set(account.ordinal, awsUserName);
    if (row.nameId !== null && !links.unassignedNameIds.has(row.nameId)) links.unassignedNameIds.set(row.nameId, awsUserName);
  }
}

/** The login's account holds the NameID, and no other account can (no jit_idp_id is shared): nothing to look up. */
function onlyHolder(index: SnapshotIndex, account: LocatedUser | null, nameId: string): boolean {
  return account !== null && !index.jitIdpIdShared && account.user.attributes['jit_idp_id'] === nameId;
}

function summarise(users: readonly UserBaseUser[], assignedRun: UserBaseResult, index: SnapshotIndex, orphaned: number, notFromAws: number, held: ReadonlyMap<string, number>): UserBaseSummary {
  const s: UserBaseSummary = {
    total: users.length,
    assigned: 0,
    notAssigned: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    failing: 0,
    canLogIn: 0,
    cannotLogIn: 0,
    losingGroups: 0,
    colliding: 0,
    withMissingClaims: 0,
    missingClaims: { hasLocally: 0, willLose: 0, neverGets: 0 },
    orphaned,
    notFromAws,
    findingCounts: { ...assignedRun.summary.findingCounts },
    failureReasons: [...assignedRun.summary.failureReasons],
    seats: [],
  };
  for (const u of users) {
    if (u.outcome === 'not-assigned') s.notAssigned += 1;
    else {
      s.assigned += 1;
      if (u.outcome === 'create') s.created += 1;
      else if (u.outcome === 'update') s.updated += 1;
      else if (u.outcome === 'unchanged') s.unchanged += 1;
      else s.failing += 1;
    }
    if (u.canLogIn) s.canLogIn += 1;
    else s.cannotLogIn += 1;
    if (u.groupsRemoved.length > 0) s.losingGroups += 1;
    if (u.colliding) s.colliding += 1;
    if (hasMissingClaims(u.missingClaims)) s.withMissingClaims += 1;
    s.missingClaims.hasLocally += u.missingClaims.hasLocally.length;
    s.missingClaims.willLose += u.missingClaims.willLose.length;
    s.missingClaims.neverGets += u.missingClaims.neverGets.length;
  }
  if (s.notAssigned > 0) s.failureReasons.push({ reason: 'Not assigned to the application in IAM Identity Center', count: s.notAssigned });
  if (orphaned > 0) s.findingCounts['jit.orphaned-account'] = orphaned;
  s.seats = seatUse(assignedRun, index, held);
  return s;
}

function seatUse(run: UserBaseResult, index: SnapshotIndex, held: ReadonlyMap<string, number>): SeatUse[] {
  const needed = new Map(run.summary.licence.map((l) => [l.application, l] as const));
  const out: SeatUse[] = [];
  for (const lic of index.snapshot.license) {
    const n = needed.get(lic.application);
    out.push({ application: lic.application, seats: lic.seats, used: lic.used, needed: n?.newUsers ?? 0, heldByOrphans: held.get(lic.application) ?? 0, overBy: n?.overBy ?? 0 });
  }
  return out;
}
