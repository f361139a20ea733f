/**
 * Confluence Data Center, read-only (https://docs.atlassian.com/ConfluenceServer/rest/latest/): user by username, its group
 * memberships (/user/memberof), groups and their members, all paginated with start/limit; licence
 * counts from /rest/license/1.0/license/{maxUsers,userCount} (CONFSERVER-37100). The user REST omits
 * e-mail and active state, cannot search by e-mail, and exposes neither directories nor the "can use"
 * permission: those are reported as unknown.
 */
import { z } from 'zod';
import type { SnapshotLicense, SnapshotUser } from '../core/jit/snapshot-schema.js';
import { ConnectorError } from './connector-error.js';
import { looksLikeEmail, optionalRead, runCapture, uniqueCaseInsensitive, type InstanceConnector, type ProductReader } from './connector.js';
import type { ReadOnlyHttpClient } from './http-client.js';
import { collectPages, nextByCount, type Page } from './paginate.js';
import { getShaped, getShapedOrAbsent } from './shape.js';

const confluenceUserSchema = z.looseObject({
  type: z.string().optional(),
  username: z.string().min(1).optional(),
  userKey: z.string().nullish(),
  displayName: z.string().nullish(),
  // Not in the default JSON (a documented gap); read when a version or plugin adds it.
  email: z.string().nullish(),
});

function pageSchema<T extends z.ZodType>(item: T) {
  return z.looseObject({
    results: z.array(item),
    start: z.number().optional(),
    limit: z.number().optional(),
    size: z.number().optional(),
    _links: z.looseObject({ next: z.string().optional() }).optional(),
  });
}

const groupSchema = z.looseObject({ name: z.string().min(1), type: z.string().optional() });
const groupPageSchema = pageSchema(groupSchema);
const userPageSchema = pageSchema(confluenceUserSchema);
const countSchema = z.looseObject({ count: z.number().int() });

const PAGE = 200;

/** Confluence pages: `_links.next` marks more; without `_links`, a full page means "maybe more". */
function nextOf(start: number, page: { results: unknown[]; _links?: { next?: string } | undefined }): number | undefined {
  if (page._links) return page._links.next ? start + page.results.length : undefined;
  return nextByCount(start, page.results.length, PAGE);
}

export function createConfluenceConnector(client: ReadOnlyHttpClient): InstanceConnector {
  const fixedNotes = [
    'Confluence\'s REST API does not expose user directories: every user\'s directoryId is null and the directory list is empty.',
    'Confluence\'s user REST does not include e-mail addresses or whether a user is active: e-mails are left out and users are recorded as active.',
    'Which groups grant Confluence access (the "can use" global permission, usually confluence-users) is not exposed by the REST API used here; add applicationAccess by hand.',
    'User attributes such as jit_idp_id (written by Atlassian\'s SSO JIT) are not exposed by the REST API.',
    'Groups are recorded from the captured users\' memberships (and, when every user is listed, from the group list), without their directory (not exposed).',
  ];
  const notes: string[] = [];
  const groupsListed: string[] = [];

  const memberships = async (username: string): Promise<string[]> => {
    const { items } = await collectPages(async (start): Promise<Page<string>> => {
      const page = await getShaped(client, '/rest/api/user/memberof', { username, start, limit: PAGE }, groupPageSchema, 'a page of Confluence groups');
      return { items: page.results.map((g) => g.name), next: nextOf(start, page) };
    }, 10_000);
    return uniqueCaseInsensitive(items);
  };

  const reader: ProductReader = {
    label: 'Confluence',
    async describe() {
      // /user/current proves product and credentials: Confluence answers an unauthenticated call with an anonymous user.
      const me = await getShaped(client, '/rest/api/user/current', undefined, confluenceUserSchema, 'the current Confluence user');
      if (me.type === 'anonymous') {
        throw new ConnectorError(
          `${client.baseUrl} treated samlscope as an anonymous visitor: the credentials were ignored. With a personal access token, check that the ` +
            'Confluence version supports them (7.9+); with basic auth, check that it is not blocked by the SSO app (GET /rest/basicauth/1.0/config).',
          { kind: 'auth' },
        );
      }
      return {};
    },

    async lookupUser(entry) {
      const user = await getShapedOrAbsent(client, '/rest/api/user', { username: entry }, confluenceUserSchema, 'a Confluence user');
      if (!user || !user.username) {
        if (looksLikeEmail(entry)) notes.push('Confluence\'s REST API cannot search users by e-mail: e-mail addresses that are not usernames are reported as not found.');
        return [];
      }
      const result: SnapshotUser = {
        username: user.username,
        ...(user.userKey ? { key: user.userKey } : {}),
        displayName: user.displayName ?? '',
        ...(user.email ? { email: user.email } : {}),
        active: true,
        directoryId: null,
        groups: await memberships(user.username),
        attributes: {},
      };
      return [result];
    },

    async listUsernames(max) {
      const { items: groups } = await collectPages(async (start): Promise<Page<string>> => {
        const page = await getShaped(client, '/rest/api/group', { start, limit: PAGE }, groupPageSchema, 'a page of Confluence groups');
        return { items: page.results.map((g) => g.name), next: nextOf(start, page) };
      }, max);
      groupsListed.push(...groups);
      const names: string[] = [];
      for (const group of groups) {
        if (group.includes('/')) {
          // The member resource takes the name as a path segment and breaks on "/" even when encoded.
          notes.push(`The members of group "${group}" could not be listed (its name contains "/").`);
          continue;
        }
        const { items } = await collectPages(async (start): Promise<Page<string>> => {
          const page = await getShaped(client, `/rest/api/group/${encodeURIComponent(group)}/member`, { start, limit: PAGE }, userPageSchema, 'a page of Confluence group members');
          return { items: page.results.flatMap((u) => (u.username ? [u.username] : [])), next: nextOf(start, page) };
        }, max);
        names.push(...items);
        if (uniqueCaseInsensitive(names).length >= max) break;
      }
      notes.push('Users were enumerated from group memberships; users who belong to no group are not in the snapshot.');
      return { usernames: uniqueCaseInsensitive(names).slice(0, max), complete: false };
    },

    async instanceFacts() {
      const counts = await optionalRead('The Confluence licence (maximum and current users)', async () => {
        const max = await getShaped(client, '/rest/license/1.0/license/maxUsers', undefined, countSchema, 'a licence count');
        const used = await getShaped(client, '/rest/license/1.0/license/userCount', undefined, countSchema, 'a licence count');
        return { max: max.count, used: used.count };
      }, notes);
      const license: SnapshotLicense[] = counts
        // A negative maximum is how an unlimited licence reads here (inferred; not documented).
        ? [{ application: 'confluence', seats: counts.max < 0 ? null : counts.max, used: Math.max(0, counts.used) }]
        : [];
      return { applicationAccess: [], license };
    },

    directories: () => [],
    listedGroups: () => groupsListed,
    notes: () => [...fixedNotes, ...new Set(notes)],
  };

  return { label: 'Confluence', capture: (request) => runCapture(reader, request) };
}
