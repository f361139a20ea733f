/**
 * samlscope's fuzzer. `npm run fuzz -- --minutes N --seed S` mutates the signed seeds and the conformance
 * corpus, analyses every input in a worker with a time and heap limit, and checks each result with the
 * identity oracle and xmlsec1. Findings go to fuzz-findings/ (original, minimised, and how to replay).
 * How to run and what the oracles are: docs/fuzzing.md.
 *
 *   --seed S        campaign seed (default: the current time)         --minutes N   stop after N minutes
 *   --count N       stop after N inputs                                --start I     first index (default 0)
 *   --index I       replay input I of campaign S only, print it and its judgement as JSON
 *   --out DIR       where findings go (default fuzz-findings)          --no-corpus   AWS seeds only
 *   --no-xmlsec     skip the xmlsec1 second opinion                    --keep N      files kept per kind (default 25)
 *   --workers N     analyses in parallel (default: 2, at most the number of CPUs)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { AnalysisPool, serveAnalyses, type AnalysisOutcome } from './analysis-worker.js';
import { count, emptyStats, failsAs, judgeOutcome, type CampaignStats, type FuzzFinding } from './campaign.js';
import { generateInput, type FuzzInput } from './generate.js';
import { minimise } from './minimise.js';
import type { MessageVerdict } from './oracle.js';
import { loadSeeds, type FuzzSeed } from './seed-set.js';
import { xmlsecAvailable, xmlsecRefusal } from './xmlsec.js';

const TIMEOUT_MS = 10_000;
/** Inputs analysed but not yet judged, at most: enough to keep xmlsec1 and the analyses overlapping. */
const MAX_JUDGING = 16;

interface Judged {
  input: FuzzInput;
  baseline: MessageVerdict[];
  outcome: AnalysisOutcome;
  finding: FuzzFinding | undefined;
}
const HEAP_MB = 512;

interface Args { workers: number; seed: number; minutes?: number; count?: number; start: number; index?: number; out: string; corpus: boolean; xmlsec: boolean; keep: number }

function parseArgs(argv: string[]): Args {
  const value = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const number = (flag: string): number | undefined => {
    const text = value(flag);
    if (text === undefined) return undefined;
    const parsed = Number(text);
    if (!Number.isFinite(parsed)) throw new Error(`${flag} needs a number, got "${text}"`);
    return parsed;
  };
  return {
    seed: number('--seed') ?? (Date.now() % 2 ** 31),
    minutes: number('--minutes'),
    count: number('--count'),
    start: number('--start') ?? 0,
    index: number('--index'),
    out: value('--out') ?? 'fuzz-findings',
    corpus: !argv.includes('--no-corpus'),
    xmlsec: !argv.includes('--no-xmlsec'),
    keep: number('--keep') ?? 25,
    workers: Math.max(1, number('--workers') ?? Math.min(2, availableParallelism())),
  };
}

class Baselines {
  private readonly cache = new Map<string, Promise<MessageVerdict[]>>();
  constructor(private readonly pool: AnalysisPool) {}
  of(seed: FuzzSeed): Promise<MessageVerdict[]> {
    let baseline = this.cache.get(seed.id);
    if (!baseline) {
      baseline = this.pool.analyse(seed.xml, seed).then((outcome) => (outcome.kind === 'done' ? outcome.verdicts : []));
      this.cache.set(seed.id, baseline);
    }
    return baseline;
  }
}

/**
 * xmlsec1's opinion counts only for seeds it verifies unmutated: some corpus seeds use algorithms
 * xmlsec1 1.2 lacks (RSA-PSS/MGF1), and disagreeing on those says nothing about a mutation.
 */
class SecondOpinion {
  private readonly acceptsSeed = new Map<string, Promise<boolean>>();
  constructor(private readonly enabled: boolean) {}
  for(seed: FuzzSeed): Promise<boolean> {
    if (!this.enabled) return Promise.resolve(false);
    let accepts = this.acceptsSeed.get(seed.id);
    if (accepts === undefined) {
      accepts = xmlsecRefusal(seed.xml, seed.trustedPems[0] ?? '', seed.spKeyPems).then((refusal) => refusal === undefined);
      this.acceptsSeed.set(seed.id, accepts);
    }
    return accepts;
  }
}

