/**
 * Capture import against JSON.parse of the same file, in the same run.
 * Targets: import time ≤ 1.0 × `JSON.parse(readFileSync(file, 'utf8'))`, and the import's own memory
 * (peak RSS above an idle process with the same code loaded) ≤ 0.25 × the file size.
 * Three generated files, each a login to Jira through IAM Identity Center (AuthnRequest, Response,
 * Atlassian error page) buried in other traffic:
 * - many small entries: scripts, base64 images and API answers (BENCH_HAR_MB, default 200 MB);
 * - few large bodies: 300 entries with 512 KB response bodies;
 * - a SAML-tracer export of 50 MB (many requests without bodies, as SAML-tracer records them).
 * Each measurement runs in its own child process so its peak RSS is its own; the sides are interleaved
 * over BENCH_RUNS runs (default 5) and reported as min / median / max ratios.
 * `--generate many|few|tracer FILE MB` writes one of the files (to profile the importer on it).
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importCaptureStreamFromFile } from '../src-main/capture/import-capture.js';
import { awsIssuer, buildAuthnRequest, DEFAULTS, signedAwsResponse, toPostBinding, toRedirectUrl } from '../tests/fixtures/aws-response.js';
import { median } from './bench-util.js';

const MB = 1024 * 1024;
const TIME_TARGET = 1.0;
const MEMORY_TARGET = 0.25;

interface ChildResult {
  ms: number;
  maxRssMb: number;
  check: string;
}

type Shape = 'many' | 'few' | 'tracer';

const LOGIN = {
  requestUrl: () => toRedirectUrl(buildAuthnRequest({ id: '_bench-req' }), awsIssuer(), '/secure/Dashboard.jspa'),
  postBody: () => `SAMLResponse=${encodeURIComponent(toPostBinding(signedAwsResponse({ inResponseTo: '_bench-req' })))}&RelayState=%2Fsecure%2FDashboard.jspa`,
  errorPage: '<html><head><title>Authentication failed</title></head><body><p>Received SSO request for user jane.doe@example.com, but the user does not exist</p></body></html>',
};

function harEntry(method: string, url: string, status: number, mime: string, text: string | undefined, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    startedDateTime: DEFAULTS.issueInstant.toISOString(),
    time: 12.3,
    request: { method, url, httpVersion: 'HTTP/2', headers: [{ name: 'accept', value: '*/*' }, { name: 'user-agent', value: 'Mozilla/5.0 (bench)' }], queryString: [], cookies: [], headersSize: -1, bodySize: 0, ...((extra.request as object) ?? {}) },
    response: { status, statusText: '', httpVersion: 'HTTP/2', headers: [{ name: 'content-type', value: mime }], cookies: [], content: { size: text?.length ?? 0, mimeType: mime, ...(text !== undefined ? { text } : {}), ...((extra.content as object) ?? {}) }, redirectURL: '', headersSize: -1, bodySize: -1 },
    cache: {},
    timings: { blocked: 0.5, dns: -1, ssl: -1, connect: -1, send: 0.1, wait: 10, receive: 1.7 },
    _resourceType: extra.type ?? 'script',
  });
}

function loginEntries(): string[] {
  return [
    harEntry('GET', LOGIN.requestUrl(), 200, 'text/html', '<html><body>Sign in</body></html>', { type: 'document' }),
    harEntry('POST', DEFAULTS.acsUrl, 400, 'text/html', LOGIN.errorPage, { type: 'document', request: { postData: { mimeType: 'application/x-www-form-urlencoded', text: LOGIN.postBody() } } }),
  ];
}

function tracerRequest(i: number): string {
  return JSON.stringify({
    method: 'GET',
    url: `https://jira.example.com/rest/api/2/issue/PROJ-${i}?expand=renderedFields,names,schema,transitions,operations,editmeta,changelog`,
    requestId: String(1000 + i),
    requestHeaders: [{ name: 'Accept', value: 'application/json' }, { name: 'User-Agent', value: 'Mozilla/5.0 (bench)' }, { name: 'Cookie', value: `JSESSIONID=${'c'.repeat(64)}` }],
    responseStatus: 200,
    responseStatusText: 'HTTP/1.1 200',
    responseHeaders: [{ name: 'Content-Type', value: 'application/json;charset=UTF-8' }, { name: 'Cache-Control', value: 'no-cache, no-store, no-transform' }],
    get: [['expand', 'renderedFields,names,schema,transitions,operations,editmeta,changelog']],
  });
}

function tracerLogin(): string[] {
  const post = LOGIN.postBody();
  return [
    JSON.stringify({ method: 'GET', url: LOGIN.requestUrl(), requestId: 'login-1', requestHeaders: [], responseStatus: 302, responseHeaders: [] }),
    JSON.stringify({ method: 'POST', url: DEFAULTS.acsUrl, requestId: 'login-2', requestHeaders: [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }], post: post.split('&').map((kv) => kv.split('=').map(decodeURIComponent)), responseStatus: 400, responseHeaders: [] }),
  ];
}

