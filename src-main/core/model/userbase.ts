/** What a user-base prediction reports. Part of the CLI JSON contract: add fields, never rename. */
import type { Finding } from './finding.js';
import type { JitEngine, Product, SimulationMapping, SimulationOutcome, SimulationStep } from './simulation.js';

/** `not-assigned`: the user is not assigned to the application, so Identity Center never starts a login. */
export type UserBaseOutcome = SimulationOutcome | 'not-assigned';

export interface Assignment {
  /** False when no assignments file was given: every user is then assumed assigned. */
  known: boolean;
  assigned: boolean;
  direct: boolean;
  /** AWS groups (display names) the assignment comes through. */
  viaGroups: readonly string[];
}

/** The Atlassian account a user's login lands on, as it is now. */
export interface AccountNow {
  username: string;
  directory: string;
  directoryType: string;
  active: boolean;
  groups: readonly string[];
}

/** Groups the mapping says a user should have that no login carries, by what happens to each. */
export interface MissingClaims {
  /** Held locally now and not taken away by the next login. */
  hasLocally: readonly string[];
  /** Held locally now, removed by the next login's group sync (Atlassian SSO JIT). */
  willLose: readonly string[];
  /** Not held and never sent: must be granted locally. */
  neverGets: readonly string[];
}

export interface UserBaseUser {
  awsUserId: string;
  awsUserName: string;
  displayName: string;
  email: string | null;
  assignment: Assignment;
  /** AWS groups by display name (the GroupId when list-groups did not name it). */
  awsGroups: string[];
  account: AccountNow | null;
  outcome: UserBaseOutcome;
  canLogIn: boolean;
  reason: string;
  productMessage?: string;
  /** The Atlassian username the login resolves to. */
  username: string | null;
  nameId: string | null;
  groupsAdded: string[];
  groupsRemoved: string[];
  groupsCreated: string[];
  /** Atlassian groups the group mapping says this user should have. */
  expectedGroups: string[];
  missingClaims: MissingClaims;
  colliding: boolean;
  collidesWith: readonly string[];
  findingIds: string[];
}

export type OrphanReason = 'deleted-in-aws' | 'not-assigned';

/** An active JIT-created account no AWS login will ever use again, or a local account not from AWS. */
export interface LocalAccount {
  username: string;
  displayName: string;
  email: string | null;
  directory: string;
  groups: string[];
  /** Applications whose seats the account holds. */
  applications: string[];
  /** How JIT marked it: `jit_idp_id` (Atlassian SSO) or resolution's tag; absent for "not from AWS". */
  jitMark?: 'jit_idp_id' | 'resolution-tag' | 'atlassian-sso-tag';
  /** For orphaned accounts: why. */
  reason?: OrphanReason;
  /** For `not-assigned`: the AWS user (UserName) whose login would land here. */
  awsUserName?: string;
}

export type PlanAction = 'add' | 'add-after-first-login' | 'keep' | 're-add-after-login';

export interface PlanRow {
  username: string;
  group: string;
  action: PlanAction;
}

export interface PlanGroupCount {
  group: string;
  /** The group exists in the instance; otherwise create it first. */
  exists: boolean;
  add: number;
  addAfterFirstLogin: number;
  keep: number;
  reAddAfterLogin: number;
}

export interface GroupPlan {
  /** How many memberships the plan lists; the rows themselves are derived from the users (core/userbase/group-plan.ts planRows). */
  memberships: number;
  perGroup: PlanGroupCount[];
  /** Every login strips local groups (Atlassian SSO group sync): re-adding only lasts until the next login. */
  loginStripsLocalGroups: boolean;
}

export interface SeatUse {
  application: string;
  /** Licensed seats; `null` = unlimited. */
  seats: number | null;
  used: number;
  /** Seats the predicted creations need. */
  needed: number;
  /** Seats held by orphaned JIT accounts (freed by deactivating them). */
  heldByOrphans: number;
  /** Creations beyond the free seats. */
  overBy: number;
}

export interface UserBaseSummary {
  total: number;
  assigned: number;
  notAssigned: number;
  created: number;
  updated: number;
  unchanged: number;
  failing: number;
  canLogIn: number;
  cannotLogIn: number;
  losingGroups: number;
  colliding: number;
  withMissingClaims: number;
  missingClaims: { hasLocally: number; willLose: number; neverGets: number };
  orphaned: number;
  notFromAws: number;
  findingCounts: Record<string, number>;
  failureReasons: Array<{ reason: string; count: number }>;
  seats: SeatUse[];
}

export interface UserBasePrediction {
  engine: JitEngine;
  product: Product;
  /** What was read. */
  inputs: { users: number; groups: number | null; memberships: number | null; assignments: number | null; groupMapping: 'file' | 'same-name' };
  summary: UserBaseSummary;
  users: UserBaseUser[];
  orphaned: LocalAccount[];
  notFromAws: LocalAccount[];
  plan: GroupPlan;
  /** `jit.orphaned-account` and other base-wide findings. */
  findings: Finding[];
  /** Assumptions and inputs that did not line up (unknown group ids, unmapped AWS groups). */
  notes: string[];
}

/** One user's login in full (steps, findings, mappings), for the row a person selects. */
export interface UserExplanation {
  steps: SimulationStep[];
  findings: Finding[];
  mappings: SimulationMapping[];
}
