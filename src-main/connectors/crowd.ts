/**
 * Crowd Data Center, read-only, through the usermanagement REST API (https://docs.atlassian.com/atlassian-crowd/latest/REST/).
 * It authenticates an *application* (basic auth with the application's name and password, from an
 * allowed IP address), not a person. User by name with attributes, direct groups, e-mail search with
 * Crowd Query Language; pages use start-index/max-results. Crowd serves the product's users from a
 * remote (Crowd) directory; the product-side facts (directory order, access, licence) are not here.
 */
import { z } from 'zod';
import type { SnapshotDirectory, SnapshotUser } from '../core/jit/snapshot-schema.js';
import { ConnectorError } from './connector-error.js';
import { looksLikeEmail, runCapture, uniqueCaseInsensitive, type InstanceConnector, type ProductReader } from './connector.js';
import type { ReadOnlyHttpClient } from './http-client.js';
import { collectPages, nextByCount } from './paginate.js';
import { getShaped, getShapedOrAbsent } from './shape.js';

const crowdUserSchema = z.looseObject({
  name: z.string().min(1),
  key: z.string().nullish(),
  'display-name': z.string().nullish(),
  'first-name': z.string().nullish(),
  'last-name': z.string().nullish(),
  email: z.string().nullish(),
  active: z.boolean().nullish(),
  attributes: z.looseObject({ attributes: z.array(z.looseObject({ name: z.string(), values: z.array(z.string()) })).default([]) }).nullish(),
});
type CrowdUser = z.output<typeof crowdUserSchema>;

const userListSchema = z.looseObject({ users: z.array(z.looseObject({ name: z.string().min(1) })).default([]) });
const groupListSchema = z.looseObject({ groups: z.array(z.looseObject({ name: z.string().min(1) })).default([]) });
const cookieConfigSchema = z.looseObject({ name: z.string().optional() });

const PAGE = 200;

/** CQL value: the documented form is unquoted (`email=bob@example.net`); quote only what would break it. */
export function cqlValue(value: string): string {
  return /^[^\s"'()=!<>~,]+$/.test(value) ? value : `"${value.replace(/(["\\])/g, '\\$1')}"`;
}

/** Id of the one directory a Crowd capture records: the product's Crowd directory. */
export const CROWD_DIRECTORY_ID = 'crowd';

export function createCrowdConnector(client: ReadOnlyHttpClient): InstanceConnector {
  // Evident from the source: in the product, these users live in a directory of type Crowd. Not evident: its
  // permissions and position, and the product's other directories (its internal one, where JIT creates users).
  const crowdDirectory: SnapshotDirectory = {
    id: CROWD_DIRECTORY_ID,
    name: `Crowd (${new URL(client.baseUrl).host})`,
    type: 'crowd',
    active: true,
    canCreateUsers: null,
    canCreateGroups: null,
    readOnly: false,
    position: null,
  };
  const notes: string[] = [
    'Users were read from Crowd. In the product they live in a Crowd (remote) directory, recorded as the directory "crowd"; its permissions and position ' +
      'are not known to Crowd and are recorded as unknown, and the product\'s other directories (such as its internal directory) are not in the snapshot. ' +
      'Atlassian\'s SSO JIT neither creates nor updates users found only in a remote directory.',
    'Application access and licence usage are product-side facts that Crowd does not expose; capture them from the product or add them by hand.',
  ];

  const directGroups = async (username: string): Promise<string[]> => {
    const { items } = await collectPages(async (start) => {
      const page = await getShaped(client, '/rest/usermanagement/1/user/group/direct', { username, 'start-index': start, 'max-results': PAGE }, groupListSchema, 'a list of Crowd groups');
      return { items: page.groups.map((g) => g.name), next: nextByCount(start, page.groups.length, PAGE) };
    }, 10_000);
    return uniqueCaseInsensitive(items);
  };

  const userByName = (username: string): Promise<CrowdUser | undefined> =>
    getShapedOrAbsent(client, '/rest/usermanagement/1/user', { username, expand: 'attributes' }, crowdUserSchema, 'a Crowd user');

  const toUser = async (u: CrowdUser): Promise<SnapshotUser> => {
    // Null prototype: an attribute the directory calls `__proto__` or `constructor` is an ordinary entry.
    const attributes = Object.create(null) as Record<string, string>;
    for (const a of u.attributes?.attributes ?? []) {
      // The snapshot holds one value per attribute; multi-valued ones keep their first value.
      if (a.values.length > 0) attributes[a.name] = a.values[0] as string;
    }
    const composed = [u['first-name'], u['last-name']].filter((p) => p).join(' ');
    return {
      username: u.name,
      ...(u.key ? { key: u.key } : {}),
      displayName: u['display-name'] ?? composed,
      ...(u.email ? { email: u.email } : {}),
      active: u.active ?? true,
      directoryId: CROWD_DIRECTORY_ID,
      groups: await directGroups(u.name),
      attributes,
    };
  };

  const search = async (restriction: string | undefined, max: number): Promise<{ names: string[]; truncated: boolean }> => {
    const { items, truncated } = await collectPages(async (start) => {
      const page = await getShaped(
        client,
        '/rest/usermanagement/1/search',
        { 'entity-type': 'user', ...(restriction ? { restriction } : {}), 'start-index': start, 'max-results': PAGE },
        userListSchema,
        'a list of Crowd users',
      );
      return { items: page.users.map((u) => u.name), next: nextByCount(start, page.users.length, PAGE) };
    }, max);
    return { names: uniqueCaseInsensitive(items), truncated };
  };

  const reader: ProductReader = {
    label: 'Crowd',
    async describe() {
      if (client.authType !== 'basic') {
        throw new ConnectorError(
          'Crowd\'s REST API authenticates the application, not a person: use auth.type "basic" with the application\'s name (usernameRef) and password (passwordRef), ' +
            'and allow this computer\'s IP address in the application\'s "Remote addresses".',
          { kind: 'unsupported' },
        );
      }
      // Cheapest authenticated resource: proves the base URL is Crowd and the application credentials work.
      await getShaped(client, '/rest/usermanagement/1/config/cookie', undefined, cookieConfigSchema, 'Crowd\'s cookie configuration');
      return {};
    },

    async lookupUser(entry, maxMatches) {
      const direct = await userByName(entry);
      if (direct) return [await toUser(direct)];
      if (!looksLikeEmail(entry)) return [];
      const { names } = await search(`email=${cqlValue(entry)}`, maxMatches);
      const users: SnapshotUser[] = [];
      for (const name of names) {
        const u = await userByName(name);
        if (u && u.email?.toLowerCase() === entry.toLowerCase()) users.push(await toUser(u));
      }
      return users;
    },

    async listUsernames(max) {
      const { names, truncated } = await search(undefined, max);
      return { usernames: names, complete: !truncated };
    },

    instanceFacts: async () => ({ applicationAccess: [], license: [] }),
    directories: () => [crowdDirectory],
    notes: () => notes,
  };

  return { label: 'Crowd', capture: (request) => runCapture(reader, request) };
}
