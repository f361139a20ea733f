/**
 * resolution's "SAML Single Sign On" login with its User Update Method, from the vendor's documentation
 * (https://wiki.resolution.de/doc/saml-sso/latest/all/knowledgebase-articles/technical/configuring-the-user-update-method,
 * https://wiki.resolution.de/doc/saml-sso/latest/jira/further-configuration/create-or-update-users-through-saml-attributes):
 * 1 read the user id, 2 transform it, 3 find the user, 4 read the groups, 5 create or update by the user update
 * method, 6 check the user may log in. Where the documentation is silent the step is marked inferred.
 */
import {
  applyGroupChanges,
  groupChangeSummary,
  groupsChange,
  checkLogInPermitted,
  cloneUser,
  likelySamePerson,
  noGroupChange,
  sameUserData,
  type EngineResult,
} from './engine-common.js';
import { accountFound, failedResult, finishedResult, LoginFailure, startRun, type EngineOptions, type EngineRun } from './engine-run.js';
import {
  attributeMissing,
  caseMismatch,
  confluenceAdminsMissing,
  duplicateEmail,
  groupsNotCarried,
  groupsNotSent,
  invalidUsername,
  licenseFull,
  nameIdMissing,
  noWritableDirectory,
  remoteDirectoryUser,
  usernameMismatch,
} from './jit-findings.js';
import { checkLicenseForNewUser } from './license-check.js';
import { RESOLUTION_MESSAGES } from './product-messages.js';
import { applyTransforms, compileTransforms, type CompiledTransforms } from './regex-transforms.js';
import { groupHasActiveMember, isRemoteDirectory, resolveUsername, type LocatedUser, type SnapshotIndex } from './snapshot-index.js';
import type { Product, SnapshotDirectory } from './snapshot-schema.js';
import type { GroupChanges, LoginFacts, SimulatedUser } from './simulation-types.js';
import { userSyncSchema, type ResolutionSettings, type UserSyncSettings } from './target-profile-schema.js';
import { usernameProblems } from './username-rules.js';
import { chooseWritableDirectory, type DirectoryNeeds } from './writable-directory.js';
import { ownValue } from '../model/own.js';
import { lowerCase } from './case-fold.js';

/** Compiled regexes per settings object, so a bulk run compiles them once. */
const compiled = new WeakMap<ResolutionSettings, { user: CompiledTransforms; group: CompiledTransforms }>();
function transformsOf(settings: ResolutionSettings): { user: CompiledTransforms; group: CompiledTransforms } {
  let c = compiled.get(settings);
  if (!c) {
    c = { user: compileTransforms(settings.userIdTransforms), group: compileTransforms(settings.groupTransforms) };
    compiled.set(settings, c);
  }
  return c;
}

/** resolution's Confluence prerequisite: this group needs a member, or creations and updates fail. */
const CONFLUENCE_ADMINS = 'confluence-administrators';

/** Attributes resolution needs to create a user, per product (its documentation from v0.14 on; Bamboo not documented). */
const REQUIRED_FOR_CREATE: Record<Product, Array<'fullName' | 'email'>> = {
  jira: ['fullName', 'email'],
  confluence: [],
  bitbucket: ['fullName', 'email'],
  bamboo: ['fullName', 'email'],
};

/** One resolution login: the settings and what the response carries, read once. */
interface ResolutionRun extends EngineRun {
  readonly settings: ResolutionSettings;
  readonly transforms: { user: CompiledTransforms; group: CompiledTransforms };
  /** The configured full-name and e-mail attributes' first values, when sent. */
  readonly fullName: string | undefined;
  readonly email: string | undefined;
}

export function simulateResolution(
  facts: LoginFacts,
  settings: ResolutionSettings,
  index: SnapshotIndex,
  product: Product,
  options: EngineOptions = {},
): EngineResult {
  const run = startResolutionRun(facts, settings, index, product, options);

  const rawId = readUserId(run);
  if (rawId instanceof LoginFailure) return failedResult(run, rawId, null, null);
  const userId = transformUserId(run, rawId);
  const found = findUser(run, userId);
  const before = found ? accountFound(run, found) : null;
  recordAttributeMapping(run, 'email', settings.emailAttribute);
  const groups = readGroups(run);

  if (settings.userUpdateMethod === 'none') return loginWithoutUpdate(run, userId, before);
  recordAttributeMapping(run, 'displayName', settings.fullNameAttribute);
  if (settings.userUpdateMethod !== 'jit') return loginWithUserSync(run, userId, found, before, groups);
  if (found && before) return updateUser(run, found, before, groups);
  return createUser(run, userId, groups);
}

