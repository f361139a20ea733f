/**
 * Builders for the jit.* findings, shared by both engines: each says what happens to the login in
 * plain words, names the user's groups where they matter, and gives a fix someone can carry out.
 */
import { makeFinding } from '../findings/make-finding.js';
import { genericIdpFix } from '../fixes/idp-generic.js';
import type { Evidence, Finding, Fix } from '../model/finding.js';
import {
  applicationAccessPath,
  atlassianSsoPath,
  AWS_MAPPINGS_PATH,
  groupsPath,
  licensePath,
  productName,
  resolutionPath,
  userDirectoriesPath,
} from './product-paths.js';
import { ATLASSIAN_MESSAGES, looksLikeAwsGroupId, suggestedAwsSource } from './product-messages.js';
import type { JitEngine, LoginFacts } from './simulation-types.js';
import type { InstanceSnapshot, Product, SnapshotDirectory } from './snapshot-schema.js';
import type { UsernameProblem } from './username-rules.js';

export interface FindingContext {
  product: Product;
  engine: JitEngine;
  facts: LoginFacts;
}

const list = (names: readonly string[]): string => names.map((n) => `"${n}"`).join(', ');

/** The response came from an IdP that is not IAM Identity Center: fixes name its configuration, not the AWS console. */
function genericIdp(ctx: FindingContext): boolean {
  return ctx.facts.idp === 'generic';
}

/** A fix in the IdP's attribute (or Subject) release for this SP: AWS's attribute mappings, or the generic IdP's equivalent. */
function idpAttributeFix(ctx: FindingContext, args: { field: string; value?: string; aws: string; generic: string }): Fix {
  if (genericIdp(ctx)) {
    const fix = genericIdpFix({ summary: args.generic, field: args.field });
    if (args.value !== undefined) fix.value = args.value;
    return fix;
  }
  const fix: Fix = { where: 'aws-console', path: AWS_MAPPINGS_PATH, field: args.field, summary: args.aws };
  if (args.value !== undefined) fix.value = args.value;
  return fix;
}

function attributeEvidence(ctx: FindingContext, name: string, value: string, expected?: string): Evidence {
  const e: Evidence = { location: ctx.facts.attributeLocation(name), site: { attributeName: name }, value, personal: value !== '(absent)' };
  if (expected !== undefined) e.expected = expected;
  if (!ctx.facts.verified) e.unverified = true;
  return e;
}

/** A username, e-mail address or display name: personal, so reports and presentation mode redact it. */
function userEvidence(location: string, value: string): Evidence {
  return { location, value, personal: true };
}

/**
 * Group names (and AWS group IDs) are not personal data: they stay readable in redacted reports, where they are
 * the point of the finding. Still marked unverified when read from an unsigned response.
 */
function groupEvidence(location: string, groups: readonly string[], facts?: LoginFacts): Evidence {
  const e: Evidence = { location, value: groups.length ? groups.join(', ') : '(none)' };
  if (facts && !facts.verified) e.unverified = true;
  return e;
}

function presentAttributes(ctx: FindingContext): Evidence {
  const names = [...ctx.facts.attributes.keys()];
  return { location: 'attributes in the response', value: names.length ? names.join(', ') : '(none)' };
}

const groupOptionsCache = new Map<Product, readonly string[]>();
/** The three ways out of Atlassian JIT group sync with AWS (constant per product; cached for bulk runs). */
function atlassianGroupOptions(product: Product): string[] {
  let options = groupOptionsCache.get(product);
  if (!options) {
    options = buildGroupOptions(product);
    groupOptionsCache.set(product, options);
  }
  return [...options];
}