/** Writes the file entry by entry (the generator itself must not hold hundreds of megabytes). */
async function generate(shape: Shape, file: string, targetBytes: number): Promise<void> {
  const out = createWriteStream(file);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  const script = `function f(a){return a*2}/* ${'x'.repeat(200)} */\n`.repeat(2500);
  const image = Buffer.alloc(150 * 1024, 7).toString('base64');
  const api = JSON.stringify({ items: Array.from({ length: 400 }, (_, i) => ({ id: i, name: `issue ${i}`, summary: 'lorem ipsum dolor sit amet' })) });
  const bigBody = `<html><body>${'<div class="row">report line</div>\n'.repeat(Math.ceil((512 * 1024) / 35))}</body></html>`.slice(0, 512 * 1024);
  const filler = (i: number): string => {
    if (shape === 'tracer') return tracerRequest(i);
    if (shape === 'few') return harEntry('GET', `https://jira.example.com/secure/ReportPage-${i}.jspa`, 200, 'text/html', bigBody, { type: 'xhr' });
    if (i % 3 === 0) return harEntry('GET', `https://cdn.example.com/app-${i}.js`, 200, 'application/javascript', script);
    if (i % 3 === 1) return harEntry('GET', `https://cdn.example.com/img-${i}.png`, 200, 'image/png', image, { type: 'image', content: { encoding: 'base64' } });
    return harEntry('GET', `https://jira.example.com/rest/api/2/search?i=${i}`, 200, 'application/json', api, { type: 'xhr' });
  };
  await write(shape === 'tracer' ? '{"requests":[\n' : '{"log":{"version":"1.2","creator":{"name":"bench","version":"1"},"pages":[],"entries":[\n');
  let written = 0;
  let loginWritten = false;
  for (let i = 0; written < targetBytes; i++) {
    let e = filler(i);
    if (!loginWritten && written > targetBytes / 2) {
      loginWritten = true;
      e = [...(shape === 'tracer' ? tracerLogin() : loginEntries()), e].join(',\n');
    }
    const chunk = (i === 0 ? '' : ',\n') + e;
    await write(chunk);
    written += chunk.length;
  }
  await write(shape === 'tracer' ? '\n],"timestamp":"2026-12-06T10:00:00.000Z"}\n' : '\n]}}\n');
  out.end();
  await once(out, 'close');
}

async function child(mode: string, file: string): Promise<void> {
  const start = performance.now();
  let check = 'nothing';
  if (mode === 'json-parse') {
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { log?: { entries: unknown[] }; requests?: unknown[] };
    check = `${(doc.log?.entries ?? doc.requests ?? []).length} entries`;
  } else if (mode === 'importer') {
    const imported = await importCaptureStreamFromFile(file);
    check = `${imported.entriesRead} entries read, ${imported.flow.exchanges.length} kept`;
  }
  const result: ChildResult = { ms: performance.now() - start, maxRssMb: process.resourceUsage().maxRSS / 1024, check };
  process.stdout.write(JSON.stringify(result));
}

function run(mode: string, file: string): ChildResult {
  const r = spawnSync(process.execPath, ['--max-old-space-size=8192', process.argv[1]!, '--child', mode, file], { encoding: 'utf8', maxBuffer: 16 * MB });
  if (r.status !== 0) throw new Error(`${mode} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as ChildResult;
}

const spread = (values: number[]) => `min ${Math.min(...values).toFixed(3)}  median ${median(values).toFixed(3)}  max ${Math.max(...values).toFixed(3)}`;
const verdict = (value: number, target: number) => (value <= target ? 'OK' : 'MISS');

async function measure(shape: Shape, label: string, sizeMb: number, runs: number, dir: string): Promise<boolean> {
  const file = join(dir, `${shape}.json`);
  await generate(shape, file, sizeMb * MB);
  const fileMb = statSync(file).size / MB;
  const times: number[] = [];
  const memory: number[] = [];
  let sample = '';
  for (let i = 0; i < runs; i++) {
    const idle = run('idle', file);
    const baseline = run('json-parse', file);
    const ours = run('importer', file);
    times.push(ours.ms / baseline.ms);
    memory.push((ours.maxRssMb - idle.maxRssMb) / fileMb);
    sample = `JSON.parse ${baseline.ms.toFixed(0)} ms (${baseline.check}), importer ${ours.ms.toFixed(0)} ms (${ours.check}), importer peak RSS ${ours.maxRssMb.toFixed(0)} MB, idle ${idle.maxRssMb.toFixed(0)} MB, JSON.parse ${baseline.maxRssMb.toFixed(0)} MB`;
  }
  rmSync(file, { force: true });
  const timeOk = median(times) <= TIME_TARGET;
  const memoryOk = median(memory) <= MEMORY_TARGET;
  console.log(`\n${label}, ${fileMb.toFixed(0)} MB, ${runs} runs (last: ${sample})`);
  console.log(`  time importer / JSON.parse           ${spread(times)}   target ≤ ${TIME_TARGET.toFixed(2)}: ${verdict(median(times), TIME_TARGET)}`);
  console.log(`  memory (peak RSS above idle) / file  ${spread(memory)}   target ≤ ${MEMORY_TARGET.toFixed(2)}: ${verdict(median(memory), MEMORY_TARGET)}`);
  return timeOk && memoryOk;
}

async function main(): Promise<void> {
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  const dir = mkdtempSync(join(tmpdir(), 'samlscope-har-bench-'));
  try {
    console.log('Capture import vs JSON.parse(readFileSync(file, "utf8")) (baseline), same machine, same run');
    const results = [
      await measure('many', 'HAR, many small entries (scripts, images, API answers)', Number(process.env.BENCH_HAR_MB ?? 200), runs, dir),
      await measure('few', 'HAR, 300 entries with 512 KB bodies', 150, runs, dir),
      await measure('tracer', 'SAML-tracer export', 50, runs, dir),
    ];
    console.log(`\ncapture import: ${results.every(Boolean) ? 'OK' : 'MISS'} on ${results.filter(Boolean).length} of ${results.length} files`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') await child(process.argv[3]!, process.argv[4]!);
else if (process.argv[2] === '--generate') await generate(process.argv[3] as Shape, process.argv[4]!, Number(process.argv[5] ?? 100) * MB);
else await main();
