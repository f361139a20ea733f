/**
 * A target profile: one Atlassian Data Center instance, its SSO/JIT engine settings, and where its
 * users come from (a snapshot file or a live, read-only connection). Paths are relative to the
 * profile file; `src-main/io/target-profile.ts` resolves them. Secrets are never values here, only
 * references (`env:NAME`, `keychain:NAME`).
 */
import { z } from 'zod';
import { parseMappingExpression } from './mapping-expression.js';
import { PRODUCTS } from './snapshot-schema.js';
import { parseWith, type ParseOutcome } from './schema-issues.js';

export const SECRET_REF_PATTERN = /^(env|keychain):[A-Za-z_][A-Za-z0-9_.-]*$/;
const SECRET_REF_HELP = 'must be a reference like "env:JIRA_TOKEN" or "keychain:samlscope-jira" (secrets are never stored in the profile)';
const secretRef = z.string().regex(SECRET_REF_PATTERN, SECRET_REF_HELP);

const nonEmpty = z.string().trim().min(1, 'must not be empty');
const path = nonEmpty;

/** A `${attr}` expression, validated with the plugin's own syntax rules. */
const mappingExpression = z.string().superRefine((value, ctx) => {
  const parsed = parseMappingExpression(value);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `invalid mapping expression "${value}": ${parsed.error}` });
  else if (!parsed.parts.some((p) => p.kind === 'variable')) {
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" has no \${variable}: every user would get this literal text (write \${${value}} to read the attribute "${value}")`,
    });
  }
});

/** A bare attribute name (not an expression): the plugin reads all values of that attribute. */
const attributeName = nonEmpty.refine((v) => !v.includes('${'), {
  message: 'must be a bare attribute name such as "groups", not a ${...} expression',
});

const regexSource = z.string().min(1, 'must not be empty').superRefine((value, ctx) => {
  try {
    new RegExp(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `not a valid regular expression: ${error instanceof Error ? error.message : String(error)}` });
  }
});

/** resolution's "Replace Regex with Replacement" row; `$1`, `$2` refer to capture groups. */
export const transformSchema = z.strictObject({ pattern: regexSource, replacement: z.string() });

export const atlassianSsoSettingsSchema = z.strictObject({
  engine: z.literal('atlassian-sso'),
  /** "Create users on login to the application" (JIT user provisioning). */
  createUsers: z.boolean(),
  /** "Username mapping"; empty means `${NameID}` (the plugin's default). */
  usernameMapping: z.preprocess((v) => (v === '' || v === null ? undefined : v), mappingExpression.default('${NameID}')),
  displayNameMapping: mappingExpression.optional(),
  emailMapping: mappingExpression.optional(),
  /** "Groups mapping": the NAME of the attribute whose values are the user's groups. */
  groupsAttribute: attributeName.optional(),
});

/**
 * resolution's UserSync connector on the login path ("Update with UserSync-Connector"): on every SSO login the
 * connector runs a "Single User Update" from its own source (e.g. the IdP's directory API), not from the SAML
 * response (https://wiki.resolution.de/doc/saml-sso/latest/jira/user-and-group-synchronisation-user-sync/user-creation-and-update-with-usersync-connector).
 */
export const userSyncSchema = z.strictObject({
  /** The connector's name, for the simulation's steps. */
  connector: nonEmpty.default('UserSync connector'),
  /** The directory the connector writes to: its name or id in the snapshot. Absent: the first internal directory. */
  directory: nonEmpty.optional(),
  /** "Allow connector to set the user's active state": the source decides whether the account is active. */
  setActiveState: z.boolean().default(false),
  /** "Reactivate inactive users during login". */
  reactivateInactiveUsers: z.boolean().default(false),
  /** "Always Assign Users to Certain Groups": groups every user the connector updates is put in. */
  alwaysAssignGroups: z.array(nonEmpty).default([]),
});

export const resolutionSettingsSchema = z.strictObject({
  engine: z.literal('resolution'),
  /**
   * "User Update Method": `none` = "No User update" (users must exist); `jit` = "Update from SAML-Attributes
   * (Just-in-Time Provisioning)"; `usersync` = "Update with UserSync-Connector"; `usersync-and-saml` = "Update with
   * UserSync-Connector and apply SAML Attributes" (the connector first, then the response's attributes).
   */
  userUpdateMethod: z.enum(['none', 'jit', 'usersync', 'usersync-and-saml']),
  /** "Find user by this Jira attribute": the username, the e-mail address, or a custom user attribute (`lookupAttribute`). */
  lookupBy: z.enum(['username', 'email', 'custom-attribute']).default('username'),
  /** With `lookupBy: custom-attribute`: the name of the user attribute (Crowd attribute) that holds the user id. */
  lookupAttribute: attributeName.optional(),
  /** Where the user id comes from: `NameID` or an attribute name. */
  userIdSource: nonEmpty.default('NameID'),
  /** Applied top-down; the first pattern that matches is used, the rest are skipped. */
  userIdTransforms: z.array(transformSchema).default([]),
  fullNameAttribute: attributeName.optional(),
  emailAttribute: attributeName.optional(),
  groupsAttribute: attributeName.optional(),
  groupTransforms: z.array(transformSchema).default([]),
  /** "Skip untransformed groups": group values no transform matched are ignored. */
  skipUntransformedGroups: z.boolean().default(false),
  /** Groups every user created by JIT is added to (e.g. jira-software-users). */
  defaultGroups: z.array(nonEmpty).default([]),
  /** "Update existing users": also update users the app did not create (LDAP-less internal users, manual users). */
  updateExistingUsers: z.boolean().default(false),
  /**
   * When the response carries the group attribute, memberships follow it, removals included; an absent attribute
   * changes nothing. resolution documents this for JIT with and without UserSync
   * (https://wiki.resolution.de/doc/saml-sso/latest/confluence/knowledgebase-articles/technical/jit-connector-group-removal-not-work-with-the-jit-connector),
   * hence the default; `false` models a setup that only ever adds groups.
   */
  removeUnlistedGroups: z.boolean().default(true),
  /** The connector for `usersync` and `usersync-and-saml`. */
  userSync: userSyncSchema.optional(),
})
  .refine((r) => r.lookupBy !== 'custom-attribute' || r.lookupAttribute !== undefined, {
    message: 'lookupBy "custom-attribute" needs lookupAttribute: the name of the user attribute that holds the user id',
    path: ['lookupAttribute'],
  })
  .refine((r) => !r.userUpdateMethod.startsWith('usersync') || r.userSync !== undefined, {
    message: 'userUpdateMethod "usersync" and "usersync-and-saml" need userSync: { connector, directory?, setActiveState, reactivateInactiveUsers }',
    path: ['userSync'],
  });