const buildGroupOptions = (product: Product): string[] => [
  `Turn JIT provisioning off in ${atlassianSsoPath(product)} (clear "Create users on login to the application"); this also stops group sync, and users and their groups are then managed locally or by an LDAP/Crowd directory.`,
  `Or switch to resolution's SAML SSO with "Update from SAML-Attributes (Just-in-Time Provisioning)", no group attribute, and default groups such as ${product === 'confluence' ? 'confluence-users' : product === 'jira' ? 'jira-software-users' : `${product}-users`}.`,
  'Or keep groups local: grant application access to groups you maintain in the product, not to groups the IdP is expected to send.',
];

export function groupsNotSent(ctx: FindingContext, args: { attribute: string; groupsAtRisk: readonly string[]; defaultGroups?: readonly string[] }): Finding {
  const evidence = [attributeEvidence(ctx, args.attribute, '(absent)', 'one value per group name'), presentAttributes(ctx)];
  if (ctx.engine === 'atlassian-sso' && genericIdp(ctx)) {
    return makeFinding('jit.groups-not-sent', {
      message: `Atlassian SSO's JIT provisioning reads the user's groups from the attribute "${args.attribute}", and this response has no "${args.attribute}" attribute. Every JIT login fails with "${ATLASSIAN_MESSAGES.attributeNotFound(args.attribute)}".${args.groupsAtRisk.length ? ` Once the IdP sends it, its values replace the user's direct memberships (${list(args.groupsAtRisk)} today).` : ''}`,
      evidence,
      fix: genericIdpFix({
        summary: `Make the identity provider send the user's group names in an attribute named "${args.attribute}" (one value per group), or change the Groups mapping to the attribute it does send.`,
        field: `${args.attribute} attribute`,
        steps: [`Or in ${atlassianSsoPath(ctx.product)}, set Groups mapping to the name of the attribute that carries the groups.`],
      }),
    });
  }
  if (ctx.engine === 'atlassian-sso') {
    const risk = args.groupsAtRisk.length
      ? ` Mapping \${user:groups} in AWS does not help: it sends group IDs, so each login would remove the user from ${list(args.groupsAtRisk)} and create groups named after the IDs.`
      : '';
    return makeFinding('jit.groups-not-sent', {
      message: `Atlassian SSO's JIT provisioning reads the user's groups from the attribute "${args.attribute}", but AWS IAM Identity Center does not send group names, and this response has no "${args.attribute}" attribute. Every JIT login fails with "${ATLASSIAN_MESSAGES.attributeNotFound(args.attribute)}".${risk}`,
      evidence,
      fix: {
        where: 'atlassian-sso',
        path: atlassianSsoPath(ctx.product),
        field: 'Groups mapping',
        summary: `Atlassian SSO 2.0 → JIT provisioning → Groups mapping: AWS cannot send groups, so JIT group sync cannot work with IAM Identity Center; pick one of the options below.`,
        steps: atlassianGroupOptions(ctx.product),
      },
    });
  }
  const defaults = args.defaultGroups ?? [];
  return makeFinding('jit.groups-not-sent', {
    severity: 'warning',
    message: `resolution is set to read groups from "${args.attribute}", but ${genericIdp(ctx) ? 'this response has no such attribute' : 'AWS IAM Identity Center does not send group names and this response has no such attribute'}: new users get only the default groups${defaults.length ? ` (${list(defaults)})` : ' (none are configured)'}, and existing users' groups are not changed by SSO.`,
    evidence,
    fix: {
      where: 'resolution-saml-sso',
      path: resolutionPath('User Creation and Update → Attribute Mapping'),
      field: 'Groups attribute',
      summary: 'Clear the group attribute mapping, set default groups that grant application access, and manage other groups locally (resolution\'s AWS guide: "groups must be managed locally").',
    },
  });
}

