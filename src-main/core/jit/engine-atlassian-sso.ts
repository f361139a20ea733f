/**
 * Atlassian's built-in "SSO for Atlassian Data Center" (SSO 2.0) login with JIT provisioning,
 * step for step as atlassian.md §2.3 reads it from the plugin's code. Inferred steps say so.
 */
import { FindingSink } from './finding-sink.js';
import {
  applyGroupChanges,
  checkLogInPermitted,
  cloneUser,
  likelySamePerson,
  noGroupChange,
  outcomeOf,
  sameUserData,
  toSimulatedUser,
  type EngineResult,
} from './engine-common.js';
import {
  attributeMissing,
  caseMismatch,
  duplicateEmail,
  groupsNotSent,
  invalidUsername,
  licenseFull,
  nameIdMissing,
  noWritableDirectory,
  remoteDirectoryUser,
  renameFinding,
  usernameMismatch,
  type FindingContext,
} from './jit-findings.js';
import { checkLicenseForNewUser } from './license-check.js';
import { evaluateMappingExpression, parseMappingExpression, type VariableProblem } from './mapping-expression.js';
import { MappingLog } from './mapping-log.js';
import { ATLASSIAN_MESSAGES } from './product-messages.js';
import { isRemoteDirectory, resolveUsername, type LocatedUser, type SnapshotIndex } from './snapshot-index.js';
import type { Product } from './snapshot-schema.js';
import type { GroupChanges, LoginFacts, SimulatedUser } from './simulation-types.js';
import { StepLog } from './step-log.js';
import type { AtlassianSsoSettings } from './target-profile-schema.js';
import { usernameProblems } from './username-rules.js';
import { chooseWritableDirectory } from './writable-directory.js';

export interface EngineOptions {
  /** Record steps and mappings (default true); bulk simulations turn it off. */
  collectSteps?: boolean;
  /** Build findings (default true); bulk simulations keep only their ids. */
  collectFindings?: boolean;
}

interface Failure {
  reason: string;
  productMessage?: string;
}