async function save(args: Args, input: FuzzInput, finding: FuzzFinding, pool: AnalysisPool, baseline: MessageVerdict[], saved: Map<string, number>): Promise<void> {
  const key = finding.kind;
  const already = saved.get(key) ?? 0;
  if (already >= args.keep) return;
  saved.set(key, already + 1);
  const dir = path.join(args.out, finding.kind);
  mkdirSync(dir, { recursive: true });
  const name = `seed${args.seed}-index${input.index}`;
  writeFileSync(path.join(dir, `${name}.xml`), input.xml);
  // Hangs, memory and slowness are expensive to re-run a few hundred times: those are kept as found.
  const cheap = finding.kind === 'false-valid' || finding.kind === 'crash' || finding.kind === 'xmlsec1-disagrees';
  const minimised = cheap ? await minimise(input.xml, (candidate) => failsAs(finding.kind, pool, input, candidate, baseline), finding.kind === 'xmlsec1-disagrees' ? 60 : 300) : undefined;
  if (minimised !== undefined) writeFileSync(path.join(dir, `${name}.min.xml`), minimised);
  writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify({
    kind: finding.kind, detail: finding.detail, ms: Math.round(finding.ms), seedDocument: input.seed.id, mutators: input.mutators,
    replay: `npm run fuzz -- --seed ${args.seed} --index ${input.index}${args.corpus ? '' : ' --no-corpus'}`,
    originalLength: input.xml.length, minimisedLength: minimised?.length,
  }, null, 2)}\n`);
}

function summary(args: Args, stats: CampaignStats, seconds: number, seeds: number): string {
  const perMutator = Object.entries(stats.perMutator).sort(([a], [b]) => a.localeCompare(b)).map(([name, n]) => `${name} ${n}`).join(', ');
  const findings = Object.entries(stats.findings).map(([kind, n]) => `${kind} ${n}`).join(', ');
  return [
    `fuzz: seed ${args.seed}, inputs ${args.start}..${args.start + stats.inputs - 1} over ${seeds} seed documents, ${seconds.toFixed(1)} s, ${(stats.inputs / Math.max(seconds, 0.001)).toFixed(0)} inputs/s`,
    `fuzz: still valid ${stats.valid} (xmlsec1 second opinion on each: ${args.xmlsec ? 'yes' : 'no'}), slowest analysis ${Math.round(stats.slowestMs)} ms`,
    `fuzz: inputs per mutator: ${perMutator}`,
    `fuzz: findings: ${findings}${Object.values(stats.findings).some((n) => n > 0) ? ` (saved under ${args.out}/)` : ''}`,
  ].join('\n');
}

async function replay(args: Args, seeds: FuzzSeed[], pool: AnalysisPool): Promise<number> {
  const input = generateInput(seeds, args.seed, args.index!);
  const baseline = await new Baselines(pool).of(input.seed);
  const outcome = await pool.analyse(input.xml, input.seed);
  const finding = await judgeOutcome(input, outcome, baseline, await new SecondOpinion(args.xmlsec).for(input.seed));
  console.log(JSON.stringify({ seed: args.seed, index: input.index, seedDocument: input.seed.id, mutators: input.mutators, xml: input.xml, outcome: outcome.kind, verdicts: outcome.kind === 'done' ? outcome.verdicts.map((v) => v.status) : [], finding: finding ?? null }, null, 2));
  return finding ? 1 : 0;
}

async function campaign(args: Args, seeds: FuzzSeed[], pool: AnalysisPool): Promise<number> {
  const stats = emptyStats();
  const baselines = new Baselines(pool);
  const saved = new Map<string, number>();
  const secondOpinion = new SecondOpinion(args.xmlsec);
  const started = Date.now();
  const deadline = args.minutes !== undefined ? started + args.minutes * 60_000 : Infinity;
  const end = args.count !== undefined ? args.start + args.count : Infinity;
  if (deadline === Infinity && end === Infinity) throw new Error('give --minutes N or --count N (or --index I to replay one input)');
  let lastReport = started;
  const pools = [pool, ...Array.from({ length: args.workers - 1 }, () => new AnalysisPool(pool.workerFile, TIMEOUT_MS, HEAP_MB))];
  try {
    // Batches of one input per worker; results are judged in index order, so the log reads the same
    // whatever the number of workers.
    // Judging (xmlsec1 runs in its own processes) goes on while the next batches are analysed; results are
    // taken from the queue in index order, and the queue is bounded so memory stays flat.
    const judged: Array<Promise<Judged>> = [];
    const report = async (result: Judged): Promise<void> => {
      const { input, baseline, outcome, finding } = result;
      count(stats, input, outcome, finding);
      if (!finding) return;
      console.log(`fuzz: ${finding.kind} at --seed ${args.seed} --index ${input.index} (${input.seed.id}; ${input.mutators.join(' + ')}): ${finding.detail.split('\n')[0]!.slice(0, 200)}`);
      await save(args, input, finding, pool, baseline, saved);
    };
    for (let index = args.start; index < end && Date.now() < deadline; index += pools.length) {
      const batch = pools.map((_, k) => index + k).filter((i) => i < end).map((i) => generateInput(seeds, args.seed, i));
      const outcomes = await Promise.all(batch.map(async (input, k) => ({ input, baseline: await baselines.of(input.seed), outcome: await pools[k]!.analyse(input.xml, input.seed) })));
      for (const analysed of outcomes) {
        judged.push(secondOpinion.for(analysed.input.seed).then(async (second) => ({ ...analysed, finding: await judgeOutcome(analysed.input, analysed.outcome, analysed.baseline, second) })));
      }
      while (judged.length > MAX_JUDGING) await report(await judged.shift()!);
      if (Date.now() - lastReport > 30_000) {
        lastReport = Date.now();
        console.log(`fuzz: ${stats.inputs} inputs, ${Object.values(stats.findings).reduce((a, b) => a + b, 0)} findings`);
      }
    }
    while (judged.length > 0) await report(await judged.shift()!);
  } finally {
    await Promise.all(pools.slice(1).map((extra) => extra.close()));
  }
  console.log(summary(args, stats, (Date.now() - started) / 1000, seeds.length));
  return Object.values(stats.findings).some((n) => n > 0) ? 1 : 0;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.xmlsec && !xmlsecAvailable()) {
    console.log('fuzz: xmlsec1 not found, second opinion off (sudo apt-get install -y xmlsec1)');
    args.xmlsec = false;
  }
  const seeds = loadSeeds(args.corpus ? undefined : null);
  const pool = new AnalysisPool(new URL(import.meta.url), TIMEOUT_MS, HEAP_MB);
  try {
    process.exitCode = args.index !== undefined ? await replay(args, seeds, pool) : await campaign(args, seeds, pool);
  } finally {
    await pool.close();
  }
}

if (isMainThread) await main();
else serveAnalyses();
