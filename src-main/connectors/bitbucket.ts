/**
 * Bitbucket Data Center, read-only, through the admin REST API (https://developer.atlassian.com/server/bitbucket/rest/):
 * /admin/users?filter= returns RestDetailedUser (directoryName, mutableDetails, mutableGroups),
 * /admin/users/more-members?context= a user's groups, /admin/permissions/groups the groups with a
 * global permission (LICENSED_USER or higher grants access), /admin/license seats and users.
 * Pages carry isLastPage/nextPageStart.
 */
import { z } from 'zod';
import type { DirectoryType, SnapshotApplicationAccess, SnapshotDirectory, SnapshotLicense, SnapshotUser } from '../core/jit/snapshot-schema.js';
import { ConnectorError } from './connector-error.js';
import { looksLikeEmail, optionalRead, runCapture, uniqueCaseInsensitive, type InstanceConnector, type ProductReader } from './connector.js';
import type { ReadOnlyHttpClient } from './http-client.js';
import { collectPages, type Page } from './paginate.js';
import { getShaped } from './shape.js';

function pageSchema<T extends z.ZodType>(item: T) {
  return z.looseObject({
    values: z.array(item),
    isLastPage: z.boolean(),
    nextPageStart: z.number().int().nullish(),
    start: z.number().optional(),
    size: z.number().optional(),
    limit: z.number().optional(),
  });
}

const detailedUserSchema = z.looseObject({
  name: z.string().min(1),
  id: z.number().int().nullish(),
  slug: z.string().nullish(),
  displayName: z.string().nullish(),
  emailAddress: z.string().nullish(),
  active: z.boolean().nullish(),
  directoryName: z.string().nullish(),
  mutableDetails: z.boolean().nullish(),
  mutableGroups: z.boolean().nullish(),
});
type DetailedUser = z.output<typeof detailedUserSchema>;

const userPageSchema = pageSchema(detailedUserSchema);
const groupPageSchema = pageSchema(z.looseObject({ name: z.string().min(1) }));
const groupPermissionPageSchema = pageSchema(z.looseObject({ group: z.looseObject({ name: z.string().min(1) }), permission: z.string() }));
const propertiesSchema = z.looseObject({ version: z.string().optional(), displayName: z.string().optional() });
const licenseSchema = z.looseObject({
  maximumNumberOfUsers: z.number().int().nullish(),
  unlimitedNumberOfUsers: z.boolean().nullish(),
  status: z.looseObject({ currentNumberOfUsers: z.number().int().nullish() }).nullish(),
});

const PAGE = 100;
/** Global permissions that include LICENSED_USER (Bitbucket's permission hierarchy). */
const LICENSED_PERMISSIONS = new Set(['LICENSED_USER', 'PROJECT_CREATE', 'ADMIN', 'SYS_ADMIN']);

function pageOf<T, R>(page: { values: T[]; isLastPage: boolean; nextPageStart?: number | null | undefined }, map: (v: T) => R): Page<R> {
  return { items: page.values.map(map), next: page.isLastPage || page.nextPageStart == null ? undefined : page.nextPageStart };
}

interface DirectorySeen {
  users: number;
  mutableDetails: boolean | undefined;
  mutableGroups: boolean | undefined;
}

/**
 * The directory type a Bitbucket directory name makes evident, else `unknown` (names are free text an administrator
 * may change). Atlassian's defaults: "Bitbucket Internal Directory", "Internal with LDAP Authentication" (delegating),
 * and the connector names "Atlassian Crowd", "Active Directory server", "LDAP server". A directory whose details are
 * not editable is never taken for internal.
 */
export function directoryTypeFromName(name: string, mutableDetails: boolean | undefined): DirectoryType {
  const n = name.toLowerCase();
  if (/delegat|ldap authentication/.test(n)) return 'delegating';
  if (/\bcrowd\b/.test(n)) return 'crowd';
  if (/\bldap\b|active directory/.test(n)) return 'ldap';
  if (/\binternal\b/.test(n) && mutableDetails !== false) return 'internal';
  return 'unknown';
}

function directoryFrom(name: string, seen: DirectorySeen): SnapshotDirectory {
  return {
    // Bitbucket exposes no directory id; the name is unique among an instance's directories.
    id: name,
    name,
    type: directoryTypeFromName(name, seen.mutableDetails),
    // Users of inactive directories cannot be listed, so a directory that answered is active.
    active: true,
    canCreateUsers: null,
    canCreateGroups: null,
    readOnly: seen.mutableDetails === false,
    position: null,
  };
}

