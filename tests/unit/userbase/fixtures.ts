/** A small Jira instance and AWS directory for the user-base rules, built through the real schemas. */
import type { AwsIdentityStoreUser } from '../../../src-main/core/jit/aws-users.js';
import { parseInstanceSnapshot, type InstanceSnapshot, type InstanceSnapshotInput } from '../../../src-main/core/jit/snapshot-schema.js';
import { parseTargetProfile, type TargetProfile } from '../../../src-main/core/jit/target-profile-schema.js';
import type { UserBaseInputs } from '../../../src-main/core/userbase/predict.js';

export const G_JIRA = 'aaaaaaaaaa-11111111-1111-1111-1111-111111111111';
export const G_DEV = 'aaaaaaaaaa-22222222-2222-2222-2222-222222222222';
export const G_SUPPORT = 'aaaaaaaaaa-33333333-3333-3333-3333-333333333333';

export function snapshot(extraUsers: InstanceSnapshotInput['users'] = []): InstanceSnapshot {
  const parsed = parseInstanceSnapshot({
    product: 'jira',
    capturedAt: '2026-01-15T09:30:00Z',
    source: { kind: 'manual' },
    directories: [
      { id: 1, name: 'Jira Internal Directory', type: 'internal', active: true, canCreateUsers: true, canCreateGroups: true, position: 0 },
      { id: 2, name: 'Corporate LDAP', type: 'ldap', active: true, canCreateUsers: false, canCreateGroups: false, readOnly: true, position: 1 },
    ],
    users: [
      { username: 'jdoe', displayName: 'Jane Doe', email: 'jane@example.com', directoryId: 1, groups: ['jira-software-users', 'developers'], attributes: { jit_idp_id: 'jane@example.com' } },
      { username: 'old', displayName: 'Old Timer', email: 'old@example.com', directoryId: 1, groups: ['jira-software-users'], attributes: { jit_idp_id: 'old@example.com' } },
      { username: 'gone', displayName: 'Gone Person', email: 'gone@example.com', directoryId: 1, groups: ['jira-software-users'], attributes: { jit_idp_id: 'gone@example.com' } },
      { username: 'tagged', displayName: 'Tagged By Resolution', email: 'tagged@example.com', directoryId: 1, groups: ['jira-software-users'], provisionedBy: 'resolution-jit' },
      { username: 'retired', displayName: 'Retired', email: 'retired@example.com', directoryId: 1, active: false, groups: ['jira-software-users'], attributes: { jit_idp_id: 'retired@example.com' } },
      { username: 'ldapuser', displayName: 'LDAP User', email: 'ldap@example.com', directoryId: 2, groups: ['jira-software-users'] },
      { username: 'admin', displayName: 'Jira Admin', email: 'admin@example.com', directoryId: 1, groups: ['jira-administrators', 'jira-software-users'] },
      ...extraUsers,
    ],
    groups: [
      { name: 'jira-software-users', directoryId: 1 },
      { name: 'jira-administrators', directoryId: 1 },
      { name: 'developers', directoryId: 1 },
      { name: 'support', directoryId: 1 },
    ],
    applicationAccess: [{ application: 'jira-software', groups: ['jira-software-users', 'jira-administrators'] }],
    license: [{ application: 'jira-software', seats: 10, used: 7 }],
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.value;
}

export function atlassianSso(): TargetProfile {
  return profile({ engine: 'atlassian-sso', createUsers: true, usernameMapping: '${username}', displayNameMapping: '${displayName}', emailMapping: '${email}', groupsAttribute: 'groups' });
}

export function resolution(extra: Record<string, unknown> = {}): TargetProfile {
  return profile({ engine: 'resolution', userUpdateMethod: 'jit', userIdSource: 'username', fullNameAttribute: 'displayName', emailAttribute: 'email', defaultGroups: ['jira-software-users'], updateExistingUsers: true, ...extra });
}

function profile(provisioning: Record<string, unknown>): TargetProfile {
  const parsed = parseTargetProfile({ product: 'jira', sp: { entityId: 'https://jira.example.com', acsUrl: 'https://jira.example.com/plugins/servlet/samlconsumer' }, idp: { metadata: 'idp.xml' }, provisioning, instance: { snapshot: 'snapshot.json' } });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.value;
}

export function awsUser(userName: string, email: string, id = `id-${userName}`): AwsIdentityStoreUser {
  return { UserName: userName, UserId: id, DisplayName: userName, Name: { Formatted: userName }, Emails: [{ Value: email, Primary: true }] };
}

export const MAPPINGS = { Subject: '${user:email}', username: '${user:preferredUsername}', displayName: '${user:name}', email: '${user:email}', groups: '${user:groups}' };

/** jdoe (Jira Users, Developers, Support), pnew (new, Jira Users), old (not assigned), all assigned through "Jira Users" except old. */
export function inputs(p: TargetProfile, overrides: Partial<UserBaseInputs> = {}): UserBaseInputs {
  return {
    users: [awsUser('jdoe', 'jane@example.com'), awsUser('pnew', 'pnew@example.com'), awsUser('old', 'old@example.com')],
    groups: [
      { GroupId: G_JIRA, DisplayName: 'Jira Users' },
      { GroupId: G_DEV, DisplayName: 'Developers' },
      { GroupId: G_SUPPORT, DisplayName: 'Support' },
    ],
    memberships: [
      { GroupId: G_JIRA, MemberId: { UserId: 'id-jdoe' } },
      { GroupId: G_DEV, MemberId: { UserId: 'id-jdoe' } },
      { GroupId: G_SUPPORT, MemberId: { UserId: 'id-jdoe' } },
      { GroupId: G_JIRA, MemberId: { UserId: 'id-pnew' } },
      { GroupId: G_DEV, MemberId: { UserId: 'id-old' } },
    ],
    assignments: [{ PrincipalType: 'GROUP', PrincipalId: G_JIRA }],
    groupMapping: { 'Jira Users': ['jira-software-users'], Developers: ['developers'], Support: ['support'] },
    awsMappings: MAPPINGS,
    profile: p,
    snapshot: snapshot(),
    ...overrides,
  };
}
