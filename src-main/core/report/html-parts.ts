/**
 * Building blocks of the HTML report shared by its sections (analysis, JIT simulation): escaping, placeholder
 * marking, key/value tables and findings with their evidence and fix. Every value is escaped here.
 */
import type { Evidence, Finding, Fix, Verdict } from '../model/finding.js';
import { PLACEHOLDER_SOURCE } from './redactor.js';
import { FIX_PLACE_LABEL, SEVERITY_LABEL, SEVERITY_PLURAL, VERDICT_LABEL, groupBySeverity } from './report-model.js';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Placeholders as the Redactor writes them, marked so a reader sees at a glance what was redacted. */
const PLACEHOLDER = new RegExp(PLACEHOLDER_SOURCE, 'g');

export interface Ctx {
  redacted: boolean;
  now: string | undefined;
}

/** Escaped text; in a redacted report, placeholders get a visible style. */
export function t(ctx: Ctx, text: string | undefined): string {
  if (text === undefined) return '';
  const escaped = escapeHtml(text);
  return ctx.redacted ? escaped.replace(PLACEHOLDER, (m) => `<span class="ph">${m}</span>`) : escaped;
}

/** Escaped text as code; paths and URLs may wrap after a slash instead of mid-word. */
export function code(ctx: Ctx, text: string | undefined): string {
  if (text === undefined || text === '') return '<span class="none">—</span>';
  const escaped = text.split(/(?<=[/?&])(?=[^/?&])/).map(escapeHtml).join('<wbr>');
  return `<code>${ctx.redacted ? escaped.replace(PLACEHOLDER, (m) => `<span class="ph">${m}</span>`) : escaped}</code>`;
}

export function verdictBadge(verdict: Verdict, large = false): string {
  return `<span class="badge v-${verdict}${large ? ' large' : ''}">${VERDICT_LABEL[verdict]}</span>`;
}

export function yesNo(value: boolean, good: boolean): string {
  const cls = value === good ? 'ok' : 'bad';
  return `<span class="${cls}">${value ? 'yes' : 'no'}</span>`;
}

/** A two-column key/value table; rows whose value is undefined are left out. */
export function kvTable(rows: Array<[string, string | undefined]>): string {
  const body = rows
    .filter((r): r is [string, string] => r[1] !== undefined)
    .map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${v}</td></tr>`)
    .join('');
  return body ? `<table class="kv"><tbody>${body}</tbody></table>` : '';
}

export function renderEvidence(ctx: Ctx, evidence: Evidence[]): string {
  if (evidence.length === 0) return '';
  const hasExpected = evidence.some((e) => e.expected !== undefined);
  const rows = evidence
    .map((e) => {
      const flags = [e.unverified ? '<span class="flag" title="No trusted signature covers this value">unsigned</span>' : '', e.personal && !ctx.redacted ? '<span class="flag">personal</span>' : '']
        .filter(Boolean)
        .join(' ');
      return `<tr><td>${code(ctx, e.location)}</td><td>${e.value === undefined ? '<span class="none">—</span>' : code(ctx, e.value)}${flags ? ' ' + flags : ''}</td>${hasExpected ? `<td>${e.expected === undefined ? '<span class="none">—</span>' : code(ctx, e.expected)}</td>` : ''}</tr>`;
    })
    .join('');
  return `<table class="evidence"><thead><tr><th>Where</th><th>Found</th>${hasExpected ? '<th>Expected</th>' : ''}</tr></thead><tbody>${rows}</tbody></table>`;
}

export function renderFix(ctx: Ctx, fix: Fix): string {
  if (fix.where === 'none' && !fix.summary) return '';
  const details: string[] = [];
  if (fix.path) details.push(`<dt>Where</dt><dd>${t(ctx, fix.path)}</dd>`);
  if (fix.field) details.push(`<dt>Field</dt><dd>${t(ctx, fix.field)}</dd>`);
  if (fix.value !== undefined) details.push(`<dt>Set to</dt><dd>${code(ctx, fix.value)}</dd>`);
  const steps = fix.steps?.length ? `<ol>${fix.steps.map((s) => `<li>${t(ctx, s)}</li>`).join('')}</ol>` : '';
  return (
    `<div class="fix"><div class="fix-head">Fix · ${escapeHtml(FIX_PLACE_LABEL[fix.where])}</div>` +
    `<p>${t(ctx, fix.summary)}</p>${details.length ? `<dl>${details.join('')}</dl>` : ''}${steps}</div>`
  );
}

export function renderFinding(ctx: Ctx, f: Finding): string {
  return (
    `<div class="finding f-${f.severity}">` +
    `<div class="finding-head"><span class="badge sev-${f.severity}">${SEVERITY_LABEL[f.severity]}</span>` +
    `<strong>${t(ctx, f.title)}</strong><code class="fid">${escapeHtml(f.id)}</code>` +
    (f.inferred ? '<span class="tag" title="Rests on observed, not documented, behaviour">inferred</span>' : '') +
    `</div><p>${t(ctx, f.message)}</p>${renderEvidence(ctx, f.evidence)}${renderFix(ctx, f.fix)}</div>`
  );
}

export function renderFindings(ctx: Ctx, findings: Finding[], emptyText: string): string {
  if (findings.length === 0) return `<p class="none">${escapeHtml(emptyText)}</p>`;
  return groupBySeverity(findings)
    .map((g) => `<h5>${SEVERITY_PLURAL[g.severity]} (${g.findings.length})</h5>${g.findings.map((f) => renderFinding(ctx, f)).join('')}`)
    .join('');
}
