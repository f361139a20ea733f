/**
 * resolution SAML SSO rules from its documentation that samlscope's first model missed. Each test names the
 * documented behaviour it encodes:
 * - group removal: memberships follow a sent group attribute, removals included; an absent attribute changes
 *   nothing (https://wiki.resolution.de/doc/saml-sso/latest/confluence/knowledgebase-articles/technical/jit-connector-group-removal-not-work-with-the-jit-connector);
 * - the user update methods with a UserSync connector and its active-state options
 *   (https://wiki.resolution.de/doc/saml-sso/latest/jira/user-and-group-synchronisation-user-sync/user-creation-and-update-with-usersync-connector),
 *   and "Find user by" a custom attribute
 *   (https://wiki.resolution.de/doc/saml-sso/latest/all/knowledgebase-articles/technical/configuring-the-user-update-method).
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSimulationText } from '../../../src-main/core/jit/render-simulation-text.js';
import { simulateLogin } from '../../../src-main/core/jit/simulate-login.js';
import { parseTargetProfile, type ResolutionSettings, type TargetProfile } from '../../../src-main/core/jit/target-profile-schema.js';
import type { InstanceSnapshot } from '../../../src-main/core/jit/snapshot-schema.js';
import { loadTargetProfile } from '../../../src-main/io/target-profile.js';
import { EXAMPLES, finding, ids, loadExample, makeMessage, type MessageSpec } from './helpers.js';

const person = (email: string, name: string, extra: Record<string, string[]> = {}): MessageSpec => ({ nameId: email, attributes: { displayName: [name], email: [email], ...extra } });

describe('resolution: memberships follow a sent group attribute, removals included', () => {
  it('the profile default removes groups the response does not list, and the simulation shows the removals', async () => {
    const { profile, snapshot } = await loadExample('bamboo-resolution');
    if (profile.provisioning.engine !== 'resolution') throw new Error('resolution profile expected');
    const { removeUnlistedGroups: _explicit, ...rest } = profile.provisioning;
    // The documented default, not the example's explicit value.
    const parsed = parseTargetProfile({ ...profile, provisioning: rest, idp: { metadata: 'x' }, instance: { snapshot: 'x' } });
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const settings = parsed.value.provisioning as ResolutionSettings;
    expect(settings.removeUnlistedGroups).toBe(true);
    const r = simulateLogin(makeMessage(person('jane.doe@example.com', 'Jane Doe', { groups: ['bamboo-users'] })), { ...profile, provisioning: settings }, snapshot);
    expect(r.groups.removed).toEqual(['release-managers']);
    expect(r.steps.find((s) => s.title === 'Groups')?.detail).toContain('removes release-managers');
    expect(finding(r.findings, 'jit.groups-removed').message).toContain('removals included');
    expect(renderSimulationText(r)).toContain('removed: release-managers');
  });

  it('an absent group attribute changes no membership', async () => {
    const { profile, snapshot } = await loadExample('bamboo-resolution');
    const r = simulateLogin(makeMessage(person('jane.doe@example.com', 'Jane Doe')), profile, snapshot);
    expect(r.groups.removed).toEqual([]);
    expect(r.user.after?.groups).toEqual(['bamboo-users', 'release-managers']);
  });

  it('the example profiles state the removal setting explicitly', async () => {
    for (const name of ['bamboo-resolution', 'confluence-resolution'] as const) {
      const { profile } = await loadExample(name);
      expect(profile.provisioning).toMatchObject({ removeUnlistedGroups: true });
    }
  });
});

async function usersync(settings: Partial<ResolutionSettings> = {}, edit?: (s: InstanceSnapshot) => void): Promise<{ profile: TargetProfile; snapshot: InstanceSnapshot }> {
  const loaded = await loadTargetProfile(resolve(EXAMPLES, 'jira-usersync-resolution', 'profile.yaml'));
  if (!loaded.snapshot) throw new Error('no snapshot');
  const profile = structuredClone(loaded.profile);
  const snapshot = structuredClone(loaded.snapshot);
  Object.assign(profile.provisioning, settings);
  edit?.(snapshot);
  return { profile, snapshot };
}

const JDOE_ID = '93670a8e2c-11111111-2222-4333-8444-555555555555';
const ALICE_ID = '93670a8e2c-66666666-7777-4888-9999-aaaaaaaaaaaa';
const login = (userId: string, email: string, name: string, extra: Record<string, string[]> = {}): MessageSpec => ({ nameId: email, attributes: { userId: [userId], displayName: [name], email: [email], ...extra } });

describe('resolution: UserSync connector on the login path and lookup by a custom attribute', () => {
  it('the example profile parses: usersync-and-saml, custom-attribute lookup, connector options', async () => {
    const { profile } = await usersync();
    expect(profile.provisioning).toMatchObject({ engine: 'resolution', userUpdateMethod: 'usersync-and-saml', lookupBy: 'custom-attribute', lookupAttribute: 'awsUserId', userSync: { reactivateInactiveUsers: true } });
  });

  it('a custom-attribute lookup needs the attribute name, and a UserSync method needs the connector', () => {
    const base = { engine: 'resolution', userUpdateMethod: 'jit', lookupBy: 'custom-attribute' };
    const profile = (provisioning: object) => ({ product: 'jira', sp: { entityId: 'a', acsUrl: 'b' }, idp: { metadata: 'm' }, instance: { snapshot: 's' }, provisioning });
    const noAttribute = parseTargetProfile(profile(base));
    expect(noAttribute.ok).toBe(false);
    if (!noAttribute.ok) expect(noAttribute.errors.join(' ')).toContain('lookupAttribute');
    const noConnector = parseTargetProfile(profile({ engine: 'resolution', userUpdateMethod: 'usersync' }));
    expect(noConnector.ok).toBe(false);
    if (!noConnector.ok) expect(noConnector.errors.join(' ')).toContain('userSync');
  });

  it('finds the user by the custom attribute and applies the SAML attributes after the connector', async () => {
    const { profile, snapshot } = await usersync();
    const r = simulateLogin(makeMessage(login(JDOE_ID, 'jane.doe@example.com', 'Jane Q. Doe')), profile, snapshot);
    expect(r).toMatchObject({ outcome: 'update', canLogIn: true, username: 'jdoe' });
    expect(r.user.after?.displayName).toBe('Jane Q. Doe');
    const find = r.steps.find((s) => s.title === 'Find user');
    expect(find?.detail).toContain('user attribute "awsUserId"');
    expect(find?.inferred).toBe(true);
    expect(r.steps.find((s) => s.title === 'UserSync connector')).toMatchObject({ inferred: true });
  });

  it('"Reactivate inactive users during login" reactivates a deactivated account', async () => {
    const { profile, snapshot } = await usersync();
    const r = simulateLogin(makeMessage(login(ALICE_ID, 'alice@example.com', 'Alice')), profile, snapshot);
    expect(r.user.before?.active).toBe(false);
    expect(r.user.after?.active).toBe(true);
    expect(r.canLogIn).toBe(true);
    expect(r.steps.find((s) => s.title === 'Active state')).toMatchObject({ outcome: 'change' });
  });

  it('without reactivation or active-state sync a deactivated account stays deactivated and is refused', async () => {
    const { profile, snapshot } = await usersync({ userSync: { connector: 'AWS Identity Store', setActiveState: false, reactivateInactiveUsers: false, alwaysAssignGroups: ['jira-software-users'] } });
    const r = simulateLogin(makeMessage(login(ALICE_ID, 'alice@example.com', 'Alice')), profile, snapshot);
    expect(r.canLogIn).toBe(false);
    expect(ids(r.findings)).toContain('jit.no-application-access');
  });

  it('"Allow connector to set the user\'s active state" alone: the source decides (inferred)', async () => {
    const { profile, snapshot } = await usersync({ userSync: { connector: 'AWS Identity Store', setActiveState: true, reactivateInactiveUsers: false, alwaysAssignGroups: [] } });
    const r = simulateLogin(makeMessage(login(ALICE_ID, 'alice@example.com', 'Alice')), profile, snapshot);
    expect(r.steps.find((s) => s.title === 'Active state')).toMatchObject({ outcome: 'change', inferred: true });
  });

  it('an unknown user is created by the connector with the "Always Assign" groups (inferred)', async () => {
    const { profile, snapshot } = await usersync();
    const r = simulateLogin(makeMessage(login('93670a8e2c-00000000-0000-4000-8000-000000000000', 'new.person@example.com', 'New Person')), profile, snapshot);
    expect(r.outcome).toBe('create');
    expect(r.user.after?.groups).toEqual(['jira-software-users']);
    expect(r.steps.find((s) => s.title === 'Create user')).toMatchObject({ inferred: true });
  });

  it('"Update with UserSync-Connector" alone does not apply the SAML attributes', async () => {
    const { profile, snapshot } = await usersync({ userUpdateMethod: 'usersync' });
    const r = simulateLogin(makeMessage(login(JDOE_ID, 'jane.doe@example.com', 'Jane Q. Doe')), profile, snapshot);
    expect(r.user.after?.displayName).toBe('Jane Doe');
  });
});
