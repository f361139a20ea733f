/**
 * Full analysis against @node-saml/node-saml over the same N AWS-shaped responses (Response and Assertion
 * both signed), measured in the same run. Baseline: node-saml's validatePostResponseAsync. Target: samlscope
 * at most half node-saml's time (ratio ≤ 0.5), both
 *  - whole process: `samlscope analyze DIR --format jsonl` against a Node process running node-saml over the
 *    same files (start-up, reading and printing included), and
 *  - in process, per response, after a warm-up round.
 * Each figure is min/median/max over ROUNDS runs, the two sides alternating so neither always runs warmer.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SAML } from '@node-saml/node-saml';
import { analyze } from '../src-main/core/analyze.js';
import { defaultOptions } from '../src-main/core/model/options.js';
import { awsIssuer, signedAwsResponse, toPostBinding, DEFAULTS } from '../tests/fixtures/aws-response.js';
import { IDP_KEY } from '../tests/fixtures/keys.js';
import { median } from './bench-util.js';

const N = Number(process.env.BENCH_N ?? 400);
const ROUNDS = Math.max(5, Number(process.env.BENCH_ROUNDS ?? 5));
const TARGET = 0.5;

const now = new Date();
const issueInstant = new Date(now.getTime() - 30_000);
const inputs = Array.from({ length: N }, (_, i) =>
  toPostBinding(signedAwsResponse({ issueInstant, nameId: `user${i}@example.com`, responseId: `_r${i}`, assertionId: `_a${i}` })),
);

const nodeSamlConfig = {
  idpCert: IDP_KEY.certificatePem,
  issuer: DEFAULTS.audience,
  audience: DEFAULTS.audience,
  callbackUrl: DEFAULTS.acsUrl,
  idpIssuer: awsIssuer(),
  wantAssertionsSigned: true,
  wantAuthnResponseSigned: true,
  acceptedClockSkewMs: 180_000,
  validateInResponseTo: 'never',
};

// ---- whole process -------------------------------------------------------------------------------

const work = mkdtempSync(join(tmpdir(), 'samlscope-bench-'));
const dir = join(work, 'responses');
mkdirSync(dir);
inputs.forEach((content, i) => writeFileSync(join(dir, `response-${String(i).padStart(4, '0')}.b64`), content));
writeFileSync(join(work, 'idp.pem'), IDP_KEY.certificatePem);
// The baseline process lives in the project (dist/run) so it resolves node-saml from node_modules.
const nodeSamlScript = resolve('dist/run/node-saml-folder.mjs');
writeFileSync(nodeSamlScript, `
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAML } from '@node-saml/node-saml';
const [dir, config] = [process.argv[2], JSON.parse(process.argv[3])];
const saml = new SAML(config);
let ok = 0;
for (const file of readdirSync(dir).sort()) {
  const { profile } = await saml.validatePostResponseAsync({ SAMLResponse: readFileSync(join(dir, file), 'utf8') });
  if (profile) ok++;
}
console.log(JSON.stringify({ ok }));
`);

spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
const cli = resolve('dist/cli/samlscope.cjs');

function wall(args: string[], check: (stdout: string) => void): number {
  const outFile = join(work, 'out.txt');
  const out = openSync(outFile, 'w');
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { stdio: ['ignore', out, 'pipe'] });
  const ms = performance.now() - started;
  closeSync(out);
  if (run.status !== 0 && run.status !== 1) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  check(readFileSync(outFile, 'utf8'));
  return ms;
}

const samlscopeArgs = [cli, 'analyze', dir, '--idp-cert', join(work, 'idp.pem'), '--sp-entity-id', DEFAULTS.audience, '--acs-url', DEFAULTS.acsUrl, '--now', now.toISOString(), '--format', 'jsonl'];
const wholeSamlscope = () => wall(samlscopeArgs, (stdout) => {
  const valid = stdout.trim().split('\n').filter((line) => (JSON.parse(line) as { messages: Array<{ signature: { status: string } }> }).messages[0]?.signature.status === 'valid').length;
  if (valid !== N) throw new Error(`samlscope verified ${valid} of ${N} bench responses`);
});
const wholeNodeSaml = () => wall([nodeSamlScript, dir, JSON.stringify(nodeSamlConfig)], (stdout) => {
  if ((JSON.parse(stdout) as { ok: number }).ok !== N) throw new Error(`node-saml accepted fewer than ${N} bench responses: ${stdout}`);
});

// ---- in process ------------------------------------------------------------------------------------

const options = defaultOptions(now, {
  trustedCertificates: [{ pem: IDP_KEY.certificatePem, source: 'idp-cert', origin: 'bench' }],
  sp: { entityId: DEFAULTS.audience, acsUrl: DEFAULTS.acsUrl },
});
options.idpMetadata = { entityId: awsIssuer(), signingCertificates: [IDP_KEY.certificateBase64], ssoServices: [], sloServices: [], nameIdFormats: [] };
const saml = new SAML(nodeSamlConfig as ConstructorParameters<typeof SAML>[0]);

async function inProcessSamlscope(): Promise<number> {
  const started = performance.now();
  for (const content of inputs) {
    const result = await analyze({ source: 'bench', content }, options);
    if (result.messages[0]?.signature.status !== 'valid') throw new Error(`samlscope did not verify a bench response: ${JSON.stringify(result.messages[0]?.findings.map((f) => f.id))}`);
  }
  return (performance.now() - started) / N;
}

async function inProcessNodeSaml(): Promise<number> {
  const started = performance.now();
  for (const SAMLResponse of inputs) {
    const { profile } = await saml.validatePostResponseAsync({ SAMLResponse });
    if (!profile) throw new Error('node-saml did not accept a bench response');
  }
  return (performance.now() - started) / N;
}

// ---- runs ------------------------------------------------------------------------------------------

async function alternate(ours: () => number | Promise<number>, theirs: () => number | Promise<number>): Promise<{ ours: number[]; theirs: number[]; ratios: number[] }> {
  const out = { ours: [] as number[], theirs: [] as number[], ratios: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    let a: number;
    let b: number;
    if (round % 2 === 0) {
      a = await ours();
      b = await theirs();
    } else {
      b = await theirs();
      a = await ours();
    }
    out.ours.push(a);
    out.theirs.push(b);
    out.ratios.push(a / b);
  }
  return out;
}

const spread = (values: number[], digits: number) => `${Math.min(...values).toFixed(digits)}/${median(values).toFixed(digits)}/${Math.max(...values).toFixed(digits)}`;

function report(title: string, unit: string, digits: number, runs: { ours: number[]; theirs: number[]; ratios: number[] }): boolean {
  const ok = median(runs.ratios) <= TARGET;
  console.log(`\n${title} (min/median/max of ${ROUNDS} runs)`);
  console.log(`  ${'@node-saml/node-saml validatePostResponseAsync (baseline)'.padEnd(60)} ${spread(runs.theirs, digits).padStart(22)} ${unit}`);
  console.log(`  ${'samlscope analyze (full analysis)'.padEnd(60)} ${spread(runs.ours, digits).padStart(22)} ${unit}`);
  console.log(`  ratio ${spread(runs.ratios, 3)} (median target ≤ ${TARGET}: ${ok ? 'OK' : 'MISS'})`);
  return ok;
}

try {
  wholeSamlscope();
  wholeNodeSaml();
  const whole = await alternate(wholeSamlscope, wholeNodeSaml);
  await inProcessSamlscope(); // warm-up
  await inProcessNodeSaml();
  const perResponse = await alternate(inProcessSamlscope, inProcessNodeSaml);
  const okWhole = report(`analyze, whole process: ${N} AWS-shaped responses in one folder (Response + Assertion signed)`, 'ms', 0, whole);
  const okInProcess = report(`analyze, in process per response after warm-up (${N} responses per run)`, 'ms/response', 2, perResponse);
  console.log(`\n  analysis ≥ 2× node-saml: ${okWhole && okInProcess ? 'OK' : 'MISS'}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