function startResolutionRun(facts: LoginFacts, settings: ResolutionSettings, index: SnapshotIndex, product: Product, options: EngineOptions): ResolutionRun {
  const first = (attribute: string | undefined): string | undefined => (attribute ? facts.attributes.get(attribute)?.[0] : undefined);
  return {
    ...startRun('resolution', facts, index, product, options),
    settings,
    transforms: transformsOf(settings),
    fullName: first(settings.fullNameAttribute),
    email: first(settings.emailAttribute),
  };
}

/** Step 1: the user id comes from the NameID or a configured attribute. */
function readUserId(run: ResolutionRun): string | LoginFailure {
  const { log, mappings, findings, ctx, facts, settings } = run;
  if (readsNameId(settings)) {
    const nameId = facts.nameId;
    if (nameId === undefined) {
      mappings.add(() => ({ field: 'userId', expression: settings.userIdSource, attributes: [], readsNameId: true, missing: ['NameID'], problem: 'The response has no NameID' }));
      findings.add('jit.attribute-missing', () => nameIdMissing(ctx));
      log.add('User id', 'The user id comes from the NameID, and the response has none.', 'fail');
      return new LoginFailure('The response has no NameID.');
    }
    log.add('User id', `NameID = "${nameId}".`, 'pass');
    return nameId;
  }
  const values = facts.attributes.get(settings.userIdSource);
  const first = values?.[0];
  if (first === undefined) {
    mappings.attribute('userId', settings.userIdSource, facts);
    findings.add('jit.attribute-missing', () => attributeMissing(ctx, { attribute: settings.userIdSource, field: 'user id', reason: 'missing', blocking: true }));
    log.add('User id', `The user id attribute "${settings.userIdSource}" is not in the response.`, 'fail');
    return new LoginFailure(`The response has no "${settings.userIdSource}" attribute for the user id.`);
  }
  const several = (values?.length ?? 0) > 1;
  // Inferred: with several values the first is used (not documented).
  log.add('User id', `"${settings.userIdSource}" = "${first}"${several ? ` (first of ${values?.length} values)` : ''}.`, 'pass', several);
  return first;
}

function readsNameId(settings: ResolutionSettings): boolean {
  return settings.userIdSource.toLowerCase() === 'nameid';
}

/** Step 2: "Replace Regex with Replacement" rows, top-down until the first match. */
function transformUserId(run: ResolutionRun, rawId: string): string {
  const { log, mappings, facts, settings } = run;
  const transformed = applyTransforms(rawId, run.transforms.user);
  const userId = transformed.value;
  const changed = userId !== rawId ? { transformed: userId } : {};
  if (readsNameId(settings)) mappings.add(() => ({ field: 'userId', expression: settings.userIdSource, attributes: [], readsNameId: true, value: rawId, ...changed }));
  else mappings.attribute('userId', settings.userIdSource, facts, changed);
  if (settings.userIdTransforms.length > 0) {
    const t = settings.userIdTransforms[transformed.applied];
    log.add('Transform user id', t ? `${t.pattern} → ${t.replacement} matched: "${rawId}" becomes "${userId}".` : `No transformation matched; "${rawId}" is used as is.`, t ? 'change' : 'pass');
  }
  return userId;
}

/** Step 3: "Find user by this Jira attribute": the username, the e-mail address or a custom user attribute. */
function findUser(run: ResolutionRun, userId: string): LocatedUser | undefined {
  const { lookupBy, lookupAttribute } = run.settings;
  let found: LocatedUser | undefined;
  if (lookupBy === 'username') found = findByUsername(run, userId);
  else if (lookupBy === 'email') found = findByEmail(run, userId);
  else found = findByUserAttribute(run.index, lookupAttribute ?? '', userId);
  recordLookup(run, userId, found);
  return found;
}

