/**
 * Issue 6 benchmark: streaming HAR import against JSON.parse of the same file, in the same run.
 * A HAR of BENCH_HAR_MB megabytes (default 200) is generated in a temporary folder: a login to Jira
 * through IAM Identity Center (AuthnRequest, Response, Atlassian error page) buried among scripts,
 * images and API calls. Each side runs in its own child process so its peak RSS is its own.
 * Baseline: `JSON.parse(readFileSync(file, 'utf8'))`. Reports time, throughput, peak RSS and heap,
 * and the time ratio (importer / JSON.parse). Memory target: the import's own memory (peak RSS above
 * an idle process with the same code loaded) stays below a quarter of the file size.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { importCaptureStreamFromFile } from '../src-main/capture/import-capture.js';
import { signedAwsResponse, toPostBinding, toRedirectUrl, buildAuthnRequest, awsIssuer, DEFAULTS } from '../tests/fixtures/aws-response.js';

interface ChildResult {
  ms: number;
  maxRssMb: number;
  heapUsedMb: number;
  check: string;
}

const MB = 1024 * 1024;

function entry(method: string, url: string, status: number, mime: string, text: string | undefined, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    startedDateTime: new Date(DEFAULTS.issueInstant.getTime()).toISOString(),
    time: 12.3,
    request: { method, url, httpVersion: 'HTTP/2', headers: [{ name: 'accept', value: '*/*' }, { name: 'user-agent', value: 'Mozilla/5.0 (bench)' }], queryString: [], cookies: [], headersSize: -1, bodySize: 0, ...((extra.request as object) ?? {}) },
    response: { status, statusText: '', httpVersion: 'HTTP/2', headers: [{ name: 'content-type', value: mime }], cookies: [], content: { size: text?.length ?? 0, mimeType: mime, ...(text !== undefined ? { text } : {}), ...((extra.content as object) ?? {}) }, redirectURL: (extra.redirectURL as string) ?? '', headersSize: -1, bodySize: -1 },
    cache: {},
    timings: { blocked: 0.5, dns: -1, ssl: -1, connect: -1, send: 0.1, wait: 10, receive: 1.7 },
    _resourceType: extra.type ?? 'script',
  });
}

/** Writes the HAR entry by entry (the generator itself must not hold 200 MB). */
async function generateHar(file: string, targetBytes: number): Promise<void> {
  const out = createWriteStream(file);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  const script = `function f(a){return a*2}/* ${'x'.repeat(200)} */\n`.repeat(2500); // ~0.6 MB
  const image = Buffer.alloc(150 * 1024, 7).toString('base64');
  const api = JSON.stringify({ items: Array.from({ length: 400 }, (_, i) => ({ id: i, name: `issue ${i}`, summary: 'lorem ipsum dolor sit amet' })) });
  const requestUrl = toRedirectUrl(buildAuthnRequest({ id: '_bench-req' }), awsIssuer(), '/secure/Dashboard.jspa');
  const body = `SAMLResponse=${encodeURIComponent(toPostBinding(signedAwsResponse({ inResponseTo: '_bench-req' })))}&RelayState=%2Fsecure%2FDashboard.jspa`;
  const errorPage = '<html><head><title>Authentication failed</title></head><body><p>Received SSO request for user jane.doe@example.com, but the user does not exist</p></body></html>';
  await write('{"log":{"version":"1.2","creator":{"name":"bench","version":"1"},"pages":[],"entries":[\n');
  let written = 0;
  let i = 0;
  let loginWritten = false;
  while (written < targetBytes) {
    let e: string;
    if (!loginWritten && written > targetBytes / 2) {
      loginWritten = true;
      e = [
        entry('GET', requestUrl, 200, 'text/html', '<html><body>Sign in</body></html>', { type: 'document' }),
        entry('POST', DEFAULTS.acsUrl, 400, 'text/html', errorPage, { type: 'document', request: { postData: { mimeType: 'application/x-www-form-urlencoded', text: body } } }),
      ].join(',\n');
    } else if (i % 3 === 0) e = entry('GET', `https://cdn.example.com/app-${i}.js`, 200, 'application/javascript', script);
    else if (i % 3 === 1) e = entry('GET', `https://cdn.example.com/img-${i}.png`, 200, 'image/png', image, { type: 'image', content: { encoding: 'base64' } });
    else e = entry('GET', `https://jira.example.com/rest/api/2/search?i=${i}`, 200, 'application/json', api, { type: 'xhr' });
    const chunk = (i === 0 ? '' : ',\n') + e;
    await write(chunk);
    written += chunk.length;
    i++;
  }
  await write('\n]}}\n');
  out.end();
  await once(out, 'close');
}