export function groupsRemoved(
  ctx: FindingContext,
  args: { username: string; removed: readonly string[]; accessGroupsLost: readonly string[]; sent: readonly string[]; attribute: string },
): Finding {
  const ids = args.sent.filter(looksLikeAwsGroupId);
  const why = ids.length
    ? ` The response sends AWS group IDs (${list(ids.slice(0, 3))}${ids.length > 3 ? ', …' : ''}), not names, so no local group name ever matches.`
    : '';
  const access = args.accessGroupsLost.length ? ` Losing ${list(args.accessGroupsLost)} takes away application access.` : '';
  const fix: Fix =
    ctx.engine === 'atlassian-sso'
      ? {
          where: 'atlassian-sso',
          path: atlassianSsoPath(ctx.product),
          field: 'Groups mapping',
          summary: 'Atlassian SSO 2.0 → JIT provisioning → Groups mapping: the IdP group list replaces the user\'s direct memberships on every login; AWS cannot send group names, so choose one of the options below.',
          steps: atlassianGroupOptions(ctx.product),
        }
      : {
          where: 'resolution-saml-sso',
          path: resolutionPath('User Creation and Update → Attribute Mapping'),
          field: 'Groups attribute',
          summary: `Make the IdP send every group the user should keep in "${args.attribute}", or clear the group attribute mapping so groups stay managed locally (resolution changes memberships only when the attribute is sent).`,
        };
  return makeFinding('jit.groups-removed', {
    message: `This login removes "${args.username}" from ${list(args.removed)}: the ${ctx.engine === 'atlassian-sso' ? 'engine removes every direct membership' : 'memberships follow the sent group attribute, removals included, so resolution drops every group'} not listed in "${args.attribute}".${why}${access}`,
    evidence: [
      userEvidence('simulated user', args.username),
      groupEvidence('snapshot: groups the login removes', args.removed),
      args.sent.length ? groupEvidence(ctx.facts.attributeLocation(args.attribute), args.sent, ctx.facts) : groupEvidence(ctx.facts.attributeLocation(args.attribute), [], ctx.facts),
    ],
    fix,
  });
}

export function noApplicationAccess(
  ctx: FindingContext,
  args: { username: string; groupsAfter: readonly string[]; grantingGroups: readonly string[]; lostGranting: readonly string[]; defaultGroups?: readonly string[] },
): Finding {
  const granting = args.grantingGroups.length ? list(args.grantingGroups) : '(the snapshot lists no application access groups)';
  const lost = args.lostGranting.length ? ` This login just removed ${list(args.lostGranting)}.` : '';
  let fix: Fix;
  if (ctx.engine === 'atlassian-sso' && args.groupsAfter.length) {
    fix = {
      where: 'atlassian-admin',
      path: applicationAccessPath(ctx.product),
      summary: `Group sync overwrites local memberships, so grant application access to a group the response does send (${list(args.groupsAfter.slice(0, 3))}), or stop JIT group sync.`,
      value: args.groupsAfter[0],
      steps: atlassianGroupOptions(ctx.product),
    };
  } else if (ctx.engine === 'resolution') {
    fix = {
      where: 'resolution-saml-sso',
      path: resolutionPath('User Creation and Update'),
      field: 'Default groups',
      value: args.grantingGroups[0],
      summary: `Add a group that grants application access (${granting}) to the default groups, or add "${args.username}" to one in ${groupsPath(ctx.product)}.`,
    };
  } else {
    fix = {
      where: 'atlassian-admin',
      path: groupsPath(ctx.product),
      value: args.grantingGroups[0],
      summary: `Add "${args.username}" to a group with application access (${granting}).`,
    };
  }
  return makeFinding('jit.no-application-access', {
    message: `After this login "${args.username}" is in ${args.groupsAfter.length ? list(args.groupsAfter) : 'no groups'}, and none of them grants access to ${productName(ctx.product)}; access comes from ${granting}.${lost} The product refuses the login: "${ATLASSIAN_MESSAGES.notPermitted(args.username)}".`,
    evidence: [userEvidence('simulated user', args.username), groupEvidence('simulated user groups after login', args.groupsAfter), { location: 'snapshot: applicationAccess', value: granting }],
    fix,
  });
}

