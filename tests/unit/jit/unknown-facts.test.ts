/**
 * Snapshots that do not record everything (live captures): unknown directory types, permissions, order and
 * group directories. The simulation must neither drop what it knows nor assume silently: each assumption is a
 * step marked inferred that says what was assumed.
 */
import { describe, expect, it } from 'vitest';
import { simulateLogin } from '../../../src-main/core/jit/simulate-login.js';
import type { InstanceSnapshot } from '../../../src-main/core/jit/snapshot-schema.js';
import type { SimulationResult, SimulationStep } from '../../../src-main/core/jit/simulation-types.js';
import type { AtlassianSsoSettings } from '../../../src-main/core/jit/target-profile-schema.js';
import { finding, ids, jiraAttributes, loadExample, makeMessage, type MessageSpec } from './helpers.js';

async function jira(spec: MessageSpec, edit: (s: InstanceSnapshot) => void, settings: Partial<AtlassianSsoSettings> = {}) {
  const { profile, snapshot } = await loadExample('jira-atlassian-sso');
  Object.assign(profile.provisioning, settings);
  edit(snapshot);
  return simulateLogin(makeMessage(spec), profile, snapshot);
}

const internal = (s: InstanceSnapshot) => s.directories.find((d) => d.type === 'internal')!;
const step = (r: SimulationResult, title: string): SimulationStep | undefined => r.steps.find((s) => s.title === title);
const newUser: MessageSpec = { nameId: 'priya.new@example.com', attributes: jiraAttributes({ username: ['pnew'], displayName: ['Priya New'], email: ['priya.new@example.com'], groups: ['jira-software-users'] }) };

/** What `samlscope snapshot` writes for Jira: no directories, no directory per user or group. */
function asLiveJiraCapture(s: InstanceSnapshot): void {
  s.directories = [];
  s.source.directoriesIncluded = 'some';
  for (const u of s.users) u.directoryId = null;
  for (const g of s.groups) g.directoryId = null;
}

describe('unknown directory permissions', () => {
  it('an internal directory whose permissions are not recorded: the login goes on, and the step says what was assumed', async () => {
    const r = await jira({ attributes: jiraAttributes({ groups: ['jira-software-users'] }) }, (s) => {
      internal(s).canCreateUsers = null;
      internal(s).canCreateGroups = null;
    });
    expect(r).toMatchObject({ outcome: 'update', canLogIn: true });
    expect(ids(r.findings)).not.toContain('jit.no-writable-directory');
    const s = step(r, 'JIT directory');
    expect(s).toMatchObject({ outcome: 'info', inferred: true });
    expect(s?.detail).toContain('does not record whether "Jira Internal Directory" has CREATE_USER and CREATE_GROUP');
    expect(s?.detail).toContain('every JIT login fails');
  });

  it('a permission recorded as missing still rules the directory out; an unrecorded one is described as such', async () => {
    const r = await jira({ attributes: jiraAttributes() }, (s) => {
      internal(s).canCreateUsers = null;
      internal(s).canCreateGroups = false;
    });
    expect(r.outcome).toBe('fail');
    const f = finding(r.findings, 'jit.no-writable-directory');
    expect(f.evidence[0]?.value).toContain('Jira Internal Directory (internal, CREATE_USER not recorded, no CREATE_GROUP)');
  });

  it('with every directory type recorded and none internal, the missing directory is a fact', async () => {
    const r = await jira({ attributes: jiraAttributes() }, (s) => {
      s.directories = s.directories.filter((d) => d.type !== 'internal');
      s.users = s.users.filter((u) => u.directoryId === '10000');
      s.groups = s.groups.filter((g) => g.directoryId === '10000');
    });
    expect(ids(r.findings)).toContain('jit.no-writable-directory');
  });

  it('unrecorded directory order makes the choice among internal directories inferred', async () => {
    const r = await jira(newUser, (s) => {
      s.directories.push({ id: '2', name: 'Second Internal', type: 'internal', active: true, canCreateUsers: true, canCreateGroups: true, readOnly: false, position: null });
      for (const d of s.directories) d.position = null;
    });
    expect(r.outcome).toBe('create');
    expect(step(r, 'JIT directory')).toMatchObject({ inferred: true });
    expect(step(r, 'JIT directory')?.detail).toContain('directory order is not recorded');
  });
});

