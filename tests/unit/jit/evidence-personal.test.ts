/**
 * Evidence `personal` flags in jit.* findings: reports and presentation mode redact exactly what is flagged.
 * Usernames, e-mail addresses and display names are personal; group names (and AWS group IDs) are not.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src-main/core/model/finding.js';
import { simulateLogin } from '../../../src-main/core/jit/simulate-login.js';
import { finding, GROUP_ID_A, jiraAttributes, loadExample, makeMessage } from './helpers.js';

const GROUPS = ['jira-software-users', 'developers', 'project-alpha', GROUP_ID_A];

function personalValues(findings: readonly Finding[]): string[] {
  return findings.flatMap((f) => f.evidence.filter((e) => e.personal).flatMap((e) => [e.value ?? '', e.expected ?? '']));
}

describe('personal flags on JIT evidence', () => {
  it('group lists are not personal; the user they belong to is', async () => {
    const { profile, snapshot } = await loadExample('jira-atlassian-sso');
    const r = simulateLogin(makeMessage({ attributes: jiraAttributes({ groups: [GROUP_ID_A] }) }), profile, snapshot);
    const removed = finding(r.findings, 'jit.groups-removed');
    expect(removed.evidence).toEqual([
      { location: 'simulated user', value: 'jdoe', personal: true },
      { location: 'snapshot: groups the login removes', value: 'jira-software-users, developers, project-alpha' },
      { location: '/Response/Assertion/AttributeStatement/Attribute[@Name="groups"]', value: GROUP_ID_A },
    ]);
    const access = finding(r.findings, 'jit.no-application-access');
    expect(access.evidence.find((e) => e.location === 'simulated user groups after login')).toEqual({ location: 'simulated user groups after login', value: GROUP_ID_A });
    expect(access.evidence.find((e) => e.personal)?.value).toBe('jdoe');
    // No personal evidence value names a group.
    for (const v of personalValues(r.findings)) for (const g of GROUPS) expect(v).not.toContain(g);
  });

  it('group evidence from an unsigned response is marked unverified, still not personal', async () => {
    const { profile, snapshot } = await loadExample('jira-atlassian-sso');
    const r = simulateLogin(makeMessage({ signature: 'unsigned', attributes: jiraAttributes({ groups: [GROUP_ID_A] }) }), profile, snapshot);
    const sent = finding(r.findings, 'jit.groups-removed').evidence.find((e) => e.value === GROUP_ID_A);
    expect(sent).toMatchObject({ unverified: true });
    expect(sent?.personal).toBeUndefined();
  });

  it('a deactivated user: the username is personal, the flag "false" is not (it would be redacted everywhere)', async () => {
    const { profile, snapshot } = await loadExample('jira-atlassian-sso');
    const r = simulateLogin(makeMessage({ nameId: 'alice.old@example.com', attributes: jiraAttributes({ username: ['alice'], groups: ['jira-software-users'] }) }), profile, snapshot);
    expect(finding(r.findings, 'jit.no-application-access').evidence).toEqual([
      { location: 'snapshot: user', value: 'alice', personal: true },
      { location: 'snapshot: user active', value: 'false' },
    ]);
  });

  it('a remote-directory user: the username is personal, the directory is not', async () => {
    const { profile, snapshot } = await loadExample('jira-atlassian-sso');
    const r = simulateLogin(makeMessage({ nameId: 'bob.smith@example.com', attributes: jiraAttributes({ username: ['bsmith'], displayName: ['Robert Smith'], email: ['bob.smith@example.com'], groups: [] }) }), profile, snapshot);
    expect(finding(r.findings, 'jit.remote-directory-user').evidence).toEqual([
      { location: 'snapshot: user', value: 'bsmith', personal: true },
      { location: 'snapshot: user directory', value: 'Corporate LDAP (ldap)' },
    ]);
  });
});
