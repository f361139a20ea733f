/**
 * Report export: HTML, Markdown and JSON rendered by the core report module; PDF printed from the
 * HTML report by the injected printer (Electron: hidden sandboxed window, JS off). Redacted reports
 * use the same Redactor pass as presentation mode.
 */
import type { ReportFormat, SaveOutcome } from '../ipc/contract.js';
import { renderReport as renderTextReport } from '../core/report/render-report.js';
import { renderHtmlReport } from '../core/report/html-report.js';
import type { ReportInput } from '../core/report/report-model.js';
import type { Clock, Dialogs, FileAccess, FileFilter, PdfPrinter } from './ports.js';
import { reportInputOf } from '../usecases/report.js';
import type { WorkspaceState } from './workspace-service.js';

const FORMATS: Record<ReportFormat, { extension: string; filter: FileFilter }> = {
  html: { extension: 'html', filter: { name: 'HTML report', extensions: ['html'] } },
  md: { extension: 'md', filter: { name: 'Markdown report', extensions: ['md'] } },
  json: { extension: 'json', filter: { name: 'JSON report', extensions: ['json'] } },
  pdf: { extension: 'pdf', filter: { name: 'PDF report', extensions: ['pdf'] } },
};

/** The report's input: the workspace, redacted or not, through the report use case. */
function reportInputOfWorkspace(state: WorkspaceState, redact: boolean, generatedAt: Date): ReportInput {
  return reportInputOf({ title: state.title, results: state.results, simulation: state.simulation, redact, generatedAt });
}

/** PDF is printed from the HTML report; the other formats render as the CLI's `report` does. */
async function renderReport(format: ReportFormat, input: ReportInput, printPdf: PdfPrinter): Promise<string | Uint8Array> {
  return format === 'pdf' ? printPdf(renderHtmlReport(input)) : renderTextReport(format, input);
}

/** `2026-01-31-1405`: the minute a default file name was offered (reports, captures). */
export function stamp(d: Date): string {
  const iso = d.toISOString();
  return `${iso.slice(0, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}`;
}

export interface ReportExportDeps {
  dialogs: Dialogs;
  fs: FileAccess;
  printPdf: PdfPrinter;
  clock: Clock;
}

export async function exportReport(state: WorkspaceState | undefined, request: { format: ReportFormat; redact: boolean }, deps: ReportExportDeps): Promise<SaveOutcome> {
  if (!state) throw new Error('There is nothing to export yet: paste or open a SAML response first.');
  const now = deps.clock();
  const { extension, filter } = FORMATS[request.format];
  const file = await deps.dialogs.chooseSavePath({
    title: request.redact ? 'Export redacted report' : 'Export report (contains personal data)',
    defaultFileName: `samlscope-report-${stamp(now)}${request.redact ? '-redacted' : ''}.${extension}`,
    filters: [filter],
  });
  if (file === null) return { cancelled: true };
  const content = await renderReport(request.format, reportInputOfWorkspace(state, request.redact, now), deps.printPdf);
  await deps.fs.writeFile(file, content);
  return { cancelled: false, path: file };
}
