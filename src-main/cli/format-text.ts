import type { AnalysisResult } from '../core/model/result.js';
import type { Finding } from '../core/model/finding.js';
import type { MessageResult } from '../core/model/message.js';
import type { FlowTimeline } from '../core/flow/timeline.js';

/** A result may carry the flow timeline (captured inputs) once analyze attaches it. */
type WithFlow = AnalysisResult & { flow?: FlowTimeline };

const LABEL = { error: 'ERROR', warning: 'WARN ', info: 'INFO ' } as const;

function indent(text: string, by: string): string {
  return text.split('\n').map((line) => by + line).join('\n');
}

export function formatFinding(f: Finding): string {
  const lines = [`${LABEL[f.severity]} ${f.id}: ${f.title}`, indent(f.message, '      ')];
  for (const e of f.evidence) {
    const value = e.value !== undefined ? ` = ${JSON.stringify(e.value)}` : '';
    const expected = e.expected !== undefined ? ` (expected ${JSON.stringify(e.expected)})` : '';
    lines.push(`      at ${e.location}${value}${expected}${e.unverified ? ' [unverified]' : ''}`);
  }
  const where = [f.fix.path, f.fix.field && `field "${f.fix.field}"`, f.fix.value && `set to "${f.fix.value}"`].filter(Boolean).join(', ');
  lines.push(`      Fix: ${f.fix.summary}${where ? `\n           ${where}` : ''}`);
  for (const step of f.fix.steps ?? []) lines.push(`           - ${step}`);
  return lines.join('\n');
}

function formatMessage(m: MessageResult): string {
  const out: string[] = [];
  out.push(`  Message ${m.index + 1}: ${m.type} (${m.binding}) — ${m.verdict.toUpperCase()}`);
  const sig = m.signature;
  const signed = sig.signedElements.length ? ` (${sig.signedElements.join(' + ')} signed)` : '';
  const cert = sig.certificate ? `, certificate ${sig.certificate.subject} SHA-256 ${sig.certificate.sha256Fingerprint}, valid to ${sig.certificate.notAfter.slice(0, 10)}` : '';
  out.push(`    Signature: ${sig.status}${signed}${cert}`);
  if (m.issuerDetail) out.push(`    Issuer:    ${m.issuerDetail.value}${m.issuerDetail.verified ? '' : ' [unverified]'}`);
  if (m.subject) out.push(`    NameID:    ${m.subject.nameId}${m.subject.format ? ` (${m.subject.format.replace(/^.*:/, '')})` : ''}${m.subject.verified ? '' : ' [unverified]'}`);
  if (m.status) out.push(`    Status:    ${m.status.code.replace(/^.*:/, '')}${m.status.secondLevelCode ? ` / ${m.status.secondLevelCode.replace(/^.*:/, '')}` : ''}`);
  for (const a of m.attributes) out.push(`    Attribute: ${a.name} = ${a.values.map((v) => JSON.stringify(v)).join(', ')}${a.likelyAwsSource ? `  ← ${a.likelyAwsSource}` : ''}`);
  if (m.findings.length === 0) out.push('    No findings.');
  for (const f of m.findings) out.push(indent(formatFinding(f), '    '));
  return out.join('\n');
}

function shortId(id: string | undefined): string {
  return id === undefined ? '(no ID)' : id.length > 24 ? `${id.slice(0, 22)}…` : id;
}

/**
 * Captured flows (HAR, SAML-tracer, in-app capture): every SAML message in capture order, who answers
 * whom, and, when the result carries the timeline, the exchange, HTTP status and recognised page.
 */
function formatFlow(result: WithFlow): string[] {
  const d = result.input.detected;
  if (d !== 'har' && d !== 'saml-tracer' && d !== 'capture') return [];
  const out = [`  Flow: ${result.messages.length} SAML message${result.messages.length === 1 ? '' : 's'} in capture order`];
  if (result.flow) {
    for (const e of result.flow.entries) {
      const msgs = e.messages.map((m) => `${m.type} ${shortId(m.id)}${m.inResponseTo ? ` → answers ${shortId(m.inResponseTo)}` : ''}`);
      const status = e.status !== undefined ? ` → ${e.status}` : '';
      const page = e.page ? `  [${e.page.side === 'sp' ? 'SP' : 'IdP'} page: ${e.page.text}]` : '';
      out.push(`    ${String(e.exchangeIndex + 1).padStart(3)}. ${e.method} ${e.url}${status}${msgs.length ? `  ${msgs.join(', ')}` : ''}${page}`);
    }
    for (const p of result.flow.pairs) {
      const req = p.requestMessageIndex !== undefined ? `message ${p.requestMessageIndex + 1}` : 'no request';
      const timing = p.elapsedMs !== undefined ? `, ${(p.elapsedMs / 1000).toFixed(1)} s later` : '';
      const relay = p.relayState && !p.relayState.echoed ? ', RelayState not echoed' : '';
      out.push(`    Response message ${p.responseMessageIndex + 1} ← ${req} (paired by ${p.pairedBy}${timing}${relay})`);
    }
  } else {
    for (const m of result.messages) {
      const answers = m.inResponseTo ? ` → answers ${shortId(m.inResponseTo)}` : m.type === 'Response' ? ' (no InResponseTo)' : '';
      out.push(`    ${String(m.index + 1).padStart(3)}. ${m.type} ${shortId(m.id)} (${m.binding})${answers}${m.destination ? ` to ${m.destination}` : ''}`);
    }
  }
  const flowFindings = result.findings.filter((f) => f.id.startsWith('flow.'));
  if (flowFindings.length === 0) out.push('    No flow findings.');
  else out.push(`    Flow findings: ${flowFindings.map((f) => f.id).join(', ')} (details below)`);
  return out;
}

/** The `--format text` rendering of one analysis: for people, most important first. */
export function formatAnalysisText(result: AnalysisResult): string {
  const out: string[] = [`${result.input.source} (${result.input.detected})`];
  if (result.context?.aws) {
    const aws = result.context.aws;
    out.push(`  AWS IAM Identity Center: region ${aws.region}${aws.accountId ? `, account ${aws.accountId}` : ''}${aws.applicationInstanceId ? `, application instance ${aws.applicationInstanceId}` : ''}`);
  }
  out.push(...formatFlow(result));
  for (const f of result.findings) out.push(indent(formatFinding(f), '  '));
  for (const m of result.messages) out.push(formatMessage(m));
  return out.join('\n') + '\n';
}
