/**
 * The JSON report: the results `samlscope analyze --format json` prints (redacted unless asked otherwise),
 * wrapped with when it was made and what was redacted, so a tool reading it knows what it is looking at.
 */
import { SCHEMA_VERSION, type AnalysisResult } from '../model/result.js';
import type { SimulationResult } from '../jit/simulation-types.js';
import type { ReportInput } from './report-model.js';
import type { RedactionEntry } from './redactor.js';

export interface JsonReport {
  schemaVersion: typeof SCHEMA_VERSION;
  generatedAt: string;
  title?: string;
  redacted: boolean;
  /** What was redacted (placeholder, category, count); empty when not redacted. */
  redactions: RedactionEntry[];
  results: AnalysisResult[];
  /** The JIT simulation (redacted with the same placeholders as `results` when `redacted`). */
  simulation?: SimulationResult;
}

export function buildJsonReport(report: ReportInput): JsonReport {
  const out: JsonReport = {
    schemaVersion: SCHEMA_VERSION,
    generatedAt: report.generatedAt,
    redacted: report.redacted,
    redactions: report.redacted ? (report.redactions ?? []) : [],
    results: report.results,
  };
  if (report.title) out.title = report.title;
  if (report.simulation !== undefined) out.simulation = report.simulation;
  return out;
}

/** Pretty-printed, with a final newline, as the CLI writes it. */
export function renderJsonReport(report: ReportInput): string {
  return JSON.stringify(buildJsonReport(report), null, 2) + '\n';
}
