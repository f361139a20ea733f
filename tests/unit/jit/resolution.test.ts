import { describe, expect, it } from 'vitest';
import { simulateLogin } from '../../../src-main/core/jit/simulate-login.js';
import type { InstanceSnapshot } from '../../../src-main/core/jit/snapshot-schema.js';
import type { ResolutionSettings, TargetProfile } from '../../../src-main/core/jit/target-profile-schema.js';
import { finding, ids, loadExample, makeMessage, type MessageSpec } from './helpers.js';

type Name = 'confluence-resolution' | 'bamboo-resolution';

async function run(name: Name, spec: MessageSpec, settings: Partial<ResolutionSettings> = {}, edit?: (s: InstanceSnapshot, p: TargetProfile) => void) {
  const { profile, snapshot } = await loadExample(name);
  Object.assign(profile.provisioning, settings);
  edit?.(snapshot, profile);
  return simulateLogin(makeMessage(spec), profile, snapshot);
}

const person = (email: string, name: string, extra: Record<string, string[]> = {}): MessageSpec => ({ nameId: email, attributes: { displayName: [name], email: [email], ...extra } });

describe('resolution (Confluence): lookup after transformations', () => {
  it('strips the domain, finds the user it created and logs in', async () => {
    const r = await run('confluence-resolution', person('jane.doe@example.com', 'Jane Doe'));
    expect(r).toMatchObject({ engine: 'resolution', outcome: 'unchanged', canLogIn: true, username: 'jane.doe' });
    expect(r.steps.find((s) => s.title === 'Transform user id')?.detail).toContain('"jane.doe@example.com" becomes "jane.doe"');
  });

  it('updates a user it created', async () => {
    const r = await run('confluence-resolution', person('jane.doe@example.com', 'Jane Q. Doe'));
    expect(r.outcome).toBe('update');
    expect(r.user.after?.displayName).toBe('Jane Q. Doe');
  });

  it('does not update users it did not create unless "Update existing users" is on', async () => {
    const off = await run('confluence-resolution', person('bob.smith@example.com', 'Robert Smith'));
    expect(off.user.after?.displayName).toBe('Bob Smith');
    expect(off.steps.find((s) => s.title === 'Update user')?.outcome).toBe('skip');
    // bob.smith is only in team-alpha, which grants nothing.
    expect(off.canLogIn).toBe(false);
    expect(finding(off.findings, 'jit.no-application-access').fix).toMatchObject({ where: 'resolution-saml-sso', field: 'Default groups' });
    const on = await run('confluence-resolution', person('bob.smith@example.com', 'Robert Smith'), { updateExistingUsers: true });
    expect(on.user.after?.displayName).toBe('Robert Smith');
    expect(on.outcome).toBe('fail');
  });

  it('the first matching transformation wins; later ones are skipped', async () => {
    const r = await run('confluence-resolution', person('jane.doe@example.com', 'Jane Doe'), {
      userIdTransforms: [
        { pattern: '^jane\\.doe@.*$', replacement: 'jane.doe' },
        { pattern: '(.*)@.*', replacement: 'WRONG-$1' },
      ],
    });
    expect(r.username).toBe('jane.doe');
    const none = await run('confluence-resolution', person('someone@other.org', 'S O'), { userIdTransforms: [{ pattern: '(.*)@example\\.com', replacement: '$1' }] });
    expect(none.username).toBe('someone@other.org');
  });

  it('creates a new user in the internal directory with the default groups', async () => {
    const r = await run('confluence-resolution', person('priya.new@example.com', 'Priya New'));
    expect(r).toMatchObject({ outcome: 'create', canLogIn: true, username: 'priya.new' });
    expect(r.user.after).toMatchObject({ username: 'priya.new', displayName: 'Priya New', email: 'priya.new@example.com', directoryId: '98305', groups: ['confluence-users'] });
    expect(r.groups.added).toEqual(['confluence-users']);
  });

  it('without default groups the new user has no access', async () => {
    const r = await run('confluence-resolution', person('priya.new@example.com', 'Priya New'), { defaultGroups: [] });
    expect(r.outcome).toBe('fail');
    expect(r.reason).toContain('created anyway');
    expect(finding(r.findings, 'jit.no-application-access').fix.value).toBe('confluence-users');
  });

  it('a full licence is a warning (resolution documents no check)', async () => {
    const r = await run('confluence-resolution', person('priya.new@example.com', 'Priya New'), {}, (s) => {
      const l = s.license[0];
      if (l) l.used = 100;
    });
    const f = finding(r.findings, 'jit.license-full');
    expect(f).toMatchObject({ severity: 'warning', inferred: true });
    expect(r.outcome).toBe('create');
  });

  it('Confluence needs a populated confluence-administrators group to create users', async () => {
    const r = await run('confluence-resolution', person('priya.new@example.com', 'Priya New'), {}, (s) => {
      for (const u of s.users) u.groups = u.groups.filter((g) => g !== 'confluence-administrators');
    });
    expect(r.outcome).toBe('fail');
    expect(r.canLogIn).toBe(false);
    expect(r.reason).toContain('confluence-administrators');
    const f = finding(r.findings, 'jit.confluence-admins-missing');
    expect(f.severity).toBe('error');
    expect(f.inferred).toBeUndefined();
    expect(f.message).toContain('creating "priya.new" fails');
    expect(f.evidence).toEqual([{ location: 'snapshot: group "confluence-administrators"', value: 'exists but has no members', expected: 'at least one active member' }]);
    expect(f.fix).toMatchObject({ where: 'atlassian-admin', path: 'Confluence administration → Users & Security → Groups', value: 'confluence-administrators' });
    expect(r.steps.at(-1)).toMatchObject({ title: 'Confluence administrators', outcome: 'fail' });
  });

  it('without an active administrator, an update resolution would write fails too (the login failing with it is inferred)', async () => {
    const r = await run('confluence-resolution', person('jane.doe@example.com', 'Jane Q. Doe'), {}, (s) => {
      const admin = s.users.find((u) => u.username === 'admin');
      if (admin) admin.active = false;
    });
    expect(r.outcome).toBe('fail');
    const f = finding(r.findings, 'jit.confluence-admins-missing');
    expect(f.message).toContain('has 1 member, none of them active');
    expect(f.inferred).toBe(true);
    expect(r.steps.find((s) => s.title === 'Confluence administrators')).toMatchObject({ outcome: 'fail', inferred: true });
    // Nothing to write: no finding.
    const same = await run('confluence-resolution', person('jane.doe@example.com', 'Jane Doe'), {}, (s) => {
      const admin = s.users.find((u) => u.username === 'admin');
      if (admin) admin.active = false;
    });
    expect(same.outcome).toBe('unchanged');
    expect(ids(same.findings)).not.toContain('jit.confluence-admins-missing');
  });

  it('a snapshot of selected users cannot show that confluence-administrators is empty: noted, not raised', async () => {
    const r = await run('confluence-resolution', person('priya.new@example.com', 'Priya New'), {}, (s) => {
      s.users = s.users.filter((u) => u.username !== 'admin');
      s.source.usersIncluded = 'selected';
    });
    expect(r.outcome).toBe('create');
    expect(ids(r.findings)).not.toContain('jit.confluence-admins-missing');
    expect(r.steps.find((s) => s.title === 'Confluence administrators')).toMatchObject({ outcome: 'info', inferred: true });
  });

  it('only Confluence has the prerequisite', async () => {
    const r = await run('bamboo-resolution', person('new.person@example.com', 'New Person'));
    expect(ids(r.findings)).not.toContain('jit.confluence-admins-missing');
  });

  it('no internal directory that may create users', async () => {
    const r = await run('confluence-resolution', person('priya.new@example.com', 'Priya New'), {}, (s) => {
      for (const d of s.directories) d.canCreateUsers = false;
    });
    expect(finding(r.findings, 'jit.no-writable-directory').message).toContain('cannot create this user');
  });

  it('without the transformation an e-mail NameID misses the short username', async () => {
    const r = await run('confluence-resolution', person('bob.smith@example.com', 'Bob Smith'), { userIdTransforms: [] });
    expect(r.outcome).toBe('create');
    const f = finding(r.findings, 'jit.username-mismatch');
    expect(f.fix).toMatchObject({ where: 'resolution-saml-sso' });
    expect(f.message).toContain('"bob.smith"');
  });

  it('"No User update": an unknown user gets the documented error, a known one logs in', async () => {
    const unknown = await run('confluence-resolution', person('bob.smith@example.com', 'Bob'), { userUpdateMethod: 'none', userIdTransforms: [] });
    expect(unknown.outcome).toBe('fail');
    expect(unknown.productMessage).toBe('Users that do not exist and try to log in, will receive an error.');
    expect(finding(unknown.findings, 'jit.username-mismatch').severity).toBe('error');
    const known = await run('confluence-resolution', person('jane.doe@example.com', 'Someone Else'), { userUpdateMethod: 'none' });
    expect(known).toMatchObject({ outcome: 'unchanged', canLogIn: true });
    expect(known.user.after?.displayName).toBe('Jane Doe');
  });

  it('the user id may come from an attribute; missing it fails', async () => {
    const ok = await run('confluence-resolution', { nameId: 'x', attributes: { uid: ['jane.doe'] } }, { userIdSource: 'uid' });
    expect(ok.username).toBe('jane.doe');
    const missing = await run('confluence-resolution', { nameId: 'x', attributes: {} }, { userIdSource: 'uid' });
    expect(missing.outcome).toBe('fail');
    expect(finding(missing.findings, 'jit.attribute-missing').message).toContain('"uid"');
  });

  it('a case-only difference is matched case-insensitively', async () => {
    const r = await run('confluence-resolution', person('Jane.Doe@example.com', 'Jane Doe'));
    expect(r.username).toBe('jane.doe');
    expect(finding(r.findings, 'jit.case-mismatch').severity).toBe('info');
  });

  it('rejects an invalid username before creating', async () => {
    const r = await run('confluence-resolution', person('new user@example.com', 'N'));
    expect(r.outcome).toBe('fail');
    expect(ids(r.findings)).toContain('jit.invalid-username');
  });
});

