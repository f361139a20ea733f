/**
 * CLI start-up: the wall time of `samlscope analyze` of one AWS-shaped signed response
 * (about 8 KB of XML; Response and Assertion signed, verified against the IdP metadata) against a bare
 * `node -e 0`, measured in the same run. Baseline: `node -e 0`. Target: samlscope at most 2.5 × the
 * baseline (median ratio), with a warm compile cache: the normal second and later run of the installed
 * bin (dist/cli/samlscope.cjs enables Node's module compile cache, src-main/cli/bin.ts).
 *
 * The bin keeps its cache in the OS temporary directory; each measurement points TMPDIR (TEMP/TMP on
 * Windows) at a directory of its own, so it reads exactly the cache it should:
 *  - warm: a directory a first run has filled (the target applies here);
 *  - cold: an empty directory, fresh for every run (a first run: compiles everything and writes the cache);
 *  - no cache: NODE_DISABLE_COMPILE_CACHE=1 (a Node without the cache, e.g. below 22.1).
 * The four commands run interleaved, in a rotating order, BENCH_RUNS times (default 11, at least 5); each
 * ratio is samlscope's time over the baseline's of the same round. Figures: min/median/max.
 * BENCH_CLI=FILE measures that bin instead of building dist/cli/samlscope.cjs (to compare with an older build).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { awsIdpMetadata, DEFAULTS, signedAwsResponse } from '../tests/fixtures/aws-response.js';
import { median } from './bench-util.js';

const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 11));
const TARGET = 2.5;

const work = mkdtempSync(join(tmpdir(), 'samlscope-bench-cli-start-'));
const responseFile = join(work, 'response.xml');
const now = DEFAULTS.issueInstant;
writeFileSync(responseFile, signedAwsResponse({ issueInstant: now }));
writeFileSync(join(work, 'idp.xml'), awsIdpMetadata());
const responseBytes = statSync(responseFile).size;

// BENCH_CLI=FILE measures another build of the bin (e.g. one of an older commit) instead of building this one.
if (!process.env.BENCH_CLI) spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
const cli = resolve(process.env.BENCH_CLI ?? 'dist/cli/samlscope.cjs');
const analyzeArgs = [cli, 'analyze', responseFile, '--idp-metadata', join(work, 'idp.xml'), '--sp-entity-id', DEFAULTS.audience, '--acs-url', DEFAULTS.acsUrl, '--now', new Date(now.getTime() + 60_000).toISOString(), '--format', 'json'];

function tempEnv(dir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: dir, TEMP: dir, TMP: dir };
  delete env.NODE_COMPILE_CACHE;
  delete env.NODE_DISABLE_COMPILE_CACHE;
  return env;
}

function wall(args: string[], env: NodeJS.ProcessEnv, check?: (stdout: string) => void): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  check?.(run.stdout);
  return ms;
}

const checkValid = (stdout: string) => {
  const status = (JSON.parse(stdout) as { messages: Array<{ signature: { status: string } }> }).messages[0]?.signature.status;
  if (status !== 'valid') throw new Error(`samlscope did not verify the bench response (signature ${status})`);
};

const warmDir = join(work, 'warm');
mkdirSync(warmDir);
let coldRuns = 0;
const sides = {
  baseline: () => wall(['-e', '0'], tempEnv(warmDir)),
  warm: () => wall(analyzeArgs, tempEnv(warmDir), checkValid),
  cold: () => {
    const dir = join(work, `cold-${coldRuns++}`);
    mkdirSync(dir);
    try {
      return wall(analyzeArgs, tempEnv(dir), checkValid);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  noCache: () => wall(analyzeArgs, { ...tempEnv(warmDir), NODE_DISABLE_COMPILE_CACHE: '1' }, checkValid),
};
type Side = keyof typeof sides;
const ORDER: Side[] = ['baseline', 'warm', 'cold', 'noCache'];

const spread = (values: number[], digits: number) => `${Math.min(...values).toFixed(digits)}/${median(values).toFixed(digits)}/${Math.max(...values).toFixed(digits)}`;

try {
  // Fill the warm cache and warm the file system cache for every side.
  for (const side of ORDER) sides[side]();
  const cacheUsed = readFileSync(cli, 'utf8').includes('enableCompileCache');
  const times: Record<Side, number[]> = { baseline: [], warm: [], cold: [], noCache: [] };
  for (let round = 0; round < RUNS; round++) {
    const order = ORDER.map((_, i) => ORDER[(i + round) % ORDER.length]!);
    for (const side of order) times[side].push(sides[side]());
  }
  const ratios = (side: Side) => times[side].map((ms, i) => ms / times.baseline[i]!);
  const warm = ratios('warm');
  const ok = median(warm) <= TARGET;

  console.log(`\nCLI start-up: samlscope analyze of one AWS-shaped signed response (${(responseBytes / 1024).toFixed(1)} KB) --format json (min/median/max of ${RUNS} runs)`);
  console.log(`  ${'node -e 0 (baseline)'.padEnd(62)} ${spread(times.baseline, 0).padStart(16)} ms`);
  console.log(`  ${'samlscope analyze, warm compile cache (2nd and later run)'.padEnd(62)} ${spread(times.warm, 0).padStart(16)} ms   ratio ${spread(warm, 2)}`);
  console.log(`  ${'samlscope analyze, cold compile cache (first run)'.padEnd(62)} ${spread(times.cold, 0).padStart(16)} ms   ratio ${spread(ratios('cold'), 2)}`);
  console.log(`  ${'samlscope analyze, compile cache disabled'.padEnd(62)} ${spread(times.noCache, 0).padStart(16)} ms   ratio ${spread(ratios('noCache'), 2)}`);
  if (!cacheUsed) console.log('  (this build does not enable the compile cache: the three samlscope rows measure the same thing)');
  console.log(`  warm ratio median ${median(warm).toFixed(2)} (target ≤ ${TARGET}, normal second-and-later run: ${ok ? 'OK' : 'MISS'})`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
