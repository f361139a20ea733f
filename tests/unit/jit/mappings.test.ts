/** SimulationResult.mappings: what each mapping reads, what it evaluated to, and what the response lacks. */
import { describe, expect, it } from 'vitest';
import { runEngine, simulateLogin, snapshotIndexFor } from '../../../src-main/core/jit/simulate-login.js';
import { factsFromMessage } from '../../../src-main/core/jit/login-facts.js';
import type { AtlassianSsoSettings, ResolutionSettings } from '../../../src-main/core/jit/target-profile-schema.js';
import { GROUP_ID_A, jiraAttributes, loadExample, makeMessage, type MessageSpec } from './helpers.js';

async function jira(spec: MessageSpec, settings: Partial<AtlassianSsoSettings> = {}) {
  const { profile, snapshot } = await loadExample('jira-atlassian-sso');
  Object.assign(profile.provisioning, settings);
  return simulateLogin(makeMessage(spec), profile, snapshot);
}

async function confluence(spec: MessageSpec, settings: Partial<ResolutionSettings> = {}) {
  const { profile, snapshot } = await loadExample('confluence-resolution');
  Object.assign(profile.provisioning, settings);
  return simulateLogin(makeMessage(spec), profile, snapshot);
}

describe('atlassian-sso mappings', () => {
  it('lists each mapping with the attributes it reads and its value', async () => {
    const r = await jira({ attributes: jiraAttributes({ groups: [GROUP_ID_A] }) });
    expect(r.mappings).toEqual([
      { field: 'username', expression: '${username}', attributes: ['username'], value: 'jdoe' },
      { field: 'displayName', expression: '${displayName}', attributes: ['displayName'], value: 'Jane Doe' },
      { field: 'email', expression: '${email}', attributes: ['email'], value: 'jane.doe@example.com' },
      { field: 'groups', expression: 'groups', attributes: ['groups'], value: [GROUP_ID_A] },
    ]);
  });

  it('names what the response lacks, in the product\'s words, and has no value then', async () => {
    const r = await jira({ attributes: jiraAttributes({ email: undefined, groups: undefined }) });
    expect(r.mappings.find((m) => m.field === 'email')).toEqual({ field: 'email', expression: '${email}', attributes: ['email'], missing: ['email'], problem: 'Attribute [email] could not be found' });
    expect(r.mappings.find((m) => m.field === 'groups')).toMatchObject({ expression: 'groups', missing: ['groups'] });
    expect(r.mappings.find((m) => m.field === 'groups')).not.toHaveProperty('value');
  });

  it('the NameID is flagged, not listed as an attribute; literal text and several variables are evaluated together', async () => {
    const r = await jira({ nameId: 'jane.doe@example.com', attributes: jiraAttributes({ groups: ['jira-software-users'] }) }, { usernameMapping: '${NameID}', displayNameMapping: '${givenName} ${sn}' });
    expect(r.mappings[0]).toEqual({ field: 'username', expression: '${NameID}', attributes: [], readsNameId: true, value: 'jane.doe@example.com' });
    expect(r.mappings[1]).toEqual({ field: 'displayName', expression: '${givenName} ${sn}', attributes: ['givenName', 'sn'], missing: ['givenName', 'sn'], problem: 'Attribute [givenName] could not be found' });
  });

  it('a mapping that is not configured says so', async () => {
    const r = await jira({ attributes: jiraAttributes() }, { displayNameMapping: undefined });
    expect(r.mappings.find((m) => m.field === 'displayName')).toEqual({ field: 'displayName', expression: '', attributes: [], problem: 'Configuration for display name for SAML is not set' });
  });

  it('bulk runs record none (they keep only ids)', async () => {
    const { profile, snapshot } = await loadExample('jira-atlassian-sso');
    const facts = factsFromMessage(makeMessage({ attributes: jiraAttributes() }));
    expect(runEngine(facts, profile, snapshotIndexFor(snapshot), { collectSteps: false, collectFindings: false }).mappings).toEqual([]);
  });
});

describe('resolution mappings', () => {
  it('the user id from the NameID, with the value after transformation, and the attributes by name', async () => {
    const r = await confluence({ nameId: 'jane.doe@example.com', attributes: { displayName: ['Jane Doe'], email: ['jane.doe@example.com'] } });
    expect(r.mappings).toEqual([
      { field: 'userId', expression: 'NameID', attributes: [], readsNameId: true, value: 'jane.doe@example.com', transformed: 'jane.doe' },
      { field: 'email', expression: 'email', attributes: ['email'], value: 'jane.doe@example.com' },
      { field: 'displayName', expression: 'displayName', attributes: ['displayName'], value: 'Jane Doe' },
    ]);
  });

  it('groups with transformations, and a user id attribute the response lacks', async () => {
    const groups = await confluence(
      { nameId: 'jane.doe@example.com', attributes: { displayName: ['Jane Doe'], email: ['jane.doe@example.com'], memberOf: ['aws-team-alpha', 'other'] } },
      { groupsAttribute: 'memberOf', groupTransforms: [{ pattern: '^aws-(.*)$', replacement: '$1' }], skipUntransformedGroups: true },
    );
    expect(groups.mappings.find((m) => m.field === 'groups')).toEqual({ field: 'groups', expression: 'memberOf', attributes: ['memberOf'], value: ['aws-team-alpha', 'other'], transformed: ['team-alpha'] });
    const noId = await confluence({ nameId: 'x', attributes: {} }, { userIdSource: 'uid' });
    expect(noId.mappings).toEqual([{ field: 'userId', expression: 'uid', attributes: ['uid'], missing: ['uid'], problem: 'The response has no "uid" attribute' }]);
  });
});
