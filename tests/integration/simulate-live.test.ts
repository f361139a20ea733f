/**
 * `samlscope simulate` against a live instance: the connector reads only the users this login can match,
 * with GET requests, from a local fake Jira; the simulation then runs on what it read.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/run-cli.js';
import { startFakeInstance, type FakeInstance } from './connectors/fake-instance.js';
import { DATA, TOKEN } from './connectors/sample-data.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DEMO = resolve(ROOT, 'assets/demo');
const EXAMPLE = resolve(ROOT, 'assets/examples/jira-atlassian-sso');

let fake: FakeInstance;
let dir: string;

beforeAll(async () => {
  const jdoe = { username: 'jdoe', key: 'JIRAUSER10200', displayName: 'Jane Doe', email: 'jane.doe@example.com', groups: ['jira-software-users', 'developers'] };
  fake = await startFakeInstance({ product: 'jira', data: { ...DATA, users: [...DATA.users, jdoe] }, auth: { bearer: TOKEN } });
  dir = mkdtempSync(join(tmpdir(), 'samlscope-live-'));
  const profile = readFileSync(join(EXAMPLE, 'profile.yaml'), 'utf8')
    .replace(/instance:\n {2}snapshot: .*/, `instance:\n  live:\n    baseUrl: ${fake.baseUrl}\n    auth: { type: pat, tokenRef: "env:JIRA_TOKEN" }`)
    .replace(/(metadata: )(.*)/, (_m, key: string, path: string) => `${key}${resolve(EXAMPLE, path.trim())}`);
  writeFileSync(join(dir, 'live.yaml'), profile);
});

afterAll(async () => {
  await fake.close();
});

/** Runs the CLI in the test folder with the live instance's token, as of the demo response's time. */
async function runWithToken(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    cwd: dir,
    now: () => new Date('2026-11-29T10:00:30Z'),
    env: { JIRA_TOKEN: TOKEN },
    readStdin: async () => '',
  });
  return { code, stdout, stderr };
}

describe('samlscope simulate with a live instance', () => {
  it('reads the login\'s user from the instance with GET requests only and simulates against it', async () => {
    const { code, stdout, stderr } = await runWithToken(['simulate', join(DEMO, 'demo-response.xml'), '--target', join(dir, 'live.yaml'), '--format', 'json']);
    expect(stderr).toBe('');
    const { simulation } = JSON.parse(stdout);
    expect(simulation.user.before).toMatchObject({ username: 'jdoe' });
    expect(simulation.groups.before).toEqual(expect.arrayContaining(['jira-software-users', 'developers']));
    expect(code).toBe(simulation.canLogIn ? 0 : 1);
    expect(fake.requests.length).toBeGreaterThan(0);
    expect(fake.violations).toEqual([]);
    expect(fake.requests.every((r) => r.method === 'GET')).toBe(true);
  });

  it('predicts the whole user base from every user of the live instance, read with GET requests only', async () => {
    const before = fake.requests.length;
    const { code, stdout, stderr } = await runWithToken([
      'simulate', '--target', join(dir, 'live.yaml'), '--format', 'json',
      '--users', join(ROOT, 'assets/examples/aws-users.json'), '--aws-mappings', join(ROOT, 'assets/examples/aws-mappings.json'),
    ]);
    expect(stderr).toBe('');
    const { userBasePrediction } = JSON.parse(stdout);
    const jdoe = userBasePrediction.users.find((u: { account?: { username: string } }) => u.account?.username === 'jdoe');
    // The live instance's jdoe, not the example snapshot's (which also has project-alpha).
    expect(jdoe.account.groups).toEqual(['jira-software-users', 'developers']);
    expect(code).toBe(userBasePrediction.summary.canLogIn === userBasePrediction.summary.assigned ? 0 : 1);
    expect(fake.requests.length).toBeGreaterThan(before);
    expect(fake.violations).toEqual([]);
    expect(fake.requests.every((r) => r.method === 'GET')).toBe(true);
  });
});
