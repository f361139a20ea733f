/**
 * The offline picture of an Atlassian Data Center instance that the JIT simulation runs against.
 * Written by hand (assets/examples), or by `samlscope snapshot` from a live instance. Public contract:
 * add optional fields, never rename one.
 */
import { z } from 'zod';
import { PRODUCTS, type Product } from '../model/simulation.js';
import { parseWith, type ParseOutcome } from './schema-issues.js';

export const SNAPSHOT_SCHEMA_VERSION = 1 as const;

export { PRODUCTS, type Product };

/**
 * Crowd-style directory types; `delegating` = internal with LDAP authentication; `other` = anything else (e.g. custom);
 * `unknown` = the source named the directory but not its type (live REST captures). The simulation treats an
 * unknown type as possibly internal and marks every step that depends on it as inferred.
 */
export const DIRECTORY_TYPES = ['internal', 'ldap', 'crowd', 'delegating', 'other', 'unknown'] as const;
export type DirectoryType = (typeof DIRECTORY_TYPES)[number];

// Products use numeric directory ids (Jira `cwd_directory.id`); files may write either.
const idSchema = z.union([z.string().min(1, 'must not be empty'), z.number().int()]).transform((v) => String(v));
const nonEmpty = z.string().trim().min(1, 'must not be empty');

export const snapshotDirectorySchema = z.object({
  id: idSchema,
  name: nonEmpty,
  type: z.enum(DIRECTORY_TYPES),
  active: z.boolean(),
  /**
   * Directory permission CREATE_USER (Atlassian JIT needs it together with CREATE_GROUP). `null` (or absent) =
   * not known: no REST API exposes directory permissions, so live snapshots leave it unknown.
   */
  canCreateUsers: z.boolean().nullable().default(null),
  /** Directory permission CREATE_GROUP; `null` (or absent) = not known. */
  canCreateGroups: z.boolean().nullable().default(null),
  /** Read-only directory (e.g. read-only LDAP): user details and memberships cannot be changed by the product. */
  readOnly: z.boolean().default(false),
  /**
   * Order in the product's User Directories list, 0 first; the first directory holding a username wins.
   * `null` (or absent) = not known; such directories sort after the known ones, in file order.
   */
  position: z.number().int().min(0).nullable().default(null),
});

export const snapshotUserSchema = z.object({
  username: nonEmpty,
  /** Product user key (Jira `JIRAUSER10100`, Confluence userKey, Bitbucket numeric id). */
  key: z.string().optional(),
  displayName: z.string().default(''),
  /** Absent when the source does not expose it (Confluence's user REST omits e-mail). */
  email: z.string().optional(),
  active: z.boolean().default(true),
  /** Directory holding this user; `null` when the source does not expose it (Jira and Confluence REST don't). */
  directoryId: z.union([idSchema, z.null()]),
  /** Direct group memberships in the user's directory (not nested). */
  groups: z.array(nonEmpty).default([]),
  /** Crowd user attributes, e.g. `jit_idp_id` written by Atlassian's SSO JIT. */
  attributes: z.record(z.string(), z.string()).default({}),
  /**
   * Which JIT engine created the user, when known. resolution "tags" users it creates and later
   * updates only those (https://wiki.resolution.de/doc/saml-sso/latest/jira/further-configuration/create-or-update-users-through-saml-attributes); the tag's storage is undocumented, so live snapshots may leave it out.
   */
  provisionedBy: z.enum(['resolution-jit', 'atlassian-sso-jit']).optional(),
});

export const snapshotGroupSchema = z.object({
  name: nonEmpty,
  /** Directory holding the group; `null` (or absent) when the source does not say (Jira and Confluence REST). */
  directoryId: z.union([idSchema, z.null()]).default(null),
});

export const applicationAccessSchema = z.object({
  /** Application key: `jira-software`, `jira-servicedesk`, `jira-core`, `confluence`, `bitbucket`, `bamboo`. */
  application: nonEmpty,
  /** Groups whose members may use the application (Jira application roles, Confluence "can use", Bitbucket/Bamboo licensed-user groups). */
  groups: z.array(nonEmpty),
});

