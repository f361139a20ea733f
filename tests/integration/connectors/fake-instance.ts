/**
 * A local stand-in for Jira, Confluence, Bitbucket and Crowd Data Center (atlassian.md §3 shapes),
 * on 127.0.0.1 with a random port, over http or https. Page-object endpoints cap page sizes at
 * `pageSize` so pagination is exercised; scripted answers (`script`) produce 401/403/429/503/slow
 * responses. Any request other than GET is recorded in `violations` (tests assert it stays empty)
 * and answered 405.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

export type FakeProduct = 'jira' | 'confluence' | 'bitbucket' | 'crowd';

export interface FakeUser {
  username: string;
  displayName: string;
  email: string;
  active?: boolean;
  groups: string[];
  /** Jira/Confluence user key; Bitbucket numeric id is derived from the position. */
  key?: string;
  /** Bitbucket RestDetailedUser fields. */
  directoryName?: string;
  mutableDetails?: boolean;
  mutableGroups?: boolean;
  /** Crowd attributes. */
  attributes?: Record<string, string[]>;
}

export interface FakeData {
  users: FakeUser[];
  /** Jira /rest/api/2/applicationrole answer. */
  applicationRoles?: Array<{ key: string; name?: string; groups: string[]; defaultGroups?: string[]; numberOfSeats?: number; remainingSeats?: number; userCount?: number; hasUnlimitedSeats?: boolean }>;
  confluenceLicense?: { maxUsers: number; userCount: number };
  bitbucketPermissions?: Array<{ group: string; permission: string }>;
  bitbucketLicense?: { maximumNumberOfUsers: number; unlimitedNumberOfUsers: boolean; currentNumberOfUsers: number };
  version?: string;
}

export interface ScriptedAnswer {
  /** Exact pathname (after the context path) or a pattern. */
  path: string | RegExp;
  status?: number;
  headers?: Record<string, string>;
  /** JSON-serialised unless a string. Omitted: the normal answer (useful with delayMs). */
  body?: unknown;
  delayMs?: number;
  /** How many matching requests get this answer. Default 1. */
  times?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  authScheme: 'bearer' | 'basic' | 'none' | 'other';
  at: number;
}

export interface FakeInstanceOptions {
  product: FakeProduct;
  data: FakeData;
  /** Accepted credentials. */
  auth: { bearer?: string; basic?: { username: string; password: string } };
  pageSize?: number;
  contextPath?: string;
  tls?: { key: string; cert: string };
}

export interface FakeInstance {
  baseUrl: string;
  port: number;
  requests: RecordedRequest[];
  violations: string[];
  script(answer: ScriptedAnswer): void;
  close(): Promise<void>;
}

interface Ctx {
  path: string;
  q: URLSearchParams;
  authed: boolean;
  send: (status: number, body: unknown, headers?: Record<string, string>) => void;
}

function pageSlice<T>(items: T[], start: number, requested: number, cap: number) {
  const limit = Math.max(1, Math.min(requested || cap, cap));
  const values = items.slice(start, start + limit);
  const isLastPage = start + values.length >= items.length;
  return { values, limit, isLastPage };
}