/** How the lookup is named in steps. */
function lookupLabel(settings: ResolutionSettings): string {
  if (settings.lookupBy === 'username') return 'username';
  if (settings.lookupBy === 'email') return 'e-mail address';
  return `user attribute "${settings.lookupAttribute ?? ''}"`;
}

/** Users by the value of one user attribute, built once per snapshot and attribute for bulk runs. */
const byAttribute = new WeakMap<SnapshotIndex, Map<string, Map<string, LocatedUser[]>>>();

/** The first user (in directory order) whose attribute equals the value exactly; resolution documents no case rule. */
function findByUserAttribute(index: SnapshotIndex, attribute: string, value: string): LocatedUser | undefined {
  let perAttribute = byAttribute.get(index);
  if (!perAttribute) {
    perAttribute = new Map();
    byAttribute.set(index, perAttribute);
  }
  let users = perAttribute.get(attribute);
  if (!users) {
    users = new Map();
    for (const located of [...index.byLowerName.values()].flat()) {
      const v = ownValue(located.user.attributes, attribute);
      if (v === undefined) continue;
      const list = users.get(v);
      if (list) list.push(located);
      else users.set(v, [located]);
    }
    perAttribute.set(attribute, users);
  }
  return users.get(value)?.[0];
}

function findByUsername(run: ResolutionRun, userId: string): LocatedUser | undefined {
  const found = resolveUsername(run.index, userId);
  const existing = found?.user.username;
  if (existing !== undefined && existing !== userId) run.findings.add('jit.case-mismatch', () => caseMismatch(run.ctx, { username: userId, existing, renames: false }));
  return found;
}

function findByEmail(run: ResolutionRun, userId: string): LocatedUser | undefined {
  const matches = run.index.byLowerEmail.get(lowerCase(userId)) ?? [];
  const found = matches[0];
  if (matches.length > 1) {
    run.findings.add('jit.duplicate-email', () => duplicateEmail(run.ctx, { email: userId, usernames: matches.map((m) => m.user.username), effect: `Looking users up by e-mail is ambiguous; this simulation assumes "${found?.user.username}" (first alphabetically, as Jira's own e-mail lookups pick), which resolution does not document.` }));
  }
  return found;
}

/** The "Find user" step; without a match, a likely existing account of the same person is named. */
function recordLookup(run: ResolutionRun, userId: string, found: LocatedUser | undefined): void {
  const { log, findings, ctx, index, settings } = run;
  const byEmail = settings.lookupBy === 'email';
  // A custom attribute lookup is "rarely used" and documented only by name: its matching rule is inferred.
  const byAttribute = settings.lookupBy === 'custom-attribute';
  if (found) {
    // Inferred with several e-mail matches (resolution documents no rule) or an assumed directory.
    const ambiguous = byEmail && (index.byLowerEmail.get(lowerCase(userId))?.length ?? 0) > 1;
    log.add('Find user', `Found "${found.user.username}" in "${found.directory.name}" by ${lookupLabel(settings)}${byAttribute ? ` = "${userId}"` : ''}.`, 'pass', found.directoryAssumed || found.directory.type === 'unknown' || ambiguous || byAttribute);
    return;
  }
  const createsNone = settings.userUpdateMethod === 'none';
  log.add('Find user', `No user has the ${lookupLabel(settings)} "${userId}".`, createsNone ? 'fail' : 'info', byAttribute);
  if (settings.lookupBy !== 'username') return;
  const same = likelySamePerson(index, userId);
  if (same) {
    findings.add('jit.username-mismatch', () => usernameMismatch(ctx, { username: userId, existing: same.existing.user.username, via: same.via, consequence: createsNone ? 'fails' : 'duplicate', usernameSource: readsNameId(settings) ? 'the NameID' : `"${settings.userIdSource}"` }));
  }
}

