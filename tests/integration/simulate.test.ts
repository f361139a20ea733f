/**
 * `samlscope simulate` end to end: real signed AWS-shaped responses, verified by analyze() against the
 * profile's IdP metadata, then simulated against the example snapshots.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src-main/cli/run-cli.js';
import type { SimulationResult } from '../../src-main/core/jit/simulation-types.js';
import type { UserBasePrediction } from '../../src-main/core/model/userbase.js';
import { awsIdpMetadata, signedAwsResponse, type SamlAttribute } from '../fixtures/aws-response.js';
import { ATTACKER_KEY } from '../fixtures/keys.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EXAMPLES = resolve(ROOT, 'assets/examples');
const DEMO = resolve(ROOT, 'assets/demo');
const NOW = '2026-11-29T10:05:00Z';

async function cli(argv: string[], cwd = ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd,
    now: () => new Date(NOW),
    env: {},
    readStdin: async () => '',
  });
  return { code, stdout, stderr };
}

function simulation(stdout: string): SimulationResult {
  return (JSON.parse(stdout) as { simulation: SimulationResult }).simulation;
}

let dir: string;
beforeAll(() => {
  // Copies of the examples whose IdP metadata holds the test IdP key (the examples hold the demo key).
  dir = mkdtempSync(join(tmpdir(), 'samlscope-simulate-'));
  writeFileSync(join(dir, 'idp.xml'), awsIdpMetadata());
  for (const name of ['jira-atlassian-sso', 'confluence-resolution']) {
    copyFileSync(resolve(EXAMPLES, name, 'snapshot.json'), join(dir, `${name}.json`));
    const profile = readFileSync(resolve(EXAMPLES, name, 'profile.yaml'), 'utf8')
      .replace('../aws-idp-metadata.xml', 'idp.xml')
      .replace('snapshot: snapshot.json', `snapshot: ${name}.json`);
    writeFileSync(join(dir, `${name}.yaml`), profile);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, xml: string): string {
  const file = join(dir, name);
  writeFileSync(file, xml);
  return file;
}

const jiraAttrs = (groups: string[]): SamlAttribute[] => [
  { name: 'username', values: ['jdoe'] },
  { name: 'displayName', values: ['Jane Doe'] },
  { name: 'email', values: ['jane.doe@example.com'] },
  { name: 'groups', values: groups },
];

describe('samlscope simulate INPUT', () => {
  it('the committed demo: verified, strips jdoe\'s groups, cannot log in (exit 1)', async () => {
    const r = await cli(['simulate', 'assets/demo/demo-response.xml', '--target', 'assets/examples/jira-atlassian-sso/profile.yaml', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const s = simulation(r.stdout);
    expect(s).toMatchObject({ engine: 'atlassian-sso', outcome: 'fail', canLogIn: false, verified: true, hypothetical: false, username: 'jdoe' });
    expect(s.groups.removed).toEqual(['jira-software-users', 'developers', 'project-alpha']);
    expect(s.findings.map((f) => f.id)).toEqual(['jit.groups-removed', 'jit.no-application-access']);
    expect(s.steps[0]).toMatchObject({ n: 1, title: 'Verify the response', outcome: 'pass' });
  });

  it('the demo without a group attribute fails with "Attribute [groups] could not be found"', async () => {
    const r = await cli(['simulate', resolve(DEMO, 'demo-response-no-groups.xml'), '--target', resolve(EXAMPLES, 'jira-atlassian-sso/profile.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Product message: Attribute [groups] could not be found');
    expect(r.stdout).toContain('jit.groups-not-sent');
  });

  it('a tampered demo response is not simulated as real', async () => {
    const tampered = readFileSync(resolve(DEMO, 'demo-response.xml'), 'utf8').replace('>jdoe<', '>admin<');
    const r = await cli(['simulate', write('tampered.xml', tampered), '--target', resolve(EXAMPLES, 'jira-atlassian-sso/profile.yaml'), '--format', 'json']);
    expect(r.code).toBe(1);
    const s = simulation(r.stdout);
    expect(s).toMatchObject({ outcome: 'fail', canLogIn: false, verified: false, hypothetical: true });
    expect(s.reason).toContain('not verified');
    expect(s.username).toBe('admin');
  });

  it('a signed response that keeps the groups logs in (exit 0)', async () => {
    const xml = signedAwsResponse({ attributes: jiraAttrs(['jira-software-users', 'developers', 'project-alpha']) });
    const r = await cli(['simulate', write('ok.xml', xml), '--target', join(dir, 'jira-atlassian-sso.yaml'), '--now', NOW, '--format', 'json']);
    expect(r.code).toBe(0);
    const s = simulation(r.stdout);
    expect(s).toMatchObject({ outcome: 'update', canLogIn: true, verified: true });
    expect(s.user.after?.attributes['jit_idp_id']).toBe('jane.doe@example.com');
  });

  it('resolution creates a new Confluence user from a signed response', async () => {
    const xml = signedAwsResponse({
      acsUrl: 'https://confluence.example.com/plugins/servlet/samlsso',
      audience: 'https://confluence.example.com',
      nameId: 'priya.new@example.com',
      attributes: [
        { name: 'displayName', values: ['Priya New'] },
        { name: 'email', values: ['priya.new@example.com'] },
      ],
    });
    const r = await cli(['simulate', write('conf.xml', xml), '--target', join(dir, 'confluence-resolution.yaml'), '--now', NOW, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(simulation(r.stdout)).toMatchObject({ engine: 'resolution', outcome: 'create', canLogIn: true, username: 'priya.new' });
  });

  it('a response signed by another key (AWS DN copied) is refused', async () => {
    const xml = signedAwsResponse({ key: ATTACKER_KEY, attributes: jiraAttrs(['jira-software-users']) });
    const r = await cli(['simulate', write('forged.xml', xml), '--target', join(dir, 'jira-atlassian-sso.yaml'), '--now', NOW, '--format', 'json']);
    expect(r.code).toBe(1);
    const s = simulation(r.stdout);
    expect(s).toMatchObject({ verified: false, hypothetical: true, outcome: 'fail' });
    expect(s.hypotheticalOutcome?.canLogIn).toBe(true);
  });

  it('an expired response is rejected before provisioning', async () => {
    const xml = signedAwsResponse({ attributes: jiraAttrs(['jira-software-users']) });
    const r = await cli(['simulate', write('expired.xml', xml), '--target', join(dir, 'jira-atlassian-sso.yaml'), '--now', '2026-11-30T10:00:00Z', '--format', 'json']);
    expect(r.code).toBe(1);
    const s = simulation(r.stdout);
    expect(s).toMatchObject({ verified: true, hypothetical: true });
    expect(s.reason).toContain('rejects the response before provisioning');
  });
});

describe('samlscope simulate --users', () => {
  const args = ['simulate', '--target', 'assets/examples/jira-atlassian-sso/profile.yaml', '--users', 'assets/examples/aws-users.json', '--aws-mappings', 'assets/examples/aws-mappings.json'];

  it('prints a CSV table and exits 1 when some users cannot log in', async () => {
    const r = await cli([...args, '--format', 'csv']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\r\n');
    expect(lines[0]?.startsWith('aws_user_name,aws_user_id,assigned,assigned_via,aws_groups,username')).toBe(true);
    expect(lines).toHaveLength(8);
  });

  it('prints a summary as text and JSON', async () => {
    const text = await cli(args);
    expect(text.stdout).toMatch(/User base: 7 AWS users → jira \(atlassian-sso\)/);
    const json = JSON.parse((await cli([...args, '--format', 'json'])).stdout) as { userBasePrediction: { summary: { colliding: number } } };
    expect(json.userBasePrediction.summary.colliding).toBe(2);
  });

  it('reads groups, memberships, assignments and a group mapping, and writes the local group plan', async () => {
    const ex = (f: string): string => `assets/examples/${f}`;
    const plan = join(dir, 'plan.csv');
    const r = await cli([...args, '--groups', ex('aws-groups.json'), '--memberships', ex('aws-group-memberships.json'), '--assignments', ex('aws-application-assignments.json'), '--group-mapping', ex('group-mapping.json'), '--format', 'json', '--plan', plan]);
    expect(r.code).toBe(1);
    const p = (JSON.parse(r.stdout) as { userBasePrediction: UserBasePrediction }).userBasePrediction;
    expect(p.summary).toMatchObject({ total: 7, assigned: 6, notAssigned: 1, orphaned: 1 });
    expect(p.users.find((u) => u.awsUserName === 'ckim')?.assignment).toEqual({ known: true, assigned: true, direct: true, viaGroups: ['Jira Users'] });
    expect(p.orphaned.map((a) => a.username)).toEqual(['tformer']);
    const csv = readFileSync(plan, 'utf8').split('\r\n');
    expect(csv[0]).toBe('username,group,action');
    expect(csv).toContain('jdoe,jira-software-users,re-add-after-login');
    expect(csv).toContain('pnew,project-alpha,add-after-first-login');
  });

  it('refuses a file of the wrong kind, naming it', async () => {
    const r = await cli([...args, '--groups', 'assets/examples/aws-group-memberships.json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('samlscope simulate: assets/examples/aws-group-memberships.json: this is aws identitystore list-group-memberships');
  });
});

describe('samlscope simulate usage and input errors', () => {
  it('exit 2 on bad usage', async () => {
    expect((await cli(['simulate', 'x.xml'])).code).toBe(2);
    expect((await cli(['simulate', '--target', 'p.yaml'])).code).toBe(2);
    expect((await cli(['simulate', 'x.xml', '--target', 'p.yaml', '--users', 'u.json', '--aws-mappings', 'm.json'])).code).toBe(2);
    expect((await cli(['simulate', 'x.xml', '--target', 'p.yaml', '--format', 'csv'])).code).toBe(2);
    expect((await cli(['simulate', '--target', 'p.yaml', '--users', 'u.json'])).code).toBe(2);
  });

  it('exit 1 with the key path for an invalid profile', async () => {
    writeFileSync(join(dir, 'bad.yaml'), readFileSync(join(dir, 'jira-atlassian-sso.yaml'), 'utf8').replace('usernameMapping: ${username}', 'usernameMapping: username'));
    const r = await cli(['simulate', resolve(DEMO, 'demo-response.xml'), '--target', join(dir, 'bad.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('provisioning.usernameMapping: "username" has no ${variable}');
  });

  it('--snapshot replaces a live instance, so nothing is read from the network', async () => {
    writeFileSync(join(dir, 'live.yaml'), readFileSync(join(dir, 'jira-atlassian-sso.yaml'), 'utf8').replace(/instance:\n {2}snapshot: .*/, 'instance:\n  live:\n    baseUrl: https://jira.example.invalid\n    auth: { type: pat, tokenRef: "env:JIRA_TOKEN" }'));
    const withSnapshot = await cli(['simulate', resolve(DEMO, 'demo-response.xml'), '--target', join(dir, 'live.yaml'), '--snapshot', join(dir, 'jira-atlassian-sso.json'), '--format', 'json']);
    // The test IdP metadata does not trust the demo key: verified false, never simulated as real.
    expect(simulation(withSnapshot.stdout).verified).toBe(false);
  });

  it('a live profile without its secret says which environment variable is missing, before any request', async () => {
    const r = await cli(['simulate', resolve(DEMO, 'demo-response.xml'), '--target', join(dir, 'live.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('JIRA_TOKEN');
  });
});
