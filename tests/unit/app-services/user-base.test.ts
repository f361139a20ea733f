import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './harness.js';

let h: Harness;
afterEach(async () => h?.dispose());

describe('User base channels (real handlers, example exports)', () => {
  it('loads the example exports, predicts, explains a user, masks in presentation mode, and exports redacted with the plan', async () => {
    h = await createHarness();
    const { files, targetProfileId } = await h.services.handlers['userbase:examples']({});
    const r = await h.services.handlers['userbase:predict']({ files, targetProfileId });
    expect(r.status).toBe('ok');
    if (r.status !== 'ok') return;
    expect(r.files.map((f) => f.kind).sort()).toEqual(['assignments', 'aws-mappings', 'group-mapping', 'groups', 'memberships', 'users']);
    expect(r.prediction.orphaned.map((a) => a.username)).toEqual(['tformer']);
    expect(h.events.some((e) => e.event === 'userbase:progress')).toBe(true);

    const jdoe = r.prediction.users.find((u) => u.awsUserName === 'jdoe');
    const explained = await h.services.handlers['userbase:explain']({ awsUserId: jdoe?.awsUserId ?? '' });
    expect(explained.steps[0]?.title).toBe('Application assignment');
    expect(explained.findings.map((f) => f.id)).toContain('jit.groups-removed');
    // The explanation sends jdoe's AWS group ids, as the prediction did ("Jira Users" is one of them).
    expect(JSON.stringify(explained.mappings)).toContain('93670a8e2c-4b1d2f6e-1a2b-4c3d-8e9f-0a1b2c3d4e5f');

    await h.services.handlers['settings:set']({ presentationMode: true });
    const masked = await h.services.handlers['userbase:predict']({ files, targetProfileId });
    expect(masked.status === 'ok' && masked.redacted).toBe(true);
    const text = JSON.stringify(masked);
    for (const personal of ['jdoe', 'jane.doe@example.com', 'Jane Doe', 'tformer']) expect(text).not.toContain(personal);
    const maskedJdoe = masked.status === 'ok' ? masked.prediction.users[0] : undefined;
    const maskedExplain = await h.services.handlers['userbase:explain']({ awsUserId: maskedJdoe?.awsUserId ?? '' });
    expect(JSON.stringify(maskedExplain)).not.toContain('jane.doe@example.com');

    const out = path.join(h.userData, 'plan.csv');
    h.savePaths.push(out, path.join(h.userData, 'report.md'));
    await h.services.handlers['userbase:export']({ format: 'plan-csv', redact: true });
    const plan = await readFile(out, 'utf8');
    expect(plan.startsWith('username,group,action')).toBe(true);
    expect(plan).not.toContain('jdoe');
    await h.services.handlers['userbase:export']({ format: 'md', redact: true });
    const md = await readFile(path.join(h.userData, 'report.md'), 'utf8');
    expect(md).toContain('## Local group plan');
    expect(md).not.toContain('tformer');
  });

  it('answers invalid with the file and key for a bad export, and refuses without a profile', async () => {
    h = await createHarness();
    const bad = await h.services.handlers['userbase:predict']({ files: [{ name: 'g.json', text: '{"Groups":[{"GroupId":"x"}]}' }], targetProfileId: 'example:jira-atlassian-sso/profile.yaml' });
    expect(bad.status === 'invalid' && bad.errors[0]).toMatch(/^g\.json: Groups\[0\]\.DisplayName: /);
    const { files } = await h.services.handlers['userbase:examples']({});
    const none = await h.services.handlers['userbase:predict']({ files, targetProfileId: null });
    expect(none.status === 'invalid' && none.errors[0]).toMatch(/Choose a target profile/);
  });
});