/** Step 4: groups from the response, only when a group attribute is configured; transformed like the user id. */
function readGroups(run: ResolutionRun): string[] | undefined {
  const { mappings, findings, ctx, facts, settings } = run;
  const attribute = settings.groupsAttribute;
  if (!attribute) return undefined;
  const values = facts.attributes.get(attribute);
  let groups: string[] | undefined;
  if (!values) {
    findings.add('jit.groups-not-sent', () => groupsNotSent(ctx, { attribute, groupsAtRisk: [], defaultGroups: settings.defaultGroups }));
  } else {
    groups = [];
    for (const v of values) {
      const t = applyTransforms(v, run.transforms.group);
      if (t.applied < 0 && settings.skipUntransformedGroups && settings.groupTransforms.length > 0) continue;
      groups.push(t.value);
    }
  }
  const sent = groups;
  const changedByTransforms = sent !== undefined && (sent.length !== values?.length || sent.some((g, i) => g !== values[i]));
  mappings.attribute('groups', attribute, facts, { all: true, ...(changedByTransforms && sent ? { transformed: [...sent] } : {}) });
  return groups;
}

/** A configured e-mail or full-name attribute, listed with what the response carries. */
function recordAttributeMapping(run: ResolutionRun, field: 'email' | 'displayName', attribute: string | undefined): void {
  if (attribute) run.mappings.attribute(field, attribute, run.facts);
}

/** Step 5, "No User update": users are neither created nor updated; an unknown user gets an error. */
function loginWithoutUpdate(run: ResolutionRun, userId: string, user: SimulatedUser | null): EngineResult {
  run.log.add('User update method', '"No User update": users are neither created nor updated.', 'info');
  if (!user) {
    const failure = new LoginFailure(`No user matches "${userId}" and the user update method creates no users.`, RESOLUTION_MESSAGES.userMustExist);
    return failedResult(run, failure, run.settings.lookupBy === 'username' ? userId : null, null);
  }
  const access = checkLogInPermitted(run.ctx, run.index, run.log, run.findings, user, []);
  return finishedResult(run, { username: user.username, before: user, after: user, groups: noGroupChange(user.groups), created: false, changed: false, access });
}

/**
 * Step 5, update: only users resolution created (tagged) are updated, unless "Update existing users" is on;
 * a remote or read-only directory cannot be written. Then step 6.
 */
function updateUser(run: ResolutionRun, located: LocatedUser, current: SimulatedUser, incoming: string[] | undefined): EngineResult {
  const { log, findings, ctx, index, settings } = run;
  const writable = !isRemoteDirectory(located.directory) && !located.directory.readOnly;
  const tagged = located.user.provisionedBy === 'resolution-jit';
  let after = current;
  let groups = noGroupChange(current.groups);
  if (!tagged && !settings.updateExistingUsers) {
    log.add('Update user', `"${current.username}" was not created by resolution and "Update existing users" is off: nothing is updated.`, 'skip');
  } else if (!writable) {
    findings.add('jit.remote-directory-user', () => remoteDirectoryUser(ctx, { username: current.username, directory: located.directory, shadowsInternal: false }));
    // Inferred: resolution cannot write to a remote or read-only directory.
    log.add('Update user', `"${current.username}" is in the ${located.directory.type} directory "${located.directory.name}", which SSO cannot write to: nothing is updated.`, 'skip', true);
  } else {
    after = updateAttributes(run, located, current);
    groups = updateGroups(run, located, after, incoming);
    const writes = !sameUserData(current, after) || groups.added.length > 0 || groups.removed.length > 0;
    if (writes && !confluenceAdminsPresent(run, 'update', current.username)) {
      return failedResult(run, new LoginFailure(`Confluence has no active member of "${CONFLUENCE_ADMINS}", so resolution cannot update "${current.username}".`), current.username, current);
    }
  }
  const access = checkLogInPermitted(ctx, index, log, findings, after, groups.removed);
  const changed = !sameUserData(current, after) || groups.added.length > 0 || groups.removed.length > 0;
  return finishedResult(run, { username: after.username, before: current, after, groups, created: false, changed, access });
}