export const licenseSchema = z.object({
  application: nonEmpty,
  /** Licensed seats; `null` = unlimited. */
  seats: z.union([z.number().int().min(0), z.null()]),
  used: z.number().int().min(0),
});

export const snapshotSourceSchema = z.object({
  /** `live` = written by `samlscope snapshot`; `manual` = written by a person; `example` = shipped sample. */
  kind: z.enum(['live', 'manual', 'example']),
  baseUrl: z.string().optional(),
  productVersion: z.string().optional(),
  /** `selected` when the snapshot was limited to some users (`--users`): a user not in it may still exist. */
  usersIncluded: z.enum(['all', 'selected']).default('all'),
  /**
   * `some` when `directories` may lack some of the instance's directories (live captures: no REST API lists them),
   * so "no directory qualifies" cannot be concluded from it.
   */
  directoriesIncluded: z.enum(['all', 'some']).default('all'),
  /** What the source could not tell (e.g. "directory per user not exposed by REST"). */
  notes: z.array(z.string()).default([]),
});

const snapshotObjectSchema = z.object({
  schemaVersion: z.literal(SNAPSHOT_SCHEMA_VERSION).default(SNAPSHOT_SCHEMA_VERSION),
  product: z.enum(PRODUCTS),
  /** ISO 8601 time the data was read. */
  capturedAt: z.iso.datetime({ offset: true }),
  source: snapshotSourceSchema,
  directories: z.array(snapshotDirectorySchema),
  users: z.array(snapshotUserSchema),
  groups: z.array(snapshotGroupSchema).default([]),
  applicationAccess: z.array(applicationAccessSchema).default([]),
  /** Per application; an application not listed has unknown licence usage (the check is skipped and says so). */
  license: z.array(licenseSchema).default([]),
});

/** Cross-references the per-field schema cannot check: ids point at existing directories, no duplicates. */
export const instanceSnapshotSchema = snapshotObjectSchema.superRefine((snap, ctx) => {
  const dirIds = new Set<string>();
  snap.directories.forEach((d, i) => {
    if (dirIds.has(d.id)) ctx.addIssue({ code: 'custom', path: ['directories', i, 'id'], message: `duplicate directory id "${d.id}"` });
    dirIds.add(d.id);
  });
  const seen = new Set<string>();
  snap.users.forEach((u, i) => {
    if (u.directoryId !== null && !dirIds.has(u.directoryId)) {
      ctx.addIssue({ code: 'custom', path: ['users', i, 'directoryId'], message: `no directory with id "${u.directoryId}" in directories` });
    }
    // Crowd directories are case-insensitive: one lower-case name per directory.
    const key = `${u.directoryId ?? '?'}\u0000${u.username.toLowerCase()}`;
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['users', i, 'username'], message: `duplicate username "${u.username}" in the same directory (usernames are case-insensitive)` });
    seen.add(key);
  });
  snap.groups.forEach((g, i) => {
    if (g.directoryId !== null && !dirIds.has(g.directoryId)) ctx.addIssue({ code: 'custom', path: ['groups', i, 'directoryId'], message: `no directory with id "${g.directoryId}" in directories` });
  });
});

export type InstanceSnapshot = z.output<typeof instanceSnapshotSchema>;
/** What a file may contain before defaults are applied (ids may be numbers, optional arrays absent). */
export type InstanceSnapshotInput = z.input<typeof instanceSnapshotSchema>;
export type SnapshotDirectory = InstanceSnapshot['directories'][number];
export type SnapshotUser = InstanceSnapshot['users'][number];
export type SnapshotGroup = InstanceSnapshot['groups'][number];
export type SnapshotApplicationAccess = InstanceSnapshot['applicationAccess'][number];
export type SnapshotLicense = InstanceSnapshot['license'][number];

/** Validates parsed JSON/YAML; errors read `users[2].directoryId: no directory with id "9" in directories`. */
export function parseInstanceSnapshot(data: unknown): ParseOutcome<InstanceSnapshot> {
  return parseWith(instanceSnapshotSchema, data);
}
