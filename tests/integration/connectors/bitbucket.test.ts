import { afterEach, describe, expect, it } from 'vitest';
import { directoryTypeFromName } from '../../../src-main/connectors/bitbucket.js';
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

async function start(data = DATA): Promise<FakeInstance> {
  fake = await startFakeInstance({ product: 'bitbucket', data, auth: { bearer: TOKEN } });
  return fake;
}

describe('Bitbucket connector', () => {
  it('keeps only the exact username among filter matches and reads its groups page by page', async () => {
    const f = await start();
    const result = await capture(f, { product: 'bitbucket', users: ['alice'] });
    expect(result.snapshot.users.map((u) => u.username)).toEqual(['alice']); // not alice2, which the filter also returns
    expect(userNamed(result, 'alice')).toEqual({
      username: 'alice',
      key: '100',
      displayName: 'Alice Adams',
      email: 'alice@example.com',
      active: true,
      directoryId: 'Bitbucket Internal Directory',
      groups: ['jira-software-users', 'developers', 'confluence-users'],
      attributes: {},
    });
    expect(requestsTo(f, '/rest/api/1.0/admin/users/more-members').map((r) => r.query.start)).toEqual(['0', '2']);
    expect(result.snapshot.source.productVersion).toBe('8.19.1');
  });

  it('finds users by e-mail through a long filter result and keeps duplicates', async () => {
    const f = await start();
    const result = await capture(f, { product: 'bitbucket', users: ['pat@example.com'] });
    expect(result.snapshot.users.map((u) => u.username)).toEqual(['pat1', 'pat2']);
    // 107 matches in pages of 2: the connector followed nextPageStart to the last page.
    const pages = requestsTo(f, '/rest/api/1.0/admin/users').filter((r) => r.query.filter === 'pat@example.com');
    expect(pages).toHaveLength(54);
    expect(pages.at(-1)?.query.start).toBe('106');
  });

  it('records each user\'s directory with the type its name makes evident, and leaves permissions and order unknown', async () => {
    const f = await start();
    const result = await capture(f, { product: 'bitbucket', users: ['alice', 'bob'] });
    const unknown = { active: true, canCreateUsers: null, canCreateGroups: null, position: null };
    expect(result.snapshot.directories).toEqual([
      { id: 'Bitbucket Internal Directory', name: 'Bitbucket Internal Directory', type: 'internal', readOnly: false, ...unknown },
      { id: 'Corporate LDAP', name: 'Corporate LDAP', type: 'ldap', readOnly: true, ...unknown },
    ]);
    expect(userNamed(result, 'bob')?.directoryId).toBe('Corporate LDAP');
    expect(result.snapshot.source.directoriesIncluded).toBe('some');
    // Memberships prove groups exist in the member's directory.
    expect(result.snapshot.groups).toEqual(expect.arrayContaining([
      { name: 'developers', directoryId: 'Bitbucket Internal Directory' },
      { name: 'jira-software-users', directoryId: 'Corporate LDAP' },
    ]));
    const notes = result.snapshot.source.notes.join('\n');
    expect(notes).toMatch(/directory "Corporate LDAP" for 1 captured user\(s\) \(details editable: no \(read-only\), groups editable: no \(read-only\)\)/);
    expect(notes).toMatch(/directory "Bitbucket Internal Directory" for 1 captured user\(s\) \(details editable: yes/);
    expect(notes).toMatch(/permissions \(CREATE_USER, CREATE_GROUP\) and position are not exposed: recorded as unknown/);
  });

  it('takes a directory type from the name only when it is evident', () => {
    expect(directoryTypeFromName('Bitbucket Internal Directory', true)).toBe('internal');
    expect(directoryTypeFromName('Bitbucket Internal Directory', false)).toBe('unknown');
    expect(directoryTypeFromName('Internal with LDAP Authentication', true)).toBe('delegating');
    expect(directoryTypeFromName('Atlassian Crowd', false)).toBe('crowd');
    expect(directoryTypeFromName('Active Directory server', false)).toBe('ldap');
    expect(directoryTypeFromName('Staff', true)).toBe('unknown');
  });

  it('reads access groups and seats as data', async () => {
    const f = await start();
    const result = await capture(f, { product: 'bitbucket', users: ['alice', 'bob'] });
    expect(result.snapshot.applicationAccess).toEqual([{ application: 'bitbucket', groups: ['stash-users', 'developers', 'bitbucket-admins'] }]);
    expect(result.snapshot.license).toEqual([{ application: 'bitbucket', seats: 50, used: 10 }]);
  });

  it('records an unlimited licence as seats null', async () => {
    const f = await start({ ...DATA, bitbucketLicense: { maximumNumberOfUsers: -1, unlimitedNumberOfUsers: true, currentNumberOfUsers: 700 } });
    const result = await capture(f, { product: 'bitbucket', users: ['dave'] });
    expect(result.snapshot.license).toEqual([{ application: 'bitbucket', seats: null, used: 700 }]);
  });

  it('lists every user when no users are named, and says the list is complete', async () => {
    const f = await start();
    const result = await capture(f, { product: 'bitbucket', users: 'all' });
    expect(result.snapshot.users).toHaveLength(DATA.users.length);
    expect(result.snapshot.source.usersIncluded).toBe('all');
  });

  it('stops at the user cap and says the snapshot is partial', async () => {
    const f = await start();
    const result = await capture(f, { product: 'bitbucket', users: 'all', maxUsers: 5 });
    expect(result.snapshot.users).toHaveLength(5);
    expect(result.snapshot.source.usersIncluded).toBe('selected');
    expect(result.snapshot.source.notes.join('\n')).toMatch(/Stopped after 5 users/);
  });
});
