/**
 * Atlassian's built-in "SSO for Atlassian Data Center" (SSO 2.0) login with JIT provisioning
 * (https://confluence.atlassian.com/enterprise/jit-user-provisioning-1005342579.html), in the order the
 * plugin's SAML consumer runs it: 1 username, 2 JIT data, 3 JIT directory, 4 find the user, 5 create or
 * 6 update, 7 group sync, 8 resolve the principal and check it may log in. Where the order or a detail comes
 * from the plugin's behaviour rather than its documentation, the step is marked inferred.
 */
import {
  applyGroupChanges,
  checkLogInPermitted,
  cloneUser,
  groupChangeSummary,
  groupsChange,
  likelySamePerson,
  noGroupChange,
  sameUserData,
  toSimulatedUser,
  type EngineResult,
} from './engine-common.js';
import { accountFound, failedResult, finishedResult, LoginFailure, startRun, type EngineOptions, type EngineRun } from './engine-run.js';
import {
  attributeMissing,
  caseMismatch,
  duplicateEmail,
  groupOutsideUserDirectory,
  groupsNotSent,
  invalidUsername,
  licenseFull,
  nameIdMissing,
  noWritableDirectory,
  remoteDirectoryUser,
  renameFinding,
  usernameMismatch,
} from './jit-findings.js';
import { checkLicenseForNewUser } from './license-check.js';
import { evaluateMappingExpression, expressionVariables, parseMappingExpression, type VariableProblem } from './mapping-expression.js';
import { ATLASSIAN_MESSAGES } from './product-messages.js';
import { groupExistsIn, isRemoteDirectory, resolveUsername, resolveUsernameOf, type LocatedUser, type SnapshotIndex } from './snapshot-index.js';
import type { Product, SnapshotDirectory } from './snapshot-schema.js';
import type { GroupChanges, LoginFacts, SimulatedUser } from './simulation-types.js';
import type { AtlassianSsoSettings } from './target-profile-schema.js';
import { usernameProblems } from './username-rules.js';
import { chooseWritableDirectory, type DirectoryNeeds } from './writable-directory.js';
import { lowerCase } from './case-fold.js';

export type { EngineOptions } from './engine-run.js';

/** Where the login finds the account before provisioning. */
interface ExistingUser {
  /** In an active internal directory, found by jit_idp_id or username: JIT updates it. */
  internal?: { located: LocatedUser; via: 'jit_idp_id' | 'username' };
  /** Only in a remote directory: logged in from there, untouched. */
  remote?: LocatedUser;
}

/** What the JIT mappings read from the response (step 2). */
interface JitData {
  nameId: string;
  displayName: string;
  email: string;
  groups: readonly string[];
}

/** The account after steps 5 to 7. */
interface Provisioned {
  before: SimulatedUser | null;
  after: SimulatedUser;
  groups: GroupChanges;
  created: boolean;
}

export function simulateAtlassianSso(
  facts: LoginFacts,
  settings: AtlassianSsoSettings,
  index: SnapshotIndex,
  product: Product,
  options: EngineOptions = {},
): EngineResult {
  const run = startRun('atlassian-sso', facts, index, product, options);

  const username = readUsername(run, settings);
  if (username instanceof LoginFailure) return failedResult(run, username, null, null);
  const invalid = checkUsernameRules(run, username);
  if (invalid) return failedResult(run, invalid, username, null);
  if (!settings.createUsers) return loginWithoutJit(run, username);

  const nameId = readIdentityProviderId(run);
  if (nameId instanceof LoginFailure) return failedResult(run, nameId, username, null);
  const existing = findExistingUser(index, nameId, username);
  const current = existing.internal?.located ?? existing.remote;
  const before = current ? accountFound(run, current) : null;
  const data = readJitData(run, settings, nameId, before);
  if (data instanceof LoginFailure) return failedResult(run, data, username, before);

  const jitDirectory = chooseJitDirectory(run);
  if (jitDirectory instanceof LoginFailure) return failedResult(run, jitDirectory, username, existing.internal ? before : null);

  if (existing.remote) return loginFromRemoteDirectory(run, username, existing.remote);
  const provisioned = existing.internal
    ? updateUser(run, settings, username, data, existing.internal, jitDirectory, before ?? toSimulatedUser(existing.internal.located))
    : createUser(run, settings, username, data, jitDirectory);
  if (provisioned instanceof LoginFailure) return failedResult(run, provisioned, username, before);

  return permitLogin(run, username, provisioned, existing);
}