describe('a live Jira capture: no directories recorded', () => {
  it('existing users are still found (marked inferred), and their groups are synced', async () => {
    const r = await jira({ attributes: jiraAttributes({ groups: ['jira-software-users'] }) }, asLiveJiraCapture);
    expect(r).toMatchObject({ outcome: 'update', username: 'jdoe' });
    expect(r.user.before?.username).toBe('jdoe');
    expect(step(r, 'Find user')).toMatchObject({ outcome: 'pass', inferred: true });
    expect(step(r, 'Find user')?.detail).toContain('treated as internal');
    expect(step(r, 'JIT directory')).toMatchObject({ outcome: 'info', inferred: true });
    expect(step(r, 'JIT directory')?.detail).toContain('records no user directories');
    expect(r.groups.removed).toEqual(['developers', 'project-alpha']);
  });

  it('a group whose directory is not recorded exists: it is not reported as created', async () => {
    const r = await jira(newUser, asLiveJiraCapture);
    expect(r.outcome).toBe('create');
    expect(r.user.after).toMatchObject({ username: 'pnew', directoryId: null });
    expect(r.groups.created).toEqual([]);
  });
});

describe('directories whose type is not recorded', () => {
  it('a user in a directory of unknown type is treated as internal, inferred', async () => {
    const r = await jira({ attributes: jiraAttributes({ groups: ['jira-software-users'] }) }, (s) => {
      internal(s).type = 'unknown';
    });
    expect(r.outcome).toBe('update');
    expect(step(r, 'Find user')).toMatchObject({ inferred: true });
    expect(step(r, 'Find user')?.detail).toContain("directory's type is not recorded");
    // The only candidate for JIT is of unknown type: JIT goes on, saying so.
    expect(step(r, 'JIT directory')?.detail).toContain('does not record the type of "Jira Internal Directory"');
  });

  it('a Crowd capture: Crowd users log in from their remote directory; the internal directory is assumed to exist elsewhere', async () => {
    const crowd = (s: InstanceSnapshot): void => {
      s.directories = [{ id: 'crowd', name: 'Crowd (crowd.example.com)', type: 'crowd', active: true, canCreateUsers: null, canCreateGroups: null, readOnly: false, position: null }];
      s.source.directoriesIncluded = 'some';
      for (const u of s.users) u.directoryId = 'crowd';
      s.groups = [];
    };
    const existing = await jira({ attributes: jiraAttributes({ groups: ['jira-software-users'] }) }, crowd);
    expect(existing).toMatchObject({ outcome: 'unchanged', canLogIn: true });
    expect(ids(existing.findings)).toContain('jit.remote-directory-user');
    const created = await jira(newUser, crowd);
    expect(created.outcome).toBe('create');
    expect(ids(created.findings)).not.toContain('jit.no-writable-directory');
    expect(step(created, 'JIT directory')?.detail).toContain('records only some directories');
  });
});

describe('resolution with unknown directory permissions', () => {
  it('creation goes on in the internal directory and the step says what was assumed', async () => {
    const { profile, snapshot } = await loadExample('confluence-resolution');
    for (const d of snapshot.directories) d.canCreateUsers = null;
    const r = simulateLogin(makeMessage({ nameId: 'priya.new@example.com', attributes: { displayName: ['Priya New'], email: ['priya.new@example.com'] } }), profile, snapshot);
    expect(r.outcome).toBe('create');
    expect(step(r, 'Internal directory')).toMatchObject({ outcome: 'info', inferred: true });
    expect(step(r, 'Internal directory')?.detail).toContain('has CREATE_USER; assumed it has');
  });
});
