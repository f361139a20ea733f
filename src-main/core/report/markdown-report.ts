/**
 * The report as GitHub-flavoured Markdown for pasting into a ticket (Jira's Markdown paste and GitHub both
 * render pipe tables). No HTML at all: ticket systems strip or escape it.
 */
import type { CertificateInfo } from '../model/certificate.js';
import type { Finding, Verdict } from '../model/finding.js';
import type { MessageResult } from '../model/message.js';
import type { AnalysisResult } from '../model/result.js';
import { prettyXml } from './pretty-xml.js';
import {
  DEFAULT_REPORT_TITLE,
  FIX_PLACE_LABEL,
  REDACTION_CATEGORY_LABEL,
  REDACTION_NOTICE,
  SEVERITY_LABEL,
  SEVERITY_PLURAL,
  UNREDACTED_NOTICE,
  VERDICT_LABEL,
  certificateValidityText,
  countBySeverity,
  groupBySeverity,
  inputVerdict,
  overallVerdict,
  referenceTime,
  shortUrn,
  timeWindows,
  type ReportInput,
} from './report-model.js';

const VERDICT_ICON: Record<Verdict, string> = { pass: '✅', warn: '⚠️', fail: '❌' };
const SEVERITY_ICON: Record<Finding['severity'], string> = { error: '❌', warning: '⚠️', info: 'ℹ️' };

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

function table(headers: string[], rows: string[][]): string {
  if (rows.length === 0) return '';
  const line = (cells: string[]): string => `| ${cells.map((c) => (c === '' ? ' ' : c)).join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n') + '\n';
}

function kv(rows: Array<[string, string | undefined]>): string {
  return table(
    ['Field', 'Value'],
    rows.filter((r): r is [string, string] => r[1] !== undefined).map(([k, v]) => [k, v]),
  );
}

function finding(f: Finding): string {
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

function findings(list: Finding[], empty: string): string {
  if (list.length === 0) return `_${mdText(empty)}_\n`;
  return groupBySeverity(list)
    .map((g) => `#### ${SEVERITY_PLURAL[g.severity]} (${g.findings.length})\n\n${g.findings.map(finding).join('\n')}`)
    .join('\n');
}

function certificate(c: CertificateInfo, now: string | undefined): string {
  return kv([
    ['Subject', mdCode(c.subject)],
    ['Issuer', `${mdCode(c.issuer)}${c.selfSigned ? ' (self-signed)' : ''}`],
    ['SHA-256 fingerprint', mdCode(c.sha256Fingerprint)],
    ['Validity', mdText(certificateValidityText(c.notBefore, c.notAfter, now))],
    ['Key', mdText(`${c.keyType}${c.keySize ? ` ${c.keySize} bits` : ''}`)],
    ['Source', mdText(c.source)],
  ]);
}

