/**
 * One fuzzing campaign: generate input i, analyse it in the worker, judge the outcome with the oracles,
 * and keep the counts (per mutator and per kind of finding) for the summary.
 */
import type { AnalysisOutcome, AnalysisPool } from './analysis-worker.js';
import type { FuzzInput } from './generate.js';
import { falseValid, type MessageVerdict } from './oracle.js';
import type { FuzzSeed } from './seed-set.js';
import { xmlsecRefusal } from './xmlsec.js';

export const SLOW_MS = 1000;

export type FindingKind = 'false-valid' | 'xmlsec1-disagrees' | 'crash' | 'hang' | 'memory' | 'slow';

export interface FuzzFinding { kind: FindingKind; detail: string; ms: number }

export interface Judge {
  baselineOf(seed: FuzzSeed): Promise<MessageVerdict[]>;
  secondOpinion: boolean;
}

/** What is wrong with the analysis of `input`, or undefined. */
export async function judgeOutcome(input: FuzzInput, outcome: AnalysisOutcome, baseline: readonly MessageVerdict[], secondOpinion: boolean): Promise<FuzzFinding | undefined> {
  if (outcome.kind === 'crash') return { kind: 'crash', detail: outcome.error, ms: outcome.ms };
  if (outcome.kind === 'hang') return { kind: 'hang', detail: `no answer after ${Math.round(outcome.ms)} ms`, ms: outcome.ms };
  if (outcome.kind === 'memory') return { kind: 'memory', detail: outcome.error, ms: outcome.ms };
  const identityProblem = falseValid(baseline, outcome.verdicts);
  if (identityProblem) return { kind: 'false-valid', detail: identityProblem, ms: outcome.ms };
  if (secondOpinion && outcome.verdicts.some((verdict) => verdict.status === 'valid')) {
    const refusal = await xmlsecRefusal(input.xml, input.seed.trustedPems[0] ?? '', input.seed.spKeyPems);
    if (refusal) return { kind: 'xmlsec1-disagrees', detail: refusal, ms: outcome.ms };
  }
  if (outcome.ms > SLOW_MS) return { kind: 'slow', detail: `analysis took ${Math.round(outcome.ms)} ms (limit ${SLOW_MS} ms)`, ms: outcome.ms };
  return undefined;
}

export interface CampaignStats {
  inputs: number;
  valid: number;
  perMutator: Record<string, number>;
  findings: Record<FindingKind, number>;
  slowestMs: number;
}

export function emptyStats(): CampaignStats {
  return { inputs: 0, valid: 0, perMutator: {}, findings: { 'false-valid': 0, 'xmlsec1-disagrees': 0, crash: 0, hang: 0, memory: 0, slow: 0 }, slowestMs: 0 };
}

export function count(stats: CampaignStats, input: FuzzInput, outcome: AnalysisOutcome, finding: FuzzFinding | undefined): void {
  stats.inputs++;
  for (const name of input.mutators) stats.perMutator[name.split('->')[0]!] = (stats.perMutator[name.split('->')[0]!] ?? 0) + 1;
  if (outcome.kind === 'done' && outcome.verdicts.some((verdict) => verdict.status === 'valid')) stats.valid++;
  stats.slowestMs = Math.max(stats.slowestMs, outcome.ms);
  if (finding) stats.findings[finding.kind]++;
}

/** Analyses `xml` as a mutant of `seed` and says whether it fails the same way as `kind`. */
export async function failsAs(kind: FindingKind, pool: AnalysisPool, input: FuzzInput, xml: string, baseline: readonly MessageVerdict[]): Promise<boolean> {
  const outcome = await pool.analyse(xml, input.seed);
  return (await judgeOutcome({ ...input, xml }, outcome, baseline, kind === 'xmlsec1-disagrees'))?.kind === kind;
}
