import { describe, expect, it } from 'vitest';
import { simulateLogin } from '../../../src-main/core/jit/simulate-login.js';
import type { InstanceSnapshot } from '../../../src-main/core/jit/snapshot-schema.js';
import type { AtlassianSsoSettings, TargetProfile } from '../../../src-main/core/jit/target-profile-schema.js';
import { makeFinding } from '../../../src-main/core/findings/make-finding.js';
import { finding, GROUP_ID_A, GROUP_ID_B, ids, jiraAttributes, loadExample, makeMessage, type MessageSpec } from './helpers.js';

async function jira(settings: Partial<AtlassianSsoSettings> = {}, edit?: (s: InstanceSnapshot) => void): Promise<{ profile: TargetProfile; snapshot: InstanceSnapshot }> {
  const { profile, snapshot } = await loadExample('jira-atlassian-sso');
  Object.assign(profile.provisioning, settings);
  edit?.(snapshot);
  return { profile, snapshot };
}

async function run(spec: MessageSpec, settings: Partial<AtlassianSsoSettings> = {}, edit?: (s: InstanceSnapshot) => void) {
  const { profile, snapshot } = await jira(settings, edit);
  return simulateLogin(makeMessage(spec), profile, snapshot);
}

describe('atlassian-sso: groups', () => {
  it('the demo: AWS group IDs replace every Jira group and take away access', async () => {
    const r = await run({ attributes: jiraAttributes({ groups: [GROUP_ID_A, GROUP_ID_B] }) });
    expect(r).toMatchObject({ engine: 'atlassian-sso', outcome: 'fail', canLogIn: false, username: 'jdoe', verified: true, hypothetical: false });
    expect(r.productMessage).toBe('Received SSO request for user jdoe, but the user is not permitted to log in');
    expect(r.groups.removed).toEqual(['jira-software-users', 'developers', 'project-alpha']);
    expect(r.groups.added).toEqual([GROUP_ID_A, GROUP_ID_B]);
    expect(r.groups.created).toEqual([GROUP_ID_A, GROUP_ID_B]);
    expect(r.groups.after).toEqual([GROUP_ID_A, GROUP_ID_B]);
    const removed = finding(r.findings, 'jit.groups-removed');
    for (const g of ['jira-software-users', 'developers', 'project-alpha']) expect(removed.message).toContain(`"${g}"`);
    expect(removed.message).toContain('AWS group IDs');
    expect(removed.fix.where).toBe('atlassian-sso');
    expect(removed.fix.steps?.length).toBe(3);
    expect(finding(r.findings, 'jit.no-application-access').severity).toBe('error');
    expect(r.steps.find((s) => s.title === 'Group sync')?.inferred).toBe(true);
  });

  it('no group attribute: every JIT login fails with the plugin message, naming the groups at risk', async () => {
    const r = await run({ attributes: jiraAttributes({ groups: undefined }) });
    expect(r.outcome).toBe('fail');
    expect(r.canLogIn).toBe(false);
    expect(r.productMessage).toBe('Attribute [groups] could not be found');
    const f = finding(r.findings, 'jit.groups-not-sent');
    expect(f.severity).toBe('error');
    expect(f.message).toContain('Every JIT login fails');
    expect(f.message).toContain('"jira-software-users", "developers", "project-alpha"');
    expect(f.fix.summary).toMatch(/^Atlassian SSO 2\.0 → JIT provisioning → Groups mapping: AWS cannot send groups/);
    expect(f.fix.steps?.join(' ')).toMatch(/resolution's SAML SSO .*default groups/);
    expect(r.groups.removed).toEqual([]);
    expect(r.user.after).toEqual(r.user.before);
  });

  it('keeps memberships the response lists and adds missing ones', async () => {
    const r = await run({ attributes: jiraAttributes({ groups: ['jira-software-users', 'DEVELOPERS', 'new-team'] }) });
    expect(r.outcome).toBe('update');
    expect(r.canLogIn).toBe(true);
    expect(r.groups.removed).toEqual(['project-alpha']);
    expect(r.groups.added).toEqual(['new-team']);
    expect(r.groups.created).toEqual(['new-team']);
    expect(finding(r.findings, 'jit.groups-removed').message).toContain('"project-alpha"');
  });
});

describe('atlassian-sso: mappings', () => {
  it('missing e-mail attribute fails with "Attribute [email] could not be found" and an AWS fix', async () => {
    const r = await run({ attributes: jiraAttributes({ email: undefined }) });
    expect(r.productMessage).toBe('Attribute [email] could not be found');
    const f = finding(r.findings, 'jit.attribute-missing');
    expect(f.fix).toMatchObject({ where: 'aws-console', value: 'email' });
    expect(f.fix.summary).toContain('${user:email}');
  });

  it('points at an attribute that differs only by case', async () => {
    const attrs = jiraAttributes({ email: undefined });
    const r = await run({ attributes: { ...attrs, Email: ['jane.doe@example.com'] } });
    const f = finding(r.findings, 'jit.attribute-missing');
    expect(f.fix).toMatchObject({ where: 'atlassian-sso', value: '${Email}' });
  });

  it('a multi-valued username attribute fails (single value rule)', async () => {
    const r = await run({ attributes: jiraAttributes({ username: ['jdoe', 'jane'] }) });
    expect(r.outcome).toBe('fail');
    expect(finding(r.findings, 'jit.attribute-missing').title).toBe('Mapped attribute has several values');
    expect(r.steps.at(-1)?.inferred).toBe(true);
  });

  it('an unset JIT mapping fails with the configuration message', async () => {
    const r = await run({ attributes: jiraAttributes() }, { displayNameMapping: undefined });
    expect(r.productMessage).toBe('Configuration for display name for SAML is not set');
  });

  it('a missing NameID fails', async () => {
    const r = await run({ nameId: null, attributes: jiraAttributes() });
    expect(r.productMessage).toBe('NameID not found');
    expect(ids(r.findings)).toContain('jit.attribute-missing');
  });
});

describe('atlassian-sso: directories, licence, creation', () => {
  const newUser = { nameId: 'priya.new@example.com', attributes: jiraAttributes({ username: ['pnew'], displayName: ['Priya New'], email: ['priya.new@example.com'], groups: ['jira-software-users'] }) };

  it('creates a new user in the JIT directory with jit_idp_id', async () => {
    const r = await run(newUser);
    expect(r).toMatchObject({ outcome: 'create', canLogIn: true, username: 'pnew' });
    expect(r.user.before).toBeNull();
    expect(r.user.after).toMatchObject({ username: 'pnew', displayName: 'Priya New', email: 'priya.new@example.com', directoryId: '1', attributes: { jit_idp_id: 'priya.new@example.com' }, groups: ['jira-software-users'] });
    expect(r.groups.created).toEqual([]);
  });

  it('no active internal directory with CREATE_USER and CREATE_GROUP fails every JIT login, even existing users', async () => {
    const r = await run({ attributes: jiraAttributes() }, {}, (s) => {
      const d = s.directories.find((x) => x.type === 'internal');
      if (d) d.canCreateGroups = false;
    });
    expect(r.outcome).toBe('fail');
    expect(r.productMessage).toBe('JIT provisioning of group failed as there is no active internal directory with [CREATE_USER, CREATE_GROUP] permissions');
    expect(finding(r.findings, 'jit.no-writable-directory').message).toContain('even for existing users');
  });

  it('a full licence stops creation with the plugin message', async () => {
    const r = await run(newUser, {}, (s) => {
      const l = s.license[0];
      if (l) l.used = l.seats ?? 0;
    });
    expect(r.outcome).toBe('fail');
    expect(r.productMessage).toBe('User could not be created due to the license’s limit.');
    expect(finding(r.findings, 'jit.license-full').severity).toBe('error');
    expect(r.user.after).toBeNull();
  });

  it('groups that do not exist map to no application, so the licence check passes (and access then fails)', async () => {
    const r = await run({ ...newUser, attributes: { ...newUser.attributes, groups: [GROUP_ID_A] } }, {}, (s) => {
      const l = s.license[0];
      if (l) l.used = l.seats ?? 0;
    });
    expect(ids(r.findings)).not.toContain('jit.license-full');
    expect(ids(r.findings)).toContain('jit.no-application-access');
    expect(r.reason).toContain('The account is created anyway');
  });

  it('warns when the new account would share an existing e-mail address', async () => {
    const r = await run({ nameId: 'x@example.com', attributes: jiraAttributes({ username: ['bob2'], email: ['jira-admin@example.com'], groups: ['jira-software-users'] }) });
    expect(r.outcome).toBe('create');
    expect(finding(r.findings, 'jit.duplicate-email').message).toContain('"admin"');
  });
});

describe('atlassian-sso: finding the user', () => {
  it('unchanged when everything already matches', async () => {
    const r = await run({ nameId: 'jane.doe@example.com', attributes: jiraAttributes() }, {}, (s) => {
      const u = s.users.find((x) => x.username === 'jdoe');
      if (u) u.attributes['jit_idp_id'] = 'jane.doe@example.com';
    });
    expect(r).toMatchObject({ outcome: 'unchanged', canLogIn: true });
    expect(r.findings).toEqual([]);
  });

  it('updates display name and stores jit_idp_id', async () => {
    const r = await run({ attributes: jiraAttributes({ displayName: ['Jane Q. Doe'] }) });
    expect(r.outcome).toBe('update');
    expect(r.user.after).toMatchObject({ displayName: 'Jane Q. Doe', attributes: { jit_idp_id: 'jane.doe@example.com' } });
  });

  it('finds by jit_idp_id first and renames', async () => {
    const r = await run({ nameId: 'max.keller@example.com', attributes: jiraAttributes({ username: ['max.keller'], displayName: ['Max Keller'], email: ['max.keller@example.com'], groups: ['jira-software-users', 'support'] }) });
    expect(r).toMatchObject({ outcome: 'update', canLogIn: true });
    expect(r.user.before?.username).toBe('mkeller');
    expect(r.user.after?.username).toBe('max.keller');
    expect(finding(r.findings, 'jit.rename').message).toContain('"mkeller" to "max.keller"');
  });

  it('a case-only difference triggers a rename attempt (case-sensitive compare, inferred)', async () => {
    const r = await run({ nameId: 'chris.kim@example.com', attributes: jiraAttributes({ username: ['ckim'], displayName: ['Chris Kim'], email: ['chris.kim@example.com'], groups: ['jira-software-users'] }) });
    const f = finding(r.findings, 'jit.case-mismatch');
    expect(f.severity).toBe('warning');
    expect(f.inferred).toBe(true);
    expect(r.user.after?.username).toBe('ckim');
  });

  it('a user only in a remote directory logs in from there, untouched', async () => {
    const r = await run({ nameId: 'bob.smith@example.com', attributes: jiraAttributes({ username: ['bsmith'], displayName: ['Robert Smith'], email: ['bob.smith@example.com'], groups: [GROUP_ID_A] }) });
    expect(r).toMatchObject({ outcome: 'unchanged', canLogIn: true });
    expect(r.groups.removed).toEqual([]);
    expect(r.user.after?.displayName).toBe('Bob Smith');
    expect(finding(r.findings, 'jit.remote-directory-user').severity).toBe('info');
  });

  it('an earlier remote directory shadows the internal account that JIT updates', async () => {
    const r = await run({ attributes: jiraAttributes({ groups: ['jira-software-users'] }) }, {}, (s) => {
      s.users.push({ username: 'jdoe', displayName: 'Jane (LDAP)', active: true, directoryId: '10000', groups: [], attributes: {} });
      const ldap = s.directories.find((d) => d.type === 'ldap');
      const internal = s.directories.find((d) => d.type === 'internal');
      if (ldap && internal) [ldap.position, internal.position] = [0, 1];
    });
    expect(finding(r.findings, 'jit.remote-directory-user').message).toContain('comes first');
    // The LDAP copy has no access group: the login is refused although the internal copy was fine.
    expect(r.canLogIn).toBe(false);
  });

  it('renaming onto a name another user has fails (inferred)', async () => {
    const r = await run({ nameId: 'max.keller@example.com', attributes: jiraAttributes({ username: ['awong'], groups: ['jira-software-users'] }) });
    expect(r.outcome).toBe('fail');
    expect(r.steps.at(-1)).toMatchObject({ title: 'Rename', outcome: 'fail', inferred: true });
  });

  it('an e-mail NameID as username against short usernames creates a duplicate account', async () => {
    const r = await run({ nameId: 'jane.doe@example.com', attributes: jiraAttributes({ groups: ['jira-software-users'] }) }, { usernameMapping: '${NameID}' });
    expect(r.outcome).toBe('create');
    const f = finding(r.findings, 'jit.username-mismatch');
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('"jdoe"');
    expect(f.fix.where).toBe('aws-console');
  });

  it('a deactivated user is refused', async () => {
    const r = await run({ nameId: 'alice.old@example.com', attributes: jiraAttributes({ username: ['alice'], groups: ['jira-software-users'] }) });
    expect(r.canLogIn).toBe(false);
    expect(finding(r.findings, 'jit.no-application-access').title).toBe('User is deactivated');
  });
});

describe('atlassian-sso: usernames and JIT off', () => {
  it('rejects a username with whitespace', async () => {
    const r = await run({ attributes: jiraAttributes({ username: ['jane doe'] }) });
    expect(r.outcome).toBe('fail');
    expect(finding(r.findings, 'jit.invalid-username').message).toContain('whitespace');
  });

  it('rejects a slash in a Bitbucket username', async () => {
    const { profile, snapshot } = await loadExample('bitbucket-atlassian-sso');
    const r = simulateLogin(makeMessage({ nameId: 'dev/ops@example.com', attributes: { displayName: ['D'], email: ['d@example.com'], groups: [] } }), profile, snapshot);
    expect(finding(r.findings, 'jit.invalid-username').message).toContain('slug');
  });

  it('JIT off: an existing user logs in unchanged, an unknown one fails', async () => {
    const ok = await run({ attributes: jiraAttributes({ groups: undefined }) }, { createUsers: false });
    expect(ok).toMatchObject({ outcome: 'unchanged', canLogIn: true });
    const missing = await run({ nameId: 'jane.doe@example.com', attributes: {} }, { createUsers: false, usernameMapping: '${NameID}' });
    expect(missing.productMessage).toBe('Received SSO request for user jane.doe@example.com, but the user does not exist');
    expect(finding(missing.findings, 'jit.username-mismatch').severity).toBe('error');
  });
});

describe('atlassian-sso: Bitbucket group-ID workaround and full licence', () => {
  it('access granted to the AWS group ID survives group sync', async () => {
    const { profile, snapshot } = await loadExample('bitbucket-atlassian-sso');
    const r = simulateLogin(makeMessage({ nameId: 'jane.doe@example.com', attributes: { displayName: ['Jane Doe'], email: ['jane.doe@example.com'], groups: [GROUP_ID_A] } }), profile, snapshot);
    expect(r).toMatchObject({ canLogIn: true, outcome: 'update' });
    expect(r.groups.removed).toEqual(['stash-users']);
  });

  it('a new user is refused for want of a seat', async () => {
    const { profile, snapshot } = await loadExample('bitbucket-atlassian-sso');
    const r = simulateLogin(makeMessage({ nameId: 'new.dev@example.com', attributes: { displayName: ['New Dev'], email: ['new.dev@example.com'], groups: [GROUP_ID_A] } }), profile, snapshot);
    expect(r.productMessage).toBe('User could not be created due to the license’s limit.');
  });
});

describe('verification comes first', () => {
  it.each(['invalid', 'untrusted', 'unsigned'] as const)('a %s response is not simulated as real', async (signature) => {
    const r = await run({ signature, attributes: jiraAttributes({ groups: ['jira-software-users', 'developers', 'project-alpha'] }) });
    expect(r).toMatchObject({ outcome: 'fail', canLogIn: false, verified: false, hypothetical: true });
    expect(r.reason).toContain('not verified');
    expect(r.hypotheticalOutcome).toMatchObject({ outcome: 'update', canLogIn: true });
    expect(r.steps[0]).toMatchObject({ title: 'Verify the response', outcome: 'fail' });
    expect(r.steps.slice(1).every((s) => s.hypothetical)).toBe(true);
  });

  it('hypothetical findings say so and mark evidence unverified', async () => {
    const r = await run({ signature: 'invalid', attributes: jiraAttributes({ groups: [GROUP_ID_A] }) });
    const f = finding(r.findings, 'jit.groups-removed');
    expect(f.message.startsWith('If this response were accepted: ')).toBe(true);
    expect(f.evidence.some((e) => e.unverified)).toBe(true);
  });

  it('a response the product rejects anyway (audience) is hypothetical too', async () => {
    const audience = makeFinding('audience.mismatch', { message: 'x', fix: { where: 'aws-console', summary: 'y' } });
    const r = await run({ findings: [audience], attributes: jiraAttributes() });
    expect(r).toMatchObject({ outcome: 'fail', verified: true, hypothetical: true });
    expect(r.steps[1]).toMatchObject({ title: 'Product accepts the response', outcome: 'fail' });
  });

  it('an AuthnRequest is not a login', async () => {
    const r = await run({ type: 'AuthnRequest' });
    expect(r.outcome).toBe('fail');
    expect(r.reason).toContain('not a Response');
  });
});
