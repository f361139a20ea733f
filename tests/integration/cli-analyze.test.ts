import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/run-cli.js';
import type { CliIo } from '../../src-main/cli/command.js';
import { awsIdpMetadata, signedAwsResponse, toPostBinding, toRedirectUrl, buildAwsResponse, DEFAULTS } from '../fixtures/aws-response.js';
import { tamperNameId } from '../fixtures/attacks.js';
import { IDP_KEY } from '../fixtures/keys.js';

let dir: string;
const NOW = '2026-11-29T10:01:00Z';

function io(cwd: string): CliIo & { out: string; err: string } {
  const sink = {
    out: '',
    err: '',
    cwd,
    env: {},
    now: () => new Date(NOW),
    readStdin: async () => toPostBinding(signedAwsResponse()),
    stdout: (t: string) => void (sink.out += t),
    stderr: (t: string) => void (sink.err += t),
  };
  return sink;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'samlscope-cli-'));
  writeFileSync(join(dir, 'idp.xml'), awsIdpMetadata({ certificates: [IDP_KEY.certificateBase64] }));
  writeFileSync(join(dir, 'good.b64'), toPostBinding(signedAwsResponse()));
  writeFileSync(join(dir, 'form.txt'), `SAMLResponse=${encodeURIComponent(toPostBinding(signedAwsResponse()))}&RelayState=%2Fbrowse`);
  writeFileSync(join(dir, 'tampered.xml'), tamperNameId(signedAwsResponse()));
  writeFileSync(join(dir, 'notsaml.txt'), 'hello world, this is not SAML');
  mkdirSync(join(dir, 'folder'));
  writeFileSync(join(dir, 'folder', 'a.xml'), signedAwsResponse());
  writeFileSync(join(dir, 'folder', 'b.url'), toRedirectUrl(buildAwsResponse(), DEFAULTS.acsUrl, 'relay'));
});

const common = ['--idp-metadata', 'idp.xml', '--now', NOW, '--sp-entity-id', DEFAULTS.audience, '--acs-url', DEFAULTS.acsUrl];

describe('samlscope analyze', () => {
  it('prints one JSON object for one input and exits 0 when nothing fails', async () => {
    const sink = io(dir);
    const code = await runCli(['analyze', 'good.b64', ...common, '--format', 'json'], sink);
    const result = JSON.parse(sink.out);
    expect(code).toBe(0);
    expect(result).toMatchObject({ schemaVersion: 1, input: { source: 'good.b64', detected: 'base64' } });
    expect(result.messages[0]).toMatchObject({ type: 'Response', binding: 'HTTP-POST', signature: { status: 'valid' }, subject: { nameId: 'jane.doe@example.com', verified: true } });
    expect(result.messages[0].verdict).not.toBe('fail');
  });

  it('prints one JSON line per input, in order, and exits 1 when a message fails', async () => {
    const sink = io(dir);
    const code = await runCli(['analyze', 'good.b64', 'tampered.xml', 'form.txt', ...common, '--format', 'jsonl'], sink);
    const lines = sink.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(code).toBe(1);
    expect(lines.map((l) => l.input.source)).toEqual(['good.b64', 'tampered.xml', 'form.txt']);
    expect(lines[1].messages[0].verdict).toBe('fail');
    expect(lines[2].messages[0].relayState).toBe('/browse');
  });

  it('analyses every message file in a folder', async () => {
    const sink = io(dir);
    await runCli(['analyze', 'folder', ...common, '--format', 'jsonl'], sink);
    const lines = sink.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.messages[0]?.binding)).toEqual(['XML', 'HTTP-Redirect']);
  });

  it('still prints JSON and exits 1 for input that is not SAML', async () => {
    const sink = io(dir);
    const code = await runCli(['analyze', 'notsaml.txt', '--format', 'json', '--now', NOW], sink);
    expect(code).toBe(1);
    expect(JSON.parse(sink.out).findings[0].id).toBe('input.unrecognized');
  });

  it('reads standard input for -', async () => {
    const sink = io(dir);
    expect(await runCli(['analyze', '-', ...common, '--format', 'json'], sink)).toBe(0);
  });

  it('prints findings with fixes as text for people', async () => {
    const sink = io(dir);
    await runCli(['analyze', 'tampered.xml', ...common], sink);
    expect(sink.out).toContain('ERROR signature.invalid');
    expect(sink.out).toContain('Fix:');
  });

  it.each([
    [['analyze'], 'give at least one INPUT'],
    [['analyze', 'good.b64', '--format', 'yaml'], '--format yaml'],
    [['analyze', 'good.b64', '--now', 'yesterday'], '--now yesterday'],
    [['analyze', 'good.b64', '--clock-skew', 'soon'], '--clock-skew soon'],
    [['analyze', 'missing.xml'], 'missing.xml: no such file'],
    [['analyze', 'good.b64', '--idp-metadata', 'good.b64'], '--idp-metadata good.b64'],
    [['analyze', 'good.b64', '--bogus'], "Unknown option '--bogus'"],
  ])('exits 2 with a clear message for usage errors: %j', async (argv, text) => {
    const sink = io(dir);
    expect(await runCli(argv, sink)).toBe(2);
    expect(sink.err).toContain(text);
  });

  it('runs as the built bin file', () => {
    const bin = join(__dirname, '../../dist/cli/samlscope.cjs');
    if (!existsSync(bin)) throw new Error('dist/cli/samlscope.cjs is missing: run npm run build (npm test does it first)');
    const run = spawnSync(process.execPath, [bin, 'analyze', 'good.b64', ...common, '--format', 'json'], { cwd: dir, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).messages[0].signature.status).toBe('valid');
  });
});
