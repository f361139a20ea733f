/**
 * Predicts every AWS user's next (first) SSO login against one snapshot. Linear in users: the
 * snapshot is indexed once, the mappings compiled once, and each user costs a few map lookups.
 * Each login is predicted against the unchanged snapshot; interactions between logins (seats,
 * two people resolving to one account) are reported in the summary instead.
 */
import { compileAwsMappings, factsForAwsUser, type AwsIdentityStoreUser, type AwsMappings } from './aws-users.js';
import { runEngine, snapshotIndexFor } from './simulate-login.js';
import { applicationsFor, type LocatedUser } from './snapshot-index.js';
import type { InstanceSnapshot, Product } from './snapshot-schema.js';
import type { JitEngine, SimulationOutcome } from './simulation-types.js';
import type { TargetProfile } from './target-profile-schema.js';
import { lowerCase } from './case-fold.js';

export interface UserBaseRow {
  awsUserName: string;
  awsUserId: string;
  nameId: string | null;
  /** The Atlassian username the login resolves to. */
  username: string | null;
  outcome: SimulationOutcome;
  canLogIn: boolean;
  reason: string;
  productMessage?: string;
  /** Existing account the login uses, if any. */
  matchedUser: string | null;
  /** Directory of that account (`null` when none, or the snapshot does not record it). */
  matchedDirectoryId: string | null;
  /** That account in the snapshot (`null` when none). */
  account: LocatedUser | null;
  groupsAdded: string[];
  groupsRemoved: string[];
  groupsCreated: string[];
  losingGroups: boolean;
  /** Another AWS user resolves to the same Atlassian account. */
  colliding: boolean;
  collidesWith: readonly string[];
  findingIds: string[];
}

export interface UserBaseSummary {
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  failing: number;
  canLogIn: number;
  losingGroups: number;
  colliding: number;
  /** How many users each finding id concerns. */
  findingCounts: Record<string, number>;
  /** Most common failure reasons (reason text with user-specific names removed) and how many users hit them. */
  failureReasons: Array<{ reason: string; count: number }>;
  /** Seats the predicted creations need against what the snapshot's licence has free. */
  licence: Array<{ application: string; seats: number | null; used: number; newUsers: number; overBy: number }>;
}

export interface UserBaseResult {
  engine: JitEngine;
  product: Product;
  summary: UserBaseSummary;
  rows: UserBaseRow[];
  /** Assumptions the prediction made about AWS attribute values. */
  notes: string[];
}

export interface UserBaseOptions {
  /** The user's AWS group IDs, when the memberships are known (what `${user:groups}` sends); `i` is the user's position in `users`. */
  groupIdsOf?: (user: AwsIdentityStoreUser, i: number) => readonly string[];
  /**
   * Only the first `counted` users log in (default: all). The others still get a row (it locates their account),
   * but stay out of the summary, the collisions and the seat count: one run serves assigned and unassigned users.
   */
  counted?: number;
}

export function simulateUserBase(users: readonly AwsIdentityStoreUser[], mappings: AwsMappings, profile: TargetProfile, snapshot: InstanceSnapshot, options: UserBaseOptions = {}): UserBaseResult {
  const index = snapshotIndexFor(snapshot);
  const compiled = compileAwsMappings(mappings);
  const rows: UserBaseRow[] = new Array<UserBaseRow>(users.length);
  const byAccount: AccountLogins = { existing: new Int32Array(snapshot.users.length), sharedExisting: new Map(), created: new Map() };
  const findingCounts: Record<string, number> = {};
  const reasons = new Map<string, number>();
  const newUsersByApp = new Map<string, number>();
  const counted = options.counted ?? users.length;
  const summary: UserBaseSummary = { total: counted, created: 0, updated: 0, unchanged: 0, failing: 0, canLogIn: 0, losingGroups: 0, colliding: 0, findingCounts, failureReasons: [], licence: [] };

  const bulk = { collectSteps: false, collectFindings: false } as const;
  for (let i = 0; i < users.length; i += 1) {
    const aws = users[i] as AwsIdentityStoreUser;
    const facts = factsForAwsUser(aws, compiled, options.groupIdsOf?.(aws, i));
    const r = runEngine(facts, profile, index, bulk);
    const ids = uniqueIds(r.findingIds);
    const row: UserBaseRow = {
      awsUserName: aws.UserName,
      awsUserId: aws.UserId,
      nameId: facts.nameId ?? null,
      username: r.username,
      outcome: r.outcome,
      canLogIn: r.canLogIn,
      reason: r.reason,
      matchedUser: r.user.before?.username ?? null,
      matchedDirectoryId: r.user.before?.directoryId ?? null,
      account: r.account,
      groupsAdded: r.groups.added,
      groupsRemoved: r.groups.removed,
      groupsCreated: r.groups.created,
      losingGroups: r.groups.removed.length > 0,
      colliding: false,
      // Replaced, never changed in place, for the few that collide.
      collidesWith: NO_ONE,
      findingIds: ids,
    };
    if (r.productMessage) row.productMessage = r.productMessage;
    rows[i] = row;
    if (i >= counted) continue;

    for (let k = 0; k < ids.length; k += 1) {
      const id = ids[k] as string;
      findingCounts[id] = (findingCounts[id] ?? 0) + 1;
    }
    if (r.outcome === 'create') summary.created += 1;
    else if (r.outcome === 'update') summary.updated += 1;
    else if (r.outcome === 'unchanged') summary.unchanged += 1;
    else {
      summary.failing += 1;
      const key = r.productMessage ? genericReason(r.productMessage) : genericReason(r.reason);
      reasons.set(key, (reasons.get(key) ?? 0) + 1);
    }
    if (r.canLogIn) summary.canLogIn += 1;
    if (row.losingGroups) summary.losingGroups += 1;
    if (r.user.after && (r.outcome === 'create' || r.user.before === null)) {
      for (const app of applicationsFor(index, r.user.after.groups)) newUsersByApp.set(app, (newUsersByApp.get(app) ?? 0) + 1);
    }
    // The account a login lands on: an existing one or the name it creates.
    if (r.account) landsOnAccount(byAccount, r.account.ordinal, i);
    else if (r.username) landsOn(byAccount.created, r.username, i);
  }

  for (const list of sharedAccounts(byAccount)) {
    for (const i of list) {
      const row = rows[i] as UserBaseRow;
      row.colliding = true;
      row.collidesWith = othersNamed(list, i, rows);
      summary.colliding += 1;
    }
  }
  summary.failureReasons = [...reasons.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([reason, count]) => ({ reason, count }));
  for (const [application, newUsers] of newUsersByApp) {
    const lic = index.licenseByApplication.get(application);
    if (!lic) continue;
    const free = lic.seats === null ? Infinity : Math.max(0, lic.seats - lic.used);
    summary.licence.push({ application, seats: lic.seats, used: lic.used, newUsers, overBy: Number.isFinite(free) ? Math.max(0, newUsers - free) : 0 });
  }
  return { engine: profile.provisioning.engine, product: profile.product, summary, rows, notes: compiled.notes };
}

