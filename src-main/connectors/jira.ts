/**
 * Jira Data Center, read-only, through the REST API v2 (https://docs.atlassian.com/software/jira/docs/api/REST/latest/):
 * user by name with its groups, user search (username, name or e-mail), group members, and
 * application roles (the groups granting each application, seats and users counted).
 * Jira's REST API does not expose user directories or user attributes such as `jit_idp_id`.
 */
import { z } from 'zod';
import type { SnapshotApplicationAccess, SnapshotLicense, SnapshotUser } from '../core/jit/snapshot-schema.js';
import { ConnectorError } from './connector-error.js';
import { looksLikeEmail, optionalRead, runCapture, uniqueCaseInsensitive, type InstanceConnector, type ProductReader } from './connector.js';
import type { ReadOnlyHttpClient } from './http-client.js';
import { collectPages, nextByCount } from './paginate.js';
import { getShaped, getShapedOrAbsent } from './shape.js';

const serverInfoSchema = z.looseObject({ version: z.string(), deploymentType: z.string().optional() });

const jiraUserSchema = z.looseObject({
  name: z.string().min(1),
  key: z.string().nullish(),
  displayName: z.string().nullish(),
  emailAddress: z.string().nullish(),
  active: z.boolean().nullish(),
  groups: z.looseObject({ size: z.number().optional(), items: z.array(z.looseObject({ name: z.string() })) }).nullish(),
});
type JiraUser = z.output<typeof jiraUserSchema>;

const userSearchSchema = z.array(jiraUserSchema);

const groupMembersSchema = z.looseObject({
  startAt: z.number().optional(),
  isLast: z.boolean().optional(),
  values: z.array(jiraUserSchema),
});

const applicationRolesSchema = z.array(
  z.looseObject({
    key: z.string().min(1),
    groups: z.array(z.string()).default([]),
    numberOfSeats: z.number().int().nullish(),
    userCount: z.number().int().nullish(),
    hasUnlimitedSeats: z.boolean().nullish(),
  }),
);

const SEARCH_PAGE = 100; // documented maximum for /user/search
const MEMBER_PAGE = 50;

