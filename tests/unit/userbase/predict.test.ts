import { describe, expect, it } from 'vitest';
import { predictUserBase } from '../../../src-main/core/userbase/predict.js';
import { planRows, renderGroupPlanCsv } from '../../../src-main/core/userbase/group-plan.js';
import { renderPredictionJson, renderPredictionText } from '../../../src-main/core/userbase/render.js';
import type { UserBasePrediction, UserBaseUser } from '../../../src-main/core/model/userbase.js';
import { atlassianSso, awsUser, G_JIRA, inputs, resolution, snapshot } from './fixtures.js';

function predict(...args: Parameters<typeof inputs>): UserBasePrediction {
  const p = predictUserBase(inputs(...args));
  if (!p) throw new Error('stopped');
  return p;
}
function user(p: UserBasePrediction, name: string): UserBaseUser {
  const u = p.users.find((x) => x.awsUserName === name);
  if (!u) throw new Error(`no ${name}`);
  return u;
}

describe('missing group claims', () => {
  it('atlassian-sso: groups held locally are stripped by the next login (will lose); a group never held is never got', () => {
    const jdoe = user(predict(atlassianSso()), 'jdoe');
    expect(jdoe.expectedGroups).toEqual(['jira-software-users', 'developers', 'support']);
    expect(jdoe.missingClaims.willLose).toEqual(['jira-software-users', 'developers']);
    expect(jdoe.missingClaims.neverGets).toEqual(['support']);
    expect(jdoe.missingClaims.hasLocally).toEqual([]);
    // The engine really runs: the login sends the AWS group IDs and removes the local groups.
    expect(jdoe.groupsRemoved).toEqual(['jira-software-users', 'developers']);
    expect(jdoe.groupsAdded).toContain(G_JIRA);
  });

  it('resolution without group removal: groups held locally stay (has locally)', () => {
    const jdoe = user(predict(resolution()), 'jdoe');
    expect(jdoe.missingClaims.hasLocally).toEqual(['jira-software-users', 'developers']);
    expect(jdoe.missingClaims.willLose).toEqual([]);
    expect(jdoe.missingClaims.neverGets).toEqual(['support']);
  });

  it('resolution with a group attribute and removal: it strips like Atlassian SSO', () => {
    const jdoe = user(predict(resolution({ groupsAttribute: 'groups', removeUnlistedGroups: true })), 'jdoe');
    expect(jdoe.missingClaims.willLose).toEqual(['jira-software-users', 'developers']);
  });

  it('a group the login does carry is not a missing claim (group-ID workaround mapping)', () => {
    const p = predict(atlassianSso(), { groupMapping: { 'Jira Users': [G_JIRA] } });
    expect(user(p, 'jdoe').missingClaims).toEqual({ hasLocally: [], willLose: [], neverGets: [] });
  });

  it('resolution default groups given at creation are not missing for a new user', () => {
    const pnew = user(predict(resolution()), 'pnew');
    expect(pnew.outcome).toBe('create');
    expect(pnew.missingClaims.neverGets).toEqual([]);
  });

  it('without a mapping file, AWS groups map to instance groups of the same name, case-insensitively', () => {
    const p = predict(resolution(), { groupMapping: undefined, groups: [{ GroupId: G_JIRA, DisplayName: 'JIRA-Software-Users' }, { GroupId: 'x', DisplayName: 'Developers' }, { GroupId: 'y', DisplayName: 'AWS Admins' }], memberships: [{ GroupId: G_JIRA, MemberId: { UserId: 'id-jdoe' } }, { GroupId: 'x', MemberId: { UserId: 'id-jdoe' } }, { GroupId: 'y', MemberId: { UserId: 'id-jdoe' } }] });
    expect(user(p, 'jdoe').expectedGroups).toEqual(['jira-software-users', 'developers']);
    expect(p.notes.join(' ')).toContain('"AWS Admins"');
  });
});