function message(result: AnalysisResult, i: number, redacted: boolean, now: string | undefined): string {
  const m: MessageResult = result.messages[i]!;
  const out: string[] = [`### Message ${i + 1}: ${m.type} (${m.binding}) ${VERDICT_ICON[m.verdict]} ${VERDICT_LABEL[m.verdict]}`, ''];
  out.push(
    kv([
      ['ID', m.id === undefined ? undefined : mdCode(m.id)],
      ['InResponseTo', m.inResponseTo === undefined ? (m.type === 'Response' ? 'absent (IdP-initiated)' : undefined) : mdCode(m.inResponseTo)],
      ['IssueInstant', m.issueInstant === undefined ? undefined : mdCode(m.issueInstant)],
      ['Destination', m.destination === undefined ? undefined : mdCode(m.destination)],
      ['Issuer', m.issuer ? `${mdCode(m.issuer.value)}${m.issuer.verified ? '' : ' (unsigned)'}` : undefined],
      ['Status', m.status ? `${mdCode(shortUrn(m.status.code))}${m.status.secondLevelCode ? ` / ${mdCode(shortUrn(m.status.secondLevelCode))}` : ''}${m.status.message ? ` ${mdText(m.status.message)}` : ''}` : undefined],
      ['RelayState', m.relayState === undefined ? undefined : mdCode(m.relayState)],
      ['Signature', `${mdText(m.signature.status)}; signed: ${m.signature.signedElements.length ? mdText(m.signature.signedElements.join(', ')) : 'nothing'}`],
      ['Algorithms', m.signature.signatures.length ? m.signature.signatures.map((s) => mdCode([s.signatureAlgorithm, s.digestAlgorithm].filter(Boolean).join(' + '))).join('; ') : undefined],
      ['NameID', m.subject ? `${mdCode(m.subject.nameId)} (${mdText(shortUrn(m.subject.format) || 'no format')})` : undefined],
      ['Audiences', m.conditions ? m.conditions.audiences.map(mdCode).join(', ') || 'none' : undefined],
      ['Recipient', m.subjectConfirmations.length ? m.subjectConfirmations.map((sc) => mdCode(sc.recipient)).join(', ') : undefined],
    ]),
  );
  out.push(findings(m.findings, 'No problems found in this message.'));
  if (m.signature.certificate) out.push('#### Signing certificate', '', certificate(m.signature.certificate, now));
  if (m.attributes.length > 0) {
    out.push('#### Attributes', '');
    out.push(
      table(
        ['Attribute', 'NameFormat', 'Values', 'Likely AWS mapping', 'Signed'],
        m.attributes.map((a) => [mdCode(a.name), mdText(shortUrn(a.nameFormat)), a.values.map(mdCode).join(', ') || 'no value', mdCode(a.likelyAwsSource), a.verified ? 'yes' : 'no']),
      ),
    );
  } else if (m.type === 'Response') {
    out.push(`_${m.assertion?.emptyAttributeStatement ? 'The AttributeStatement is empty: no attribute was sent.' : 'No attributes were sent.'}_`, '');
  }
  const windows = timeWindows(result, i);
  if (windows.length > 0) {
    out.push('#### Time windows', '');
    out.push(table(['Window', 'NotBefore', 'NotOnOrAfter', 'At the reference time'], windows.map((w) => [mdText(w.label), mdCode(w.notBefore), mdCode(w.notOnOrAfter), mdText(w.description)])));
  }
  if (m.xml.trim() !== '') {
    const xml = prettyXml(m.xml);
    const fence = '`'.repeat(Math.max(3, ...(xml.match(/`{3,}/g) ?? []).map((f) => f.length + 1)));
    out.push(`#### Message XML${redacted ? ' (redacted)' : ''}`, '', `${fence}xml`, xml, fence, '');
  }
  return out.join('\n');
}

function input(result: AnalysisResult, index: number, redacted: boolean, now: string | undefined): string {
  const out: string[] = [`## Input ${index + 1}: ${mdCode(result.input.source)} ${VERDICT_ICON[inputVerdict(result)]} ${VERDICT_LABEL[inputVerdict(result)]}`, ''];
  const c = result.context;
  out.push(
    kv([
      ['Recognised as', mdText(result.input.detected)],
      ['Profile', c ? (c.profile === 'aws' ? 'AWS IAM Identity Center' : 'Generic SAML 2.0') : undefined],
      ['Reference time', c ? `${mdCode(c.now)} (clock skew ${c.clockSkewSeconds} s)` : undefined],
      ['AWS region', c?.aws ? mdCode(c.aws.region) : undefined],
      ['AWS account', c?.aws?.accountId === undefined ? undefined : mdCode(c.aws.accountId)],
      ['Application instance', c?.aws?.applicationInstanceId === undefined ? undefined : mdCode(c.aws.applicationInstanceId)],
    ]),
  );
  if (result.findings.length > 0) out.push('### Input and flow findings', '', findings(result.findings, ''));
  result.messages.forEach((_m, i) => out.push(message(result, i, redacted, now)));
  if (result.messages.length === 0 && result.findings.length === 0) out.push('_No SAML message was found in this input._', '');
  return out.join('\n');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Renders the whole report as Markdown. */
export function renderMarkdownReport(report: ReportInput): string {
  const title = report.title?.trim() || DEFAULT_REPORT_TITLE;
  const verdict = overallVerdict(report.results);
  const counts = countBySeverity(report.results);
  const now = referenceTime(report);
  const out: string[] = [`# ${mdText(title)}`, ''];
  out.push(
    `**Verdict: ${VERDICT_ICON[verdict]} ${VERDICT_LABEL[verdict]}** · ${plural(counts.error, 'error')} · ${plural(counts.warning, 'warning')} · ${plural(counts.info, 'note')} · generated ${mdText(report.generatedAt)}`,
    '',
  );
  if (report.redacted) {
    out.push(`> ${mdText(REDACTION_NOTICE)}`, '');
    const entries = report.redactions ?? [];
    if (entries.length > 0) {
      out.push(table(['Placeholder', 'Kind', 'Found as', 'Times'], entries.map((e) => [mdCode(e.placeholder), mdText(REDACTION_CATEGORY_LABEL[e.category]), mdText(e.seenAs.join(', ')), String(e.count)])));
    }
  } else {
    out.push(`> **${mdText(UNREDACTED_NOTICE)}**`, '');
  }
  report.results.forEach((r, i) => out.push(input(r, i, report.redacted, now)));
  out.push('---', '_Made by samlscope._', '');
  return out.join('\n');
}
