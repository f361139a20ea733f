import { renderHtmlReport } from './html-report.js';
import { renderJsonReport } from './json-report.js';
import { renderMarkdownReport } from './markdown-report.js';
import type { ReportInput } from './report-model.js';

/** The text report formats (PDF is printed from the HTML one by the desktop app). */
export type TextReportFormat = 'html' | 'md' | 'json';

/** One report in the chosen format; the CLI and the desktop export both use it. */
export function renderReport(format: TextReportFormat, report: ReportInput): string {
  if (format === 'md') return renderMarkdownReport(report);
  if (format === 'json') return renderJsonReport(report);
  return renderHtmlReport(report);
}