describe('resolution (Jira): attributes a new user needs', () => {
  it('Jira needs full name and e-mail; Confluence needs only the user id', async () => {
    const jira = await run('confluence-resolution', { nameId: 'new@example.com', attributes: {} }, {}, (s, p) => {
      p.product = 'jira';
      s.product = 'jira';
    });
    expect(jira.outcome).toBe('fail');
    expect(jira.reason).toContain('full name and email');
    const confluence = await run('confluence-resolution', { nameId: 'new@example.com', attributes: {} });
    expect(confluence.outcome).toBe('create');
    expect(ids(confluence.findings).filter((i) => i === 'jit.attribute-missing')).toHaveLength(2);
    expect(confluence.findings.every((f) => f.severity !== 'error')).toBe(true);
  });
});

describe('resolution (Bamboo): lookup by e-mail, group attribute AWS does not send', () => {
  it('finds by e-mail, updates an existing user and warns that groups are not sent', async () => {
    const r = await run('bamboo-resolution', person('jane.doe@example.com', 'Jane Doe-Smith'));
    expect(r).toMatchObject({ outcome: 'update', canLogIn: true, username: 'jdoe' });
    const f = finding(r.findings, 'jit.groups-not-sent');
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('new users get only the default groups ("bamboo-users")');
    expect(f.fix.where).toBe('resolution-saml-sso');
    expect(r.groups.removed).toEqual([]);
  });

  it('a new user gets only the default groups', async () => {
    const r = await run('bamboo-resolution', person('new.dev@example.com', 'New Dev'));
    expect(r).toMatchObject({ outcome: 'create', canLogIn: true });
    expect(r.user.after?.groups).toEqual(['bamboo-users']);
    expect(ids(r.findings)).toContain('jit.groups-not-sent');
  });

  it('several users with the e-mail address: ambiguous, first alphabetically assumed', async () => {
    const r = await run('bamboo-resolution', person('builds@example.com', 'Build Service'));
    const f = finding(r.findings, 'jit.duplicate-email');
    expect(f.message).toContain('"build-svc", "deploy-svc"');
    expect(f.inferred).toBe(true);
    expect(r.username).toBe('build-svc');
  });

  it('users in a read-only LDAP directory are not updated', async () => {
    const r = await run('bamboo-resolution', person('bob.smith@example.com', 'Robert Smith'));
    expect(r).toMatchObject({ outcome: 'unchanged', canLogIn: true });
    expect(r.user.after?.displayName).toBe('Bob Smith');
    expect(ids(r.findings)).toContain('jit.remote-directory-user');
  });

  it('with groups sent and removal on, unlisted memberships are removed', async () => {
    const r = await run('bamboo-resolution', person('jane.doe@example.com', 'Jane Doe', { groups: ['bamboo-users'] }), { removeUnlistedGroups: true });
    expect(r.groups.removed).toEqual(['release-managers']);
    expect(finding(r.findings, 'jit.groups-removed').message).toContain('"release-managers"');
    const keep = await run('bamboo-resolution', person('jane.doe@example.com', 'Jane Doe', { groups: ['bamboo-users', 'new-team'] }), { removeUnlistedGroups: false });
    expect(keep.groups).toMatchObject({ removed: [], added: ['new-team'], created: ['new-team'] });
  });

  it('group transformations: first match, and untransformed groups skipped on request', async () => {
    const r = await run('bamboo-resolution', person('jane.doe@example.com', 'Jane Doe', { groups: ['CN=qa,OU=groups', 'stray'] }), {
      groupTransforms: [{ pattern: 'CN=([^,]*),OU.*', replacement: '$1' }],
      skipUntransformedGroups: true,
    });
    expect(r.groups.added).toEqual(['qa']);
  });
});