/** Step 1: the username mapping, `${NameID}` by default; every variable must have exactly one value. */
function readUsername(run: EngineRun, settings: AtlassianSsoSettings): string | LoginFailure {
  const { log, mappings, findings, ctx, facts } = run;
  const parsed = parseMappingExpression(settings.usernameMapping);
  if (!parsed.ok) {
    mappings.add(() => ({ field: 'username', expression: settings.usernameMapping, attributes: [], problem: `not a valid expression: ${parsed.error}` }));
    log.add('Username', `Username mapping "${settings.usernameMapping}" is not a valid expression: ${parsed.error}.`, 'fail');
    return new LoginFailure(`The username mapping is invalid: ${parsed.error}.`);
  }
  const evaluated = evaluateMappingExpression(parsed.parts, facts.nameId, facts.attributes);
  mappings.expression('username', settings.usernameMapping, parsed.parts, evaluated, facts);
  if (!evaluated.ok) {
    const p = evaluated.problem;
    if (p.kind === 'no-nameid') {
      findings.add('jit.attribute-missing', () => nameIdMissing(ctx));
      log.add('Username', `Username mapping ${settings.usernameMapping} needs the NameID, and the response has none.`, 'fail');
      return new LoginFailure('The response has no NameID.', ATLASSIAN_MESSAGES.nameIdNotFound);
    }
    findings.add('jit.attribute-missing', () => attributeMissing(ctx, variableProblemArgs(p, 'username', settings.usernameMapping)));
    // Inferred: the username path takes the only element, so the failure is a generic error, not the JIT message.
    log.add('Username', `Username mapping ${settings.usernameMapping}: ${p.message}.`, 'fail', true);
    return new LoginFailure(`The username mapping ${settings.usernameMapping} cannot be evaluated: ${p.message}.`);
  }
  log.add('Username', () => `Username mapping ${settings.usernameMapping} gives "${evaluated.value}".`, 'pass');
  return evaluated.value;
}

/** The product's username rules; a blocking problem stops the login. */
function checkUsernameRules(run: EngineRun, username: string): LoginFailure | undefined {
  const problems = usernameProblems(run.product, username);
  if (problems.length === 0) return undefined;
  run.findings.add('jit.invalid-username', () => invalidUsername(run.ctx, { username, problems }));
  if (problems.some((p) => p.blocking)) {
    run.log.add('Username is valid', problems.map((p) => p.rule).join('; '), 'fail', problems.every((p) => p.inferred));
    return new LoginFailure(`"${username}" is not a valid ${run.product} username.`);
  }
  // Inferred: JIT creates through Crowd and bypasses the product's username validation.
  run.log.add('Username is valid', problems.map((p) => p.rule).join('; '), 'info', true);
  return undefined;
}

/** JIT off: the user must exist in some active directory, and may log in (steps 1 and 8 only). */
function loginWithoutJit(run: EngineRun, username: string): EngineResult {
  const { log, findings, ctx, index } = run;
  log.add('JIT provisioning', '"Create users on login" is off: the user must already exist.', 'info');
  const found = resolveUsername(index, username);
  if (!found) {
    const same = likelySamePerson(index, username);
    if (same) findings.add('jit.username-mismatch', () => usernameMismatch(ctx, { username, existing: same.existing.user.username, via: same.via, consequence: 'fails', usernameSource: 'the username mapping' }));
    log.add('Find user', `No active directory has "${username}".`, 'fail');
    return failedResult(run, new LoginFailure(`No user "${username}" exists and JIT provisioning is off.`, ATLASSIAN_MESSAGES.userDoesNotExist(username)), username, null);
  }
  if (found.user.username !== username) findings.add('jit.case-mismatch', () => caseMismatch(ctx, { username, existing: found.user.username, renames: false }));
  const user = accountFound(run, found);
  log.add('Find user', `Found "${found.user.username}" in "${found.directory.name}".`, 'pass', found.directoryAssumed);
  return loginUnchanged(run, username, user);
}

