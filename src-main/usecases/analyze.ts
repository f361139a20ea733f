/**
 * Use case: analyse one or more inputs with the user's setup and (optionally) a target profile's
 * settings. The engine runs once per input; the clock policy ("IssueInstant + 1 min") is resolved
 * inside the engine, so nothing is analysed twice to find out when to judge it.
 */
import { analyze, resultFails } from '../core/analyze.js';
import { loginResponse } from '../core/jit/login-response.js';
import type { AnalyzeInput } from '../core/model/input.js';
import type { AnalysisOptions } from '../core/model/options.js';
import type { AnalysisResult } from '../core/model/result.js';
import { buildAnalysisOptions, type AnalysisSetup, type TargetAnalysisSettings } from './analysis-options.js';

export interface AnalyzeRequest {
  inputs: readonly AnalyzeInput[];
  setup: AnalysisSetup;
  target?: TargetAnalysisSettings | undefined;
  /** The wall clock at the time of the request (used unless the setup names another instant). */
  wallClock: Date;
}

export interface AnalyzeOutcome {
  results: AnalysisResult[];
  /** The options the engine was given (the Setup panel reads the trust anchor and SP values from them). */
  options: AnalysisOptions;
  /** True when any input fails (the CLI's exit status 1). */
  failed: boolean;
  /** The instant the login (or first) message was judged at; absent without inputs. */
  judgedAt?: Date;
  /** Why the instant is not what the setup alone says. */
  timeNote?: string;
}

function judgedAtOf(results: readonly AnalysisResult[]): Date | undefined {
  const login = loginResponse(results);
  const holder = results.find((r) => login && r.messages.includes(login)) ?? results[0];
  return holder?.context ? new Date(holder.context.now) : undefined;
}

function timeNoteOf(options: AnalysisOptions, results: readonly AnalysisResult[]): string | undefined {
  if (results.length === 0) return undefined;
  if (options.clockPolicy === 'issue-instant' && !results.some((r) => r.messages.some((m) => m.issueInstant))) {
    return 'The message has no IssueInstant, so it was judged at the current time.';
  }
  if (!options.nowIsExplicit && results.some((r) => r.flow)) return 'Captured messages are judged at the instant each was captured.';
  return undefined;
}

/** Analyses every input in order; `onResult` sees each result as soon as it is ready (streamed output). */
export async function analyzeInputs(request: AnalyzeRequest, onResult?: (result: AnalysisResult) => void): Promise<AnalyzeOutcome> {
  const options = buildAnalysisOptions(request.setup, request.target, request.wallClock);
  const results: AnalysisResult[] = [];
  let failed = false;
  for (const input of request.inputs) {
    const result = await analyze(input, options);
    failed ||= resultFails(result);
    results.push(result);
    onResult?.(result);
  }
  const outcome: AnalyzeOutcome = { results, options, failed };
  const judgedAt = judgedAtOf(results);
  if (judgedAt) outcome.judgedAt = judgedAt;
  const timeNote = timeNoteOf(options, results);
  if (timeNote) outcome.timeNote = timeNote;
  return outcome;
}