export function createJiraConnector(client: ReadOnlyHttpClient): InstanceConnector {
  const notes = new Set<string>([
    'Jira\'s REST API does not expose user directories: every user\'s directoryId is null and the directory list is empty. ' +
      'Add directories by hand (Administration > User management > User Directories) if the simulation should consider them.',
    'Jira\'s REST API does not expose user attributes such as jit_idp_id (written by Atlassian\'s SSO JIT), so lookups by identity-provider id cannot be simulated.',
    'Groups are recorded from the captured users\' memberships and the application roles, without their directory (not exposed). Jira\'s user resource may include memberships inherited through nested groups.',
  ]);
  const notesArray: string[] = [];
  // Read once: both the access facts and `all` mode need the roles.
  let roles: Promise<z.output<typeof applicationRolesSchema> | undefined> | undefined;
  const loadRoles = (): Promise<z.output<typeof applicationRolesSchema> | undefined> =>
    (roles ??= optionalRead(
      'Jira application roles (access groups and licence seats)',
      () => getShaped(client, '/rest/api/2/applicationrole', undefined, applicationRolesSchema, 'a list of application roles'),
      notesArray,
    ));

  const toUser = (u: JiraUser): SnapshotUser => {
    const items = u.groups?.items ?? [];
    if (u.groups?.size !== undefined && u.groups.size > items.length) {
      notesArray.push('For some users Jira listed fewer groups than their group count; the missing memberships are not in the snapshot.');
    }
    return {
      username: u.name,
      ...(u.key ? { key: u.key } : {}),
      displayName: u.displayName ?? '',
      ...(u.emailAddress ? { email: u.emailAddress } : {}),
      active: u.active ?? true,
      directoryId: null,
      groups: uniqueCaseInsensitive(items.map((g) => g.name).filter((n) => n.trim() !== '')),
      attributes: {},
    };
  };

  const userByName = (username: string): Promise<JiraUser | undefined> =>
    getShapedOrAbsent(client, '/rest/api/2/user', { username, expand: 'groups,applicationRoles' }, jiraUserSchema, 'a Jira user');

  const reader: ProductReader = {
    label: 'Jira',
    async describe() {
      const info = await getShaped(client, '/rest/api/2/serverInfo', undefined, serverInfoSchema, 'Jira server information');
      if (info.deploymentType && info.deploymentType.toLowerCase() === 'cloud') {
        throw new ConnectorError(`${client.baseUrl} is Jira Cloud; samlscope reads Jira Data Center or Server instances.`, { kind: 'unsupported' });
      }
      // serverInfo answers anonymous callers too; /myself proves the credentials work before anything else.
      await client.getJson('/rest/api/2/myself');
      return { productVersion: info.version };
    },

    async lookupUser(entry, maxMatches) {
      const direct = await userByName(entry);
      if (direct) return [toUser(direct)];
      if (!looksLikeEmail(entry)) return [];
      // user/search matches username, name or e-mail; keep exact e-mail matches (Jira does not enforce unique e-mails).
      const { items } = await collectPages(async (startAt) => {
        const page = await getShaped(client, '/rest/api/2/user/search', { username: entry, includeActive: true, includeInactive: true, startAt, maxResults: SEARCH_PAGE }, userSearchSchema, 'a list of Jira users');
        return { items: page, next: nextByCount(startAt, page.length, SEARCH_PAGE) };
      }, maxMatches);
      const matches = items.filter((u) => u.emailAddress?.toLowerCase() === entry.toLowerCase());
      const users: SnapshotUser[] = [];
      for (const m of matches) {
        const full = await userByName(m.name);
        if (full) users.push(toUser(full));
      }
      return users;
    },

    async listUsernames(max) {
      const appRoles = await loadRoles();
      if (!appRoles) {
        throw new ConnectorError('Listing Jira users needs the application roles (an administrator account); use --users to capture named users instead.', { kind: 'forbidden' });
      }
      const groups = uniqueCaseInsensitive(appRoles.flatMap((r) => r.groups));
      const names: string[] = [];
      for (const groupname of groups) {
        const { items } = await collectPages(async (startAt) => {
          const page = await getShaped(client, '/rest/api/2/group/member', { groupname, includeInactiveUsers: true, startAt, maxResults: MEMBER_PAGE }, groupMembersSchema, 'a page of Jira group members');
          const next = page.isLast === undefined ? nextByCount(startAt, page.values.length, MEMBER_PAGE) : page.isLast ? undefined : startAt + page.values.length;
          return { items: page.values.map((u) => u.name), next };
        }, max);
        names.push(...items);
        if (uniqueCaseInsensitive(names).length >= max) break;
      }
      notesArray.push('Users were enumerated from the members of the groups that grant application access; users without application access are not in the snapshot.');
      return { usernames: uniqueCaseInsensitive(names).slice(0, max), complete: false };
    },

    async instanceFacts() {
      const appRoles = await loadRoles();
      const applicationAccess: SnapshotApplicationAccess[] = [];
      const license: SnapshotLicense[] = [];
      for (const role of appRoles ?? []) {
        applicationAccess.push({ application: role.key, groups: role.groups.filter((g) => g.trim() !== '') });
        if (role.userCount == null || (role.numberOfSeats == null && !role.hasUnlimitedSeats)) {
          notesArray.push(`Jira did not report seats for ${role.key}; its licence check is left out.`);
          continue;
        }
        license.push({ application: role.key, seats: role.hasUnlimitedSeats ? null : Math.max(0, role.numberOfSeats ?? 0), used: Math.max(0, role.userCount) });
      }
      return { applicationAccess, license };
    },

    directories: () => [],
    notes: () => [...notes, ...new Set(notesArray)],
  };

  return { label: 'Jira', capture: (request) => runCapture(reader, request) };
}