async function child(mode: string, file: string): Promise<void> {
  const start = performance.now();
  let check: string;
  let keep: unknown;
  if (mode === 'idle') {
    check = 'nothing';
  } else if (mode === 'json-parse') {
    keep = JSON.parse(readFileSync(file, 'utf8'));
    check = `${(keep as { log: { entries: unknown[] } }).log.entries.length} entries`;
  } else {
    const imported = await importCaptureStreamFromFile(file);
    keep = imported;
    check = `${imported.entriesRead} entries read, ${imported.flow.exchanges.length} kept`;
  }
  const ms = performance.now() - start;
  const result: ChildResult = { ms, maxRssMb: process.resourceUsage().maxRSS / 1024, heapUsedMb: process.memoryUsage().heapUsed / MB, check };
  void keep;
  process.stdout.write(JSON.stringify(result));
}

function run(mode: string, file: string): ChildResult {
  const r = spawnSync(process.execPath, ['--max-old-space-size=8192', process.argv[1]!, '--child', mode, file], { encoding: 'utf8', maxBuffer: 16 * MB });
  if (r.status !== 0) throw new Error(`${mode} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as ChildResult;
}

async function main(): Promise<void> {
  const targetMb = Number(process.env.BENCH_HAR_MB ?? 200);
  const dir = mkdtempSync(join(tmpdir(), 'samlscope-har-bench-'));
  const file = join(dir, 'capture.har');
  try {
    await generateHar(file, targetMb * MB);
    const sizeMb = statSync(file).size / MB;
    const idle = run('idle', file);
    const baseline = run('json-parse', file);
    const ours = run('importer', file);
    const ratio = ours.ms / baseline.ms;
    console.log(`\nHAR import, ${sizeMb.toFixed(1)} MB file (${baseline.check}; samlscope: ${ours.check})`);
    const row = (name: string, r: ChildResult) =>
      r === idle ? console.log(`  ${name.padEnd(44)} ${''.padStart(22)}            peak RSS ${r.maxRssMb.toFixed(0).padStart(6)} MB   heap ${r.heapUsedMb.toFixed(0).padStart(6)} MB`) : console.log(`  ${name.padEnd(44)} ${r.ms.toFixed(0).padStart(8)} ms ${(sizeMb / (r.ms / 1000)).toFixed(1).padStart(8)} MB/s   peak RSS ${r.maxRssMb.toFixed(0).padStart(6)} MB   heap ${r.heapUsedMb.toFixed(0).padStart(6)} MB`);
    row('process with the same code loaded, doing nothing', idle);
    row('JSON.parse(readFileSync) (baseline)', baseline);
    row('samlscope streaming importer', ours);
    console.log(`  time ratio importer / JSON.parse: ${ratio.toFixed(2)} (throughput ${(1 / ratio).toFixed(2)}× JSON.parse's)`);
    console.log(`  peak RSS ratio importer / JSON.parse: ${(ours.maxRssMb / baseline.maxRssMb).toFixed(3)}`);
    // What the import itself costs: its peak RSS above an idle process with the same code loaded.
    const importerCost = ours.maxRssMb - idle.maxRssMb;
    const parseCost = baseline.maxRssMb - idle.maxRssMb;
    const memoryTarget = sizeMb / 4;
    console.log(`  memory for the import itself (peak RSS above idle): importer ${importerCost.toFixed(0)} MB, JSON.parse ${parseCost.toFixed(0)} MB, file ${sizeMb.toFixed(0)} MB`);
    console.log(`  importer memory ${importerCost.toFixed(0)} MB (target < file/4 = ${memoryTarget.toFixed(0)} MB: ${importerCost < memoryTarget ? 'meets' : 'MISSES'})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') await child(process.argv[3]!, process.argv[4]!);
else await main();