export function userInactive(ctx: FindingContext, username: string): Finding {
  return makeFinding('jit.no-application-access', {
    title: 'User is deactivated',
    message: `"${username}" exists but is deactivated; SSO does not reactivate users, so the product refuses the login ("${ATLASSIAN_MESSAGES.notPermitted(username)}").`,
    evidence: [userEvidence('snapshot: user', username), { location: 'snapshot: user active', value: 'false' }],
    fix: { where: 'atlassian-admin', path: groupsPath(ctx.product).replace(/Groups$/, 'Users'), summary: `Reactivate "${username}" if the person should have access.` },
    inferred: true,
  });
}

export function attributeMissing(
  ctx: FindingContext,
  args: { attribute: string; field: string; expression?: string; values?: readonly string[]; reason: 'missing' | 'multi-valued' | 'not-configured'; blocking: boolean },
): Finding {
  const present = [...ctx.facts.attributes.keys()];
  const caseTwin = present.find((p) => p !== args.attribute && p.toLowerCase() === args.attribute.toLowerCase());
  const configPath = ctx.engine === 'atlassian-sso' ? atlassianSsoPath(ctx.product) : resolutionPath('User Creation and Update → Attribute Mapping');
  const configWhere = ctx.engine === 'atlassian-sso' ? 'atlassian-sso' : 'resolution-saml-sso';
  const consequence = args.blocking ? 'The login fails' : 'The value is not used';
  if (args.reason === 'not-configured') {
    return makeFinding('jit.attribute-missing', {
      title: 'JIT mapping is not configured',
      message: `JIT provisioning is on but the ${args.field} mapping is empty. ${consequence}: "${ATLASSIAN_MESSAGES.configNotSet(args.field === 'display name' ? 'display name' : args.field === 'email' ? 'email' : 'groups')}".`,
      evidence: [{ location: `target profile: provisioning`, value: '(not set)', expected: args.field }],
      fix: { where: configWhere, path: configPath, field: `${args.field} mapping`, summary: `Set the ${args.field} mapping to an attribute ${genericIdp(ctx) ? 'the identity provider' : 'AWS'} sends.` },
    });
  }
  if (args.reason === 'multi-valued') {
    return makeFinding('jit.attribute-missing', {
      title: 'Mapped attribute has several values',
      message: `The ${args.field} mapping${args.expression ? ` ${args.expression}` : ''} reads "${args.attribute}", which has ${args.values?.length ?? 0} values; a mapping variable must have exactly one. ${consequence}.`,
      evidence: [attributeEvidence(ctx, args.attribute, (args.values ?? []).join(', '))],
      fix: idpAttributeFix(ctx, { field: args.attribute, aws: `Map "${args.attribute}" to a single-valued IAM Identity Center attribute.`, generic: `Make the identity provider send "${args.attribute}" with a single value.` }),
      inferred: true,
    });
  }
  const awsSource = suggestedAwsSource(args.attribute);
  const fix: Fix = caseTwin
    ? {
        where: configWhere,
        path: configPath,
        field: `${args.field} mapping`,
        value: args.expression ? args.expression.replace(args.attribute, caseTwin) : caseTwin,
        summary: `Attribute names are case-sensitive: the response has "${caseTwin}"; use that name in the ${args.field} mapping.`,
      }
    : idpAttributeFix(ctx, {
        field: genericIdp(ctx) ? 'released attributes' : 'User attribute in the application',
        value: args.attribute,
        aws: `Add an attribute mapping "${args.attribute}" → ${awsSource ?? 'the IAM Identity Center attribute that holds this value'}${args.expression ? `, or change the ${args.field} mapping (${args.expression}) to an attribute the response has` : ''}.`,
        generic: `Make the identity provider release an attribute named "${args.attribute}" to this SP${args.expression ? `, or change the ${args.field} mapping (${args.expression}) to an attribute the response has` : ''}.`,
      });
  return makeFinding('jit.attribute-missing', {
    severity: args.blocking ? 'error' : 'warning',
    message: `The ${args.field} mapping${args.expression ? ` ${args.expression}` : ''} reads the attribute "${args.attribute}", which the response does not carry${ctx.engine === 'atlassian-sso' ? ` ("${ATLASSIAN_MESSAGES.attributeNotFound(args.attribute)}")` : ''}. ${consequence}.${caseTwin ? ` The response has "${caseTwin}", which differs only by case.` : ''}`,
    evidence: [attributeEvidence(ctx, args.attribute, '(absent)'), presentAttributes(ctx)],
    fix,
  });
}