export const provisioningSchema = z.discriminatedUnion('engine', [atlassianSsoSettingsSchema, resolutionSettingsSchema], {
  error: (issue) => (issue.code === 'invalid_union' ? 'engine must be "atlassian-sso" or "resolution"' : undefined),
});

const forbiddenSecretKeys = ['token', 'password', 'secret', 'pat', 'apiToken', 'accessToken'];

function rejectInlineSecrets(value: unknown, ctx: z.RefinementCtx): void {
  if (typeof value !== 'object' || value === null) return;
  for (const key of forbiddenSecretKeys) {
    if (key in value) {
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `secrets are never stored in the profile: remove "${key}" and use ${key === 'password' ? 'passwordRef' : 'tokenRef'}: env:NAME or keychain:NAME`,
      });
    }
  }
}

const patAuth = z.strictObject({ type: z.literal('pat'), tokenRef: secretRef });
const basicAuth = z.strictObject({ type: z.literal('basic'), usernameRef: secretRef, passwordRef: secretRef });
const authSchema = z
  .unknown()
  .superRefine(rejectInlineSecrets)
  .pipe(
    z.discriminatedUnion('type', [patAuth, basicAuth], {
      error: (issue) => (issue.code === 'invalid_union' ? 'auth.type must be "pat" (tokenRef) or "basic" (usernameRef, passwordRef)' : undefined),
    }),
  );

const baseUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://jira.example.com' }).refine(
  (v) => {
    const u = new URL(v);
    return u.username === '' && u.password === '';
  },
  { message: 'must not contain credentials (user:password@); use auth.usernameRef/passwordRef' },
);

/** `product`: baseUrl is the Atlassian product itself; `crowd`: it is the Crowd server the product's users come from. */
export const LIVE_SOURCES = ['product', 'crowd'] as const;

export const liveInstanceSchema = z.strictObject({
  baseUrl,
  auth: authSchema,
  /** Which server baseUrl names; `samlscope snapshot --source` overrides it. */
  source: z.enum(LIVE_SOURCES, { error: 'must be "product" (the Atlassian product) or "crowd" (its Crowd server)' }).default('product'),
  /** Per-request timeout. */
  timeoutMs: z.number().int().min(1000).max(300_000).default(30_000),
});

export const instanceSchema = z.union([
  z.strictObject({ snapshot: path }),
  z.strictObject({ live: liveInstanceSchema }),
], { error: 'must have either "snapshot" (a file path) or "live" ({ baseUrl, auth })' });

export const spSchema = z
  .strictObject({
    entityId: nonEmpty.optional(),
    acsUrl: nonEmpty.optional(),
    /** SP metadata file, instead of or besides entityId/acsUrl (explicit values win). */
    metadata: path.optional(),
  })
  .refine((sp) => sp.metadata !== undefined || (sp.entityId !== undefined && sp.acsUrl !== undefined), {
    message: 'needs entityId and acsUrl, or metadata (a path to the SP metadata file)',
  });

export const targetProfileSchema = z.strictObject({
  /** Free text shown in reports. */
  name: z.string().optional(),
  product: z.enum(PRODUCTS),
  sp: spSchema,
  idp: z.strictObject({ metadata: path }),
  provisioning: provisioningSchema,
  instance: instanceSchema,
});

export type TargetProfile = z.output<typeof targetProfileSchema>;
export type TargetProfileInput = z.input<typeof targetProfileSchema>;
export type ProvisioningSettings = TargetProfile['provisioning'];
export type AtlassianSsoSettings = z.output<typeof atlassianSsoSettingsSchema>;
export type ResolutionSettings = z.output<typeof resolutionSettingsSchema>;
export type RegexTransform = z.output<typeof transformSchema>;
export type UserSyncSettings = z.output<typeof userSyncSchema>;
export type LiveInstance = z.output<typeof liveInstanceSchema>;
export type LiveAuth = LiveInstance['auth'];
export type LiveSource = LiveInstance['source'];

/** Validates parsed JSON/YAML; errors read `provisioning.usernameMapping: invalid mapping expression …`. */
export function parseTargetProfile(data: unknown): ParseOutcome<TargetProfile> {
  return parseWith(targetProfileSchema, data);
}