/** Step 2 begins with the identity-provider id: JIT stores the NameID as `jit_idp_id`. */
function readIdentityProviderId(run: EngineRun): string | LoginFailure {
  const nameId = run.facts.nameId;
  if (nameId !== undefined) return nameId;
  run.findings.add('jit.attribute-missing', () => nameIdMissing(run.ctx));
  run.log.add('NameID', 'JIT provisioning stores the NameID as the identity-provider id; the response has none.', 'fail');
  return new LoginFailure('The response has no NameID.', ATLASSIAN_MESSAGES.nameIdNotFound);
}

/**
 * Step 4's lookup (recorded as a step later, in the product's order): jit_idp_id == NameID first, then the
 * username, in active internal directories; failing both, any directory that resolves the username. A directory
 * of unknown type counts as internal: assuming JIT touches the user shows what it would change (marked inferred).
 */
function findExistingUser(index: SnapshotIndex, nameId: string, username: string): ExistingUser {
  const byId = index.byJitIdpId.get(nameId)?.find(isInternal);
  if (byId) return { internal: { located: byId, via: 'jit_idp_id' } };
  const byName = index.byLowerName.get(lowerCase(username))?.find(isInternal);
  if (byName) return { internal: { located: byName, via: 'username' } };
  const remote = resolveUsername(index, username);
  return remote ? { remote } : {};
}

function isInternal(located: LocatedUser): boolean {
  return !isRemoteDirectory(located.directory);
}

/** Step 2: display name, e-mail and groups; every problem is recorded, the first one stops the login. */
function readJitData(run: EngineRun, settings: AtlassianSsoSettings, nameId: string, before: SimulatedUser | null): JitData | LoginFailure {
  const failures: LoginFailure[] = [];
  const displayName = readMappedValue(run, failures, 'display name', settings.displayNameMapping);
  const email = readMappedValue(run, failures, 'email', settings.emailMapping);
  const groups = readGroups(run, failures, settings, before);
  const first = failures[0];
  if (first) return first;
  if (displayName === undefined || email === undefined || groups === undefined) return new LoginFailure('A JIT mapping could not be evaluated.');
  return { nameId, displayName, email, groups };
}

/**
 * The display-name or e-mail mapping; failures in the plugin's words. Unlike the username, these take the first
 * value of a multi-valued attribute (the plugin reads the attribute's first value for them).
 */
function readMappedValue(run: EngineRun, failures: LoginFailure[], field: 'display name' | 'email', expression: string | undefined): string | undefined {
  const { log, mappings, findings, ctx, facts } = run;
  const title = field === 'email' ? 'E-mail mapping' : 'Display name mapping';
  const mappingField = field === 'email' ? 'email' : 'displayName';
  if (!expression) {
    mappings.notConfigured(mappingField, ATLASSIAN_MESSAGES.configNotSet(field));
    findings.add('jit.attribute-missing', () => attributeMissing(ctx, { attribute: `(${field})`, field, reason: 'not-configured', blocking: true }));
    log.add(title, 'Not configured.', 'fail');
    failures.push(new LoginFailure(`The ${field} mapping is not configured.`, ATLASSIAN_MESSAGES.configNotSet(field)));
    return undefined;
  }
  const parsed = parseMappingExpression(expression);
  if (!parsed.ok) {
    mappings.add(() => ({ field: mappingField, expression, attributes: [], problem: `not a valid expression: ${parsed.error}` }));
    log.add(title, `"${expression}" is not a valid expression: ${parsed.error}.`, 'fail');
    failures.push(new LoginFailure(`The ${field} mapping is invalid: ${parsed.error}.`));
    return undefined;
  }
  const value = evaluateMappingExpression(parsed.parts, facts.nameId, facts.attributes, 'first');
  mappings.expression(mappingField, expression, parsed.parts, value, facts);
  if (!value.ok) {
    const p = value.problem;
    if (p.kind === 'no-nameid') {
      log.add(title, `${expression} needs the NameID, and the response has none.`, 'fail');
      failures.push(new LoginFailure('The response has no NameID.', ATLASSIAN_MESSAGES.nameIdNotFound));
      return undefined;
    }
    findings.add('jit.attribute-missing', () => attributeMissing(ctx, variableProblemArgs(p, field, expression)));
    log.add(title, `${expression}: ${p.message}.`, 'fail', p.kind === 'multi-valued');
    failures.push(new LoginFailure(`The ${field} mapping ${expression} cannot be evaluated: ${p.message}.`, p.kind === 'missing' ? p.message : undefined));
    return undefined;
  }
  log.add(title, () => `${expression} gives "${value.value}"${firstValueNote(parsed.parts, facts)}.`, 'pass');
  return value.value;
}