export function simulateAtlassianSso(
  facts: LoginFacts,
  settings: AtlassianSsoSettings,
  index: SnapshotIndex,
  product: Product,
  options: EngineOptions = {},
): EngineResult {
  const log = new StepLog(options.collectSteps ?? true);
  const mappings = new MappingLog(options.collectSteps ?? true);
  const findings = new FindingSink(options.collectFindings ?? true);
  const ctx: FindingContext = { product, engine: 'atlassian-sso', facts };
  let username: string | null = null;
  let before: SimulatedUser | null = null;

  const fail = (f: Failure, user: SimulatedUser | null = before): EngineResult => {
    const result: EngineResult = {
      outcome: 'fail',
      canLogIn: false,
      reason: f.reason,
      username,
      user: { before: user, after: user },
      groups: noGroupChange(user?.groups ?? []),
      steps: log.steps,
      findings: findings.findings,
      findingIds: findings.ids,
      mappings: mappings.mappings,
    };
    if (f.productMessage) result.productMessage = f.productMessage;
    return result;
  };

  // 1. Username = the username mapping, `${NameID}` by default.
  const parsed = parseMappingExpression(settings.usernameMapping);
  if (!parsed.ok) {
    mappings.add(() => ({ field: 'username', expression: settings.usernameMapping, attributes: [], problem: `not a valid expression: ${parsed.error}` }));
    log.add('Username', `Username mapping "${settings.usernameMapping}" is not a valid expression: ${parsed.error}.`, 'fail');
    return fail({ reason: `The username mapping is invalid: ${parsed.error}.` });
  }
  const evaluated = evaluateMappingExpression(parsed.parts, facts.nameId, facts.attributes);
  mappings.expression('username', settings.usernameMapping, parsed.parts, evaluated, facts);
  if (!evaluated.ok) {
    const p = evaluated.problem;
    if (p.kind === 'no-nameid') {
      findings.add('jit.attribute-missing', () => nameIdMissing(ctx));
      log.add('Username', `Username mapping ${settings.usernameMapping} needs the NameID, and the response has none.`, 'fail');
      return fail({ reason: 'The response has no NameID.', productMessage: ATLASSIAN_MESSAGES.nameIdNotFound });
    }
    findings.add('jit.attribute-missing', () => attributeMissing(ctx, variableProblemArgs(p, 'username', settings.usernameMapping)));
    // Inferred: the username path uses getOnlyElement, so the failure is a generic error, not the JIT message.
    log.add('Username', `Username mapping ${settings.usernameMapping}: ${p.message}.`, 'fail', true);
    return fail({ reason: `The username mapping ${settings.usernameMapping} cannot be evaluated: ${p.message}.` });
  }
  username = evaluated.value;
  log.add('Username', `Username mapping ${settings.usernameMapping} gives "${username}".`, 'pass');

  const problems = usernameProblems(product, username);
  if (problems.length > 0) {
    findings.add('jit.invalid-username', () => invalidUsername(ctx, { username, problems }));
    if (problems.some((p) => p.blocking)) {
      log.add('Username is valid', problems.map((p) => p.rule).join('; '), 'fail', problems.every((p) => p.inferred));
      return fail({ reason: `"${username}" is not a valid ${product} username.` });
    }
    // Inferred: JIT creates through Crowd and bypasses the product's username validation.
    log.add('Username is valid', problems.map((p) => p.rule).join('; '), 'info', true);
  }

  if (!settings.createUsers) return withoutJit(ctx, index, log, mappings, findings, username);

  // 2. JIT data: identity provider id, display name, e-mail, groups.
  const nameId = facts.nameId;
  if (nameId === undefined) {
    findings.add('jit.attribute-missing', () => nameIdMissing(ctx));
    log.add('NameID', 'JIT provisioning stores the NameID as the identity-provider id; the response has none.', 'fail');
    return fail({ reason: 'The response has no NameID.', productMessage: ATLASSIAN_MESSAGES.nameIdNotFound });
  }
  const found = findInternalUser(index, nameId, username);
  before = found ? toSimulatedUser(found.located) : null;
  const remote = found ? undefined : resolveUsername(index, username);

  const failures: Failure[] = [];
  const displayName = mappedValue(ctx, log, mappings, findings, failures, 'display name', settings.displayNameMapping);
  const email = mappedValue(ctx, log, mappings, findings, failures, 'email', settings.emailMapping);
  let incomingGroups: string[] | undefined;
  if (!settings.groupsAttribute) {
    findings.add('jit.attribute-missing', () => attributeMissing(ctx, { attribute: '(groups)', field: 'groups', reason: 'not-configured', blocking: true }));
    mappings.notConfigured('groups', ATLASSIAN_MESSAGES.configNotSet('groups'));
    log.add('Groups mapping', 'Not configured.', 'fail');
    failures.push({ reason: 'The groups mapping is not configured.', productMessage: ATLASSIAN_MESSAGES.configNotSet('groups') });
  } else {
    mappings.attribute('groups', settings.groupsAttribute, facts, { all: true });
    const values = facts.attributes.get(settings.groupsAttribute);
    if (!values) {
      const atRisk = (found ? found.located.user.groups : remote?.user.groups) ?? [];
      const attribute = settings.groupsAttribute;
      findings.add('jit.groups-not-sent', () => groupsNotSent(ctx, { attribute, groupsAtRisk: atRisk }));
      log.add('Groups mapping', `The response has no "${settings.groupsAttribute}" attribute (AWS IAM Identity Center sends no group names).`, 'fail');
      failures.push({
        reason: `The response has no "${settings.groupsAttribute}" attribute, which JIT group sync requires.`,
        productMessage: ATLASSIAN_MESSAGES.attributeNotFound(settings.groupsAttribute),
      });
    } else {
      incomingGroups = [...values];
      log.add('Groups mapping', `"${settings.groupsAttribute}" lists ${values.length ? values.join(', ') : 'no groups'}.`, 'pass');
    }
  }
  const firstFailure = failures[0];
  if (firstFailure || displayName === undefined || email === undefined || incomingGroups === undefined) {
    return fail(firstFailure ?? { reason: 'A JIT mapping could not be evaluated.' }, before ?? (remote ? toSimulatedUser(remote) : null));
  }

  // 3. The JIT directory: first active internal directory with CREATE_USER and CREATE_GROUP, checked on every JIT login.
  const choice = chooseWritableDirectory(index, { groups: true, writable: false });
  if (!choice.found) {
    findings.add('jit.no-writable-directory', () => noWritableDirectory(ctx, { directories: index.snapshot.directories, everyLogin: true }));
    log.add('JIT directory', 'No active internal directory has CREATE_USER and CREATE_GROUP.', 'fail');
    return fail({ reason: 'No active internal directory can create users and groups.', productMessage: ATLASSIAN_MESSAGES.noInternalDirectory });
  }
  const jitDirectory = choice.directory;
  if (choice.assumptions.length > 0) {
    // Unknown permissions are not a finding, but the simulation must not pass them off as checked: an inferred step says what was assumed and what follows if it is wrong.
    const which = jitDirectory ? `"${jitDirectory.name}" is taken as the JIT directory` : 'The JIT directory could not be identified';
    log.add('JIT directory', `${which}, but ${choice.assumptions.join('; ')}. If that is wrong, every JIT login fails: "${ATLASSIAN_MESSAGES.noInternalDirectory}".`, 'info', true);
  } else if (jitDirectory) {
    log.add('JIT directory', `"${jitDirectory.name}", the first active internal directory that may create users and groups.`, 'pass');
  }

  // 4. Find the user: jit_idp_id, then username, in internal directories only.
  let after: SimulatedUser;
  let groups: GroupChanges;
  let created = false;
  if (found) {
    // Inferred when the snapshot does not say which directory holds the user, or of which type it is.
    const untyped = found.located.directory.type === 'unknown';
    const caveat = found.located.directoryAssumed
      ? untyped
        ? ' (the snapshot records no directory for the user; treated as internal, where JIT finds and updates users)'
        : ' (directory not in the snapshot; first active directory assumed)'
      : untyped
        ? ' (the directory\'s type is not recorded; treated as internal, where JIT finds and updates users)'
        : '';
    log.add(
      'Find user',
      `Found "${found.located.user.username}" in "${found.located.directory.name}" by ${found.via === 'jit_idp_id' ? 'jit_idp_id = NameID' : 'username'}${caveat}.`,
      'pass',
      found.located.directoryAssumed || untyped,
    );
    // 6. Update: identity-provider id, rename, display name, e-mail.
    const current = found.located.user;
    after = cloneUser(before as SimulatedUser);
    const changes: string[] = [];
    if (after.attributes['jit_idp_id'] !== nameId) {
      after.attributes['jit_idp_id'] = nameId;
      changes.push('stores jit_idp_id');
    }
    if (current.username !== username) {
      const taken = index.byLowerName.get(username.toLowerCase())?.find((l) => l.user !== current && l.directory.id === found.located.directory.id);
      if (taken) {
        findings.add('jit.rename', () => renameFinding(ctx, { from: current.username, to: username, via: found.via }));
        // Inferred: Crowd refuses to rename onto an existing name in the same directory.
        log.add('Rename', `Renaming "${current.username}" to "${username}" collides with the existing user "${taken.user.username}".`, 'fail', true);
        return fail({ reason: `Renaming "${current.username}" to "${username}" collides with an existing user.` });
      }
      if (current.username.toLowerCase() === username.toLowerCase()) findings.add('jit.case-mismatch', () => caseMismatch(ctx, { username, existing: current.username, renames: true }));
      else findings.add('jit.rename', () => renameFinding(ctx, { from: current.username, to: username, via: found.via }));
      after.username = username;
      changes.push(`renames "${current.username}" → "${username}"`);
    }
    if (after.displayName !== displayName) {
      after.displayName = displayName;
      changes.push('updates the display name');
    }
    if (after.email !== email) {
      after.email = email;
      changes.push('updates the e-mail address');
    }
    // Inferred: username.equals() is case-sensitive, so a case-only difference is a rename attempt.
    log.add('Update user', changes.length ? `Login ${changes.join(', ')}.` : 'Nothing to change.', changes.length ? 'change' : 'pass', current.username.toLowerCase() === username.toLowerCase() && current.username !== username);
    const userDirectoryId = found.located.directoryAssumed ? undefined : found.located.directory.id;
    groups = syncUserGroups(ctx, index, log, findings, after, incomingGroups, settings.groupsAttribute ?? '', userDirectoryId, jitDirectory?.id);
  } else if (remote) {
    // 5. Not in an internal directory but the product knows the name: it lives in a remote directory.
    before = toSimulatedUser(remote);
    findings.add('jit.remote-directory-user', () => remoteDirectoryUser(ctx, { username, directory: remote.directory, shadowsInternal: false }));
    // Inferred from the plugin's two `if`s: no create, no update, no group sync.
    log.add('Find user', `"${remote.user.username}" exists only in the ${remote.directory.type} directory "${remote.directory.name}": logged in from there, not created, updated or regrouped.`, 'info', true);
    const access = checkLogInPermitted(ctx, index, log, findings, before, []);
    return finish(access.canLogIn, false, false, before, before, noGroupChange(before.groups), access, log, mappings, findings, username);
  } else {
    log.add('Find user', `No internal user has jit_idp_id "${nameId}" or username "${username}", and no other directory has "${username}".`, 'info');
    const same = likelySamePerson(index, username);
    if (same) findings.add('jit.username-mismatch', () => usernameMismatch(ctx, { username, existing: same.existing.user.username, via: same.via, consequence: 'duplicate', usernameSource: settings.usernameMapping }));
    const sharing = index.byLowerEmail.get(email.toLowerCase());
    if (sharing && sharing.length > 0) {
      findings.add('jit.duplicate-email', () => duplicateEmail(ctx, { email, usernames: sharing.map((l) => l.user.username), effect: `The new account "${username}" would share it; Atlassian products do not enforce unique e-mail addresses, and e-mail lookups pick the first user alphabetically.` }));
    }
    // 5. Licence check before creating.
    const licence = checkLicenseForNewUser(index, product, incomingGroups);
    if (!licence.ok) {
      findings.add('jit.license-full', () => licenseFull(ctx, { applications: licence.checked.filter((c) => c.full), blocking: true }));
      log.add('Licence check', licence.detail, 'fail');
      return fail({ reason: 'The licence has no free seat for a new user.', productMessage: ATLASSIAN_MESSAGES.licenseLimit }, null);
    }
    // Inferred when the snapshot has no licence figures for an application the check needs.
    log.add('Licence check', licence.detail, 'pass', licence.unknown.length > 0);
    after = {
      username,
      displayName,
      email,
      active: true,
      directoryId: jitDirectory?.id ?? null,
      attributes: { jit_idp_id: nameId },
      groups: [],
    };
    if (jitDirectory) after.directoryName = jitDirectory.name;
    created = true;
    log.add('Create user', `Creates "${username}" in ${jitDirectory ? `"${jitDirectory.name}"` : 'the JIT directory'} with jit_idp_id = NameID and a random password.`, 'change');
    groups = syncUserGroups(ctx, index, log, findings, after, incomingGroups, settings.groupsAttribute ?? '', jitDirectory?.id, jitDirectory?.id);
  }

  // 8. The product resolves the principal by name: an earlier remote directory with the same name wins.
  let principal = after;
  const shadow = index.byLowerName.get(after.username.toLowerCase())?.[0];
  if (shadow && isRemoteDirectory(shadow.directory) && shadow.user !== found?.located.user) {
    findings.add('jit.remote-directory-user', () => remoteDirectoryUser(ctx, { username: after.username, directory: shadow.directory, shadowsInternal: true }));
    // Inferred: the first directory holding the name wins (shadowing), as for any login.
    log.add('Resolve user', `The ${shadow.directory.type} directory "${shadow.directory.name}" comes first and also has "${after.username}": the login uses that account.`, 'info', true);
    principal = toSimulatedUser(shadow);
  }
  const access = checkLogInPermitted(ctx, index, log, findings, principal, groups.removed);
  const changed = created || !sameUserData(before as SimulatedUser, after) || groups.added.length > 0 || groups.removed.length > 0;
  return finish(access.canLogIn, created, changed, before, after, groups, access, log, mappings, findings, username);
}