/** Full name and e-mail from the response, when configured and sent. */
function updateAttributes(run: ResolutionRun, located: LocatedUser, current: SimulatedUser): SimulatedUser {
  const { log, settings, fullName, email } = run;
  const after = cloneUser(current);
  const changes: string[] = [];
  if (settings.fullNameAttribute && fullName !== undefined && fullName !== after.displayName) {
    after.displayName = fullName;
    changes.push('updates the full name');
  }
  if (settings.emailAttribute && email !== undefined && email !== after.email) {
    after.email = email;
    changes.push('updates the e-mail address');
  }
  reportUnsentAttributes(run, false);
  // A directory of unknown type may be internal: assume resolution can write to it, and say so.
  const assumed = located.directory.type === 'unknown' || located.directoryAssumed;
  const where = assumed ? ` (the snapshot does not record the type of "${located.directory.name}"; assumed internal and writable)` : '';
  log.add('Update user', () => (changes.length ? `Login ${changes.join(', ')}${where}.` : `Nothing to change${where}.`), changes.length ? 'change' : 'pass', assumed);
  return after;
}

/**
 * Memberships follow the response when it sends the group attribute, removals included (`removeUnlistedGroups`,
 * on by default as resolution documents it); an absent attribute leaves them alone.
 */
function updateGroups(run: ResolutionRun, located: LocatedUser, user: SimulatedUser, incoming: string[] | undefined): GroupChanges {
  const { settings } = run;
  if (incoming) return applyGroups(run, user, incoming, located.directoryAssumed ? undefined : located.directory.id, settings.removeUnlistedGroups);
  run.log.add('Groups', settings.groupsAttribute ? `No "${settings.groupsAttribute}" in the response: memberships are not changed.` : 'No group attribute configured: memberships are not changed.', 'skip');
  return noGroupChange(user.groups);
}

const DEFAULT_USER_SYNC: UserSyncSettings = userSyncSchema.parse({});

/**
 * Step 5 with a UserSync connector ("Update with UserSync-Connector", optionally "and apply SAML Attributes"): the
 * connector runs a Single User Update from its own source, which samlscope cannot see, so what it writes is inferred:
 * the source is assumed to have the user the IdP just authenticated, as active. Documented here: the connector's
 * active-state options and "Always Assign Users to Certain Groups"; with SAML attributes, the response's full name,
 * e-mail and groups are applied after the connector. Then step 6.
 */
function loginWithUserSync(run: ResolutionRun, userId: string, found: LocatedUser | undefined, before: SimulatedUser | null, incoming: string[] | undefined): EngineResult {
  const { log, findings, ctx, index, settings } = run;
  const sync = settings.userSync ?? DEFAULT_USER_SYNC;
  const withSaml = settings.userUpdateMethod === 'usersync-and-saml';
  const directory = connectorDirectory(index, sync);
  log.add(
    'UserSync connector',
    `"${sync.connector}" runs a Single User Update for "${userId}" from its source${directory ? ` into "${directory.name}"` : ''} before the login${withSaml ? ', then the SAML attributes are applied' : ''}. samlscope cannot see the connector's source and assumes it has this user, as active.`,
    'info',
    true,
  );
  let after: SimulatedUser;
  let groups: GroupChanges;
  if (found && before) {
    after = cloneUser(before);
    applyActiveState(run, sync, after);
    const located = found;
    if (withSaml) after = updateAttributes(run, located, after);
    groups = assignGroups(run, after, sync, withSaml ? incoming : undefined, located.directoryAssumed ? undefined : located.directory.id, true);
  } else {
    after = { username: userId, displayName: (withSaml ? run.fullName : undefined) ?? userId, active: true, directoryId: directory?.id ?? null, attributes: {}, groups: [] };
    if (directory) after.directoryName = directory.name;
    if (withSaml && run.email !== undefined) after.email = run.email;
    // Inferred: that the connector creates a user its source has, with the lookup value as username.
    log.add('Create user', `"${sync.connector}" creates "${userId}" in ${directory ? `"${directory.name}"` : "the connector's directory"} from its source${withSaml ? ' and the SAML attributes' : ''}.`, 'change', true);
    if (settings.lookupBy === 'custom-attribute') {
      log.add('Lookup attribute', `resolution finds users by the user attribute "${settings.lookupAttribute ?? ''}"; the new user carries it only if the connector or an attribute mapping writes it (not simulated).`, 'info', true);
    }
    groups = assignGroups(run, after, sync, withSaml ? incoming : undefined, directory?.id, false);
  }
  const access = checkLogInPermitted(ctx, index, log, findings, after, groups.removed, sync.alwaysAssignGroups);
  const created = before === null;
  const changed = created || !sameUserData(before, after) || before.active !== after.active || groups.added.length > 0 || groups.removed.length > 0;
  return finishedResult(run, { username: after.username, before, after, groups, created, changed, access });
}