/** " (the first value of "a" (2 values))" when a mapping variable has several values, else "". */
function firstValueNote(parts: Parameters<typeof expressionVariables>[0], facts: LoginFacts): string {
  const several = expressionVariables(parts).filter((v) => (facts.attributes.get(v)?.length ?? 0) > 1);
  return several.length ? ` (the first value of ${several.map((v) => `"${v}" (${facts.attributes.get(v)?.length} values)`).join(', ')})` : '';
}

/** The groups mapping names an attribute; all its values are the user's groups. Absent, JIT login fails. */
function readGroups(run: EngineRun, failures: LoginFailure[], settings: AtlassianSsoSettings, before: SimulatedUser | null): readonly string[] | undefined {
  const { log, mappings, findings, ctx, facts } = run;
  const attribute = settings.groupsAttribute;
  if (!attribute) {
    findings.add('jit.attribute-missing', () => attributeMissing(ctx, { attribute: '(groups)', field: 'groups', reason: 'not-configured', blocking: true }));
    mappings.notConfigured('groups', ATLASSIAN_MESSAGES.configNotSet('groups'));
    log.add('Groups mapping', 'Not configured.', 'fail');
    failures.push(new LoginFailure('The groups mapping is not configured.', ATLASSIAN_MESSAGES.configNotSet('groups')));
    return undefined;
  }
  mappings.attribute('groups', attribute, facts, { all: true });
  const values = facts.attributes.get(attribute);
  if (!values) {
    findings.add('jit.groups-not-sent', () => groupsNotSent(ctx, { attribute, groupsAtRisk: before?.groups ?? [] }));
    log.add('Groups mapping', `The response has no "${attribute}" attribute (AWS IAM Identity Center sends no group names).`, 'fail');
    failures.push(new LoginFailure(`The response has no "${attribute}" attribute, which JIT group sync requires.`, ATLASSIAN_MESSAGES.attributeNotFound(attribute)));
    return undefined;
  }
  log.add('Groups mapping', () => `"${attribute}" lists ${values.length ? values.join(', ') : 'no groups'}.`, 'pass');
  return values;
}

/** What step 3 needs of the JIT directory: CREATE_USER and CREATE_GROUP (one constant, not an object per login). */
const JIT_DIRECTORY_NEEDS: DirectoryNeeds = { groups: true, writable: false };

/**
 * Step 3: the first active internal directory with CREATE_USER and CREATE_GROUP, checked on every JIT login.
 * Undefined: the snapshot cannot tell which directory, and one is assumed (an inferred step says so).
 */
function chooseJitDirectory(run: EngineRun): SnapshotDirectory | undefined | LoginFailure {
  const { log, findings, ctx, index } = run;
  const choice = chooseWritableDirectory(index, JIT_DIRECTORY_NEEDS);
  if (!choice.found) {
    const reason = choice.reason;
    findings.add('jit.no-writable-directory', () => noWritableDirectory(ctx, { directories: index.snapshot.directories, everyLogin: true, reason }));
    if (reason === 'no-internal') {
      log.add('JIT directory', 'No active directory is internal (LDAP, delegated or not, and Crowd directories are not).', 'fail');
      return new LoginFailure('There is no active internal directory for JIT to write to.', ATLASSIAN_MESSAGES.noWritableInternalDirectory);
    }
    log.add('JIT directory', 'No active internal directory has CREATE_USER and CREATE_GROUP.', 'fail');
    return new LoginFailure('No active internal directory can create users and groups.', ATLASSIAN_MESSAGES.noInternalDirectory);
  }
  const directory = choice.directory;
  if (choice.assumptions.length > 0) {
    // Unknown permissions are not a finding, but the simulation must not pass them off as checked: an inferred step says what was assumed and what follows if it is wrong.
    const which = directory ? `"${directory.name}" is taken as the JIT directory` : 'The JIT directory could not be identified';
    log.add('JIT directory', `${which}, but ${choice.assumptions.join('; ')}. If that is wrong, every JIT login fails: "${ATLASSIAN_MESSAGES.noInternalDirectory}".`, 'info', true);
  } else if (directory) {
    log.add('JIT directory', () => `"${directory.name}", the first active internal directory that may create users and groups.`, 'pass');
  }
  return directory;
}