export function nameIdMissing(ctx: FindingContext): Finding {
  return makeFinding('jit.attribute-missing', {
    title: 'Response has no NameID',
    message: `The response has no NameID, which the engine needs to identify the user. The login fails ("${ATLASSIAN_MESSAGES.nameIdNotFound}").`,
    evidence: [{ location: ctx.facts.nameIdLocation, value: '(absent)' }],
    fix: genericIdp(ctx)
      ? genericIdpFix({ summary: 'Make the identity provider send a NameID in the Subject that identifies the user (e.g. the e-mail address or username).', field: 'Subject NameID' })
      : { where: 'aws-console', path: AWS_MAPPINGS_PATH, field: 'Subject', value: '${user:email}', summary: 'Map Subject to the IAM Identity Center attribute that identifies the user (e.g. ${user:email}, format emailAddress).' },
  });
}

export function usernameMismatch(
  ctx: FindingContext,
  args: { username: string; existing: string; via: 'email' | 'local-part'; consequence: 'duplicate' | 'fails'; usernameSource: string },
): Finding {
  const how = args.via === 'email' ? `has the e-mail address "${args.username}"` : `is the part of "${args.username}" before the @`;
  const what =
    args.consequence === 'duplicate'
      ? `the login creates a second account "${args.username}" instead of using "${args.existing}"`
      : `no user "${args.username}" exists, so the login fails ("${ATLASSIAN_MESSAGES.userDoesNotExist(args.username)}")`;
  const fix: Fix =
    ctx.engine === 'resolution'
      ? {
          where: 'resolution-saml-sso',
          path: resolutionPath('User Identification'),
          field: args.via === 'local-part' ? 'NameID transformation' : 'Find user by this Jira attribute',
          value: args.via === 'local-part' ? '(.*)@.* → $1' : 'Email Address',
          summary:
            args.via === 'local-part'
              ? 'Add the user-id transformation "Replace Regex with Replacement" (.*)@.* → $1 so e-mail NameIDs become short usernames.'
              : 'Find users by e-mail address instead of username.',
        }
      : idpAttributeFix(ctx, {
          field: genericIdp(ctx) ? 'released attributes' : 'User attribute in the application',
          value: 'username',
          aws: `Send the short username: add an AWS attribute mapping "username" → the IAM Identity Center attribute that holds "${args.existing}"-style names, then set Username mapping to \${username} in ${atlassianSsoPath(ctx.product)}.`,
          generic: `Send the short username: make the identity provider release an attribute "username" holding "${args.existing}"-style names, then set Username mapping to \${username} in ${atlassianSsoPath(ctx.product)}.`,
        });
  return makeFinding('jit.username-mismatch', {
    severity: args.consequence === 'fails' ? 'error' : 'warning',
    message: `The response resolves to the username "${args.username}" (from ${args.usernameSource}), but the existing user "${args.existing}" ${how}: ${what}.`,
    evidence: [userEvidence('username from the response', args.username), userEvidence('snapshot: existing user', args.existing)],
    fix,
  });
}

