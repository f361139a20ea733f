/**
 * resolution's "SAML Single Sign On" login with its User Update Method, from the vendor's
 * documentation (atlassian.md §1). Where the documentation is silent the step is marked inferred.
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
import type { EngineOptions } from './engine-atlassian-sso.js';
import {
  attributeMissing,
  caseMismatch,
  confluenceAdminsMissing,
  duplicateEmail,
  groupsNotSent,
  invalidUsername,
  licenseFull,
  nameIdMissing,
  noWritableDirectory,
  remoteDirectoryUser,
  usernameMismatch,
  type FindingContext,
} from './jit-findings.js';
import { checkLicenseForNewUser } from './license-check.js';
import { MappingLog } from './mapping-log.js';
import { RESOLUTION_MESSAGES } from './product-messages.js';
import { applyTransforms, compileTransforms, type CompiledTransforms } from './regex-transforms.js';
import { isRemoteDirectory, resolveUsername, type LocatedUser, type SnapshotIndex } from './snapshot-index.js';
import type { Product } from './snapshot-schema.js';
import type { GroupChanges, LoginFacts, SimulatedUser } from './simulation-types.js';
import { StepLog } from './step-log.js';
import type { ResolutionSettings } from './target-profile-schema.js';
import { usernameProblems } from './username-rules.js';
import { chooseWritableDirectory } from './writable-directory.js';

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

/** resolution's Confluence prerequisite (atlassian.md §1.1): this group needs a member, or creations/updates fail. */
const CONFLUENCE_ADMINS = 'confluence-administrators';

/** Attributes resolution needs to create a user, per product (older doc, v0.14+; Bamboo not documented). */
const REQUIRED_FOR_CREATE: Record<Product, Array<'fullName' | 'email'>> = {
  jira: ['fullName', 'email'],
  confluence: [],
  bitbucket: ['fullName', 'email'],
  bamboo: ['fullName', 'email'],
};

