import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CliIo } from '../../../src-main/cli/command.js';
import { reportFormat } from '../../../src-main/cli/commands/report.js';
import { runCli } from '../../../src-main/cli/run-cli.js';
import type { JsonReport } from '../../../src-main/core/report/json-report.js';
import { awsIdpMetadata, DEFAULTS } from '../../fixtures/aws-response.js';
import { expectNoLeak, visibleText } from './leak-check.js';
import { NOW, PERSON, sampleXml } from './sample-result.js';
import { SIMULATION_PERSONAL, SNAPSHOT_PERSON, sampleTarget } from './sample-simulation.js';

let dir: string;
const personal = [PERSON.nameId, PERSON.firstName, PERSON.lastName, PERSON.displayName, PERSON.username, PERSON.department, PERSON.responseId, PERSON.assertionId, PERSON.inResponseTo];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'samlscope-report-'));
  writeFileSync(join(dir, 'response.xml'), sampleXml());
  writeFileSync(join(dir, 'idp-metadata.xml'), awsIdpMetadata());
  // A target profile (JSON) for the test IdP and SP, with the Jira example snapshot holding the person.
  const { snapshot } = await sampleTarget();
  writeFileSync(join(dir, 'snapshot.json'), JSON.stringify(snapshot));
  writeFileSync(
    join(dir, 'target.json'),
    JSON.stringify({
      product: 'jira',
      sp: { entityId: DEFAULTS.audience, acsUrl: DEFAULTS.acsUrl },
      idp: { metadata: 'idp-metadata.xml' },
      provisioning: { engine: 'atlassian-sso', createUsers: true, usernameMapping: '${username}', displayNameMapping: '${displayName}', emailMapping: '${email}', groupsAttribute: 'groups' },
      instance: { snapshot: 'snapshot.json' },
    }),
  );
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function io(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (t) => {
      out.push(t);
    },
    stderr: (t) => {
      err.push(t);
    },
    cwd: dir,
    now: () => new Date('2026-11-29T10:31:00Z'),
    env: {},
    readStdin: () => Promise.resolve(''),
  };
}

const COMMON = ['response.xml', '--idp-metadata', 'idp-metadata.xml', '--sp-entity-id', DEFAULTS.audience, '--now', NOW];