export function caseMismatch(ctx: FindingContext, args: { username: string; existing: string; renames: boolean }): Finding {
  return makeFinding('jit.case-mismatch', {
    severity: args.renames ? 'warning' : 'info',
    message: args.renames
      ? `The response's username "${args.username}" differs only by case from the existing "${args.existing}". Atlassian SSO compares usernames case-sensitively, so each login attempts to rename "${args.existing}" to "${args.username}".`
      : `The response's username "${args.username}" differs only by case from the existing "${args.existing}"; the lookup is case-insensitive, so the login uses "${args.existing}".`,
    evidence: [userEvidence('username from the response', args.username), userEvidence('snapshot: existing user', args.existing)],
    fix: genericIdp(ctx)
      ? genericIdpFix({ summary: `Make the value the identity provider sends match the Atlassian username exactly ("${args.existing}"), e.g. by correcting the user's attribute in the IdP's user store.` })
      : {
          where: 'aws-console',
          path: 'IAM Identity Center → Users → <user> → Edit',
          summary: `Make the value AWS sends match the Atlassian username exactly ("${args.existing}"), e.g. by correcting the user's attribute in IAM Identity Center.`,
        },
    inferred: args.renames,
  });
}

export function duplicateEmail(ctx: FindingContext, args: { email: string; usernames: readonly string[]; effect: string }): Finding {
  return makeFinding('jit.duplicate-email', {
    message: `${args.usernames.length} users already have the e-mail address "${args.email}" (${list(args.usernames)}). ${args.effect}`,
    evidence: [userEvidence('snapshot: users with this e-mail', args.usernames.join(', ')), userEvidence('e-mail from the response', args.email)],
    fix: { where: 'atlassian-admin', path: groupsPath(ctx.product).replace(/Groups$/, 'Users'), summary: `Keep one account per person: merge or deactivate the duplicates of "${args.email}".` },
    inferred: ctx.engine === 'resolution',
  });
}

export function remoteDirectoryUser(ctx: FindingContext, args: { username: string; directory: SnapshotDirectory; shadowsInternal: boolean }): Finding {
  return makeFinding('jit.remote-directory-user', {
    message: args.shadowsInternal
      ? `"${args.username}" also exists in the ${args.directory.type} directory "${args.directory.name}", which comes first: the product logs the user in from there. The internal copy is updated by JIT but not used.`
      : `"${args.username}" exists only in the ${args.directory.type} directory "${args.directory.name}": the product logs the user in from there, and ${ctx.engine === 'atlassian-sso' ? 'JIT neither creates, updates nor regroups the account' : 'SSO does not change its details or groups'}; that directory decides the user's details and groups.`,
    evidence: [userEvidence('snapshot: user', args.username), { location: 'snapshot: user directory', value: `${args.directory.name} (${args.directory.type})` }],
    fix: { where: 'none', summary: `Nothing to change if intended; manage "${args.username}" in ${args.directory.name}. Otherwise reorder directories in ${userDirectoriesPath(ctx.product)}.` },
    inferred: true,
  });
}

export function noWritableDirectory(ctx: FindingContext, args: { directories: readonly SnapshotDirectory[]; everyLogin: boolean; reason?: 'no-internal' | 'missing-permissions' }): Finding {
  const permission = (name: string, has: boolean | null): string => (has === false ? `, no ${name}` : has === null ? `, ${name} not recorded` : '');
  const described = args.directories.map((d) => `${d.name} (${d.type}${d.active ? '' : ', inactive'}${permission('CREATE_USER', d.canCreateUsers)}${permission('CREATE_GROUP', d.canCreateGroups)}${d.readOnly ? ', read-only' : ''})`);
  return makeFinding('jit.no-writable-directory', {
    message:
      ctx.engine === 'atlassian-sso'
        ? args.reason === 'no-internal'
          ? `There is no active internal directory (LDAP directories, also those with delegated authentication, are not internal), so every JIT login fails, even for existing users: "${ATLASSIAN_MESSAGES.noWritableInternalDirectory}".`
          : `No active internal directory can create users and groups, so every JIT login fails, even for existing users: "${ATLASSIAN_MESSAGES.noInternalDirectory}".`
        : 'No active internal directory can create users, so resolution cannot create this user.',
    evidence: [{ location: 'snapshot: directories', value: described.join('; ') || '(none)' }],
    fix: {
      where: 'atlassian-admin',
      path: userDirectoriesPath(ctx.product),
      summary:
        args.reason === 'no-internal'
          ? 'Add or enable an internal directory (the built-in one has the permissions to create users and groups by default): JIT writes users and groups only to internal directories.'
          : 'Enable an internal directory and allow it to create users and groups (the built-in internal directory has both permissions by default).',
    },
  });
}

