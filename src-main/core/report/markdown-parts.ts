/**
 * Building blocks of the Markdown report shared by its sections (analysis, JIT simulation): escaping that survives
 * ticket systems, pipe tables and findings with their evidence and fix.
 */
import type { Finding, Verdict } from '../model/finding.js';
import { FIX_PLACE_LABEL, SEVERITY_LABEL, SEVERITY_PLURAL, groupBySeverity } from './report-model.js';

export const VERDICT_ICON: Record<Verdict, string> = { pass: '✅', warn: '⚠️', fail: '❌' };
export const SEVERITY_ICON: Record<Finding['severity'], string> = { error: '❌', warning: '⚠️', info: 'ℹ️' };

/** Plain text with Markdown syntax characters escaped; newlines become spaces (safe in table cells). */
export function mdText(text: string | undefined): string {
  if (text === undefined) return '';
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    // Only at the start of a line do these begin a heading, list or quote.
    .replace(/^(\s*)([#+>-])/, '$1\\$2')
    .replace(/^(\s*\d+)\./, '$1\\.');
}

/** An inline code span that survives backticks and pipes in the value (GFM tables allow `\|` inside code). */
export function mdCode(text: string | undefined): string {
  if (text === undefined || text === '') return '—';
  const value = text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

export function table(headers: string[], rows: string[][]): string {
  if (rows.length === 0) return '';
  const line = (cells: string[]): string => `| ${cells.map((c) => (c === '' ? ' ' : c)).join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n') + '\n';
}

export function kv(rows: Array<[string, string | undefined]>): string {
  return table(
    ['Field', 'Value'],
    rows.filter((r): r is [string, string] => r[1] !== undefined).map(([k, v]) => [k, v]),
  );
}

export function finding(f: Finding): string {
  const out: string[] = [];
  out.push(`##### ${SEVERITY_ICON[f.severity]} ${SEVERITY_LABEL[f.severity]}: ${mdText(f.title)} (${mdCode(f.id)})${f.inferred ? ' _(inferred)_' : ''}`);
  out.push('');
  out.push(mdText(f.message));
  out.push('');
  if (f.evidence.length > 0) {
    const hasExpected = f.evidence.some((e) => e.expected !== undefined);
    const headers = hasExpected ? ['Where', 'Found', 'Expected'] : ['Where', 'Found'];
    const rows = f.evidence.map((e) => {
      const found = `${mdCode(e.value)}${e.unverified ? ' (unsigned)' : ''}`;
      return hasExpected ? [mdCode(e.location), found, mdCode(e.expected)] : [mdCode(e.location), found];
    });
    out.push(table(headers, rows));
  }
  if (!(f.fix.where === 'none' && !f.fix.summary)) {
    out.push(`**Fix (${mdText(FIX_PLACE_LABEL[f.fix.where])}):** ${mdText(f.fix.summary)}`);
    out.push('');
    const details: string[] = [];
    if (f.fix.path) details.push(`- Where: ${mdText(f.fix.path)}`);
    if (f.fix.field) details.push(`- Field: ${mdText(f.fix.field)}`);
    if (f.fix.value !== undefined) details.push(`- Set to: ${mdCode(f.fix.value)}`);
    if (details.length) out.push(details.join('\n'), '');
    if (f.fix.steps?.length) out.push(f.fix.steps.map((s, i) => `${i + 1}. ${mdText(s)}`).join('\n'), '');
  }
  return out.join('\n');
}

export function findings(list: Finding[], empty: string): string {
  if (list.length === 0) return `_${mdText(empty)}_\n`;
  return groupBySeverity(list)
    .map((g) => `#### ${SEVERITY_PLURAL[g.severity]} (${g.findings.length})\n\n${g.findings.map(finding).join('\n')}`)
    .join('\n');
}