/** Step 4, remote branch: the product knows the name from a remote directory; JIT neither creates, updates nor regroups it. */
function loginFromRemoteDirectory(run: EngineRun, username: string, remote: LocatedUser): EngineResult {
  run.findings.add('jit.remote-directory-user', () => remoteDirectoryUser(run.ctx, { username, directory: remote.directory, shadowsInternal: false }));
  // Inferred from the plugin's two `if`s: no create, no update, no group sync.
  run.log.add('Find user', `"${remote.user.username}" exists only in the ${remote.directory.type} directory "${remote.directory.name}": logged in from there, not created, updated or regrouped.`, 'info', true);
  return loginUnchanged(run, username, toSimulatedUser(remote));
}

/** An existing account that the login leaves as it is: only step 8 applies. */
function loginUnchanged(run: EngineRun, username: string, user: SimulatedUser): EngineResult {
  const access = checkLogInPermitted(run.ctx, run.index, run.log, run.findings, user, []);
  return finishedResult(run, { username, before: user, after: user, groups: noGroupChange(user.groups), created: false, changed: false, access });
}

/** Step 5: nobody has the NameID or the username. Licence check, then the user is created in the JIT directory. */
function createUser(run: EngineRun, settings: AtlassianSsoSettings, username: string, data: JitData, jitDirectory: SnapshotDirectory | undefined): Provisioned | LoginFailure {
  const { log, findings, ctx, index, product } = run;
  log.add('Find user', () => `No internal user has jit_idp_id "${data.nameId}" or username "${username}", and no other directory has "${username}".`, 'info');
  warnAboutLikelyDuplicates(run, settings, username, data.email);
  const licence = checkLicenseForNewUser(index, product, data.groups);
  if (!licence.ok) {
    findings.add('jit.license-full', () => licenseFull(ctx, { applications: licence.checked.filter((c) => c.full), blocking: true }));
    log.add('Licence check', licence.detail, 'fail');
    return new LoginFailure('The licence has no free seat for a new user.', ATLASSIAN_MESSAGES.licenseLimit);
  }
  // Inferred when the snapshot has no licence figures for an application the check needs.
  log.add('Licence check', licence.detail, 'pass', licence.unknown.length > 0);
  const after: SimulatedUser = {
    username,
    displayName: data.displayName,
    email: data.email,
    active: true,
    directoryId: jitDirectory?.id ?? null,
    attributes: { jit_idp_id: data.nameId },
    groups: [],
  };
  if (jitDirectory) after.directoryName = jitDirectory.name;
  log.add('Create user', () => `Creates "${username}" in ${jitDirectory ? `"${jitDirectory.name}"` : 'the JIT directory'} with jit_idp_id = NameID and a random password.`, 'change');
  const groups = syncUserGroups(run, settings, after, data.groups, jitDirectory?.id, jitDirectory?.id);
  return { before: null, after, groups, created: true };
}

/** A new account that is probably a person who already has one, or that shares an e-mail address. */
function warnAboutLikelyDuplicates(run: EngineRun, settings: AtlassianSsoSettings, username: string, email: string): void {
  const { findings, ctx, index } = run;
  const same = likelySamePerson(index, username);
  if (same) findings.add('jit.username-mismatch', () => usernameMismatch(ctx, { username, existing: same.existing.user.username, via: same.via, consequence: 'duplicate', usernameSource: settings.usernameMapping }));
  const sharing = index.byLowerEmail.get(lowerCase(email));
  if (sharing && sharing.length > 0) {
    findings.add('jit.duplicate-email', () => duplicateEmail(ctx, { email, usernames: sharing.map((l) => l.user.username), effect: `The new account "${username}" would share it; Atlassian products do not enforce unique e-mail addresses, and e-mail lookups pick the first user alphabetically.` }));
  }
}