function finish(
  canLogIn: boolean,
  created: boolean,
  changed: boolean,
  before: SimulatedUser | null,
  after: SimulatedUser,
  groups: GroupChanges,
  access: { reason?: string; productMessage?: string },
  log: StepLog,
  mappings: MappingLog,
  findings: FindingSink,
  username: string,
): EngineResult {
  const outcome = outcomeOf(!canLogIn, created, changed);
  let reason: string;
  if (!canLogIn) reason = `${access.reason ?? 'The login is refused.'}${created ? ' The account is created anyway.' : changed ? ' The account is changed anyway.' : ''}`;
  else if (created) reason = `Creates "${username}" and logs in.`;
  else if (changed) reason = `Updates "${after.username}" and logs in.`;
  else reason = `Logs in as "${after.username}" without changes.`;
  const result: EngineResult = { outcome, canLogIn, reason, username, user: { before, after }, groups, steps: log.steps, findings: findings.findings, findingIds: findings.ids, mappings: mappings.mappings };
  if (access.productMessage) result.productMessage = access.productMessage;
  return result;
}

/** JIT off: the user must exist in some active directory (atlassian.md §2.3 steps 1 and 8). */
function withoutJit(ctx: FindingContext, index: SnapshotIndex, log: StepLog, mappings: MappingLog, findings: FindingSink, username: string): EngineResult {
  log.add('JIT provisioning', '"Create users on login" is off: the user must already exist.', 'info');
  const found = resolveUsername(index, username);
  if (!found) {
    const same = likelySamePerson(index, username);
    if (same) findings.add('jit.username-mismatch', () => usernameMismatch(ctx, { username, existing: same.existing.user.username, via: same.via, consequence: 'fails', usernameSource: 'the username mapping' }));
    log.add('Find user', `No active directory has "${username}".`, 'fail');
    return {
      outcome: 'fail',
      canLogIn: false,
      reason: `No user "${username}" exists and JIT provisioning is off.`,
      productMessage: ATLASSIAN_MESSAGES.userDoesNotExist(username),
      username,
      user: { before: null, after: null },
      groups: noGroupChange([]),
      steps: log.steps,
      findings: findings.findings,
      findingIds: findings.ids,
      mappings: mappings.mappings,
    };
  }
  if (found.user.username !== username) findings.add('jit.case-mismatch', () => caseMismatch(ctx, { username, existing: found.user.username, renames: false }));
  const user = toSimulatedUser(found);
  log.add('Find user', `Found "${found.user.username}" in "${found.directory.name}".`, 'pass', found.directoryAssumed);
  const access = checkLogInPermitted(ctx, index, log, findings, user, []);
  return finish(access.canLogIn, false, false, user, user, noGroupChange(user.groups), access, log, mappings, findings, username);
}