/** The connector's directory: named in the profile (by name or id), else the first active internal one. */
function connectorDirectory(index: SnapshotIndex, sync: UserSyncSettings): SnapshotDirectory | undefined {
  if (sync.directory !== undefined) {
    return index.directoriesById.get(sync.directory) ?? index.snapshot.directories.find((d) => d.name.toLowerCase() === sync.directory?.toLowerCase());
  }
  return index.activeInternal[0];
}

/**
 * "Reactivate inactive users during login" reactivates a deactivated account. "Allow connector to set the user's
 * active state" makes the source decide; the source is assumed to list the user as active (inferred).
 */
function applyActiveState(run: ResolutionRun, sync: UserSyncSettings, user: SimulatedUser): void {
  if (user.active) {
    if (sync.setActiveState) run.log.add('Active state', `"${user.username}" is active; the connector may deactivate the account if its source marks the user inactive.`, 'info', true);
    return;
  }
  if (sync.reactivateInactiveUsers) {
    user.active = true;
    run.log.add('Active state', `"${user.username}" is deactivated; "Reactivate inactive users during login" reactivates the account.`, 'change');
  } else if (sync.setActiveState) {
    user.active = true;
    run.log.add('Active state', `"${user.username}" is deactivated; the connector sets the active state from its source, assumed to list the user as active, so the account is reactivated.`, 'change', true);
  } else {
    run.log.add('Active state', `"${user.username}" is deactivated and neither "Reactivate inactive users during login" nor "Allow connector to set the user's active state" is on: the account stays deactivated.`, 'info');
  }
}

/** "Always Assign Users to Certain Groups", plus the sent groups with SAML attributes (removals included for an existing user, as with JIT). */
function assignGroups(run: ResolutionRun, user: SimulatedUser, sync: UserSyncSettings, incoming: string[] | undefined, directoryId: string | undefined, existing: boolean): GroupChanges {
  if (incoming) return applyGroups(run, user, [...sync.alwaysAssignGroups, ...incoming], directoryId, existing && run.settings.removeUnlistedGroups);
  if (sync.alwaysAssignGroups.length > 0) return applyGroups(run, user, [...user.groups, ...sync.alwaysAssignGroups], directoryId, false);
  // Inferred: the groups the connector's source holds for the user are not visible to samlscope.
  run.log.add('Groups', 'Memberships come from the connector\'s source, which samlscope cannot see: shown unchanged.', 'skip', true);
  return noGroupChange(user.groups);
}

/** Step 5, create: in the internal directory, with the attributes resolution requires, then the default and sent groups; then step 6. */
function createUser(run: ResolutionRun, name: string, incoming: string[] | undefined): EngineResult {
  const { log, findings, ctx, index, product, settings, fullName, email } = run;
  const directory = chooseInternalDirectory(run);
  if (directory instanceof LoginFailure) return failedResult(run, directory, name, null);
  const refused = checkNewUser(run, name);
  if (refused) return failedResult(run, refused, name, null);
  if (email) warnAboutSharedEmail(run, name, email);
  const wanted = [...settings.defaultGroups, ...(incoming ?? [])];
  if (!incoming) reportGroupsNotSent(run, name);
  const licence = checkLicenseForNewUser(index, product, wanted);
  if (!licence.ok) {
    findings.add('jit.license-full', () => licenseFull(ctx, { applications: licence.checked.filter((c) => c.full), blocking: false }));
    // Inferred: resolution documents no licence check; the product itself over-counts.
    log.add('Licence', licence.detail, 'info', true);
  }
  const after: SimulatedUser = { username: name, displayName: fullName ?? name, active: true, directoryId: directory?.id ?? null, attributes: {}, groups: [] };
  if (directory) after.directoryName = directory.name;
  if (email !== undefined) after.email = email;
  log.add('Create user', `Creates "${name}" in ${directory ? `"${directory.name}"` : 'the internal directory'}, tagged as created by resolution.`, 'change');
  const groups = applyGroups(run, after, wanted, directory?.id, false);
  const access = checkLogInPermitted(ctx, index, log, findings, after, [], settings.defaultGroups);
  return finishedResult(run, { username: name, before: null, after, groups, created: true, changed: true, access });
}