describe('assignment', () => {
  it('users assigned through a group can log in; unassigned users never reach the product', () => {
    const p = predict(atlassianSso());
    const jdoe = user(p, 'jdoe');
    expect(jdoe.assignment).toEqual({ known: true, assigned: true, direct: false, viaGroups: ['Jira Users'] });
    const old = user(p, 'old');
    expect(old.assignment.assigned).toBe(false);
    expect(old.outcome).toBe('not-assigned');
    expect(old.canLogIn).toBe(false);
    expect(old.groupsRemoved).toEqual([]);
    expect(old.awsGroups).toEqual(['Developers']);
    expect(p.summary.notAssigned).toBe(1);
    expect(p.summary.assigned).toBe(2);
  });

  it('a direct USER assignment counts; without an assignments file every user is assumed assigned', () => {
    const direct = predict(atlassianSso(), { assignments: [{ PrincipalType: 'USER', PrincipalId: 'id-old' }] });
    expect(user(direct, 'old').assignment).toEqual({ known: true, assigned: true, direct: true, viaGroups: [] });
    expect(user(direct, 'jdoe').assignment.assigned).toBe(false);
    const none = predict(atlassianSso(), { assignments: undefined });
    expect(none.users.every((u) => u.assignment.assigned && !u.assignment.known)).toBe(true);
  });

  it('shows the current Atlassian account with directory, active flag and groups', () => {
    expect(user(predict(atlassianSso()), 'jdoe').account).toEqual({ username: 'jdoe', directory: 'Jira Internal Directory', directoryType: 'internal', active: true, groups: ['jira-software-users', 'developers'] });
    expect(user(predict(atlassianSso()), 'pnew').account).toBeNull();
  });
});

describe('local group plan', () => {
  it('lists keep, re-add, add and add-after-first-login memberships with counts per group', () => {
    const sso = predict(atlassianSso());
    expect(planRows(sso.users)).toEqual([
      { username: 'jdoe', group: 'jira-software-users', action: 're-add-after-login' },
      { username: 'jdoe', group: 'developers', action: 're-add-after-login' },
      { username: 'jdoe', group: 'support', action: 'add' },
      { username: 'pnew', group: 'jira-software-users', action: 'add-after-first-login' },
    ]);
    expect(sso.plan.memberships).toBe(4);
    expect(sso.plan.loginStripsLocalGroups).toBe(true);
    expect(sso.plan.perGroup.find((g) => g.group === 'jira-software-users')).toEqual({ group: 'jira-software-users', exists: true, add: 0, addAfterFirstLogin: 1, keep: 0, reAddAfterLogin: 1 });
    const res = predict(resolution());
    expect(planRows(res.users).filter((r) => r.username === 'jdoe').map((r) => r.action)).toEqual(['keep', 'keep', 'add']);
    expect(res.plan.loginStripsLocalGroups).toBe(false);
  });

  it('leaves unassigned users out and marks groups that do not exist', () => {
    const p = predict(resolution(), { groupMapping: { 'Jira Users': ['jira-software-users'], Developers: ['brand-new-group'] } });
    expect(planRows(p.users).some((r) => r.username === 'old')).toBe(false);
    expect(p.plan.perGroup.find((g) => g.group === 'brand-new-group')?.exists).toBe(false);
  });

  it('writes username,group,action CSV with formula-safe cells', () => {
    const jdoe = user(predict(atlassianSso()), 'jdoe');
    const risky: UserBaseUser = { ...jdoe, account: jdoe.account && { ...jdoe.account, username: '=cmd' }, missingClaims: { hasLocally: [], willLose: [], neverGets: ['a,b'] } };
    expect(renderGroupPlanCsv([risky])).toBe('username,group,action\r\n\'=cmd,"a,b",add\r\n');
  });

  it('writes the rows out in the JSON, though the prediction keeps only their count', () => {
    const sso = predict(atlassianSso());
    expect(JSON.parse(renderPredictionJson(sso)).userBasePrediction.plan).toEqual({ ...sso.plan, rows: planRows(sso.users) });
  });
});

