/** Users and instance facts the fake products serve; shaped after what an AWS-fed instance holds. */
import type { FakeData, FakeUser } from './fake-instance.js';

export const TOKEN = 'test-pat-7f3a9c1e-never-in-output';
export const APP_PASSWORD = 'crowd-app-secret-never-in-output';

const core: FakeUser[] = [
  { username: 'alice', key: 'JIRAUSER10100', displayName: 'Alice Adams', email: 'alice@example.com', groups: ['jira-software-users', 'developers', 'confluence-users'], attributes: { jit_idp_id: ['alice@example.com'] } },
  { username: 'alice2', displayName: 'Alice Second', email: 'alice.two@example.com', groups: ['confluence-users'] },
  { username: 'bob', displayName: 'Bob Brown', email: 'bob@example.com', active: false, groups: ['jira-software-users'], directoryName: 'Corporate LDAP', mutableDetails: false, mutableGroups: false },
  { username: 'carol', displayName: 'Carol Clark', email: 'carol@example.com', groups: ['jira-servicedesk-users'] },
  { username: 'dave', displayName: 'Dave Doe', email: 'dave@example.com', groups: ['jira-software-users', 'stash-users'] },
  // Two accounts share one e-mail address (Jira does not enforce uniqueness).
  { username: 'pat1', displayName: 'Pat One', email: 'pat@example.com', groups: ['developers'] },
  { username: 'pat2', displayName: 'Pat Two', email: 'pat@example.com', groups: [] },
];

// 105 users whose e-mail contains "pat@example.com" as a substring: a search for it spans two pages of 100.
const lookalikes: FakeUser[] = Array.from({ length: 105 }, (_, i) => ({
  username: `look${String(i).padStart(3, '0')}`,
  displayName: `Look Alike ${i}`,
  email: `x${i}pat@example.com`,
  groups: [],
}));

export const USERS: FakeUser[] = [...core, ...lookalikes];

export const DATA: FakeData = {
  users: USERS,
  applicationRoles: [
    { key: 'jira-software', name: 'Jira Software', groups: ['jira-software-users', 'jira-administrators'], defaultGroups: ['jira-software-users'], numberOfSeats: 100, remainingSeats: 58, userCount: 42, hasUnlimitedSeats: false },
    { key: 'jira-servicedesk', name: 'Jira Service Management', groups: ['jira-servicedesk-users'], numberOfSeats: -1, remainingSeats: -1, userCount: 3, hasUnlimitedSeats: true },
  ],
  confluenceLicense: { maxUsers: 500, userCount: 123 },
  bitbucketPermissions: [
    { group: 'stash-users', permission: 'LICENSED_USER' },
    { group: 'developers', permission: 'PROJECT_CREATE' },
    { group: 'bitbucket-admins', permission: 'SYS_ADMIN' },
  ],
  bitbucketLicense: { maximumNumberOfUsers: 50, unlimitedNumberOfUsers: false, currentNumberOfUsers: 10 },
};