export function licenseFull(ctx: FindingContext, args: { applications: ReadonlyArray<{ application: string; seats: number | null; used: number }>; blocking: boolean }): Finding {
  const seats = args.applications.map((a) => `${a.application}: ${a.used} of ${a.seats ?? 'unlimited'} seats used`).join('; ');
  return makeFinding('jit.license-full', {
    severity: args.blocking ? 'error' : 'warning',
    message: args.blocking
      ? `The licence has no free seat (${seats}), so the new user is not created: "${ATLASSIAN_MESSAGES.licenseLimit}"`
      : `Creating this user takes a seat the licence does not have (${seats}); resolution's behaviour on a full licence is not documented, and the product flags the licence as exceeded.`,
    evidence: [{ location: 'snapshot: license', value: seats }],
    fix: { where: 'atlassian-admin', path: licensePath(ctx.product), summary: 'Free a seat (deactivate users who left, or remove them from application access groups) or increase the licence tier.' },
    inferred: !args.blocking,
  });
}

export function renameFinding(ctx: FindingContext, args: { from: string; to: string; via: 'jit_idp_id' | 'username' }): Finding {
  return makeFinding('jit.rename', {
    message: `This login renames "${args.from}" to "${args.to}": the account was found by ${args.via === 'jit_idp_id' ? "the NameID stored in its jit_idp_id attribute" : 'username'}, and Atlassian SSO renames the user whenever the mapped username differs.`,
    evidence: [userEvidence('snapshot: current username', args.from), userEvidence('username from the response', args.to)],
    fix: {
      where: 'atlassian-sso',
      path: atlassianSsoPath(ctx.product),
      field: 'Username mapping',
      summary: `If the rename is not wanted, make Username mapping produce "${args.from}" (or change what AWS sends for it).`,
    },
    inferred: args.via === 'username',
  });
}

export function invalidUsername(ctx: FindingContext, args: { username: string; problems: readonly UsernameProblem[] }): Finding {
  const blocking = args.problems.some((p) => p.blocking);
  return makeFinding('jit.invalid-username', {
    severity: blocking ? 'error' : 'warning',
    message: `The username "${args.username}" is not valid for ${productName(ctx.product)}: ${args.problems.map((p) => p.rule).join('; ')}.${blocking ? ' The login fails.' : ''}`,
    evidence: [userEvidence('username from the response', args.username)],
    fix:
      ctx.engine === 'atlassian-sso'
        ? { where: 'atlassian-sso', path: atlassianSsoPath(ctx.product), field: 'Username mapping', summary: 'Map the username from an attribute whose values are valid usernames (no spaces, <, >, &).' }
        : { where: 'resolution-saml-sso', path: resolutionPath('User Identification'), field: 'NameID transformation', summary: 'Add a user-id transformation that turns the value into a valid username.' },
    inferred: args.problems.every((p) => p.inferred),
  });
}

/**
 * resolution's Confluence prerequisite (http://wiki.resolution.de/doc/saml-sso/latest/all/further-configuration/create-or-update-users-with-data-from-a-saml-response): "there must be a group 'confluence-administrators' with
 * at least one user in it, otherwise user creations/updates will fail".
 */