/**
 * Step 4: jit_idp_id == NameID first, then the username, in active internal directories, in order. A directory
 * of unknown type counts as internal: assuming JIT touches the user shows what it would change (the caller marks it inferred).
 */
function findInternalUser(index: SnapshotIndex, nameId: string, username: string): { located: LocatedUser; via: 'jit_idp_id' | 'username' } | undefined {
  const isInternal = (l: LocatedUser): boolean => !isRemoteDirectory(l.directory);
  const byId = index.byJitIdpId.get(nameId)?.find(isInternal);
  if (byId) return { located: byId, via: 'jit_idp_id' };
  const byName = index.byLowerName.get(username.toLowerCase())?.find(isInternal);
  return byName ? { located: byName, via: 'username' } : undefined;
}

function variableProblemArgs(p: VariableProblem, field: string, expression: string): Parameters<typeof attributeMissing>[1] {
  const args: Parameters<typeof attributeMissing>[1] = { attribute: p.variable, field, expression, reason: p.kind === 'multi-valued' ? 'multi-valued' : 'missing', blocking: true };
  if (p.kind === 'multi-valued') args.values = p.values;
  return args;
}

/** Evaluates the display-name or e-mail mapping; records failures in the plugin's words. */
function mappedValue(
  ctx: FindingContext,
  log: StepLog,
  mappings: MappingLog,
  findings: FindingSink,
  failures: Failure[],
  field: 'display name' | 'email',
  expression: string | undefined,
): string | undefined {
  const title = field === 'email' ? 'E-mail mapping' : 'Display name mapping';
  const mappingField = field === 'email' ? 'email' : 'displayName';
  if (!expression) {
    mappings.notConfigured(mappingField, ATLASSIAN_MESSAGES.configNotSet(field));
    findings.add('jit.attribute-missing', () => attributeMissing(ctx, { attribute: `(${field})`, field, reason: 'not-configured', blocking: true }));
    log.add(title, 'Not configured.', 'fail');
    failures.push({ reason: `The ${field} mapping is not configured.`, productMessage: ATLASSIAN_MESSAGES.configNotSet(field) });
    return undefined;
  }
  const parsed = parseMappingExpression(expression);
  if (!parsed.ok) {
    mappings.add(() => ({ field: mappingField, expression, attributes: [], problem: `not a valid expression: ${parsed.error}` }));
    log.add(title, `"${expression}" is not a valid expression: ${parsed.error}.`, 'fail');
    failures.push({ reason: `The ${field} mapping is invalid: ${parsed.error}.` });
    return undefined;
  }
  const value = evaluateMappingExpression(parsed.parts, ctx.facts.nameId, ctx.facts.attributes);
  mappings.expression(mappingField, expression, parsed.parts, value, ctx.facts);
  if (!value.ok) {
    const p = value.problem;
    if (p.kind === 'no-nameid') {
      log.add(title, `${expression} needs the NameID, and the response has none.`, 'fail');
      failures.push({ reason: 'The response has no NameID.', productMessage: ATLASSIAN_MESSAGES.nameIdNotFound });
      return undefined;
    }
    findings.add('jit.attribute-missing', () => attributeMissing(ctx, variableProblemArgs(p, field, expression)));
    log.add(title, `${expression}: ${p.message}.`, 'fail', p.kind === 'multi-valued');
    const failure: Failure = { reason: `The ${field} mapping ${expression} cannot be evaluated: ${p.message}.` };
    if (p.kind === 'missing') failure.productMessage = p.message;
    failures.push(failure);
    return undefined;
  }
  log.add(title, `${expression} gives "${value.value}".`, 'pass');
  return value.value;
}

/**
 * Step 7: the IdP list replaces the user's direct memberships; missing groups are created in the JIT directory.
 * An undefined directory id means the snapshot does not record it: a group then counts as existing if it exists anywhere.
 */
function syncUserGroups(
  ctx: FindingContext,
  index: SnapshotIndex,
  log: StepLog,
  findings: FindingSink,
  user: SimulatedUser,
  incoming: readonly string[],
  attribute: string,
  userDirectoryId: string | undefined,
  jitDirectoryId: string | undefined,
): GroupChanges {
  const { changes, summary: parts } = applyGroupChanges(ctx, index, findings, user, incoming, true, attribute, [userDirectoryId, jitDirectoryId]);
  // Inferred: group names are compared case-insensitively (IdentifierSet), which the research could not confirm.
  log.add('Group sync', parts.length ? `Login ${parts.join('; ')}.` : 'Memberships already match the response.', parts.length ? 'change' : 'pass', true);
  return changes;
}
