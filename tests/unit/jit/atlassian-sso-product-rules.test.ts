/**
 * Rules of Atlassian's SSO 2.0 JIT provisioning that samlscope's first model got wrong. Each test names the
 * product behaviour it encodes: how the plugin's SAML consumer reads mappings, chooses the JIT directory and
 * provisions groups (https://confluence.atlassian.com/enterprise/jit-user-provisioning-1005342579.html for the
 * documented parts; the rest is the plugin's observed behaviour, marked inferred where the simulation says so).
 */
import { describe, expect, it } from 'vitest';
import { simulateLogin } from '../../../src-main/core/jit/simulate-login.js';
import type { InstanceSnapshot } from '../../../src-main/core/jit/snapshot-schema.js';
import type { AtlassianSsoSettings } from '../../../src-main/core/jit/target-profile-schema.js';
import { finding, ids, jiraAttributes, loadExample, makeMessage, type MessageSpec } from './helpers.js';

async function run(spec: MessageSpec, settings: Partial<AtlassianSsoSettings> = {}, edit?: (s: InstanceSnapshot) => void) {
  const { profile, snapshot } = await loadExample('jira-atlassian-sso');
  Object.assign(profile.provisioning, settings);
  edit?.(snapshot);
  return simulateLogin(makeMessage(spec), profile, snapshot);
}

describe('Atlassian SSO 2.0: multi-valued attributes', () => {
  it('display name and e-mail mappings take the first value of a multi-valued attribute', async () => {
    const r = await run({ attributes: jiraAttributes({ email: ['jane.doe@example.com', 'jane@old.example.com'], displayName: ['Jane Doe', 'J. Doe'] }) }, {}, (s) => {
      const jdoe = s.users.find((u) => u.username === 'jdoe');
      if (jdoe) jdoe.groups = ['jira-software-users', 'developers', 'project-alpha'];
    });
    expect(ids(r.findings)).not.toContain('jit.attribute-missing');
    expect(r.user.after).toMatchObject({ email: 'jane.doe@example.com', displayName: 'Jane Doe' });
    expect(r.canLogIn).toBe(true);
    expect(r.steps.find((s) => s.title === 'E-mail mapping')?.detail).toContain('first value');
  });

  it('only the username mapping requires exactly one value', async () => {
    const r = await run({ attributes: jiraAttributes({ username: ['jdoe', 'jane'], email: ['a@example.com', 'b@example.com'] }) });
    expect(r.outcome).toBe('fail');
    const missing = r.findings.filter((f) => f.id === 'jit.attribute-missing');
    expect(missing).toHaveLength(1);
    expect(missing[0]?.evidence.some((e) => e.location.includes('username'))).toBe(true);
  });
});

describe('Atlassian SSO 2.0: the JIT directory', () => {
  it('with no active internal directory at all the product says "Could not find any writable active internal directories"', async () => {
    const r = await run({ attributes: jiraAttributes() }, {}, (s) => {
      const internal = s.directories.find((d) => d.type === 'internal');
      if (internal) internal.active = false;
    });
    expect(r.outcome).toBe('fail');
    expect(r.productMessage).toBe('Could not find any writable active internal directories');
    expect(finding(r.findings, 'jit.no-writable-directory').message).toContain('no active internal directory');
  });

  it('an LDAP directory with delegated authentication is not internal', async () => {
    const r = await run({ attributes: jiraAttributes() }, {}, (s) => {
      const internal = s.directories.find((d) => d.type === 'internal');
      if (internal) {
        internal.type = 'delegating';
        internal.readOnly = false;
      }
    });
    expect(r.productMessage).toBe('Could not find any writable active internal directories');
  });

  it('internal directories without CREATE_USER or CREATE_GROUP get the permissions message', async () => {
    const r = await run({ attributes: jiraAttributes() }, {}, (s) => {
      const internal = s.directories.find((d) => d.type === 'internal');
      if (internal) internal.canCreateUsers = false;
    });
    expect(r.productMessage).toBe('JIT provisioning of group failed as there is no active internal directory with [CREATE_USER, CREATE_GROUP] permissions');
  });
});

describe('Atlassian SSO 2.0: group sync for a user outside the JIT directory', () => {
  /** jdoe lives in a second internal directory that comes after the JIT directory and has only some groups. */
  function secondInternalDirectory(s: InstanceSnapshot): void {
    s.directories.push({ ...s.directories[0]!, id: '2', name: 'Second Internal', position: 2 });
    const jdoe = s.users.find((u) => u.username === 'jdoe');
    if (jdoe) jdoe.directoryId = '2';
    for (const name of ['jira-software-users', 'developers', 'project-alpha']) s.groups.push({ name, directoryId: '2' });
  }

  it('a group missing in the user\'s directory is created in the JIT directory, the membership in the user\'s directory fails (inferred)', async () => {
    const r = await run({ attributes: jiraAttributes({ groups: ['jira-software-users', 'developers', 'project-alpha', 'support'] }) }, {}, secondInternalDirectory);
    expect(r.outcome).toBe('fail');
    expect(r.canLogIn).toBe(false);
    const f = finding(r.findings, 'jit.group-outside-user-directory');
    expect(f.message).toContain('"support"');
    expect(f.inferred).toBe(true);
    const step = r.steps.find((s) => s.title === 'Add memberships');
    expect(step).toMatchObject({ outcome: 'fail', inferred: true });
  });

  it('groups that already exist in the user\'s directory are added there and the login succeeds', async () => {
    const r = await run({ attributes: jiraAttributes({ groups: ['jira-software-users', 'developers'] }) }, {}, secondInternalDirectory);
    expect(ids(r.findings)).not.toContain('jit.group-outside-user-directory');
    expect(r.canLogIn).toBe(true);
  });
});

describe('Atlassian SSO 2.0: steps in the product\'s order', () => {
  it('username, JIT data, JIT directory, find, licence, create, group sync, application access', async () => {
    const r = await run({ nameId: 'priya.new@example.com', attributes: jiraAttributes({ username: ['pnew'], displayName: ['Priya New'], email: ['priya.new@example.com'], groups: ['jira-software-users'] }) });
    expect(r.steps.map((s) => s.title)).toEqual([
      'Verify the response',
      'Username',
      'Display name mapping',
      'E-mail mapping',
      'Groups mapping',
      'JIT directory',
      'Find user',
      'Licence check',
      'Create user',
      'Group sync',
      'Application access',
    ]);
  });
});
