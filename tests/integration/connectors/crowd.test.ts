import { afterEach, describe, expect, it } from 'vitest';
import { ConnectorError } from '../../../src-main/connectors/connector-error.js';
import { cqlValue } from '../../../src-main/connectors/crowd.js';
import type { FakeUser } from './fake-instance.js';
import { startFakeInstance, type FakeInstance } from './fake-instance.js';
import { capture, requestsTo, userNamed } from './helpers.js';
import { APP_PASSWORD, DATA } from './sample-data.js';

let fake: FakeInstance | undefined;

afterEach(async () => {
  const violations = fake?.violations ?? [];
  await fake?.close();
  fake = undefined;
  expect(violations, 'samlscope sent a request other than GET').toEqual([]);
});

async function start(users: FakeUser[] = DATA.users): Promise<FakeInstance> {
  fake = await startFakeInstance({ product: 'crowd', data: { users }, auth: { basic: { username: 'samlscope', password: APP_PASSWORD } } });
  return fake;
}

describe('Crowd connector', () => {
  it('captures users with attributes and direct groups, authenticating as the application', async () => {
    const f = await start();
    const result = await capture(f, { product: 'jira', source: 'crowd', auth: 'basic', users: ['alice', 'ghost'] });
    expect(userNamed(result, 'alice')).toEqual({
      username: 'alice',
      key: 'JIRAUSER10100',
      displayName: 'Alice Adams',
      email: 'alice@example.com',
      active: true,
      directoryId: 'crowd',
      groups: ['jira-software-users', 'developers', 'confluence-users'],
      attributes: { jit_idp_id: 'alice@example.com' },
    });
    // The one evident directory: the product's Crowd directory; its permissions and position are unknown.
    expect(result.snapshot.directories).toEqual([
      { id: 'crowd', name: `Crowd (${new URL(f.baseUrl).host})`, type: 'crowd', active: true, canCreateUsers: null, canCreateGroups: null, readOnly: false, position: null },
    ]);
    expect(result.snapshot.source.directoriesIncluded).toBe('some');
    expect(result.notFound).toEqual(['ghost']);
    expect(result.snapshot.product).toBe('jira');
    expect(f.requests.every((r) => r.authScheme === 'basic')).toBe(true);
    expect(result.snapshot.source.notes.join('\n')).toMatch(/remote\) directory/);
  });

  it('searches by e-mail with CQL and keeps every account sharing the address', async () => {
    const f = await start();
    const result = await capture(f, { product: 'jira', source: 'crowd', auth: 'basic', users: ['pat@example.com'] });
    expect(result.snapshot.users.map((u) => u.username)).toEqual(['pat1', 'pat2']);
    expect(requestsTo(f, '/rest/usermanagement/1/search').map((r) => r.query.restriction)).toEqual(['email=pat@example.com']);
  });

  it('pages through the user search when listing all users', async () => {
    const many: FakeUser[] = Array.from({ length: 205 }, (_, i) => ({ username: `u${i}`, displayName: `User ${i}`, email: `u${i}@example.com`, groups: ['jira-software-users'] }));
    const f = await start(many);
    const result = await capture(f, { product: 'jira', source: 'crowd', auth: 'basic', users: 'all' });
    expect(result.snapshot.users).toHaveLength(205);
    expect(result.snapshot.source.usersIncluded).toBe('all');
    expect(requestsTo(f, '/rest/usermanagement/1/search').map((r) => r.query['start-index'])).toEqual(['0', '200']);
  });

  it('refuses a personal access token: Crowd authenticates applications', async () => {
    const f = await start();
    const error = await capture(f, { product: 'jira', source: 'crowd', auth: 'pat', users: ['alice'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as Error).message).toMatch(/application's name .* and password/);
    expect(f.requests).toHaveLength(0);
  });

  it('explains wrong application credentials without showing them', async () => {
    const f = await start();
    const error = await capture(f, { product: 'jira', source: 'crowd', auth: 'basic', users: ['alice'], env: { APP_NAME: 'samlscope', APP_PASSWORD: 'bad-app-pw-42' } }).catch((e: unknown) => e);
    expect((error as ConnectorError).kind).toBe('auth');
    expect((error as Error).message).toContain('Application failed to authenticate');
    expect((error as Error).message).not.toContain('bad-app-pw-42');
  });

  it('quotes CQL values only when needed', () => {
    expect(cqlValue('bob@example.net')).toBe('bob@example.net');
    expect(cqlValue('bob smith@example.net')).toBe('"bob smith@example.net"');
    expect(cqlValue('a"b@example.net')).toBe('"a\\"b@example.net"');
  });
});
