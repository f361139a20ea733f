import { describe, expect, it } from 'vitest';
import { planRows } from '../../../src-main/core/userbase/group-plan.js';
import { predictUserBase } from '../../../src-main/core/userbase/predict.js';
import { redactPrediction } from '../../../src-main/core/userbase/redact-prediction.js';
import { atlassianSso, inputs } from './fixtures.js';

describe('redacting a user-base prediction', () => {
  it('replaces every name, e-mail, id and username, keeps group names, and one person keeps one placeholder', () => {
    const p = predictUserBase(inputs(atlassianSso()));
    if (!p) throw new Error('stopped');
    const r = redactPrediction(p);
    const text = JSON.stringify(r);
    for (const secret of ['jdoe', 'jane@example.com', 'id-jdoe', 'pnew', 'gone@example.com', 'Gone Person', 'tformer', 'admin@example.com', 'Old Timer']) expect(text).not.toContain(secret);
    expect(text).toContain('jira-software-users');
    expect(text).toContain('Jira Users');
    const jdoe = r.users[0];
    expect(jdoe?.expectedGroups).toEqual(['jira-software-users', 'developers', 'support']);
    expect(planRows(r.users)[0]?.username).toBe(jdoe?.account?.username);
    expect(planRows(r.users)[0]?.group).toBe('jira-software-users');
    expect(r.summary).toEqual(p.summary);
  });
});
