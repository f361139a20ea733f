import { afterEach, describe, expect, it } from 'vitest';
import { ConnectorError } from '../../../src-main/connectors/connector-error.js';
import { startFakeInstance, type FakeInstance } from './fake-instance.js';
import { capture, CAPTURED_AT, requestsTo, userNamed } from './helpers.js';
import { DATA, TOKEN } from './sample-data.js';

let fake: FakeInstance | undefined;

afterEach(async () => {
  const violations = fake?.violations ?? [];
  await fake?.close();
  fake = undefined;
  expect(violations, 'samlscope sent a request other than GET').toEqual([]);
});

async function start(contextPath = ''): Promise<FakeInstance> {
  fake = await startFakeInstance({ product: 'jira', data: DATA, auth: { bearer: TOKEN }, contextPath });
  return fake;
}

describe('Jira connector', () => {
  it('captures named users with groups, application access and licence seats', async () => {
    const f = await start('/jira');
    const result = await capture(f, { product: 'jira', users: ['alice', 'BOB', 'ghost'] });
    const snap = result.snapshot;

    expect(snap.product).toBe('jira');
    expect(snap.capturedAt).toBe(CAPTURED_AT.toISOString());
    expect(snap.source).toMatchObject({ kind: 'live', baseUrl: f.baseUrl, productVersion: '9.12.4', usersIncluded: 'selected' });
    expect(userNamed(result, 'alice')).toEqual({
      username: 'alice',
      key: 'JIRAUSER10100',
      displayName: 'Alice Adams',
      email: 'alice@example.com',
      active: true,
      directoryId: null,
      groups: ['jira-software-users', 'developers', 'confluence-users'],
      attributes: {},
    });
    expect(userNamed(result, 'bob')).toMatchObject({ active: false, groups: ['jira-software-users'] });
    expect(result.notFound).toEqual(['ghost']);
    expect(snap.source.notes.join('\n')).toContain('ghost');

    expect(snap.applicationAccess).toEqual([
      { application: 'jira-software', groups: ['jira-software-users', 'jira-administrators'] },
      { application: 'jira-servicedesk', groups: ['jira-servicedesk-users'] },
    ]);
    expect(snap.license).toEqual([
      { application: 'jira-software', seats: 100, used: 42 },
      { application: 'jira-servicedesk', seats: null, used: 3 },
    ]);
  });

  it('marks directories and jit_idp_id as unknown instead of inventing them', async () => {
    const f = await start();
    const { snapshot } = await capture(f, { product: 'jira', users: ['alice'] });
    expect(snapshot.directories).toEqual([]);
    expect(snapshot.source.directoriesIncluded).toBe('some');
    expect(snapshot.users.every((u) => u.directoryId === null)).toBe(true);
    // Groups the capture proves exist (alice's memberships, the access groups), without a directory.
    expect(snapshot.groups).toEqual([
      { name: 'jira-software-users', directoryId: null },
      { name: 'developers', directoryId: null },
      { name: 'confluence-users', directoryId: null },
      { name: 'jira-administrators', directoryId: null },
      { name: 'jira-servicedesk-users', directoryId: null },
    ]);
    const notes = snapshot.source.notes.join('\n');
    expect(notes).toMatch(/does not expose user directories/);
    expect(notes).toMatch(/jit_idp_id/);
  });

  it('finds users by e-mail across search pages and keeps every account sharing the address', async () => {
    const f = await start();
    const result = await capture(f, { product: 'jira', users: ['pat@example.com', 'nobody@example.com'] });
    expect(result.snapshot.users.map((u) => u.username)).toEqual(['pat1', 'pat2']);
    expect(result.snapshot.users.map((u) => u.email)).toEqual(['pat@example.com', 'pat@example.com']);
    // 107 users contain the address as a substring: the search needed a second page of 100.
    const searches = requestsTo(f, '/rest/api/2/user/search').filter((r) => r.query.username === 'pat@example.com');
    expect(searches.map((r) => r.query.startAt)).toEqual(['0', '100']);
    expect(result.notFound).toEqual(['nobody@example.com']);
  });

  it('lists the members of the access groups page by page when no users are named', async () => {
    const f = await start();
    const result = await capture(f, { product: 'jira', users: 'all' });
    expect(result.snapshot.users.map((u) => u.username).sort()).toEqual(['alice', 'bob', 'carol', 'dave']);
    expect(result.snapshot.source.usersIncluded).toBe('selected');
    expect(result.snapshot.source.notes.join('\n')).toMatch(/users without application access are not in the snapshot/);
    const memberPages = requestsTo(f, '/rest/api/2/group/member').filter((r) => r.query.groupname === 'jira-software-users');
    expect(memberPages.map((r) => r.query.startAt)).toEqual(['0', '2']);
  });

  it('keeps going without licence data when the account may not read application roles', async () => {
    const f = await start();
    f.script({ path: '/rest/api/2/applicationrole', status: 403, body: { errorMessages: ['You are not authorised to perform this operation.'] } });
    const { snapshot } = await capture(f, { product: 'jira', users: ['alice'] });
    expect(snapshot.applicationAccess).toEqual([]);
    expect(snapshot.license).toEqual([]);
    expect(snapshot.users).toHaveLength(1);
    expect(snapshot.source.notes.join('\n')).toMatch(/application roles .*not captured, because .*403.*administrator/s);
  });

  it('fails with an explanation, and without the token, when the token is rejected', async () => {
    const f = await start();
    const error = await capture(f, { product: 'jira', users: ['alice'], env: { ATLASSIAN_TOKEN: 'expired-token-123' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).kind).toBe('auth');
    expect((error as Error).message).not.toContain('expired-token-123');
    expect(f.requests.every((r) => r.method === 'GET')).toBe(true);
  });

  it('retries a throttled user lookup and still captures the user', async () => {
    const f = await start();
    f.script({ path: '/rest/api/2/user', status: 429, headers: { 'retry-after': '0' } });
    const result = await capture(f, { product: 'jira', users: ['alice'] });
    expect(userNamed(result, 'alice')?.groups).toContain('developers');
    expect(requestsTo(f, '/rest/api/2/user')).toHaveLength(2);
  });
});