export function simulateResolution(
  facts: LoginFacts,
  settings: ResolutionSettings,
  index: SnapshotIndex,
  product: Product,
  options: EngineOptions = {},
): EngineResult {
  const log = new StepLog(options.collectSteps ?? true);
  const mappings = new MappingLog(options.collectSteps ?? true);
  const findings = new FindingSink(options.collectFindings ?? true);
  const ctx: FindingContext = { product, engine: 'resolution', facts };
  const transforms = transformsOf(settings);
  let username: string | null = null;
  let before: SimulatedUser | null = null;

  const fail = (reason: string, productMessage?: string): EngineResult => {
    const r: EngineResult = { outcome: 'fail', canLogIn: false, reason, username, user: { before, after: before }, groups: noGroupChange(before?.groups ?? []), steps: log.steps, findings: findings.findings, findingIds: findings.ids, mappings: mappings.mappings };
    if (productMessage) r.productMessage = productMessage;
    return r;
  };

  // 1. The user id: NameID or a configured attribute.
  const fromNameId = settings.userIdSource.toLowerCase() === 'nameid';
  let rawId: string | undefined;
  if (fromNameId) {
    rawId = facts.nameId;
    if (rawId === undefined) {
      mappings.add(() => ({ field: 'userId', expression: settings.userIdSource, attributes: [], readsNameId: true, missing: ['NameID'], problem: 'The response has no NameID' }));
      findings.add('jit.attribute-missing', () => nameIdMissing(ctx));
      log.add('User id', 'The user id comes from the NameID, and the response has none.', 'fail');
      return fail('The response has no NameID.');
    }
  } else {
    const values = facts.attributes.get(settings.userIdSource);
    if (!values || values.length === 0) {
      mappings.attribute('userId', settings.userIdSource, facts);
      findings.add('jit.attribute-missing', () => attributeMissing(ctx, { attribute: settings.userIdSource, field: 'user id', reason: 'missing', blocking: true }));
      log.add('User id', `The user id attribute "${settings.userIdSource}" is not in the response.`, 'fail');
      return fail(`The response has no "${settings.userIdSource}" attribute for the user id.`);
    }
    rawId = values[0] as string;
    // Inferred: with several values the first is used (not documented).
    log.add('User id', `"${settings.userIdSource}" = "${rawId}"${values.length > 1 ? ` (first of ${values.length} values)` : ''}.`, 'pass', values.length > 1);
  }
  if (fromNameId) log.add('User id', `NameID = "${rawId}".`, 'pass');

  // 2. Transformations, top-down until the first match.
  const transformed = applyTransforms(rawId, transforms.user);
  const userId = transformed.value;
  const idValue = rawId;
  if (fromNameId) {
    mappings.add(() => ({ field: 'userId', expression: settings.userIdSource, attributes: [], readsNameId: true, value: idValue, ...(userId !== idValue ? { transformed: userId } : {}) }));
  } else {
    mappings.attribute('userId', settings.userIdSource, facts, userId !== idValue ? { transformed: userId } : {});
  }
  if (settings.userIdTransforms.length > 0) {
    const t = settings.userIdTransforms[transformed.applied];
    log.add('Transform user id', t ? `${t.pattern} → ${t.replacement} matched: "${rawId}" becomes "${userId}".` : `No transformation matched; "${rawId}" is used as is.`, t ? 'change' : 'pass');
  }
  username = settings.lookupBy === 'username' ? userId : null;

  // 3. Find the user by username or e-mail address.
  let found: LocatedUser | undefined;
  if (settings.lookupBy === 'username') {
    found = resolveUsername(index, userId);
    const existing = found?.user.username;
    if (existing !== undefined && existing !== userId) findings.add('jit.case-mismatch', () => caseMismatch(ctx, { username: userId, existing, renames: false }));
  } else {
    const matches = index.byLowerEmail.get(userId.toLowerCase()) ?? [];
    found = matches[0];
    if (matches.length > 1) {
      findings.add('jit.duplicate-email', () => duplicateEmail(ctx, { email: userId, usernames: matches.map((m) => m.user.username), effect: `Looking users up by e-mail is ambiguous; this simulation assumes "${found?.user.username}" (first alphabetically, as Jira's own e-mail lookups pick), which resolution does not document.` }));
    }
  }
  const sentEmail = settings.emailAttribute ? facts.attributes.get(settings.emailAttribute)?.[0] : undefined;
  if (settings.emailAttribute) mappings.attribute('email', settings.emailAttribute, facts);
  if (found) {
    before = toSimulatedUser(found);
    username = found.user.username;
    // Inferred with several e-mail matches (resolution documents no rule) or an assumed directory.
    log.add('Find user', `Found "${found.user.username}" in "${found.directory.name}" by ${settings.lookupBy === 'email' ? 'e-mail address' : 'username'}.`, 'pass', found.directoryAssumed || found.directory.type === 'unknown' || (settings.lookupBy === 'email' && (index.byLowerEmail.get(userId.toLowerCase())?.length ?? 0) > 1));
  } else {
    log.add('Find user', `No user has the ${settings.lookupBy === 'email' ? 'e-mail address' : 'username'} "${userId}".`, settings.userUpdateMethod === 'none' ? 'fail' : 'info');
    if (settings.lookupBy === 'username') {
      const same = likelySamePerson(index, userId);
      if (same) {
        findings.add('jit.username-mismatch', () => usernameMismatch(ctx, { username: userId, existing: same.existing.user.username, via: same.via, consequence: settings.userUpdateMethod === 'none' ? 'fails' : 'duplicate', usernameSource: fromNameId ? 'the NameID' : `"${settings.userIdSource}"` }));
      }
    }
  }

  // Groups from the response, only when a group attribute is configured.
  let incomingGroups: string[] | undefined;
  const groupsAttribute = settings.groupsAttribute;
  if (groupsAttribute) {
    const values = facts.attributes.get(groupsAttribute);
    if (!values) {
      findings.add('jit.groups-not-sent', () => groupsNotSent(ctx, { attribute: groupsAttribute, groupsAtRisk: [], defaultGroups: settings.defaultGroups }));
    } else {
      incomingGroups = [];
      for (const v of values) {
        const t = applyTransforms(v, transforms.group);
        if (t.applied < 0 && settings.skipUntransformedGroups && settings.groupTransforms.length > 0) continue;
        incomingGroups.push(t.value);
      }
    }
    const sent = incomingGroups;
    const changedByTransforms = sent !== undefined && (sent.length !== values?.length || sent.some((g, i) => g !== values[i]));
    mappings.attribute('groups', groupsAttribute, facts, { all: true, ...(changedByTransforms && sent ? { transformed: [...sent] } : {}) });
  }

  if (settings.userUpdateMethod === 'none') {
    log.add('User update method', '"No User update": users are neither created nor updated.', 'info');
    if (!found || !before) return fail(`No user matches "${userId}" and the user update method creates no users.`, RESOLUTION_MESSAGES.userMustExist);
    const access = checkLogInPermitted(ctx, index, log, findings, before, []);
    return done(access.canLogIn, false, false, before, before, noGroupChange(before.groups), access.reason, access.productMessage);
  }

  const fullName = settings.fullNameAttribute ? facts.attributes.get(settings.fullNameAttribute)?.[0] : undefined;
  if (settings.fullNameAttribute) mappings.attribute('displayName', settings.fullNameAttribute, facts);
  if (found && before) return update(found, before);
  return create();

  function done(canLogIn: boolean, created: boolean, changed: boolean, b: SimulatedUser | null, a: SimulatedUser, groups: GroupChanges, failReason?: string, productMessage?: string): EngineResult {
    let reason: string;
    if (!canLogIn) reason = `${failReason ?? 'The login is refused.'}${created ? ' The account is created anyway.' : ''}`;
    else if (created) reason = `Creates "${a.username}" and logs in.`;
    else if (changed) reason = `Updates "${a.username}" and logs in.`;
    else reason = `Logs in as "${a.username}" without changes.`;
    const r: EngineResult = { outcome: outcomeOf(!canLogIn, created, changed), canLogIn, reason, username: a.username, user: { before: b, after: a }, groups, steps: log.steps, findings: findings.findings, findingIds: findings.ids, mappings: mappings.mappings };
    if (!canLogIn && productMessage) r.productMessage = productMessage;
    return r;
  }

  /**
   * resolution's Confluence prerequisite, checked before it writes a user. Returns false (and records why) when
   * the write fails. A snapshot of selected users cannot show the group is empty, so that case is only noted.
   */
  function confluenceAdminsPresent(action: 'create' | 'update', name: string): boolean {
    if (product !== 'confluence' || index.populatedGroups.has(CONFLUENCE_ADMINS)) return true;
    if (index.snapshot.source.usersIncluded === 'selected') {
      log.add('Confluence administrators', `No captured user is an active member of "${CONFLUENCE_ADMINS}", but the snapshot holds selected users only, so the group may have members; resolution needs at least one or the ${action === 'create' ? 'creation' : 'update'} fails.`, 'info', true);
      return true;
    }
    findings.add('jit.confluence-admins-missing', () => confluenceAdminsMissing(ctx, { username: name, action, snapshot: index.snapshot }));
    // Documented: the write fails. Inferred for updates: that the failed update also ends the login.
    log.add('Confluence administrators', `resolution's documentation: without a "${CONFLUENCE_ADMINS}" group with at least one member, user ${action === 'create' ? 'creation' : 'updates'} fail${action === 'create' ? 's' : ''}; the snapshot has no active member.`, 'fail', action === 'update');
    return false;
  }

  function update(located: LocatedUser, current: SimulatedUser): EngineResult {
    // A directory of unknown type may be internal: assume resolution can write to it, and say so.
    const untyped = located.directory.type === 'unknown';
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
      after = cloneUser(current);
      const changes: string[] = [];
      if (settings.fullNameAttribute && fullName !== undefined && fullName !== after.displayName) {
        after.displayName = fullName;
        changes.push('updates the full name');
      }
      if (settings.emailAttribute && sentEmail !== undefined && sentEmail !== after.email) {
        after.email = sentEmail;
        changes.push('updates the e-mail address');
      }
      reportUnsentAttributes(false);
      const where = untyped || located.directoryAssumed ? ` (the snapshot does not record the type of "${located.directory.name}"; assumed internal and writable)` : '';
      log.add('Update user', changes.length ? `Login ${changes.join(', ')}${where}.` : `Nothing to change${where}.`, changes.length ? 'change' : 'pass', where !== '');
      if (incomingGroups) groups = applyGroups(after, incomingGroups, located.directoryAssumed ? undefined : located.directory.id, settings.removeUnlistedGroups);
      else log.add('Groups', settings.groupsAttribute ? `No "${settings.groupsAttribute}" in the response: memberships are not changed.` : 'No group attribute configured: memberships are not changed.', 'skip');
      const writes = !sameUserData(current, after) || groups.added.length > 0 || groups.removed.length > 0;
      if (writes && !confluenceAdminsPresent('update', current.username)) {
        return fail(`Confluence has no active member of "${CONFLUENCE_ADMINS}", so resolution cannot update "${current.username}".`);
      }
    }
    const access = checkLogInPermitted(ctx, index, log, findings, after, groups.removed);
    const changed = !sameUserData(current, after) || groups.added.length > 0 || groups.removed.length > 0;
    return done(access.canLogIn, false, changed, current, after, groups, access.reason, access.productMessage);
  }

  function create(): EngineResult {
    const name = userId;
    username = name;
    const choice = chooseWritableDirectory(index, { groups: false, writable: true });
    if (!choice.found) {
      findings.add('jit.no-writable-directory', () => noWritableDirectory(ctx, { directories: index.snapshot.directories, everyLogin: false }));
      // Inferred: resolution documents "the internal directory", not which permission it needs.
      log.add('Internal directory', 'No active internal directory may create users.', 'fail', true);
      return fail('No active internal directory can create the user.');
    }
    const directory = choice.directory;
    if (choice.assumptions.length > 0) {
      log.add('Internal directory', `${directory ? `"${directory.name}" is taken as the internal directory` : 'The internal directory could not be identified'}, but ${choice.assumptions.join('; ')}. If that is wrong, resolution cannot create the user.`, 'info', true);
    }
    const problems = usernameProblems(product, name);
    if (problems.length > 0) {
      findings.add('jit.invalid-username', () => invalidUsername(ctx, { username: name, problems }));
      if (problems.some((p) => p.blocking)) {
        // Inferred: the product's username rules applied to resolution's creations.
        log.add('Username is valid', problems.map((p) => p.rule).join('; '), 'fail', true);
        return fail(`"${name}" is not a valid ${product} username.`);
      }
    }
    const missing = reportUnsentAttributes(true);
    if (missing.length > 0) {
      // Inferred for Bamboo: resolution lists required attributes for Jira, Confluence and Bitbucket only.
      log.add('Attributes for a new user', `Missing ${missing.join(' and ')}, which resolution needs to create a ${product} user.`, 'fail', product === 'bamboo');
      return fail(`resolution cannot create "${name}" without ${missing.join(' and ')}.`);
    }
    if (!confluenceAdminsPresent('create', name)) {
      return fail(`Confluence has no populated "${CONFLUENCE_ADMINS}" group, which resolution needs to create users.`);
    }
    if (sentEmail) {
      const sharing = index.byLowerEmail.get(sentEmail.toLowerCase());
      if (sharing && sharing.length > 0) {
        findings.add('jit.duplicate-email', () => duplicateEmail(ctx, { email: sentEmail, usernames: sharing.map((l) => l.user.username), effect: `The new account "${name}" would share it; Atlassian products do not enforce unique e-mail addresses.` }));
      }
    }
    const wanted = [...settings.defaultGroups, ...(incomingGroups ?? [])];
    const licence = checkLicenseForNewUser(index, product, wanted);
    if (!licence.ok) {
      findings.add('jit.license-full', () => licenseFull(ctx, { applications: licence.checked.filter((c) => c.full), blocking: false }));
      // Inferred: resolution documents no licence check; the product itself over-counts.
      log.add('Licence', licence.detail, 'info', true);
    }
    const after: SimulatedUser = {
      username: name,
      displayName: fullName ?? name,
      active: true,
      directoryId: directory?.id ?? null,
      attributes: {},
      groups: [],
    };
    if (directory) after.directoryName = directory.name;
    if (sentEmail !== undefined) after.email = sentEmail;
    log.add('Create user', `Creates "${name}" in ${directory ? `"${directory.name}"` : 'the internal directory'}, tagged as created by resolution.`, 'change');
    const groups = applyGroups(after, wanted, directory?.id, false);
    const access = checkLogInPermitted(ctx, index, log, findings, after, [], settings.defaultGroups);
    return done(access.canLogIn, true, true, null, after, groups, access.reason, access.productMessage);
  }

  /** Records configured attributes the response lacks; returns those creation cannot do without. */
  function reportUnsentAttributes(creating: boolean): string[] {
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
    check('fullName', settings.fullNameAttribute, fullName, 'full name');
    check('email', settings.emailAttribute, sentEmail, 'email');
    return missing;
  }

  /** `directoryId` undefined: the snapshot does not record the user's directory, so a group anywhere counts as existing. */
  function applyGroups(user: SimulatedUser, wanted: readonly string[], directoryId: string | undefined, removeUnlisted: boolean): GroupChanges {
    // Inferred: groups that do not exist yet are created in the user's directory. Removals need a group attribute, so `?? ''` is never used.
    const { changes, summary: parts } = applyGroupChanges(ctx, index, findings, user, wanted, removeUnlisted, groupsAttribute ?? '', [directoryId]);
    log.add('Groups', parts.length ? `Login ${parts.join('; ')}.` : 'Memberships already match.', parts.length ? 'change' : 'pass', changes.created.length > 0);
    return changes;
  }
}