export function createBitbucketConnector(client: ReadOnlyHttpClient): InstanceConnector {
  const notes: string[] = [
    'User attributes such as jit_idp_id (written by Atlassian\'s SSO JIT) are not exposed by Bitbucket\'s REST API.',
    'Users granted a global permission directly (not through a group) are not reflected in applicationAccess.',
  ];
  const directoriesSeen = new Map<string, DirectorySeen>();
  // Users are looked up in parallel: sort, so the same instance always gives the same snapshot.
  const seenByName = (): Array<[string, DirectorySeen]> => [...directoriesSeen].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

  const groupsOf = async (username: string): Promise<string[]> => {
    const { items } = await collectPages(async (start) => {
      const page = await getShaped(client, '/rest/api/1.0/admin/users/more-members', { context: username, start, limit: PAGE }, groupPageSchema, 'a page of Bitbucket groups');
      return pageOf(page, (g) => g.name);
    }, 10_000);
    return uniqueCaseInsensitive(items);
  };

  const toUser = async (u: DetailedUser): Promise<SnapshotUser> => {
    if (u.directoryName) {
      const seen = directoriesSeen.get(u.directoryName) ?? { users: 0, mutableDetails: undefined, mutableGroups: undefined };
      seen.users += 1;
      seen.mutableDetails ??= u.mutableDetails ?? undefined;
      seen.mutableGroups ??= u.mutableGroups ?? undefined;
      directoriesSeen.set(u.directoryName, seen);
    }
    return {
      username: u.name,
      ...(u.id != null ? { key: String(u.id) } : {}),
      displayName: u.displayName ?? '',
      ...(u.emailAddress ? { email: u.emailAddress } : {}),
      active: u.active ?? true,
      directoryId: u.directoryName || null,
      groups: await groupsOf(u.name),
      attributes: {},
    };
  };

  const reader: ProductReader = {
    label: 'Bitbucket',
    async describe() {
      const props = await getShaped(client, '/rest/api/1.0/application-properties', undefined, propertiesSchema, 'Bitbucket application properties');
      if (props.displayName && !/bitbucket|stash/i.test(props.displayName)) {
        throw new ConnectorError(`${client.baseUrl} is ${props.displayName}, not Bitbucket: check the profile's product and baseUrl.`, { kind: 'unsupported' });
      }
      return props.version ? { productVersion: props.version } : {};
    },

    async lookupUser(entry, maxMatches) {
      // filter matches username, display name or e-mail as a substring: keep exact matches only.
      const { items } = await collectPages(async (start) => {
        const page = await getShaped(client, '/rest/api/1.0/admin/users', { filter: entry, start, limit: PAGE }, userPageSchema, 'a page of Bitbucket users');
        return pageOf(page, (u) => u);
      }, maxMatches);
      const wanted = entry.toLowerCase();
      let matches = items.filter((u) => u.name.toLowerCase() === wanted);
      if (matches.length === 0 && looksLikeEmail(entry)) matches = items.filter((u) => u.emailAddress?.toLowerCase() === wanted);
      const users: SnapshotUser[] = [];
      for (const m of matches) users.push(await toUser(m));
      return users;
    },

    async listUsernames(max) {
      const { items, truncated } = await collectPages(async (start) => {
        const page = await getShaped(client, '/rest/api/1.0/admin/users', { start, limit: PAGE }, userPageSchema, 'a page of Bitbucket users');
        return pageOf(page, (u) => u.name);
      }, max);
      return { usernames: uniqueCaseInsensitive(items), complete: !truncated };
    },

    async instanceFacts() {
      const applicationAccess: SnapshotApplicationAccess[] = [];
      const license: SnapshotLicense[] = [];
      const granted = await optionalRead('Bitbucket global group permissions (which groups grant access)', async () => {
        const { items } = await collectPages(async (start) => {
          const page = await getShaped(client, '/rest/api/1.0/admin/permissions/groups', { start, limit: PAGE }, groupPermissionPageSchema, 'a page of group permissions');
          return pageOf(page, (p) => p);
        }, 10_000);
        return items;
      }, notes);
      if (granted) {
        applicationAccess.push({ application: 'bitbucket', groups: uniqueCaseInsensitive(granted.filter((p) => LICENSED_PERMISSIONS.has(p.permission)).map((p) => p.group.name)) });
      }
      const lic = await optionalRead('The Bitbucket licence', () => getShaped(client, '/rest/api/1.0/admin/license', undefined, licenseSchema, 'licence details'), notes);
      if (lic) {
        const used = lic.status?.currentNumberOfUsers;
        if (used == null || (lic.maximumNumberOfUsers == null && !lic.unlimitedNumberOfUsers)) notes.push('Bitbucket did not report licensed users; the licence check is left out.');
        else license.push({ application: 'bitbucket', seats: lic.unlimitedNumberOfUsers ? null : Math.max(0, lic.maximumNumberOfUsers ?? 0), used: Math.max(0, used) });
      }
      return { applicationAccess, license };
    },

    // Bitbucket names each user's directory and whether its details and groups are editable, but not its type,
    // permissions or order: record what it says, mark the rest unknown.
    directories: () => seenByName().map(([name, d]) => directoryFrom(name, d)),
    notes: () => {
      const dirNotes = seenByName().map(([name, d]) => {
        const type = directoryTypeFromName(name, d.mutableDetails);
        return (
          `Bitbucket reports directory "${name}" for ${d.users} captured user(s) (details editable: ${yesNo(d.mutableDetails)}, groups editable: ${yesNo(d.mutableGroups)}). ` +
          `${type === 'unknown' ? 'Its type is not exposed by REST and not evident from its name: recorded as unknown.' : `Its type is not exposed by REST; "${type}" is taken from its name.`} ` +
          'Its permissions (CREATE_USER, CREATE_GROUP) and position are not exposed: recorded as unknown.'
        );
      });
      if (dirNotes.length === 0) dirNotes.push('No user was captured, so no directory is known: Bitbucket\'s REST API names a directory only per user.');
      return [...dirNotes, ...new Set(notes)];
    },
  };

  return { label: 'Bitbucket', capture: (request) => runCapture(reader, request) };
}

function yesNo(v: boolean | undefined): string {
  return v === undefined ? 'unknown' : v ? 'yes' : 'no (read-only)';
}
