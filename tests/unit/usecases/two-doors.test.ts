/**
 * The two-doors test: for every case of the shared conformance corpus, the demo case and every example
 * profile, the command line (`samlscope analyze/report/simulate --format json`, run in-process) and the
 * desktop app (its IPC handlers behind the real validators) give the same analysis, the same simulation
 * and the same redacted report. Compared structurally: the CLI's JSON parsed, the app's result as it
 * crosses IPC (JSON-safe), deep-equal.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src-main/cli/command.js';
import { runCli } from '../../../src-main/cli/run-cli.js';
import type { Channel, RequestOf, ResponseOf } from '../../../src-main/ipc/contract.js';
import { validateRequest } from '../../../src-main/ipc/validators.js';
import { ASSETS, createHarness, type Harness } from '../app-services/harness.js';

const CORPUS = path.resolve(process.env.SAMLSCOPE_CORPUS ?? path.join(__dirname, '../../../../shared/corpus'));
const CLOCK = new Date('2026-01-15T10:05:00Z');

interface CorpusCase {
  id: string;
  file: string;
  idpCert: string;
  spKey?: string;
  now: string | null;
  audience: string | null;
}

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: CLOCK });
});
afterEach(async () => h.dispose());

async function cli(argv: string[], cwd: string): Promise<string> {
  let out = '';
  const io: CliIo = { cwd, env: {}, now: () => CLOCK, readStdin: async () => '', stdout: (t) => void (out += t), stderr: () => undefined };
  const code = await runCli(argv, io);
  if (code === 2) throw new Error(`usage error for ${argv.join(' ')}`);
  return out;
}

async function ipc<C extends Channel>(channel: C, payload: unknown): Promise<ResponseOf<C>> {
  const request: RequestOf<C> = validateRequest(channel, payload);
  return (h.services.handlers[channel] as (r: RequestOf<C>) => Promise<ResponseOf<C>>)(request);
}

/** What crosses IPC or a JSON file: plain data. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

/** The app's redacted JSON report of the current workspace, written where the save dialog points. */
async function appJsonReport(): Promise<unknown> {
  const file = path.join(h.userData, `report-${h.savePaths.length}-${Math.random().toString(36).slice(2)}.json`);
  h.savePaths.push(file);
  await ipc('report:export', { format: 'json', redact: true });
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Gives the app the same setup the CLI gets from its flags (file names as origins, so evidence reads alike). */
async function appSetup(root: string, idpTrust: string, spKey?: string): Promise<void> {
  const patch: Record<string, unknown> = { idpTrust: { text: readFileSync(path.join(root, idpTrust), 'utf8'), name: idpTrust } };
  if (spKey) patch.spKey = { text: readFileSync(path.join(root, spKey), 'utf8'), name: spKey };
  await ipc('workspace:set-setup', { patch, targetProfileId: null });
}

const cases: CorpusCase[] = existsSync(path.join(CORPUS, 'manifest.json')) ? (JSON.parse(readFileSync(path.join(CORPUS, 'manifest.json'), 'utf8')) as { cases: CorpusCase[] }).cases : [];

describe.skipIf(cases.length === 0)('two doors: the conformance corpus', () => {
  it.each(cases.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const now = c.now ?? '2026-11-29T00:00:00Z';
    const flags = ['--idp-cert', c.idpCert, ...(c.spKey ? ['--sp-key', c.spKey] : []), '--now', now, '--profile', 'generic', ...(c.audience ? ['--sp-entity-id', c.audience] : [])];
    const cliAnalysis = JSON.parse(await cli(['analyze', c.file, ...flags, '--format', 'json'], CORPUS));
    const cliReport = JSON.parse(await cli(['report', c.file, ...flags, '--format', 'json', '--title', c.file], CORPUS));

    await appSetup(CORPUS, c.idpCert, c.spKey);
    const options = { now, profile: 'generic', ...(c.audience ? { sp: { entityId: c.audience } } : {}) };
    const app = await ipc('workspace:analyze', { text: readFileSync(path.join(CORPUS, c.file), 'utf8'), source: c.file, targetProfileId: null, options });
    expect(plain(app.results[0])).toEqual(cliAnalysis);
    expect(await appJsonReport()).toEqual(cliReport);
  });
});