describe('samlscope report', () => {
  test('writes a redacted HTML report; exit 0 when no message fails', async () => {
    const cli = io();
    const code = await runCli(['report', ...COMMON, '--acs-url', DEFAULTS.acsUrl, '--out', 'report.html'], cli);
    expect(cli.err.join('')).toBe('');
    expect(code).toBe(0);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('<meta http-equiv="Content-Security-Policy"');
    expect(html).toContain('user-1@redacted.invalid');
    expectNoLeak(html, personal, 'HTML report');
    expect(cli.out.join('')).toMatch(/wrote html report .* to report\.html \(redacted\)/);
  });

  test('exit 1 when a message fails (ACS URL near miss); Markdown to standard output', async () => {
    const cli = io();
    const code = await runCli(['report', ...COMMON, '--acs-url', `${DEFAULTS.acsUrl}/`, '--format', 'md'], cli);
    expect(code).toBe(1);
    const md = cli.out.join('');
    expect(md).toMatch(/^# SAML diagnosis report/);
    expect(md).toContain('recipient.mismatch');
    expectNoLeak(md, personal, 'Markdown report');
  });

  test('JSON: the analysis results plus the redactions; --no-redact keeps every value', async () => {
    const redacted = io();
    expect(await runCli(['report', ...COMMON, '--acs-url', DEFAULTS.acsUrl, '--out', 'report.json', '--title', `Login of ${PERSON.firstName}`], redacted)).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as JsonReport;
    expect(json.redacted).toBe(true);
    expect(json.title).toBe('Login of «name-1»');
    expect(json.results).toHaveLength(1);
    expect(json.results[0]!.messages[0]!.subject?.nameId).toBe('user-1@redacted.invalid');
    expect(json.redactions.map((e) => e.placeholder)).toContain('user-1@redacted.invalid');
    expectNoLeak(JSON.stringify(json), personal, 'JSON report');

    const plain = io();
    expect(await runCli(['report', ...COMMON, '--acs-url', DEFAULTS.acsUrl, '--out', 'plain.json', '--no-redact'], plain)).toBe(0);
    const raw = JSON.parse(readFileSync(join(dir, 'plain.json'), 'utf8')) as JsonReport;
    expect(raw.redacted).toBe(false);
    expect(raw.redactions).toEqual([]);
    expect(raw.results[0]!.messages[0]!.subject?.nameId).toBe(PERSON.nameId);
    expect(raw.results[0]!.messages[0]!.xml).toContain('<ds:SignatureValue>');
    expect(raw.results[0]!.messages[0]!.xml).not.toContain('«dropped»');
    expect(plain.out.join('')).toContain('(NOT redacted)');
  });

  test('--target adds the JIT simulation of the first Response, redacted like the analysis', async () => {
    const cli = io();
    // No --idp-metadata or SP flags: the profile supplies the trust anchor and the SP settings.
    const code = await runCli(['report', 'response.xml', '--now', NOW, '--target', 'target.json', '--out', 'jit.html'], cli);
    expect(cli.err.join('')).toBe('');
    expect(code).toBe(0);
    const html = readFileSync(join(dir, 'jit.html'), 'utf8');
    const text = visibleText(html);
    expect(text).toContain('Just-in-Time provisioning simulation');
    expect(text).toMatch(/Response verified\s*yes/);
    expect(text).toContain('jit.groups-removed');
    for (const group of SNAPSHOT_PERSON.groups) expect(text).toContain(group);
    expectNoLeak(html, SIMULATION_PERSONAL, 'HTML report with a simulation');

    const md = io();
    expect(await runCli(['report', 'response.xml', '--now', NOW, '--target', 'target.json', '--format', 'md'], md)).toBe(0);
    expect(md.out.join('')).toContain('## Just-in-Time provisioning simulation ❌ FAIL');
    expectNoLeak(md.out.join(''), SIMULATION_PERSONAL, 'Markdown report with a simulation');

    const json = io();
    expect(await runCli(['report', 'response.xml', '--now', NOW, '--target', 'target.json', '--format', 'json'], json)).toBe(0);
    const report = JSON.parse(json.out.join('')) as JsonReport;
    expect(report.simulation).toMatchObject({ engine: 'atlassian-sso', outcome: 'fail', canLogIn: false, verified: true, hypothetical: false, username: '«username-1»' });
    expect(report.simulation?.groups.removed).toEqual([...SNAPSHOT_PERSON.groups]);
    expectNoLeak(JSON.stringify(report), SIMULATION_PERSONAL, 'JSON report with a simulation');

    const plain = io();
    expect(await runCli(['report', 'response.xml', '--now', NOW, '--target', 'target.json', '--format', 'json', '--no-redact'], plain)).toBe(0);
    expect((JSON.parse(plain.out.join('')) as JsonReport).simulation?.user.before?.displayName).toBe(SNAPSHOT_PERSON.displayName);
  });

  test('--target problems: an unreadable profile exits 1; --snapshot without --target is a usage error', async () => {
    const missing = io();
    expect(await runCli(['report', 'response.xml', '--target', 'no-such-profile.yaml'], missing)).toBe(1);
    expect(missing.err.join('')).toMatch(/samlscope report: .*no-such-profile\.yaml: cannot read the target profile/);
    expect(await runCli(['report', 'response.xml', '--snapshot', 'snapshot.json'], io())).toBe(2);
  });

  test('usage errors exit 2', async () => {
    const badFormat = io();
    expect(await runCli(['report', ...COMMON, '--format', 'pdf'], badFormat)).toBe(2);
    expect(badFormat.err.join('')).toContain('--format pdf: expected html, md or json');
    expect(await runCli(['report', '--format', 'md'], io())).toBe(2);
    expect(await runCli(['report', ...COMMON, '--bogus'], io())).toBe(2);
    expect(await runCli(['report', ...COMMON, '--out', join(dir, 'missing-dir', 'x.html')], io())).toBe(2);
  });

  test('the format follows the output extension unless --format says otherwise', () => {
    expect(reportFormat(undefined, 'case.md')).toBe('md');
    expect(reportFormat(undefined, 'case.JSON')).toBe('json');
    expect(reportFormat(undefined, 'case.htm')).toBe('html');
    expect(reportFormat(undefined, undefined)).toBe('html');
    expect(reportFormat('json', 'case.html')).toBe('json');
  });
});
