/**
 * `samlscope simulate` shows the findings about the response that decide or explain the login beside the
 * simulation's own. resolution documents for AWS that "AWS does not support transmitting groups via SAML
 * attributes" (https://wiki.resolution.de/doc/saml-sso/latest/all/setup-guides-for-saml-sso/aws): a setup without
 * a group attribute must still say so, say that new users get only the default groups, and name the groups an
 * existing account of the same person has that the new account does not get.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src-main/cli/run-cli.js';
import type { SimulationResult } from '../../src-main/core/jit/simulation-types.js';
import { awsIdpMetadata, signedAwsResponse } from '../fixtures/aws-response.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NOW = '2026-11-29T10:05:00Z';

async function cli(argv: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: () => undefined, cwd: ROOT, now: () => new Date(NOW), env: {}, readStdin: async () => '' });
  return { code, stdout };
}

let dir: string;
let response: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'samlscope-simulate-findings-'));
  writeFileSync(join(dir, 'idp.xml'), awsIdpMetadata());
  const example = resolve(ROOT, 'assets/examples/confluence-resolution');
  copyFileSync(join(example, 'snapshot.json'), join(dir, 'snapshot.json'));
  writeFileSync(join(dir, 'profile.yaml'), readFileSync(join(example, 'profile.yaml'), 'utf8').replace('../aws-idp-metadata.xml', 'idp.xml'));
  // Jane's NameID from another domain: the transformation does not shorten it, so the login creates a second account.
  response = join(dir, 'response.xml');
  writeFileSync(
    response,
    signedAwsResponse({
      acsUrl: 'https://confluence.example.com/plugins/servlet/samlsso',
      audience: 'https://confluence.example.com',
      nameId: 'jane.doe@corp.example.org',
      attributes: [
        { name: 'displayName', values: ['Jane Doe'] },
        { name: 'email', values: ['jane.doe@corp.example.org'] },
      ],
    }),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('samlscope simulate: message findings with the simulation', () => {
  it('JSON: the simulation carries the analysis findings that explain it (AWS sends no groups)', async () => {
    const r = await cli(['simulate', response, '--target', join(dir, 'profile.yaml'), '--now', NOW, '--format', 'json']);
    const sim = (JSON.parse(r.stdout) as { simulation: SimulationResult }).simulation;
    expect(sim.outcome).toBe('create');
    expect(sim.messageFindings?.map((f) => f.id)).toContain('aws.groups-not-sent');
    const notCarried = sim.findings.find((f) => f.id === 'jit.groups-not-carried');
    expect(notCarried?.message).toContain('"team-alpha"');
    expect(notCarried?.message).toContain('only the default groups ("confluence-users")');
  });

  it('text: says AWS sends no groups, the default groups the user gets, and the groups the login does not carry', async () => {
    const r = await cli(['simulate', response, '--target', join(dir, 'profile.yaml'), '--now', NOW]);
    expect(r.stdout).toContain('About the response (decides or explains the login):');
    expect(r.stdout).toContain('aws.groups-not-sent');
    expect(r.stdout).toMatch(/gets only the default groups confluence-users/);
    expect(r.stdout).toContain('jit.groups-not-carried');
  });
});