export function confluenceAdminsMissing(ctx: FindingContext, args: { username: string; action: 'create' | 'update'; snapshot: InstanceSnapshot }): Finding {
  const group = 'confluence-administrators';
  const members = args.snapshot.users.filter((u) => u.groups.some((g) => g.toLowerCase() === group));
  const listed = args.snapshot.groups.some((g) => g.name.toLowerCase() === group);
  const state = members.length > 0 ? `has ${members.length} member${members.length === 1 ? '' : 's'}, none of them active` : listed ? 'exists but has no members' : 'does not exist';
  const effect = args.action === 'create' ? `creating "${args.username}" fails, so the login fails` : `updating "${args.username}" fails, and with it the login`;
  return makeFinding('jit.confluence-admins-missing', {
    message: `resolution's SAML SSO needs a "${group}" group with at least one user in Confluence, "otherwise user creations/updates will fail". In the snapshot the group ${state}: ${effect}.`,
    evidence: [{ location: `snapshot: group "${group}"`, value: state, expected: 'at least one active member' }],
    fix: {
      where: 'atlassian-admin',
      path: groupsPath('confluence'),
      field: group,
      value: group,
      summary: `Create the group "${group}" if it is missing and add at least one active administrator account to it.`,
    },
    // Deactivated members count as none here, and a failed update ending the login, are not documented.
    inferred: members.length > 0 || args.action === 'update',
  });
}

/**
 * Atlassian SSO 2.0 creates a missing group in the JIT directory, then adds the membership in the user's own
 * directory; when that is another directory without the group, the membership (and the login) fails.
 */
export function groupOutsideUserDirectory(ctx: FindingContext, args: { username: string; groups: readonly string[]; userDirectory: string; jitDirectory: string }): Finding {
  return makeFinding('jit.group-outside-user-directory', {
    message: `"${args.username}" lives in "${args.userDirectory}", not in the JIT directory "${args.jitDirectory}". Group sync creates ${list(args.groups)} in "${args.jitDirectory}" when missing there, then adds the membership in "${args.userDirectory}", where the group does not exist: the membership fails and so does the login. (Inferred from the order in which the plugin provisions groups; Atlassian does not document it.)`,
    evidence: [userEvidence('simulated user', args.username), groupEvidence(`snapshot: groups missing in "${args.userDirectory}"`, args.groups)],
    inferred: true,
    fix: {
      where: 'atlassian-admin',
      path: groupsPath(ctx.product),
      summary: `Create ${list(args.groups)} in "${args.userDirectory}", or move the user's account into "${args.jitDirectory}", the first active internal directory, which JIT writes groups to.`,
    },
  });
}

/**
 * resolution creates a user without a group attribute: only the default groups. When the person already has an
 * account (found under another name), its groups are named, because the new account does not get them.
 */
export function groupsNotCarried(ctx: FindingContext, args: { username: string; defaultGroups: readonly string[]; existing: string; existingGroups: readonly string[]; attribute?: string }): Finding {
  const sends = genericIdp(ctx)
    ? `The response carries no group attribute${args.attribute ? ` "${args.attribute}"` : ''}`
    : `AWS IAM Identity Center sends no group names${args.attribute ? ` (the response has no "${args.attribute}" attribute)` : ''}`;
  return makeFinding('jit.groups-not-carried', {
    message: `${sends}, so the new account "${args.username}" gets only the default groups (${args.defaultGroups.length ? list(args.defaultGroups) : 'none are configured'}). The existing account "${args.existing}", probably the same person, is in ${list(args.existingGroups)}; the new account does not get ${args.existingGroups.length > 1 ? 'these groups' : 'this group'}.`,
    evidence: [userEvidence('username from the response', args.username), userEvidence('snapshot: existing user', args.existing), groupEvidence('snapshot: groups the new account does not get', args.existingGroups)],
    fix: {
      where: 'resolution-saml-sso',
      path: resolutionPath('User Identification'),
      field: 'Find user by this Jira attribute',
      summary: `Make the login find "${args.existing}" (a user-id transformation or lookup by e-mail address), so the person keeps their account and groups; or add the groups to the new account by hand.`,
    },
  });
}
