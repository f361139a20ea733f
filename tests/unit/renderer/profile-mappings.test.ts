import { describe, expect, it } from 'vitest';
import { simulateLogin } from '../../../src-main/core/jit/simulate-login.js';
import { mappingNeeds } from '../../../src-renderer/lib/profile-mappings.js';
import { jiraAttributes, loadExample, makeMessage } from '../jit/helpers.js';

describe('attribute table: what the target needs, from the simulation’s mappings', () => {
  it('lists what each evaluated mapping reads, with the NameID where a mapping reads it', async () => {
    const { profile, snapshot } = await loadExample('jira-atlassian-sso');
    Object.assign(profile.provisioning, { usernameMapping: '${NameID}' });
    const sim = await simulateLogin(makeMessage({ nameId: 'jane.doe@example.com', attributes: jiraAttributes() }), profile, snapshot);
    const needs = mappingNeeds(sim);
    expect(needs).toContainEqual({ field: 'Username', expression: '${NameID}', attribute: 'NameID', missing: false });
    expect(needs).toContainEqual({ field: 'E-mail', expression: '${email}', attribute: 'email', missing: false });
    expect(needs).toContainEqual({ field: 'Groups', expression: 'groups', attribute: 'groups', missing: false });
  });

  it('marks what the engine found missing from the response', async () => {
    const { profile, snapshot } = await loadExample('confluence-resolution');
    const sim = await simulateLogin(makeMessage({ attributes: jiraAttributes({ email: undefined }) }), profile, snapshot);
    const missing = mappingNeeds(sim).filter((n) => n.missing).map((n) => n.attribute);
    expect(missing).toEqual(sim.mappings.flatMap((m) => m.missing ?? []));
    expect(missing.length).toBeGreaterThan(0);
  });

  it('is empty without a simulation', () => {
    expect(mappingNeeds(undefined)).toEqual([]);
  });
});
