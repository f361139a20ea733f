/**
 * An EncryptedAssertion whose plaintext is not XML is a finding on that input (assertion.decryption-failed,
 * saying what was wrong); the other inputs of the same CLI run are analysed as usual.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/run-cli.js';
import type { CliIo } from '../../src-main/cli/command.js';
import { awsIdpMetadata, DEFAULTS, encryptAssertion, signedAwsResponse, toPostBinding } from '../fixtures/aws-response.js';
import { IDP_KEY, SP_KEY } from '../fixtures/keys.js';

const NOW = '2026-11-29T10:01:00Z';
let dir: string;

function io(cwd: string): CliIo & { out: string; err: string } {
  const sink = {
    out: '', err: '', cwd, env: {},
    now: () => new Date(NOW),
    readStdin: async () => '',
    stdout: (t: string) => void (sink.out += t),
    stderr: (t: string) => void (sink.err += t),
  };
  return sink;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'samlscope-decrypt-'));
  writeFileSync(join(dir, 'idp.xml'), awsIdpMetadata({ certificates: [IDP_KEY.certificateBase64] }));
  writeFileSync(join(dir, 'sp-key.pem'), SP_KEY.privateKeyPem);
  mkdirSync(join(dir, 'inputs'));
  const signed = signedAwsResponse({ sign: { response: true } });
  writeFileSync(join(dir, 'inputs', '1-good.b64'), toPostBinding(signedAwsResponse()));
  writeFileSync(join(dir, 'inputs', '2-junk.xml'), await encryptAssertion(signed, SP_KEY.certificatePem, { plaintext: 'not <xml at all & never closed' }));
  writeFileSync(join(dir, 'inputs', '3-encrypted.xml'), await encryptAssertion(signed, SP_KEY.certificatePem));
});

describe('samlscope analyze with content that decrypts to something that is not XML', () => {
  it('reports assertion.decryption-failed on that input and analyses the others', async () => {
    const sink = io(dir);
    const code = await runCli(['analyze', 'inputs', '--idp-metadata', 'idp.xml', '--sp-key', 'sp-key.pem', '--now', NOW,
      '--sp-entity-id', DEFAULTS.audience, '--acs-url', DEFAULTS.acsUrl, '--format', 'jsonl'], sink);
    expect(sink.err).toBe('');
    const lines = sink.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.input.source)).toEqual([join('inputs', '1-good.b64'), join('inputs', '2-junk.xml'), join('inputs', '3-encrypted.xml')].map((p) => expect.stringContaining(p.split('/').pop()!)));
    expect(code).toBe(1);

    expect(lines[0].messages[0].signature.status).toBe('valid');
    const junk = lines[1].messages[0];
    expect(junk.verdict).toBe('fail');
    const failure = junk.findings.find((f: { id: string }) => f.id === 'assertion.decryption-failed');
    expect(failure.severity).toBe('error');
    expect(failure.message).toMatch(/not a readable assertion: .*not well-formed XML/);
    expect(junk.subject).toBeUndefined();
    expect(lines[2].messages[0]).toMatchObject({ signature: { status: 'valid' }, subject: { nameId: 'jane.doe@example.com', verified: true } });
  });
});
