/** Reports: redaction, and the HTML, Markdown and JSON renderings of analysis results. */
export { Redactor, DROPPED_PLACEHOLDER, PLACEHOLDER_SOURCE, REDACTED_EMAIL_DOMAIN, looksLikeEmail } from './redactor.js';
export type { DroppedCategory, PersonalCategory, PersonalValue, RedactionCategory, RedactionEntry, RedactorOptions } from './redactor.js';
export { redactAnalysis, redactFinding } from './redact.js';
export { redactSimulation, simulationPersonalValues } from './redact-simulation.js';
export type { RedactOptions, RedactedAnalysis } from './redact.js';
export { categoryForAttribute, isMappingExpression } from './personal-attributes.js';
export { renderHtmlReport, escapeHtml, REPORT_CSP } from './html-report.js';
export { renderMarkdownReport } from './markdown-report.js';
export { buildJsonReport, renderJsonReport } from './json-report.js';
export type { JsonReport } from './json-report.js';
export { prettyXml } from './pretty-xml.js';
export * from './report-model.js';
