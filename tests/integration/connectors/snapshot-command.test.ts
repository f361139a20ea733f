import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/run-cli.js';
import type { CliIo } from '../../../src-main/cli/command.js';
import { parseInstanceSnapshot } from '../../../src-main/core/jit/snapshot-schema.js';
import { startFakeInstance, type FakeInstance } from './fake-instance.js';
import { DATA, TOKEN } from './sample-data.js';

let fake: FakeInstance;
let dir: string;

beforeEach(async () => {
  fake = await startFakeInstance({ product: 'jira', data: DATA, auth: { bearer: TOKEN } });
  dir = await mkdtemp(join(tmpdir(), 'samlscope-snapshot-'));
});

afterEach(async () => {
  const violations = fake.violations;
  await fake.close();
  await rm(dir, { recursive: true, force: true });
  expect(violations, 'samlscope sent a request other than GET').toEqual([]);
});

async function writeProfile(tokenRef: string, instance?: object): Promise<string> {
  const file = join(dir, 'profile.yaml');
  const live = instance ?? { live: { baseUrl: fake.baseUrl, auth: { type: 'pat', tokenRef }, timeoutMs: 5000 } };
  const profile = {
    product: 'jira',
    sp: { entityId: 'https://jira.example.com', acsUrl: 'https://jira.example.com/plugins/servlet/samlconsumer' },
    idp: { metadata: 'aws-idp-metadata.xml' },
    provisioning: { engine: 'atlassian-sso', createUsers: true, groupsAttribute: 'groups' },
    instance: live,
  };
  await writeFile(file, JSON.stringify(profile)); // JSON is valid YAML
  return file;
}

async function run(argv: string[], env: Record<string, string> = { JIRA_TOKEN: TOKEN }) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), cwd: dir, now: () => new Date('2025-06-01T12:00:00Z'), env, readStdin: async () => '' };
  const code = await runCli(argv, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('samlscope snapshot', () => {
  it('writes a snapshot that validates, for the users named on the command line', async () => {
    await writeProfile('env:JIRA_TOKEN');
    const res = await run(['snapshot', '--target', 'profile.yaml', '--out', 'snap.json', '--users', 'alice,pat@example.com,ghost']);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('Wrote 3 user(s) from Jira 9.12.4');
    expect(res.stdout).toContain('Not found: ghost');
    expect(res.stdout).toMatch(/does not expose user directories/);

    const written = JSON.parse(await readFile(join(dir, 'snap.json'), 'utf8')) as unknown;
    const parsed = parseInstanceSnapshot(written);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.value.users.map((u) => u.username)).toEqual(['alice', 'pat1', 'pat2']);
      expect(parsed.value.capturedAt).toBe('2025-06-01T12:00:00.000Z');
    }
    // Names and e-mail addresses inside: only the owner may read the file.
    expect((await stat(join(dir, 'snap.json'))).mode & 0o077).toBe(0);
    expect(JSON.stringify(written)).not.toContain(TOKEN);
  });

  it('reads --users from a file, one per line, with comments', async () => {
    await writeProfile('env:JIRA_TOKEN');
    await writeFile(join(dir, 'users.txt'), '# people to check\nalice\n\nbob  # disabled account\n');
    const res = await run(['snapshot', '--target', 'profile.yaml', '--out', 'snap.json', '--users', 'users.txt']);
    expect(res.code).toBe(0);
    const snap = JSON.parse(await readFile(join(dir, 'snap.json'), 'utf8')) as { users: Array<{ username: string }> };
    expect(snap.users.map((u) => u.username)).toEqual(['alice', 'bob']);
  });

  it('explains that keychain references need the desktop app, and sends nothing', async () => {
    await writeProfile('keychain:samlscope-jira');
    const res = await run(['snapshot', '--target', 'profile.yaml', '--out', 'snap.json', '--users', 'alice']);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/only the samlscope desktop app can read/);
    expect(res.stderr).toMatch(/env:NAME/);
    expect(fake.requests).toHaveLength(0);
  });

  it('names the missing environment variable', async () => {
    await writeProfile('env:JIRA_TOKEN');
    const res = await run(['snapshot', '--target', 'profile.yaml', '--out', 'snap.json', '--users', 'alice'], {});
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('JIRA_TOKEN');
    expect(res.stderr).toMatch(/not set/);
  });

  it('prints the plain-words failure and writes nothing when the token is rejected', async () => {
    await writeProfile('env:JIRA_TOKEN');
    const res = await run(['snapshot', '--target', 'profile.yaml', '--out', 'snap.json', '--users', 'alice'], { JIRA_TOKEN: 'revoked-token-999' });
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/personal access token was not accepted/);
    expect(res.stderr).not.toContain('revoked-token-999');
    await expect(stat(join(dir, 'snap.json'))).rejects.toThrow();
  });

  it('refuses a profile that reads a snapshot file instead of a live instance', async () => {
    await writeProfile('env:JIRA_TOKEN', { snapshot: 'snapshot.json' });
    const res = await run(['snapshot', '--target', 'profile.yaml', '--out', 'snap.json']);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/instance\.live/);
  });

  it('reports an invalid profile with the key that is wrong', async () => {
    await writeProfile('JIRA_TOKEN');
    const res = await run(['snapshot', '--target', 'profile.yaml', '--out', 'snap.json']);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/instance\.live\.auth\.tokenRef/);
  });

  it('reads instance.live.source from the profile; --source overrides it', async () => {
    await writeProfile('env:JIRA_TOKEN', { live: { baseUrl: fake.baseUrl, auth: { type: 'pat', tokenRef: 'env:JIRA_TOKEN' }, timeoutMs: 5000, source: 'crowd' } });
    // Crowd authenticates applications: with a token the Crowd connector refuses before sending anything.
    const crowd = await run(['snapshot', '--target', 'profile.yaml', '--out', 'snap.json', '--users', 'alice']);
    expect(crowd.code).toBe(1);
    expect(crowd.stderr).toMatch(/Crowd's REST API authenticates the application/);
    expect(fake.requests).toHaveLength(0);
    const product = await run(['snapshot', '--target', 'profile.yaml', '--out', 'snap.json', '--users', 'alice', '--source', 'product']);
    expect(product.stderr).toBe('');
    expect(product.code).toBe(0);
    expect(product.stdout).toContain('from Jira');
    expect((await run(['snapshot', '--target', 'profile.yaml', '--out', 'snap.json', '--source', 'ldap'])).code).toBe(2);
  });

  it('reads a profile relative to the working directory, whatever its format, without needing the metadata files it names', async () => {
    const file = await writeProfile('env:JIRA_TOKEN');
    await writeFile(join(dir, 'profile.json'), await readFile(file, 'utf8'));
    const res = await run(['snapshot', '--target', 'profile.json', '--out', 'snap.json', '--users', 'alice']);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
  });

  it('is listed by --help and rejects missing options as usage errors', async () => {
    expect((await run(['--help'])).stdout).toMatch(/snapshot\s+Read a live instance/);
    const res = await run(['snapshot', '--target', 'profile.yaml']);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/--out FILE is required/);
  });
});