/**
 * No groups arrive (no group attribute configured, or not sent): the new user gets only the default groups. An
 * existing account of the same person (under another name) keeps groups the new account does not get.
 */
function reportGroupsNotSent(run: ResolutionRun, name: string): void {
  const { log, findings, ctx, index, settings } = run;
  const defaults = settings.defaultGroups;
  const why = settings.groupsAttribute ? `The response has no "${settings.groupsAttribute}" attribute` : 'No group attribute is configured';
  log.add('Groups from the response', () => `${why}${ctx.facts.idp === 'generic' ? '' : ' (AWS IAM Identity Center sends no group names)'}: "${name}" gets only the default groups${defaults.length ? ` ${defaults.join(', ')}` : ' (none configured)'}.`, 'info');
  const same = settings.lookupBy === 'username' ? likelySamePerson(index, name) : undefined;
  const carried = new Set(defaults.map((g) => lowerCase(g)));
  const lost = same?.existing.user.groups.filter((g) => !carried.has(lowerCase(g))) ?? [];
  if (!same || lost.length === 0) return;
  const args = { username: name, defaultGroups: defaults, existing: same.existing.user.username, existingGroups: lost, ...(settings.groupsAttribute ? { attribute: settings.groupsAttribute } : {}) };
  findings.add('jit.groups-not-carried', () => groupsNotCarried(ctx, args));
}

/** What resolution needs of the directory new users go to: CREATE_USER, not read-only (one constant, not an object per login). */
const INTERNAL_DIRECTORY_NEEDS: DirectoryNeeds = { groups: false, writable: true };

/** New users go to the internal directory; undefined when the snapshot cannot tell which one (an inferred step says so). */
function chooseInternalDirectory(run: ResolutionRun): SnapshotDirectory | undefined | LoginFailure {
  const { log, findings, ctx, index } = run;
  const choice = chooseWritableDirectory(index, INTERNAL_DIRECTORY_NEEDS);
  if (!choice.found) {
    findings.add('jit.no-writable-directory', () => noWritableDirectory(ctx, { directories: index.snapshot.directories, everyLogin: false }));
    // Inferred: resolution documents "the internal directory", not which permission it needs.
    log.add('Internal directory', 'No active internal directory may create users.', 'fail', true);
    return new LoginFailure('No active internal directory can create the user.');
  }
  const directory = choice.directory;
  if (choice.assumptions.length > 0) {
    log.add('Internal directory', `${directory ? `"${directory.name}" is taken as the internal directory` : 'The internal directory could not be identified'}, but ${choice.assumptions.join('; ')}. If that is wrong, resolution cannot create the user.`, 'info', true);
  }
  return directory;
}

/** What refuses a new user: the product's username rules, attributes resolution requires, Confluence's prerequisite. */
function checkNewUser(run: ResolutionRun, name: string): LoginFailure | undefined {
  const { log, findings, ctx, product } = run;
  const problems = usernameProblems(product, name);
  if (problems.length > 0) {
    findings.add('jit.invalid-username', () => invalidUsername(ctx, { username: name, problems }));
    if (problems.some((p) => p.blocking)) {
      // Inferred: the product's username rules applied to resolution's creations.
      log.add('Username is valid', problems.map((p) => p.rule).join('; '), 'fail', true);
      return new LoginFailure(`"${name}" is not a valid ${product} username.`);
    }
  }
  const missing = reportUnsentAttributes(run, true);
  if (missing.length > 0) {
    // Inferred for Bamboo: resolution lists required attributes for Jira, Confluence and Bitbucket only.
    log.add('Attributes for a new user', `Missing ${missing.join(' and ')}, which resolution needs to create a ${product} user.`, 'fail', product === 'bamboo');
    return new LoginFailure(`resolution cannot create "${name}" without ${missing.join(' and ')}.`);
  }
  if (!confluenceAdminsPresent(run, 'create', name)) {
    return new LoginFailure(`Confluence has no populated "${CONFLUENCE_ADMINS}" group, which resolution needs to create users.`);
  }
  return undefined;
}

