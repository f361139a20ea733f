/**
 * Use case: a report of an analysis (and its simulation), redacted or not, rendered as HTML, Markdown or
 * JSON. Redaction is the one pass presentation mode uses too (redact-workspace.ts): the analysis, its flow
 * time line and the simulation go through one Redactor, so a person keeps one placeholder everywhere.
 */
import type { SimulationResult } from '../core/jit/simulation-types.js';
import type { AnalysisResult } from '../core/model/result.js';
import { renderReport, type TextReportFormat } from '../core/report/render-report.js';
import type { ReportInput } from '../core/report/report-model.js';
import { redactWorkspaceData } from './redact-workspace.js';

export type { TextReportFormat };

export interface ReportRequest {
  /** Free text from the user (it may name the person whose login failed: swept when redacting). */
  title?: string | undefined;
  results: readonly AnalysisResult[];
  simulation?: SimulationResult | undefined;
  redact: boolean;
  generatedAt: Date;
}

/** The report's content: the analysis as it is, or redacted with its flow and simulation. */
export function reportInputOf(request: ReportRequest): ReportInput {
  const out: ReportInput = { generatedAt: request.generatedAt.toISOString(), results: [...request.results], redacted: request.redact };
  if (request.title !== undefined) out.title = request.title;
  if (request.simulation) out.simulation = request.simulation;
  if (!request.redact) return out;
  const r = redactWorkspaceData(request.results, request.simulation, request.title !== undefined ? [request.title] : []);
  out.results = r.results;
  out.redactions = r.redactions;
  if (r.simulation) out.simulation = r.simulation;
  if (request.title !== undefined) out.title = r.texts[0] ?? '';
  return out;
}

/** The report text in one format (PDF is printed from the HTML by the desktop app's printer). */
export function renderTextReport(format: TextReportFormat, request: ReportRequest): string {
  return renderReport(format, reportInputOf(request));
}
