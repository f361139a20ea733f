import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compileAwsMappings, evaluateAwsSource, factsForAwsUser, parseAwsMappings, parseAwsUsers, type AwsIdentityStoreUser } from '../../../src-main/core/jit/aws-users.js';
import { runEngine, snapshotIndexFor } from '../../../src-main/core/jit/simulate-login.js';
import { simulateUserBase } from '../../../src-main/core/jit/simulate-user-base.js';
import { compileAwsMappings as compile } from '../../../src-main/core/jit/aws-users.js';
import { csvCell } from '../../../src-main/core/report/csv-cell.js';
import { EXAMPLES, loadExample } from './helpers.js';

function exampleUsers(): AwsIdentityStoreUser[] {
  const r = parseAwsUsers(JSON.parse(readFileSync(resolve(EXAMPLES, 'aws-users.json'), 'utf8')));
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.value;
}
function exampleMappings(): Record<string, string> {
  const r = parseAwsMappings(JSON.parse(readFileSync(resolve(EXAMPLES, 'aws-mappings.json'), 'utf8')));
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.value;
}

const jane: AwsIdentityStoreUser = {
  UserName: 'jdoe',
  UserId: 'u-1',
  Name: { GivenName: 'Jane', FamilyName: 'Doe' },
  Emails: [{ Value: 'other@example.com' }, { Value: 'jane.doe@example.com', Primary: true }],
};

describe('AWS attribute mappings', () => {
  it('evaluates ${user:…} variables from a list-users record', () => {
    expect(evaluateAwsSource('${user:email}', jane)).toBe('jane.doe@example.com');
    expect(evaluateAwsSource('${user:givenName} ${user:familyName}', jane)).toBe('Jane Doe');
    expect(evaluateAwsSource('${user:name}', jane)).toBe('Jane Doe');
    expect(evaluateAwsSource('${user:preferredUsername}', jane)).toBe('jdoe');
    expect(evaluateAwsSource('${user:AD_GUID}', jane)).toBe('u-1');
    expect(evaluateAwsSource('static-value', jane)).toBe('static-value');
    expect(evaluateAwsSource('${user:middleName}', jane)).toBeUndefined();
    // AWS sends an unknown variable unresolved.
    expect(evaluateAwsSource('${user:department}', jane)).toBe('${user:department}');
  });

  it('builds the NameID from Subject and notes what it assumed', () => {
    const compiled = compileAwsMappings({ Subject: '${user:email}', email: '${user:email}', groups: '${user:groups}', dept: '${user:department}' });
    const facts = factsForAwsUser(jane, compiled);
    expect(facts.nameId).toBe('jane.doe@example.com');
    expect(facts.attributes.get('email')).toEqual(['jane.doe@example.com']);
    expect(facts.attributes.get('groups')).toEqual([]);
    expect(compiled.notes.join(' ')).toContain('${user:groups} sends group IDs');
    expect(compiled.notes.join(' ')).toContain('${user:department} is not an IAM Identity Center attribute');
    expect(compileAwsMappings({}).notes[0]).toContain('no "Subject" entry');
  });

  it('reports invalid users and mappings files with key paths', () => {
    expect(parseAwsUsers({ Users: [{ UserName: 'x' }] })).toEqual({ ok: false, errors: [expect.stringMatching(/^Users\[0\]\.UserId: /)] });
    expect(parseAwsUsers([jane]).ok).toBe(true);
    expect(parseAwsMappings({ Subject: 5 }).ok).toBe(false);
    expect(parseAwsMappings({ Subject: { value: '${user:email}', format: 'emailAddress' } })).toEqual({ ok: true, value: { Subject: '${user:email}' } });
  });
});

