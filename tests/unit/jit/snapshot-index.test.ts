import { describe, expect, it } from 'vitest';
import { applicationsFor, applicationsGrantedBy, groupHasActiveMember, groupKeyExistsInAnyOf, indexSnapshot, resolveUsername, resolveUsernameOf } from '../../../src-main/core/jit/snapshot-index.js';
import { parseInstanceSnapshot, type InstanceSnapshotInput } from '../../../src-main/core/jit/snapshot-schema.js';

/** A snapshot of these directories and users through the real schema, indexed (no groups or access unless given). */
function indexOf(parts: Pick<InstanceSnapshotInput, 'product' | 'directories' | 'users'> & Partial<InstanceSnapshotInput>) {
  const parsed = parseInstanceSnapshot({ capturedAt: '2026-01-15T09:30:00Z', source: { kind: 'manual' }, groups: [], applicationAccess: [], ...parts });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return indexSnapshot(parsed.value);
}

function index(accessGroups: string[], groups: Array<{ name: string; directoryId?: number }> = []) {
  return indexOf({
    product: 'jira',
    directories: [{ id: 1, name: 'Jira Internal Directory', type: 'internal', active: true, canCreateUsers: true, canCreateGroups: true, position: 0 }],
    users: [{ username: 'jdoe', displayName: 'Jane Doe', directoryId: 1, groups: ['developers'] }],
    groups: [...accessGroups.map((name) => ({ name, directoryId: 1 })), ...groups],
    applicationAccess: [{ application: 'jira-software', groups: accessGroups }],
  });
}

describe('snapshot index lookups', () => {
  it('finds the applications of a group in any case, and none for other names, whatever their length', () => {
    const ix = index(['jira-software-users', 'İT-Admins', 'straße']);
    expect(applicationsGrantedBy(ix, 'JIRA-Software-Users')).toEqual(['jira-software']);
    expect(applicationsGrantedBy(ix, 'jira-software-user')).toBeUndefined();
    // U+0130 lower-cases to two code units: the length check alone would turn it away.
    expect(applicationsGrantedBy(ix, 'İT-ADMINS')).toEqual(['jira-software']);
    expect(applicationsGrantedBy(ix, 'i̇t-admins')).toEqual(['jira-software']);
    expect(applicationsGrantedBy(ix, 'STRASSE')).toBeUndefined();
    expect(applicationsGrantedBy(ix, 'Straße')).toEqual(['jira-software']);
    expect(applicationsGrantedBy(ix, '9067a1b2c3-00000001-1a2b-4c3d-8e9f-0a1b2c3d4e5f')).toBeUndefined();
    expect(applicationsFor(ix, ['developers', 'Jira-Software-Users', 'jira-software-users'])).toEqual(['jira-software']);
  });

  it('answers every group the same as a plain lookup of its lower case', () => {
    const access = Array.from({ length: 40 }, (_, i) => `g${'x'.repeat(i)}`);
    const ix = index(access);
    for (let n = 0; n < 80; n += 1) {
      const name = `G${'X'.repeat(n)}`;
      expect(applicationsGrantedBy(ix, name)).toEqual(ix.applicationsByGroup.get(name.toLowerCase()));
    }
  });

  it('checks a folded group name against the directories that hold it', () => {
    const ix = index(['jira-software-users'], [{ name: 'Floating' }]);
    expect(groupKeyExistsInAnyOf(ix, 'jira-software-users', ['1'])).toBe(true);
    expect(groupKeyExistsInAnyOf(ix, 'jira-software-users', ['2'])).toBe(false);
    // A group without a recorded directory may be in any of them.
    expect(groupKeyExistsInAnyOf(ix, 'floating', ['2'])).toBe(true);
    expect(groupKeyExistsInAnyOf(ix, 'developers', [undefined])).toBe(true);
    expect(groupKeyExistsInAnyOf(ix, 'nobody', [undefined, '1'])).toBe(false);
  });

  it('knows which groups have an active member, not counting inactive users or inactive directories', () => {
    const ix = indexOf({
      product: 'confluence',
      directories: [
        { id: 1, name: 'Confluence Internal Directory', type: 'internal', active: true, position: 0 },
        { id: 2, name: 'Old LDAP', type: 'ldap', active: false, position: 1 },
      ],
      users: [
        { username: 'admin', displayName: 'Admin', directoryId: 1, groups: ['Confluence-Administrators'] },
        { username: 'gone', displayName: 'Gone', directoryId: 1, active: false, groups: ['retired'] },
        { username: 'hidden', displayName: 'Hidden', directoryId: 2, groups: ['ldap-only'] },
      ],
    });
    expect(groupHasActiveMember(ix, 'confluence-administrators')).toBe(true);
    expect(groupHasActiveMember(ix, 'CONFLUENCE-ADMINISTRATORS')).toBe(true);
    expect(groupHasActiveMember(ix, 'retired')).toBe(false);
    expect(groupHasActiveMember(ix, 'ldap-only')).toBe(false);
  });

  it('resolves a found account\'s own name as a lookup would, also when an earlier directory shadows it', () => {
    const ix = indexOf({
      product: 'jira',
      directories: [
        { id: 2, name: 'Corporate LDAP', type: 'ldap', active: true, position: 0 },
        { id: 1, name: 'Jira Internal Directory', type: 'internal', active: true, position: 1 },
      ],
      users: [
        { username: 'jdoe', displayName: 'Jane', directoryId: 1, groups: [] },
        { username: 'JDoe', displayName: 'Jane (LDAP)', directoryId: 2, groups: [] },
        { username: 'solo', displayName: 'Solo', directoryId: 1, groups: [] },
      ],
    });
    const [ldap, internal] = ix.byLowerName.get('jdoe') ?? [];
    expect(ldap?.user.username).toBe('JDoe');
    expect(internal?.shadowedBy).toBe(ldap);
    const solo = ix.byLowerName.get('solo')?.[0];
    for (const [name, known] of [['jdoe', internal], ['JDoe', internal], ['jdoe', ldap], ['JDoe', ldap], ['solo', solo], ['SOLO', solo], ['other', solo], ['jdoe', undefined]] as const) {
      expect(resolveUsernameOf(ix, name, known), `${name} from ${known?.user.username}`).toBe(resolveUsername(ix, name));
    }
  });
});