const num = (v: string | null, d: number): number => (v === null || v === '' ? d : Number(v));
const ci = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export async function startFakeInstance(options: FakeInstanceOptions): Promise<FakeInstance> {
  const { data, product } = options;
  const cap = options.pageSize ?? 2;
  const context = options.contextPath ?? '';
  const requests: RecordedRequest[] = [];
  const violations: string[] = [];
  const scripted: Array<ScriptedAnswer & { left: number }> = [];
  const findUser = (name: string): FakeUser | undefined => data.users.find((u) => ci(u.username, name));
  const groupNames = (): string[] => [...new Set(data.users.flatMap((u) => u.groups))].sort();

  const checkAuth = (header: string | undefined): boolean => {
    if (!header) return false;
    if (options.auth.bearer && header === `Bearer ${options.auth.bearer}`) return true;
    const basic = options.auth.basic;
    if (basic && header === `Basic ${Buffer.from(`${basic.username}:${basic.password}`).toString('base64')}`) return true;
    return false;
  };

  const unauthorised = (ctx: Ctx): void => {
    if (product === 'bitbucket') {
      ctx.send(401, { errors: [{ context: null, message: 'Authentication failed. Please check your credentials and try again.', exceptionName: 'com.atlassian.bitbucket.auth.IncorrectPasswordAuthenticationException' }] });
    } else if (product === 'crowd') {
      ctx.send(401, { reason: 'APPLICATION_ACCESS_DENIED', message: 'Application failed to authenticate' });
    } else {
      ctx.send(401, { errorMessages: ['You are not authenticated. Authentication required to perform this operation.'], errors: {} }, { 'x-seraph-loginreason': 'AUTHENTICATED_FAILED' });
    }
  };

  const jira = (ctx: Ctx): void => {
    const { path, q } = ctx;
    if (path === '/rest/api/2/serverInfo') return ctx.send(200, { baseUrl: 'https://jira.example.com', version: data.version ?? '9.12.4', deploymentType: 'Server', serverTitle: 'Jira' });
    if (!ctx.authed) return unauthorised(ctx);
    const jiraUser = (u: FakeUser, withGroups: boolean) => ({
      self: `https://jira.example.com/rest/api/2/user?username=${u.username}`,
      key: u.key ?? `JIRAUSER${10000 + data.users.indexOf(u)}`,
      name: u.username,
      emailAddress: u.email,
      avatarUrls: {},
      displayName: u.displayName,
      active: u.active ?? true,
      timeZone: 'Europe/Berlin',
      ...(withGroups
        ? {
            groups: { size: u.groups.length, items: u.groups.map((g) => ({ name: g, self: `https://jira.example.com/rest/api/2/group?groupname=${g}` })) },
            applicationRoles: { size: 0, items: [] },
            expand: 'groups,applicationRoles',
          }
        : {}),
    });
    if (path === '/rest/api/2/myself') return ctx.send(200, { name: 'admin', key: 'admin', displayName: 'Admin' });
    if (path === '/rest/api/2/user') {
      const u = findUser(q.get('username') ?? '');
      return u ? ctx.send(200, jiraUser(u, true)) : ctx.send(404, { errorMessages: [`The user named '${q.get('username')}' does not exist`], errors: {} });
    }
    if (path === '/rest/api/2/user/search') {
      const term = (q.get('username') ?? '').toLowerCase();
      const matches = data.users.filter((u) => [u.username, u.displayName, u.email].some((f) => f.toLowerCase().includes(term)));
      const startAt = num(q.get('startAt'), 0);
      const maxResults = Math.min(num(q.get('maxResults'), 50), 100);
      return ctx.send(200, matches.slice(startAt, startAt + maxResults).map((u) => jiraUser(u, false)));
    }
    if (path === '/rest/api/2/group/member') {
      const members = data.users.filter((u) => u.groups.some((g) => ci(g, q.get('groupname') ?? '')));
      const startAt = num(q.get('startAt'), 0);
      const { values, limit, isLastPage } = pageSlice(members, startAt, num(q.get('maxResults'), 50), cap);
      return ctx.send(200, { self: '', maxResults: limit, startAt, total: members.length, isLast: isLastPage, values: values.map((u) => jiraUser(u, false)) });
    }
    if (path === '/rest/api/2/applicationrole') return ctx.send(200, (data.applicationRoles ?? []).map((r) => ({ defaultGroups: [], selectedByDefault: false, defined: true, platform: false, name: r.key, ...r })));
    return ctx.send(404, '<html><body>Oops, you\'ve found a dead link.</body></html>', { 'content-type': 'text/html' });
  };

  const confluencePage = <T>(items: T[], q: URLSearchParams, path: string) => {
    const start = num(q.get('start'), 0);
    const { values, limit, isLastPage } = pageSlice(items, start, num(q.get('limit'), 25), cap);
    const links: Record<string, string> = { base: 'https://confluence.example.com', context: '', self: `https://confluence.example.com${path}` };
    if (!isLastPage) links.next = `${path}?start=${start + values.length}&limit=${limit}`;
    return { results: values, start, limit, size: values.length, _links: links };
  };

  const confluence = (ctx: Ctx): void => {
    const { path, q } = ctx;
    const cUser = (u: FakeUser) => ({ type: 'known', username: u.username, userKey: u.key ?? `ff80${data.users.indexOf(u)}`, profilePicture: {}, displayName: u.displayName, _links: {} });
    if (path === '/rest/api/user/current') {
      return ctx.authed ? ctx.send(200, { type: 'known', username: 'admin', userKey: 'admin-key', displayName: 'Admin' }) : ctx.send(200, { type: 'anonymous', displayName: 'Anonymous' });
    }
    if (!ctx.authed) return unauthorised(ctx);
    if (path === '/rest/api/user') {
      const u = findUser(q.get('username') ?? '');
      return u ? ctx.send(200, cUser(u)) : ctx.send(404, { statusCode: 404, data: {}, message: `No user found with username : ${q.get('username')}`, reason: 'Not Found' });
    }
    if (path === '/rest/api/user/memberof') {
      const u = findUser(q.get('username') ?? '');
      if (!u) return ctx.send(404, { statusCode: 404, message: 'No user found', reason: 'Not Found' });
      return ctx.send(200, confluencePage(u.groups.map((g) => ({ type: 'group', name: g, _links: {} })), q, path));
    }
    if (path === '/rest/api/group') return ctx.send(200, confluencePage(groupNames().map((g) => ({ type: 'group', name: g })), q, path));
    const member = /^\/rest\/api\/group\/([^/]+)\/member$/.exec(path);
    if (member) {
      const group = decodeURIComponent(member[1] as string);
      return ctx.send(200, confluencePage(data.users.filter((u) => u.groups.includes(group)).map(cUser), q, path));
    }
    if (path === '/rest/license/1.0/license/maxUsers' && data.confluenceLicense) return ctx.send(200, { count: data.confluenceLicense.maxUsers });
    if (path === '/rest/license/1.0/license/userCount' && data.confluenceLicense) return ctx.send(200, { count: data.confluenceLicense.userCount });
    return ctx.send(404, '<html><body>Page Not Found</body></html>', { 'content-type': 'text/html' });
  };

  const bitbucketPage = <T>(items: T[], q: URLSearchParams) => {
    const start = num(q.get('start'), 0);
    const { values, limit, isLastPage } = pageSlice(items, start, num(q.get('limit'), 25), cap);
    return { size: values.length, limit, isLastPage, values, start, ...(isLastPage ? {} : { nextPageStart: start + values.length }) };
  };

  const bitbucket = (ctx: Ctx): void => {
    const { path, q } = ctx;
    if (path === '/rest/api/1.0/application-properties') return ctx.send(200, { version: data.version ?? '8.19.1', buildNumber: '8019001', buildDate: '1700000000000', displayName: 'Bitbucket' });
    if (!ctx.authed) return unauthorised(ctx);
    const detailed = (u: FakeUser) => ({
      name: u.username,
      emailAddress: u.email,
      active: u.active ?? true,
      displayName: u.displayName,
      id: 100 + data.users.indexOf(u),
      slug: u.username.toLowerCase(),
      type: 'NORMAL',
      directoryName: u.directoryName ?? 'Bitbucket Internal Directory',
      deletable: true,
      mutableDetails: u.mutableDetails ?? true,
      mutableGroups: u.mutableGroups ?? true,
      lastAuthenticationTimestamp: 1700000000000,
      links: { self: [] },
    });
    if (path === '/rest/api/1.0/admin/users') {
      const filter = (q.get('filter') ?? '').toLowerCase();
      const matches = data.users.filter((u) => !filter || [u.username, u.displayName, u.email].some((f) => f.toLowerCase().includes(filter)));
      return ctx.send(200, bitbucketPage(matches.map(detailed), q));
    }
    if (path === '/rest/api/1.0/admin/users/more-members') {
      const u = findUser(q.get('context') ?? '');
      if (!u) return ctx.send(404, { errors: [{ context: null, message: `User ${q.get('context')} does not exist.`, exceptionName: 'com.atlassian.bitbucket.user.NoSuchUserException' }] });
      return ctx.send(200, bitbucketPage(u.groups.map((g) => ({ name: g, deletable: true })), q));
    }
    if (path === '/rest/api/1.0/admin/permissions/groups') {
      return ctx.send(200, bitbucketPage((data.bitbucketPermissions ?? []).map((p) => ({ group: { name: p.group, deletable: true }, permission: p.permission })), q));
    }
    if (path === '/rest/api/1.0/admin/license' && data.bitbucketLicense) {
      const l = data.bitbucketLicense;
      return ctx.send(200, { creationDate: 1, purchaseDate: 1, expiryDate: 2, maximumNumberOfUsers: l.maximumNumberOfUsers, unlimitedNumberOfUsers: l.unlimitedNumberOfUsers, serverId: 'B1', supportEntitlementNumber: 'SEN-1', status: { serverId: 'B1', currentNumberOfUsers: l.currentNumberOfUsers } });
    }
    return ctx.send(404, { errors: [{ context: null, message: 'Not found', exceptionName: null }] });
  };

  const crowd = (ctx: Ctx): void => {
    const { path, q } = ctx;
    if (!ctx.authed) return unauthorised(ctx);
    const base = '/rest/usermanagement/1';
    const slice = <T>(items: T[]) => {
      const start = num(q.get('start-index'), 0);
      return items.slice(start, start + num(q.get('max-results'), 1000));
    };
    if (path === `${base}/config/cookie`) return ctx.send(200, { domain: '.example.com', secure: true, name: 'crowd.token_key' });
    if (path === `${base}/user`) {
      const u = findUser(q.get('username') ?? '');
      if (!u) return ctx.send(404, { reason: 'USER_NOT_FOUND', message: `User <${q.get('username')}> does not exist` });
      const [first, ...rest] = u.displayName.split(' ');
      return ctx.send(200, {
        expand: 'attributes',
        link: { href: '', rel: 'self' },
        name: u.username,
        password: { link: { href: '', rel: 'edit' } },
        key: u.key ?? `32769:${data.users.indexOf(u)}`,
        active: u.active ?? true,
        attributes: q.get('expand') === 'attributes'
          ? { attributes: Object.entries(u.attributes ?? {}).map(([name, values]) => ({ link: {}, name, values })), link: {} }
          : { link: {} },
        'first-name': first,
        'last-name': rest.join(' '),
        'display-name': u.displayName,
        email: u.email,
      });
    }
    if (path === `${base}/user/group/direct`) {
      const u = findUser(q.get('username') ?? '');
      if (!u) return ctx.send(404, { reason: 'USER_NOT_FOUND', message: 'User not found' });
      return ctx.send(200, { expand: 'group', groups: slice(u.groups).map((g) => ({ link: {}, name: g })) });
    }
    if (path === `${base}/search` && q.get('entity-type') === 'user') {
      const restriction = q.get('restriction');
      let matches = data.users;
      if (restriction) {
        const m = /^(email|name)=(?:"((?:[^"\\]|\\.)*)"|(\S+))$/.exec(restriction);
        if (!m) return ctx.send(400, { reason: 'INVALID_QUERY', message: `cannot parse ${restriction}` });
        const value = (m[2] ?? m[3] ?? '').replace(/\\(.)/g, '$1');
        matches = data.users.filter((u) => ci(m[1] === 'email' ? u.email : u.username, value));
      }
      return ctx.send(200, { expand: 'user', users: slice(matches).map((u) => ({ link: {}, name: u.username })) });
    }
    return ctx.send(404, { reason: 'NOT_FOUND', message: 'no such resource' });
  };

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const auth = req.headers.authorization;
    requests.push({
      method: req.method ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      authScheme: !auth ? 'none' : auth.startsWith('Bearer ') ? 'bearer' : auth.startsWith('Basic ') ? 'basic' : 'other',
      at: Date.now(),
    });
    const send = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      if (res.destroyed) return;
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', ...headers });
      res.end(text);
    };
    if (req.method !== 'GET') {
      violations.push(`${req.method} ${url.pathname}`);
      send(405, { message: 'samlscope must only send GET' });
      return;
    }
    if (!url.pathname.startsWith(context)) return send(404, '<html>not here</html>', { 'content-type': 'text/html' });
    const path = url.pathname.slice(context.length) || '/';
    const ctx: Ctx = { path, q: url.searchParams, authed: checkAuth(auth), send };
    const route = (): void => ({ jira, confluence, bitbucket, crowd })[product](ctx);

    const s = scripted.find((a) => a.left > 0 && (typeof a.path === 'string' ? a.path === path : a.path.test(path)));
    if (!s) return route();
    s.left -= 1;
    const answer = (): void => (s.status === undefined ? route() : send(s.status, s.body ?? {}, s.headers));
    if (s.delayMs) setTimeout(answer, s.delayMs);
    else answer();
  };

  const server: Server = options.tls ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, handler) : createHttpServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}${context}`,
    port,
    requests,
    violations,
    script: (answer) => scripted.push({ ...answer, left: answer.times ?? 1 }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
