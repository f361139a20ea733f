/** `samlscope analyze capture.har` / `SAML-tracer-export.json`: every message in order, with its flow findings. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../../../src-main/cli/run-cli.js';
import type { CliIo } from '../../../src-main/cli/command.js';
import { DEFAULTS } from '../../fixtures/aws-response.js';
import { IDP_KEY } from '../../fixtures/keys.js';
import { atlassianErrorPage, loginFlow } from '../flow/flow-fixture.js';
import { harOf, samlTracerOf } from './capture-files.js';

const dir = mkdtempSync(join(tmpdir(), 'samlscope-cli-capture-'));
writeFileSync(join(dir, 'idp.pem'), IDP_KEY.certificatePem);
const NOW = new Date(DEFAULTS.issueInstant.getTime() + 30_000).toISOString();

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), cwd: dir, now: () => new Date(NOW), env: {}, readStdin: async () => '' };
  const code = await runCli(['analyze', ...args, '--idp-cert', 'idp.pem', '--now', NOW], io);
  return { code, out: out.join(''), err: err.join('') };
}

describe('samlscope analyze on captures', () => {
  test('a HAR: the flow in order, the SP error page as flow.sp-error, exit 1', async () => {
    writeFileSync(join(dir, 'login.har'), JSON.stringify(harOf(loginFlow({ spAnswer: atlassianErrorPage('Received SSO request for user jane.doe@example.com, but the user does not exist') }), 'chrome')));
    const { code, out } = await cli('login.har');
    expect(code).toBe(1);
    expect(out).toContain('login.har (har)');
    // Each exchange in capture order with the message it carried, then how request and response pair up.
    expect(out).toMatch(/Flow: 2 SAML messages in capture order\n\s+1\. GET \S+\/login\.jsp → 302\n\s+2\. GET \S+ → 200\s+AuthnRequest _req-4f1c\n\s+\d+\. POST \S+ → 400\s+Response \S+ → answers _req-4f1c/);
    expect(out).toMatch(/Response message 2 ← message 1 \(paired by in-response-to/);
    expect(out).toContain('ERROR flow.sp-error: The SP answered with an error page');
    expect(out).toContain('Received SSO request for user jane.doe@example.com, but the user does not exist');
  });

  test('a SAML-tracer export named .json is recognised by its content', async () => {
    writeFileSync(join(dir, 'SAML-tracer-export.json'), JSON.stringify(samlTracerOf(loginFlow(), 'current')));
    const { code, out } = await cli('SAML-tracer-export.json');
    expect(out).toContain('SAML-tracer-export.json (saml-tracer)');
    expect(out).toContain('No flow findings.');
    expect(code).toBe(0);
  });

  test('a cut-off HAR: the importer error is the finding, other inputs still run', async () => {
    const text = JSON.stringify(harOf(loginFlow(), 'chrome'));
    writeFileSync(join(dir, 'cut.har'), text.slice(0, 200));
    writeFileSync(join(dir, 'ok.har'), text);
    const { code, out } = await cli('cut.har', 'ok.har');
    expect(code).toBe(1);
    expect(out).toMatch(/ERROR input\.decode-failed: The capture could not be read\n\s+cut\.har: the file ends after 200 bytes, inside log\.entries\[0\]/);
    expect(out).toContain('ok.har (har)');
  });

  test('a plain message file still works as before', async () => {
    writeFileSync(join(dir, 'request.url'), loginFlow().exchanges[1]!.url);
    const { out } = await cli('request.url');
    expect(out).toContain('request.url (url)');
    expect(out).not.toContain('Flow:');
  });
});