/** Step 6: the internal account is brought to the response's state (jit_idp_id, rename, display name, e-mail), then step 7. */
function updateUser(
  run: EngineRun,
  settings: AtlassianSsoSettings,
  username: string,
  data: JitData,
  found: NonNullable<ExistingUser['internal']>,
  jitDirectory: SnapshotDirectory | undefined,
  before: SimulatedUser,
): Provisioned | LoginFailure {
  recordFoundUser(run, found);
  const current = found.located.user;
  const after = cloneUser(before);
  const changes: string[] = [];
  if (after.attributes['jit_idp_id'] !== data.nameId) {
    after.attributes['jit_idp_id'] = data.nameId;
    changes.push('stores jit_idp_id');
  }
  if (current.username !== username) {
    const collision = renameUser(run, found, username);
    if (collision) return collision;
    after.username = username;
    changes.push(`renames "${current.username}" → "${username}"`);
  }
  if (after.displayName !== data.displayName) {
    after.displayName = data.displayName;
    changes.push('updates the display name');
  }
  if (after.email !== data.email) {
    after.email = data.email;
    changes.push('updates the e-mail address');
  }
  // Inferred: username.equals() is case-sensitive, so a case-only difference is a rename attempt.
  const caseOnly = lowerCase(current.username) === lowerCase(username) && current.username !== username;
  run.log.add('Update user', () => (changes.length ? `Login ${changes.join(', ')}.` : 'Nothing to change.'), changes.length ? 'change' : 'pass', caseOnly);
  const userDirectoryId = found.located.directoryAssumed ? undefined : found.located.directory.id;
  const groups = syncUserGroups(run, settings, after, data.groups, userDirectoryId, jitDirectory?.id);
  const misplaced = checkMembershipsInUserDirectory(run, found.located, groups, jitDirectory);
  if (misplaced) return misplaced;
  return { before, after, groups, created: false };
}

/**
 * Step 7's second half for a user outside the JIT directory: a group the login adds is created (when missing) in
 * the JIT directory, but the membership is added in the user's directory. A group that does not exist there fails
 * the login. Inferred from the plugin's group provisioning order, which Atlassian does not document.
 */
function checkMembershipsInUserDirectory(run: EngineRun, located: LocatedUser, groups: GroupChanges, jitDirectory: SnapshotDirectory | undefined): LoginFailure | undefined {
  if (!jitDirectory || located.directoryAssumed || located.directory.id === jitDirectory.id) return undefined;
  const missing = groups.added.filter((g) => !groupExistsIn(run.index, g, located.directory.id));
  if (missing.length === 0) return undefined;
  const args = { username: located.user.username, groups: missing, userDirectory: located.directory.name, jitDirectory: jitDirectory.name };
  run.findings.add('jit.group-outside-user-directory', () => groupOutsideUserDirectory(run.ctx, args));
  run.log.add('Add memberships', () => `${missing.map((g) => `"${g}"`).join(', ')} ${missing.length > 1 ? 'are' : 'is'} created in the JIT directory "${jitDirectory.name}" if missing there, but the membership is added in "${located.directory.name}", where the group does not exist: the membership fails.`, 'fail', true);
  return new LoginFailure(`Group sync cannot add "${located.user.username}" to ${missing.map((g) => `"${g}"`).join(', ')}: the user lives in "${located.directory.name}", where the group does not exist, and JIT creates groups only in "${jitDirectory.name}".`);
}

/** Step 4, internal branch: where and how the account was found; inferred when the snapshot does not record its directory or type. */
function recordFoundUser(run: EngineRun, found: NonNullable<ExistingUser['internal']>): void {
  const { located, via } = found;
  const untyped = located.directory.type === 'unknown';
  run.log.add('Find user', () => `Found "${located.user.username}" in "${located.directory.name}" by ${via === 'jit_idp_id' ? 'jit_idp_id = NameID' : 'username'}${foundCaveat(located, untyped)}.`, 'pass', located.directoryAssumed || untyped);
}

