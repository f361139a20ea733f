import { afterEach, describe, expect, it } from 'vitest';
import { startFakeInstance, type FakeInstance } from './fake-instance.js';
import { capture, requestsTo, userNamed } from './helpers.js';
import { DATA, TOKEN } from './sample-data.js';

let fake: FakeInstance | undefined;

afterEach(async () => {
  const violations = fake?.violations ?? [];
  await fake?.close();
  fake = undefined;
  expect(violations, 'samlscope sent a request other than GET').toEqual([]);
});

async function start(): Promise<FakeInstance> {
  fake = await startFakeInstance({ product: 'confluence', data: DATA, auth: { bearer: TOKEN } });
  return fake;
}

describe('Confluence connector', () => {
  it('captures a user with every group across memberof pages, and the licence counts', async () => {
    const f = await start();
    const result = await capture(f, { product: 'confluence', users: ['alice', 'ghost'] });
    expect(userNamed(result, 'alice')).toEqual({
      username: 'alice',
      key: 'JIRAUSER10100',
      displayName: 'Alice Adams',
      active: true,
      directoryId: null,
      groups: ['jira-software-users', 'developers', 'confluence-users'],
      attributes: {},
    });
    expect(requestsTo(f, '/rest/api/user/memberof').map((r) => r.query.start)).toEqual(['0', '2']);
    expect(result.snapshot.license).toEqual([{ application: 'confluence', seats: 500, used: 123 }]);
    expect(result.notFound).toEqual(['ghost']);
  });

  it('says what Confluence cannot tell: e-mail, active state, access groups, directories', async () => {
    const f = await start();
    const result = await capture(f, { product: 'confluence', users: ['alice@example.com'] });
    expect(result.snapshot.users).toEqual([]);
    expect(result.notFound).toEqual(['alice@example.com']);
    expect(result.snapshot.applicationAccess).toEqual([]);
    expect(result.snapshot.directories).toEqual([]);
    const notes = result.snapshot.source.notes.join('\n');
    expect(notes).toMatch(/cannot search users by e-mail/);
    expect(notes).toMatch(/e-mail addresses or whether a user is active/);
    expect(notes).toMatch(/"can use" global permission/);
    expect(notes).toMatch(/does not expose user directories/);
  });

  it('enumerates users through the paginated group and member lists when no users are named', async () => {
    const f = await start();
    const result = await capture(f, { product: 'confluence', users: 'all' });
    const names = result.snapshot.users.map((u) => u.username).sort();
    expect(names).toEqual(['alice', 'alice2', 'bob', 'carol', 'dave', 'pat1']);
    expect(result.snapshot.source.usersIncluded).toBe('selected');
    expect(requestsTo(f, '/rest/api/group').map((r) => r.query.start)).toEqual(['0', '2', '4']);
    expect(requestsTo(f, '/rest/api/group/confluence-users/member').map((r) => r.query.start)).toEqual(['0']);
    expect(requestsTo(f, '/rest/api/group/jira-software-users/member').map((r) => r.query.start)).toEqual(['0', '2']);
  });

  it('leaves the licence out, with a note, when the licence resource is missing', async () => {
    const f = await start();
    f.script({ path: '/rest/license/1.0/license/maxUsers', status: 404, headers: { 'content-type': 'text/html' }, body: '<html>Not Found</html>' });
    const result = await capture(f, { product: 'confluence', users: ['alice'] });
    expect(result.snapshot.license).toEqual([]);
    expect(result.snapshot.source.notes.join('\n')).toMatch(/Confluence licence .*not captured, because .*404/);
  });
});
