/**
 * The report as GitHub-flavoured Markdown for pasting into a ticket (Jira's Markdown paste and GitHub both
 * render pipe tables). No HTML at all: ticket systems strip or escape it.
 */
import type { CertificateInfo } from '../model/certificate.js';
import type { MessageResult } from '../model/message.js';
import type { AnalysisResult } from '../model/result.js';
import { VERDICT_ICON, findings, kv, mdCode, mdText, table } from './markdown-parts.js';
import { renderSimulationMarkdown } from './markdown-simulation.js';
import { prettyXml } from './pretty-xml.js';
import {
  DEFAULT_REPORT_TITLE,
  REDACTION_CATEGORY_LABEL,
  REDACTION_NOTICE,
  UNREDACTED_NOTICE,
  VERDICT_LABEL,
  certificateValidityText,
  countBySeverity,
  inputVerdict,
  verdictWithSimulation,
  referenceTime,
  shortUrn,
  timeWindows,
  type ReportInput,
} from './report-model.js';

export { mdCode, mdText };

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
      ['Issuer', m.issuerDetail ? `${mdCode(m.issuerDetail.value)}${m.issuerDetail.verified ? '' : ' (unsigned)'}` : undefined],
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
  const verdict = verdictWithSimulation(report.results, report.simulation);
  const counts = countBySeverity(report.results);
  const now = referenceTime(report);
  const out: string[] = [`# ${mdText(title)}`, ''];
  out.push(
    `**Verdict: ${VERDICT_ICON[verdict]} ${VERDICT_LABEL[verdict]}** · ${plural(counts.error, 'error')} · ${plural(counts.warning, 'warning')} · ${plural(counts.info, 'note')}${report.simulation ? ` · JIT simulation: ${report.simulation.canLogIn ? 'can log in' : 'cannot log in'}` : ''} · generated ${mdText(report.generatedAt)}`,
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
  if (report.simulation) out.push(renderSimulationMarkdown(report.simulation));
  report.results.forEach((r, i) => out.push(input(r, i, report.redacted, now)));
  out.push('---', '_Made by samlscope._', '');
  return out.join('\n');
}