/** Why the found account's directory is an assumption, if it is. */
function foundCaveat(located: LocatedUser, untyped: boolean): string {
  return located.directoryAssumed
    ? untyped
      ? ' (the snapshot records no directory for the user; treated as internal, where JIT finds and updates users)'
      : ' (directory not in the snapshot; first active directory assumed)'
    : untyped
      ? ' (the directory\'s type is not recorded; treated as internal, where JIT finds and updates users)'
      : '';
}

/** The rename part of step 6: refused when another user of the directory has the new name. */
function renameUser(run: EngineRun, found: NonNullable<ExistingUser['internal']>, username: string): LoginFailure | undefined {
  const { log, findings, ctx, index } = run;
  const current = found.located.user;
  const taken = index.byLowerName.get(lowerCase(username))?.find((l) => l.user !== current && l.directory.id === found.located.directory.id);
  if (taken) {
    findings.add('jit.rename', () => renameFinding(ctx, { from: current.username, to: username, via: found.via }));
    // Inferred: Crowd refuses to rename onto an existing name in the same directory.
    log.add('Rename', `Renaming "${current.username}" to "${username}" collides with the existing user "${taken.user.username}".`, 'fail', true);
    return new LoginFailure(`Renaming "${current.username}" to "${username}" collides with an existing user.`);
  }
  if (lowerCase(current.username) === lowerCase(username)) findings.add('jit.case-mismatch', () => caseMismatch(ctx, { username, existing: current.username, renames: true }));
  else findings.add('jit.rename', () => renameFinding(ctx, { from: current.username, to: username, via: found.via }));
  return undefined;
}

/**
 * Step 7: the IdP list replaces the user's direct memberships; missing groups are created in the JIT directory.
 * An undefined directory id means the snapshot does not record it: a group then counts as existing if it exists anywhere.
 */
function syncUserGroups(
  run: EngineRun,
  settings: AtlassianSsoSettings,
  user: SimulatedUser,
  incoming: readonly string[],
  userDirectoryId: string | undefined,
  jitDirectoryId: string | undefined,
): GroupChanges {
  const changes = applyGroupChanges(run.ctx, run.index, run.findings, user, incoming, true, settings.groupsAttribute ?? '', [userDirectoryId, jitDirectoryId]);
  const changed = groupsChange(changes);
  // Inferred: group names are compared case-insensitively (IdentifierSet), which the research could not confirm.
  run.log.add('Group sync', () => (changed ? `Login ${groupChangeSummary(changes).join('; ')}.` : 'Memberships already match the response.'), changed ? 'change' : 'pass', true);
  return changes;
}

/** Step 8: the product resolves the principal by name (an earlier remote directory with the same name wins), which must be permitted to log in. */
function permitLogin(run: EngineRun, username: string, provisioned: Provisioned, existing: ExistingUser): EngineResult {
  const { log, findings, ctx, index } = run;
  const { before, after, groups, created } = provisioned;
  let principal = after;
  const shadow = resolveUsernameOf(index, after.username, existing.internal?.located);
  if (shadow && isRemoteDirectory(shadow.directory) && shadow.user !== existing.internal?.located.user) {
    findings.add('jit.remote-directory-user', () => remoteDirectoryUser(ctx, { username: after.username, directory: shadow.directory, shadowsInternal: true }));
    // Inferred: the first directory holding the name wins (shadowing), as for any login.
    log.add('Resolve user', `The ${shadow.directory.type} directory "${shadow.directory.name}" comes first and also has "${after.username}": the login uses that account.`, 'info', true);
    principal = toSimulatedUser(shadow);
  }
  const access = checkLogInPermitted(ctx, index, log, findings, principal, groups.removed);
  const changed = created || !sameUserData(before as SimulatedUser, after) || groups.added.length > 0 || groups.removed.length > 0;
  return finishedResult(run, { username, before, after, groups, created, changed, access });
}

function variableProblemArgs(p: VariableProblem, field: string, expression: string): Parameters<typeof attributeMissing>[1] {
  const args: Parameters<typeof attributeMissing>[1] = { attribute: p.variable, field, expression, reason: p.kind === 'multi-valued' ? 'multi-valued' : 'missing', blocking: true };
  if (p.kind === 'multi-valued') args.values = p.values;
  return args;
}