describe('accounts JIT leaves behind', () => {
  for (const [engine, make] of [['atlassian-sso', atlassianSso], ['resolution', resolution]] as const) {
    it(`${engine}: reports deleted and unassigned JIT accounts, not inactive or LDAP ones; local accounts apart`, () => {
      const p = predict(make());
      const orphaned = Object.fromEntries(p.orphaned.map((a) => [a.username, a]));
      expect(Object.keys(orphaned).sort()).toEqual(['gone', 'old', 'tagged']);
      expect(orphaned['gone']?.reason).toBe('deleted-in-aws');
      expect(orphaned['old']?.reason).toBe('not-assigned');
      expect(orphaned['old']?.awsUserName).toBe('old');
      expect(orphaned['tagged']?.jitMark).toBe('resolution-tag');
      expect(orphaned['gone']?.applications).toEqual(['jira-software']);
      expect(p.notFromAws.map((a) => a.username)).toEqual(['admin']);
      const finding = p.findings.find((f) => f.id === 'jit.orphaned-account');
      expect(finding?.message).toContain('3 jira-software seats');
      expect(finding?.fix.field).toBe('Active');
      expect(finding?.evidence.filter((e) => e.personal).length).toBe(3);
      expect(p.summary.seats).toEqual([{ application: 'jira-software', seats: 10, used: 7, needed: engine === 'resolution' ? 1 : 0, heldByOrphans: 3, overBy: 0 }]);
    });
  }

  it('an account an assigned AWS user logs in to is not orphaned, found by jit_idp_id even after a rename', () => {
    const p = predict(atlassianSso(), { users: [awsUser('jane.renamed', 'jane@example.com', 'id-jdoe'), awsUser('gone', 'gone@example.com')], assignments: undefined });
    expect(p.orphaned.map((a) => a.username).sort()).toEqual(['old', 'tagged']);
  });

  it('a second account holding an assigned user\'s NameID as jit_idp_id is not orphaned, though the login lands on the first', () => {
    const second = { username: 'jane.second', displayName: 'Jane Again', email: 'jane2@example.com', directoryId: 1, groups: ['jira-software-users'], attributes: { jit_idp_id: 'jane@example.com' } };
    const p = predict(atlassianSso(), { snapshot: snapshot([second]) });
    expect(user(p, 'jdoe').account?.username).toBe('jdoe');
    expect(p.orphaned.map((a) => a.username).sort()).toEqual(['gone', 'old', 'tagged']);
    // Without an assigned user behind that NameID, the same account is left behind.
    const unassigned = predict(atlassianSso(), { snapshot: snapshot([{ ...second, attributes: { jit_idp_id: 'nobody@example.com' } }]) });
    expect(unassigned.orphaned.map((a) => a.username).sort()).toEqual(['gone', 'jane.second', 'old', 'tagged']);
  });

  it('no finding when nothing is left behind', () => {
    const p = predict(atlassianSso(), { snapshot: snapshot().users.length ? { ...snapshot(), users: [] } : snapshot() });
    expect(p.orphaned).toEqual([]);
    expect(p.findings).toEqual([]);
  });
});

describe('whole-base facts on the same table', () => {
  it('marks two AWS users landing on one account as colliding, only among assigned users', () => {
    const p = predict(atlassianSso(), { users: [awsUser('jdoe', 'jane@example.com'), awsUser('JDOE', 'jane@example.com', 'id-jdoe2')], assignments: undefined });
    expect(p.users.every((u) => u.colliding)).toBe(true);
    expect(p.users.map((u) => u.collidesWith)).toEqual([['JDOE'], ['jdoe']]);
    expect(p.summary.colliding).toBe(2);
    // The account's memberships are planned once, in the counts as in the rows.
    const rows = planRows(p.users);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => `${r.username}/${r.group}`)).size).toBe(rows.length);
    expect(p.plan.memberships).toBe(rows.length);
    expect(p.plan.perGroup.reduce((n, g) => n + g.add + g.addAfterFirstLogin + g.keep + g.reAddAfterLogin, 0)).toBe(rows.length);
  });

  it('counts licence exhaustion from the predicted creations', () => {
    const many = Array.from({ length: 5 }, (_, i) => awsUser(`new${i}`, `new${i}@example.com`));
    const p = predict(resolution(), { users: many, assignments: undefined });
    expect(p.summary.seats[0]).toMatchObject({ needed: 5, overBy: 2 });
    expect(p.summary.created).toBe(5);
    expect(renderPredictionText(p)).toContain('5 needed by new users (2 too many)');
  });

  it('stops when a phase hook says so', () => {
    expect(predictUserBase(inputs(atlassianSso()), { phase: (ph) => ph !== 'plan' })).toBeUndefined();
  });
});
