/**
 * What one engine run carries from step to step (the logs, the finding sink, the instance), and the two
 * ways a run ends: a failure before the login completes, or a finished login. Both engines use it, so
 * each engine reads as its product's list of login steps.
 */
import { FindingSink } from './finding-sink.js';
import { noGroupChange, outcomeOf, toSimulatedUser, type AccessVerdict, type EngineResult } from './engine-common.js';
import type { FindingContext } from './jit-findings.js';
import { MappingLog } from './mapping-log.js';
import type { LocatedUser, SnapshotIndex } from './snapshot-index.js';
import type { Product } from './snapshot-schema.js';
import type { GroupChanges, JitEngine, LoginFacts, SimulatedUser } from './simulation-types.js';
import { StepLog } from './step-log.js';

export interface EngineOptions {
  /** Record steps and mappings (default true); bulk simulations turn it off. */
  collectSteps?: boolean;
  /** Build findings (default true); bulk simulations keep only their ids. */
  collectFindings?: boolean;
}

export interface EngineRun {
  readonly ctx: FindingContext;
  readonly facts: LoginFacts;
  readonly index: SnapshotIndex;
  readonly product: Product;
  readonly log: StepLog;
  readonly mappings: MappingLog;
  readonly findings: FindingSink;
  /** The snapshot account the login found (set by accountFound), handed on in the result. */
  account: LocatedUser | null;
}

/**
 * The logs of a run that records no steps: they never add anything, so one pair serves every login of a bulk run
 * (their lists are frozen, so a stray write fails loudly instead of leaking into another login's result).
 */
const NO_STEPS = new StepLog(false);
const NO_MAPPINGS = new MappingLog(false);
Object.freeze(NO_STEPS.steps);
Object.freeze(NO_MAPPINGS.mappings);

export function startRun(engine: JitEngine, facts: LoginFacts, index: SnapshotIndex, product: Product, options: EngineOptions): EngineRun {
  return {
    ctx: { product, engine, facts },
    facts,
    index,
    product,
    log: options.collectSteps === false ? NO_STEPS : new StepLog(),
    mappings: options.collectSteps === false ? NO_MAPPINGS : new MappingLog(),
    findings: new FindingSink(options.collectFindings ?? true),
    account: null,
  };
}

/** The account the login found, as the engine's "before" user; remembered so the result can name the snapshot account itself. */
export function accountFound(run: EngineRun, located: LocatedUser): SimulatedUser {
  run.account = located;
  return toSimulatedUser(located);
}

/** Why a step stopped the login, with the product's own text when it is known. */
export class LoginFailure {
  constructor(
    readonly reason: string,
    readonly productMessage?: string,
  ) {}
}

/** The login stopped before it completed: nothing about the user changed. */
export function failedResult(run: EngineRun, failure: LoginFailure, username: string | null, user: SimulatedUser | null): EngineResult {
  const result: EngineResult = {
    outcome: 'fail',
    canLogIn: false,
    reason: failure.reason,
    username,
    user: { before: user, after: user },
    account: user === null ? null : run.account,
    groups: noGroupChange(user?.groups ?? []),
    steps: run.log.steps,
    findings: run.findings.findings,
    findingIds: run.findings.ids,
    mappings: run.mappings.mappings,
  };
  if (failure.productMessage) result.productMessage = failure.productMessage;
  return result;
}

export interface FinishedLogin {
  /** The username the login asked for (the account's own name may differ in case). */
  username: string;
  before: SimulatedUser | null;
  after: SimulatedUser;
  groups: GroupChanges;
  created: boolean;
  changed: boolean;
  access: AccessVerdict;
}

/** The login ran to its end: create, update, unchanged, or refused at the last check (the account may have changed anyway). */
export function finishedResult(run: EngineRun, login: FinishedLogin): EngineResult {
  const { username, before, after, groups, created, changed, access } = login;
  let reason: string;
  if (!access.canLogIn) reason = `${access.reason ?? 'The login is refused.'}${created ? ' The account is created anyway.' : changed ? ' The account is changed anyway.' : ''}`;
  else if (created) reason = `Creates "${username}" and logs in.`;
  else if (changed) reason = `Updates "${after.username}" and logs in.`;
  else reason = `Logs in as "${after.username}" without changes.`;
  const result: EngineResult = {
    outcome: outcomeOf(!access.canLogIn, created, changed),
    canLogIn: access.canLogIn,
    reason,
    username,
    user: { before, after },
    account: before === null ? null : run.account,
    groups,
    steps: run.log.steps,
    findings: run.findings.findings,
    findingIds: run.findings.ids,
    mappings: run.mappings.mappings,
  };
  if (!access.canLogIn && access.productMessage) result.productMessage = access.productMessage;
  return result;
}