/** Lower-case username → the index of the user whose login lands there, or the indexes when several do. */
type LoginsByName = Map<string, number | number[]>;

/**
 * Logins per account. Existing accounts by their position in the snapshot: `existing[ordinal]` is the index + 1 of
 * the first user landing there (0: none yet), and `sharedExisting` lists all of them once a second one lands: no
 * name to fold and hash per user of a large base. Accounts logins create, by lower-case name.
 */
interface AccountLogins {
  existing: Int32Array;
  sharedExisting: Map<number, number[]>;
  created: LoginsByName;
}

/** Records that user `i` lands on the existing account at `ordinal`. */
function landsOnAccount(byAccount: AccountLogins, ordinal: number, i: number): void {
  const first = (byAccount.existing[ordinal] as number) - 1;
  if (first < 0) byAccount.existing[ordinal] = i + 1;
  else {
    const shared = byAccount.sharedExisting.get(ordinal);
    if (shared) shared.push(i);
    else byAccount.sharedExisting.set(ordinal, [first, i]);
  }
}

/** Records that user `i` creates the account `username`: a bare index for the usual single login, an array for several. */
function landsOn(names: LoginsByName, username: string, i: number): void {
  const key = lowerCase(username);
  const seen = names.get(key);
  if (seen === undefined) names.set(key, i);
  else if (typeof seen === 'number') names.set(key, [seen, i]);
  else seen.push(i);
}

/** The lists of users landing on one account together (two or more each). forEach: no iterator result per account. */
function sharedAccounts(byAccount: AccountLogins): number[][] {
  const shared: number[][] = [];
  const collect = (seen: number | number[]): void => {
    if (typeof seen !== 'number') shared.push(seen);
  };
  byAccount.sharedExisting.forEach((list) => shared.push(list));
  byAccount.created.forEach(collect);
  return shared;
}

const NO_ONE: readonly string[] = Object.freeze([]);

/** How many of the other users landing on one account a row names. */
const NAMED_COLLISIONS = 10;

/**
 * The first few users of `list` other than `i`. Reads only as far as it needs: when a mapping sends one value for
 * everyone, the whole base lands on one account, and filtering the full list for each user would be quadratic.
 */
function othersNamed(list: readonly number[], i: number, rows: readonly UserBaseRow[]): string[] {
  const names: string[] = [];
  for (let k = 0; k < list.length && names.length < NAMED_COLLISIONS; k += 1) {
    const j = list[k] as number;
    if (j !== i) names.push((rows[j] as UserBaseRow).awsUserName);
  }
  return names;
}

/** Finding ids without repeats, in first-seen order (an engine may record one id twice); the engine's own list when it has none. */
function uniqueIds(found: string[]): string[] {
  if (!hasRepeats(found)) return found;
  const ids: string[] = [];
  for (let i = 0; i < found.length; i += 1) if (!ids.includes(found[i] as string)) ids.push(found[i] as string);
  return ids;
}

function hasRepeats(list: readonly string[]): boolean {
  for (let i = 1; i < list.length; i += 1) if (list.lastIndexOf(list[i] as string, i - 1) >= 0) return true;
  return false;
}

const QUOTED_NAME = /"[^"]*"/g;
const PRODUCT_MESSAGE_USER = /user \S+, but/;

/** Collapses per-user reasons into one line per cause (quoted names become "…"). Most users of a base can fail alike. */
function genericReason(reason: string): string {
  return reason.replace(QUOTED_NAME, '"…"').replace(PRODUCT_MESSAGE_USER, 'user …, but');
}