function warnAboutSharedEmail(run: ResolutionRun, name: string, email: string): void {
  const sharing = run.index.byLowerEmail.get(lowerCase(email));
  if (sharing && sharing.length > 0) {
    run.findings.add('jit.duplicate-email', () => duplicateEmail(run.ctx, { email, usernames: sharing.map((l) => l.user.username), effect: `The new account "${name}" would share it; Atlassian products do not enforce unique e-mail addresses.` }));
  }
}

/**
 * resolution's Confluence prerequisite, checked before it writes a user. Returns false (and records why) when
 * the write fails. A snapshot of selected users cannot show the group is empty, so that case is only noted.
 */
function confluenceAdminsPresent(run: ResolutionRun, action: 'create' | 'update', name: string): boolean {
  const { log, findings, ctx, index, product } = run;
  if (product !== 'confluence' || groupHasActiveMember(index, CONFLUENCE_ADMINS)) return true;
  if (index.snapshot.source.usersIncluded === 'selected') {
    log.add('Confluence administrators', `No captured user is an active member of "${CONFLUENCE_ADMINS}", but the snapshot holds selected users only, so the group may have members; resolution needs at least one or the ${action === 'create' ? 'creation' : 'update'} fails.`, 'info', true);
    return true;
  }
  findings.add('jit.confluence-admins-missing', () => confluenceAdminsMissing(ctx, { username: name, action, snapshot: index.snapshot }));
  // Documented: the write fails. Inferred for updates: that the failed update also ends the login.
  log.add('Confluence administrators', `resolution's documentation: without a "${CONFLUENCE_ADMINS}" group with at least one member, user ${action === 'create' ? 'creation' : 'updates'} fail${action === 'create' ? 's' : ''}; the snapshot has no active member.`, 'fail', action === 'update');
  return false;
}

/** Records configured attributes the response lacks; returns those creation cannot do without. */
function reportUnsentAttributes(run: ResolutionRun, creating: boolean): string[] {
  const { findings, ctx, product, settings } = run;
  const missing: string[] = [];
  const required = creating ? REQUIRED_FOR_CREATE[product] : [];
  const check = (kind: 'fullName' | 'email', attribute: string | undefined, value: string | undefined, label: string): void => {
    const needed = required.includes(kind);
    if (value !== undefined) return;
    if (!attribute) {
      if (needed) {
        findings.add('jit.attribute-missing', () => attributeMissing(ctx, { attribute: `(${label})`, field: label, reason: 'not-configured', blocking: true }));
        missing.push(label);
      }
      return;
    }
    findings.add('jit.attribute-missing', () => attributeMissing(ctx, { attribute, field: label, reason: 'missing', blocking: needed }));
    if (needed) missing.push(label);
  };
  check('fullName', settings.fullNameAttribute, run.fullName, 'full name');
  check('email', settings.emailAttribute, run.email, 'email');
  return missing;
}

/** `directoryId` undefined: the snapshot does not record the user's directory, so a group anywhere counts as existing. */
function applyGroups(run: ResolutionRun, user: SimulatedUser, wanted: readonly string[], directoryId: string | undefined, removeUnlisted: boolean): GroupChanges {
  // Inferred: groups that do not exist yet are created in the user's directory. Removals need a group attribute, so `?? ''` is never used.
  const changes = applyGroupChanges(run.ctx, run.index, run.findings, user, wanted, removeUnlisted, run.settings.groupsAttribute ?? '', [directoryId]);
  const changed = groupsChange(changes);
  run.log.add('Groups', () => (changed ? `Login ${groupChangeSummary(changes).join('; ')}.` : 'Memberships already match.'), changed ? 'change' : 'pass', changes.created.length > 0);
  return changes;
}