describe('simulateUserBase on the Jira example', () => {
  it('predicts every user and summarises', async () => {
    const { profile, snapshot } = await loadExample('jira-atlassian-sso');
    const result = simulateUserBase(exampleUsers(), exampleMappings(), profile, snapshot);
    const s = result.summary;
    expect(s.total).toBe(7);
    expect(s.created + s.updated + s.unchanged + s.failing).toBe(7);
    // Only the LDAP user keeps access: group sync replaces every internal user's groups with IDs.
    expect(s.canLogIn).toBe(1);
    expect(result.rows.find((r) => r.awsUserName === 'bsmith')).toMatchObject({ canLogIn: true, outcome: 'unchanged', findingIds: ['jit.remote-directory-user'] });
    expect(result.rows.find((r) => r.awsUserName === 'jdoe')).toMatchObject({ losingGroups: true, groupsRemoved: ['jira-software-users', 'developers', 'project-alpha'] });
    expect(s.losingGroups).toBe(4);
    expect(s.findingCounts['jit.no-application-access']).toBe(6);
    expect(s.failureReasons[0]).toEqual({ reason: 'Received SSO request for user …, but the user is not permitted to log in', count: 6 });
  });

  it.each(['jira-atlassian-sso', 'confluence-resolution', 'bitbucket-atlassian-sso', 'bamboo-resolution'] as const)(
    'bulk rows (%s) match a full simulation of each user',
    async (name) => {
      const { profile, snapshot } = await loadExample(name);
      const users = exampleUsers();
      const mappings = exampleMappings();
      const result = simulateUserBase(users, mappings, profile, snapshot);
      const compiled = compile(mappings);
      users.forEach((u, i) => {
        const full = runEngine(factsForAwsUser(u, compiled), profile, snapshotIndexFor(snapshot));
        const row = result.rows[i];
        expect(row).toMatchObject({ outcome: full.outcome, canLogIn: full.canLogIn, reason: full.reason, username: full.username });
        expect(row?.findingIds).toEqual([...new Set(full.findings.map((f) => f.id))]);
        expect(full.findingIds).toEqual(full.findings.map((f) => f.id));
      });
    },
  );

  it('flags two AWS users landing on one Atlassian account', async () => {
    const { profile, snapshot } = await loadExample('jira-atlassian-sso');
    const result = simulateUserBase(exampleUsers(), exampleMappings(), profile, snapshot);
    const max = result.rows.find((r) => r.awsUserName === 'max.keller');
    const mia = result.rows.find((r) => r.awsUserName === 'mkeller');
    expect(max).toMatchObject({ matchedUser: 'mkeller', colliding: true, collidesWith: ['mkeller'] });
    expect(mia).toMatchObject({ matchedUser: 'mkeller', colliding: true, collidesWith: ['max.keller'] });
    expect(result.summary.colliding).toBe(2);
  });

  it('names at most ten others when a whole base lands on one account, and stays linear doing so', async () => {
    const { profile, snapshot } = await loadExample('confluence-resolution');
    // A NameID mapping that sends the same value for everyone (the family name): every login lands on one new account.
    const users: AwsIdentityStoreUser[] = Array.from({ length: 40_000 }, (_, i) => ({ UserName: `user${i}`, UserId: `u-${i}`, Emails: [{ Value: `u${i}@example.com`, Primary: true }], Name: { Formatted: `U ${i}`, FamilyName: 'Same' } }));
    const started = performance.now();
    const result = simulateUserBase(users, { Subject: '${user:familyName}', displayName: '${user:name}', email: '${user:email}' }, profile, snapshot);
    // Naming all 39,999 others for each user (1.6 billion steps) took minutes; ten each is instant.
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(result.summary.colliding).toBe(40_000);
    expect(result.rows[0]?.collidesWith).toEqual(['user1', 'user2', 'user3', 'user4', 'user5', 'user6', 'user7', 'user8', 'user9', 'user10']);
    expect(result.rows[5]?.collidesWith).toEqual(['user0', 'user1', 'user2', 'user3', 'user4', 'user6', 'user7', 'user8', 'user9', 'user10']);
  }, 30_000);

  it('counts seats new users need against the licence', async () => {
    const { profile, snapshot } = await loadExample('confluence-resolution');
    const users: AwsIdentityStoreUser[] = ['a', 'b', 'c'].map((n) => ({ UserName: n, UserId: n, Emails: [{ Value: `${n}@example.com`, Primary: true }], Name: { Formatted: n.toUpperCase() } }));
    const result = simulateUserBase(users, { Subject: '${user:email}', displayName: '${user:name}', email: '${user:email}' }, profile, snapshot);
    expect(result.summary.created).toBe(3);
    expect(result.summary.licence).toEqual([{ application: 'confluence', seats: 100, used: 99, newUsers: 3, overBy: 2 }]);
  });
});

describe('CSV cells', () => {
  it('CSV quotes, and defuses spreadsheet formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

});
