import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseInstanceSnapshot } from '../../../src-main/core/jit/snapshot-schema.js';
import { parseTargetProfile } from '../../../src-main/core/jit/target-profile-schema.js';
import { loadTargetProfile } from '../../../src-main/io/target-profile.js';
import { EXAMPLES } from './helpers.js';

const base = {
  product: 'jira',
  sp: { entityId: 'https://jira.example.com', acsUrl: 'https://jira.example.com/plugins/servlet/samlconsumer' },
  idp: { metadata: 'idp.xml' },
  provisioning: { engine: 'atlassian-sso', createUsers: true, displayNameMapping: '${displayName}', emailMapping: '${email}', groupsAttribute: 'groups' },
  instance: { snapshot: 'snapshot.json' },
};

function errorsOf(data: unknown): string[] {
  const r = parseTargetProfile(data);
  return r.ok ? [] : r.errors;
}

describe('example profiles and snapshots', () => {
  const dirs = readdirSync(EXAMPLES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

  it('covers both engines and all four products', () => {
    expect(dirs.sort()).toEqual(['bamboo-resolution', 'bitbucket-atlassian-sso', 'confluence-resolution', 'jira-atlassian-sso', 'jira-usersync-resolution']);
  });

  it.each(dirs)('%s validates, with paths resolved next to the profile', async (dir) => {
    const loaded = await loadTargetProfile(resolve(EXAMPLES, dir, 'profile.yaml'));
    expect(loaded.paths.snapshot).toBe(resolve(EXAMPLES, dir, 'snapshot.json'));
    expect(loaded.paths.idpMetadata).toBe(resolve(EXAMPLES, 'aws-idp-metadata.xml'));
    expect(loaded.analysis?.idpMetadata?.entityId).toContain('portal.sso.');
    expect(loaded.snapshot?.product).toBe(loaded.profile.product);
    expect(dir.startsWith(loaded.profile.product)).toBe(true);
    expect(dir.endsWith(loaded.profile.provisioning.engine)).toBe(true);
  });
});

describe('target profile schema', () => {
  it('accepts a minimal profile and fills documented defaults', () => {
    const r = parseTargetProfile(base);
    expect(r.ok).toBe(true);
    if (r.ok && r.value.provisioning.engine === 'atlassian-sso') expect(r.value.provisioning.usernameMapping).toBe('${NameID}');
    const empty = parseTargetProfile({ ...base, provisioning: { ...base.provisioning, usernameMapping: '' } });
    expect(empty.ok && empty.value.provisioning.engine === 'atlassian-sso' && empty.value.provisioning.usernameMapping).toBe('${NameID}');
  });

  it('names the key and the problem for a bare attribute name used as an expression', () => {
    expect(errorsOf({ ...base, provisioning: { ...base.provisioning, usernameMapping: 'preferred_username' } })).toEqual([
      'provisioning.usernameMapping: "preferred_username" has no ${variable}: every user would get this literal text (write ${preferred_username} to read the attribute "preferred_username")',
    ]);
  });

  it('rejects expression syntax the plugin rejects', () => {
    expect(errorsOf({ ...base, provisioning: { ...base.provisioning, emailMapping: '${email' } })[0]).toMatch(/^provisioning\.emailMapping: .*missing closing bracket/);
    expect(errorsOf({ ...base, provisioning: { ...base.provisioning, emailMapping: '${}' } })[0]).toMatch(/^provisioning\.emailMapping: .*empty variable/);
    expect(errorsOf({ ...base, provisioning: { ...base.provisioning, emailMapping: 'a {email}' } })[0]).toMatch(/not preceded by `\$`/);
    expect(errorsOf({ ...base, provisioning: { ...base.provisioning, emailMapping: '${a${b}}' } })[0]).toMatch(/already opened/);
    expect(errorsOf({ ...base, provisioning: { ...base.provisioning, emailMapping: 'x}' } })[0]).toMatch(/already closed/);
  });

  it('wants the groups mapping as a bare attribute name', () => {
    expect(errorsOf({ ...base, provisioning: { ...base.provisioning, groupsAttribute: '${groups}' } })).toEqual([
      'provisioning.groupsAttribute: must be a bare attribute name such as "groups", not a ${...} expression',
    ]);
  });

  it('explains an unknown engine and unknown keys', () => {
    expect(errorsOf({ ...base, provisioning: { engine: 'kantega' } })).toEqual(['provisioning.engine: engine must be "atlassian-sso" or "resolution"']);
    expect(errorsOf({ ...base, provisioning: { ...base.provisioning, usernameMaping: '${x}' } })).toEqual([
      'provisioning.usernameMaping: unknown key (check the spelling; see the example profiles)',
    ]);
  });

  it('validates resolution regexes and defaults', () => {
    const resolution = { engine: 'resolution', userUpdateMethod: 'jit', userIdTransforms: [{ pattern: '(.*@', replacement: '$1' }] };
    expect(errorsOf({ ...base, provisioning: resolution })[0]).toMatch(/^provisioning\.userIdTransforms\[0\]\.pattern: not a valid regular expression/);
    const ok = parseTargetProfile({ ...base, provisioning: { engine: 'resolution', userUpdateMethod: 'none' } });
    expect(ok.ok && ok.value.provisioning).toMatchObject({ lookupBy: 'username', userIdSource: 'NameID', defaultGroups: [], updateExistingUsers: false });
  });

  it('never accepts a secret value in the profile', () => {
    const live = (auth: unknown, baseUrl = 'https://jira.example.com') => ({ ...base, instance: { live: { baseUrl, auth } } });
    expect(errorsOf(live({ type: 'pat', tokenRef: 'env:JIRA_TOKEN' }))).toEqual([]);
    expect(errorsOf(live({ type: 'basic', usernameRef: 'env:JIRA_USER', passwordRef: 'keychain:samlscope-jira' }))).toEqual([]);
    expect(errorsOf(live({ type: 'pat', tokenRef: 'NjE2ODQ5MjYzNTQ2OpXk' }))).toEqual([
      'instance.live.auth.tokenRef: must be a reference like "env:JIRA_TOKEN" or "keychain:samlscope-jira" (secrets are never stored in the profile)',
    ]);
    expect(errorsOf(live({ type: 'pat', token: 'NjE2ODQ5MjYzNTQ2OpXk' })).join('\n')).toContain(
      'instance.live.auth.token: secrets are never stored in the profile: remove "token" and use tokenRef: env:NAME or keychain:NAME',
    );
    expect(errorsOf(live({ type: 'basic', usernameRef: 'env:U', password: 'hunter2' })).join('\n')).toContain('instance.live.auth.password: secrets are never stored');
    expect(errorsOf(live({ type: 'pat', tokenRef: 'env:T' }, 'https://admin:hunter2@jira.example.com'))).toEqual([
      'instance.live.baseUrl: must not contain credentials (user:password@); use auth.usernameRef/passwordRef',
    ]);
    expect(errorsOf(live({ type: 'pat', tokenRef: 'env:T' }, 'ftp://jira.example.com'))[0]).toMatch(/^instance\.live\.baseUrl: must be an http\(s\) URL/);
  });

  it('instance.live.source defaults to product; crowd is the alternative', () => {
    const live = (extra: object) => ({ ...base, instance: { live: { baseUrl: 'https://jira.example.com', auth: { type: 'pat', tokenRef: 'env:T' }, ...extra } } });
    const plain = parseTargetProfile(live({}));
    expect(plain.ok && 'live' in plain.value.instance && plain.value.instance.live.source).toBe('product');
    const crowd = parseTargetProfile(live({ source: 'crowd' }));
    expect(crowd.ok && 'live' in crowd.value.instance && crowd.value.instance.live.source).toBe('crowd');
    expect(errorsOf(live({ source: 'ldap' }))).toEqual(['instance.live.source: must be "product" (the Atlassian product) or "crowd" (its Crowd server)']);
  });

  it('needs the SP identity or its metadata, and exactly one instance source', () => {
    expect(errorsOf({ ...base, sp: { entityId: 'x' } })).toEqual(['sp: needs entityId and acsUrl, or metadata (a path to the SP metadata file)']);
    expect(errorsOf({ ...base, sp: { metadata: 'sp.xml' } })).toEqual([]);
    expect(errorsOf({ ...base, instance: {} })[0]).toMatch(/^instance/);
    expect(errorsOf({ ...base, product: 'trello' })[0]).toMatch(/^product: /);
  });
});

describe('instance snapshot schema', () => {
  const snap = {
    product: 'jira',
    capturedAt: '2026-01-15T09:30:00Z',
    source: { kind: 'manual' },
    directories: [{ id: 1, name: 'Internal', type: 'internal', active: true, canCreateUsers: true, canCreateGroups: true, position: 0 }],
    users: [{ username: 'jdoe', directoryId: 1 }],
  };

  it('accepts numeric ids as strings and fills defaults', () => {
    const r = parseInstanceSnapshot(snap);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.directories[0]?.id).toBe('1');
    expect(r.value.users[0]).toMatchObject({ directoryId: '1', groups: [], attributes: {}, active: true, displayName: '' });
    expect(r.value.source.usersIncluded).toBe('all');
    expect(r.value.license).toEqual([]);
  });

  it('checks cross-references and duplicate usernames with key paths', () => {
    const r = parseInstanceSnapshot({
      ...snap,
      users: [{ username: 'jdoe', directoryId: 1 }, { username: 'JDoe', directoryId: '1' }, { username: 'x', directoryId: 7 }],
      groups: [{ name: 'g', directoryId: 9 }],
    });
    expect(r.ok ? [] : r.errors).toEqual([
      'users[1].username: duplicate username "JDoe" in the same directory (usernames are case-insensitive)',
      'users[2].directoryId: no directory with id "7" in directories',
      'groups[0].directoryId: no directory with id "9" in directories',
    ]);
  });

  it('says which field has the wrong type or value', () => {
    const r = parseInstanceSnapshot({ ...snap, capturedAt: 'yesterday', directories: [{ ...snap.directories[0], type: 'ad' }], license: [{ application: 'jira-software', seats: -1, used: 0 }] });
    const errors = r.ok ? [] : r.errors;
    expect(errors.some((e) => e.startsWith('capturedAt: '))).toBe(true);
    expect(errors.some((e) => e.startsWith('directories[0].type: '))).toBe(true);
    expect(errors.some((e) => e.startsWith('license[0].seats: '))).toBe(true);
  });

  it('allows an unknown directory for a user (REST sources do not expose it)', () => {
    expect(parseInstanceSnapshot({ ...snap, users: [{ username: 'jdoe', directoryId: null }] }).ok).toBe(true);
  });

  it('records what a source does not know as unknown: directory type, permissions, position, a group\'s directory', () => {
    const r = parseInstanceSnapshot({
      ...snap,
      directories: [
        { id: 'Staff', name: 'Staff', type: 'unknown', active: true },
        { id: 2, name: 'Internal', type: 'internal', active: true, canCreateUsers: null, canCreateGroups: true, position: null },
      ],
      users: [{ username: 'jdoe', directoryId: 'Staff' }],
      groups: [{ name: 'staff' }, { name: 'devs', directoryId: null }, { name: 'ops', directoryId: 2 }],
    });
    expect(r.ok ? [] : r.errors).toEqual([]);
    if (!r.ok) return;
    expect(r.value.directories[0]).toEqual({ id: 'Staff', name: 'Staff', type: 'unknown', active: true, canCreateUsers: null, canCreateGroups: null, readOnly: false, position: null });
    expect(r.value.directories[1]).toMatchObject({ canCreateUsers: null, canCreateGroups: true, position: null });
    expect(r.value.groups).toEqual([{ name: 'staff', directoryId: null }, { name: 'devs', directoryId: null }, { name: 'ops', directoryId: '2' }]);
    expect(r.value.source.directoriesIncluded).toBe('all');
  });
});