describe('two doors: the demo case', () => {
  it('analyses and reports the demo response against its IdP metadata alike', async () => {
    const demo = path.join(ASSETS, 'demo');
    const flags = ['--idp-metadata', 'demo-idp-metadata.xml', '--now', '2026-01-15T10:01:00Z'];
    const cliAnalysis = JSON.parse(await cli(['analyze', 'demo-response.xml', ...flags, '--format', 'json'], demo));
    const cliReport = JSON.parse(await cli(['report', 'demo-response.xml', ...flags, '--format', 'json', '--title', 'demo-response.xml'], demo));
    await appSetup(demo, 'demo-idp-metadata.xml');
    const app = await ipc('workspace:analyze', { text: readFileSync(path.join(demo, 'demo-response.xml'), 'utf8'), source: 'demo-response.xml', targetProfileId: null, options: { now: '2026-01-15T10:01:00Z' } });
    expect(plain(app.results[0])).toEqual(cliAnalysis);
    expect(await appJsonReport()).toEqual(cliReport);
  });
});

/** The demo login as a browser's HAR export would carry it. */
function demoHar(): string {
  const b64 = readFileSync(path.join(ASSETS, 'demo', 'demo-response.xml')).toString('base64');
  const entry = {
    startedDateTime: '2026-01-15T10:00:30.000Z',
    request: {
      method: 'POST',
      url: 'https://jira.example.com/plugins/servlet/samlconsumer',
      headers: [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }],
      postData: { mimeType: 'application/x-www-form-urlencoded', params: [{ name: 'SAMLResponse', value: b64 }], text: `SAMLResponse=${encodeURIComponent(b64)}` },
    },
    response: { status: 302, headers: [{ name: 'Location', value: 'https://jira.example.com/secure/Dashboard.jspa' }], content: { size: 0, mimeType: 'text/html' } },
  };
  return JSON.stringify({ log: { version: '1.2', creator: { name: 'test', version: '1' }, entries: [entry] } });
}

describe('two doors: the demo login captured as HAR', () => {
  it('analyses the flow and reports it, redacted with its time line, alike', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'samlscope-two-doors-'));
    writeFileSync(path.join(dir, 'login.har'), demoHar());
    writeFileSync(path.join(dir, 'idp.xml'), readFileSync(path.join(ASSETS, 'demo', 'demo-idp-metadata.xml')));
    const cliAnalysis = JSON.parse(await cli(['analyze', 'login.har', '--idp-metadata', 'idp.xml', '--format', 'json'], dir));
    const cliReport = JSON.parse(await cli(['report', 'login.har', '--idp-metadata', 'idp.xml', '--format', 'json', '--title', 'login.har'], dir));
    await appSetup(dir, 'idp.xml');
    const app = await ipc('workspace:drop-file', { name: 'login.har', text: demoHar(), targetProfileId: null });
    expect(plain(app.results[0])).toEqual(cliAnalysis);
    expect(await appJsonReport()).toEqual(cliReport);
  });
});

const profiles = readdirSync(path.join(ASSETS, 'examples'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(ASSETS, 'examples', d.name, 'profile.yaml')))
  .map((d) => d.name);

describe('two doors: the example profiles', () => {
  it.each(profiles)('%s: the demo login gives the same analysis, simulation and redacted report', async (name) => {
    const profile = path.join(ASSETS, 'examples', name, 'profile.yaml');
    const response = 'demo-response.xml';
    const cwd = path.join(ASSETS, 'demo');
    const now = '2026-01-15T10:01:00Z';
    const cliSimulation = JSON.parse(await cli(['simulate', response, '--target', profile, '--now', now, '--format', 'json'], cwd)) as { simulation: unknown };
    const cliPlain = JSON.parse(await cli(['report', response, '--target', profile, '--now', now, '--format', 'json', '--no-redact', '--title', response], cwd)) as { results: unknown[] };
    const cliReport = JSON.parse(await cli(['report', response, '--target', profile, '--now', now, '--format', 'json', '--title', response], cwd));

    const app = await ipc('workspace:analyze', { text: readFileSync(path.join(cwd, response), 'utf8'), source: response, targetProfileId: `example:${name}/profile.yaml`, options: { now } });
    expect(app.simulationError).toBeUndefined();
    expect(plain(app.simulation)).toEqual(cliSimulation.simulation);
    expect(plain(app.results)).toEqual(cliPlain.results);
    expect(await appJsonReport()).toEqual(cliReport);
  });
});
