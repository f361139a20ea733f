/**
 * The self-contained HTML report: one file, inline CSS, no script, no external request (its CSP forbids
 * every fetch but inline styles and data: images), readable on screen and printable on A4 and Letter.
 * Every value from the analysis is escaped: a SAML message is attacker-controlled text.
 */
import type { CertificateInfo } from '../model/certificate.js';
import type { MessageResult, SignatureReport } from '../model/message.js';
import type { AnalysisResult } from '../model/result.js';
import { code, escapeHtml, kvTable, renderFindings, t, verdictBadge, yesNo, type Ctx } from './html-parts.js';
import { renderSimulationSection, simulationChip } from './html-simulation.js';
import { REPORT_CSS } from './html-styles.js';
import { prettyXml } from './pretty-xml.js';
import {
  DEFAULT_REPORT_TITLE,
  REDACTION_CATEGORY_LABEL,
  REDACTION_NOTICE,
  SIMULATION_TITLE,
  UNREDACTED_NOTICE,
  certificateValidityText,
  countBySeverity,
  inputVerdict,
  verdictWithSimulation,
  referenceTime,
  shortUrn,
  timeWindows,
  type ReportInput,
} from './report-model.js';

export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
export { escapeHtml };

function renderCertificate(ctx: Ctx, c: CertificateInfo): string {
  return kvTable([
    ['Subject', code(ctx, c.subject)],
    ['Issuer', c.selfSigned ? `${code(ctx, c.issuer)} <span class="muted">(self-signed)</span>` : code(ctx, c.issuer)],
    ['SHA-256 fingerprint', code(ctx, c.sha256Fingerprint)],
    ['SHA-1 fingerprint', code(ctx, c.sha1Fingerprint)],
    ['Validity', t(ctx, certificateValidityText(c.notBefore, c.notAfter, ctx.now))],
    ['Key', escapeHtml(`${c.keyType}${c.keySize ? ` ${c.keySize} bits` : ''}`)],
    ['Serial number', code(ctx, c.serialNumber)],
    ['Source', escapeHtml(c.source)],
  ]);
}

const SIGNATURE_STATUS_TEXT: Record<SignatureReport['status'], string> = {
  valid: 'Valid: verified with a trusted certificate',
  invalid: 'Invalid: a signature does not verify',
  unsigned: 'Unsigned: nothing covering the assertion is signed',
  untrusted: 'Untrusted: signed, but not with a trusted certificate',
};

function renderSignature(ctx: Ctx, s: SignatureReport): string {
  const statusClass = s.status === 'valid' ? 'ok' : 'bad';
  let html = kvTable([
    ['Status', `<span class="${statusClass}">${escapeHtml(SIGNATURE_STATUS_TEXT[s.status])}</span>`],
    ['Signed elements', s.signedElements.length ? escapeHtml(s.signedElements.join(', ')) : '<span class="none">none</span>'],
  ]);
  if (s.signatures.length > 0) {
    const rows = s.signatures
      .map(
        (d) =>
          `<tr><td>${code(ctx, d.location)}<br><span class="muted">covers</span> ${code(ctx, d.referenceUri || '(whole document)')}</td>` +
          `<td>${code(ctx, shortAlgorithm(d.signatureAlgorithm))}<br>${code(ctx, shortAlgorithm(d.digestAlgorithm))}<br>${code(ctx, shortAlgorithm(d.canonicalizationAlgorithm))}</td>` +
          `<td>${d.accepted ? '<span class="ok">accepted</span>' : '<span class="bad">not accepted</span>'}<br><span class="muted">crypto</span> ${yesNo(d.cryptoValid, true)}` +
          (d.verifiesWithKeyInfoOnly ? '<br><span class="flag">verifies only with its own KeyInfo</span>' : '') +
          (d.problem ? `<br>${t(ctx, d.problem)}` : '') +
          `</td></tr>`,
      )
      .join('');
    html += `<table><thead><tr><th>Signature</th><th>Signature / digest / canonicalization</th><th>Result</th></tr></thead><tbody>${rows}</tbody></table>`;
  }
  if (s.certificate) html += `<h5>Trusted certificate that verified it</h5>${renderCertificate(ctx, s.certificate)}`;
  s.keyInfoCertificates.forEach((c, i) => {
    const label = `Certificate in the message's KeyInfo${s.keyInfoCertificates.length > 1 ? ` ${i + 1}` : ''}`;
    if (s.certificate && c.sha256Fingerprint === s.certificate.sha256Fingerprint) {
      html += `<p><strong>${label}:</strong> the same certificate as the trusted one (SHA-256 ${code(ctx, c.sha256Fingerprint)}).</p>`;
    } else {
      html += `<h5>${label} <span class="muted">(informational, never trusted)</span></h5>${renderCertificate(ctx, c)}`;
    }
  });
  return html;
}

/** `http://www.w3.org/2001/04/xmldsig-more#rsa-sha256` → `rsa-sha256`, keeping unknown values whole. */
function shortAlgorithm(uri: string | undefined): string | undefined {
  if (!uri) return undefined;
  const hash = uri.lastIndexOf('#');
  if (hash >= 0 && hash < uri.length - 1) return uri.slice(hash + 1);
  // Canonicalization URIs end in `#`: `http://www.w3.org/2001/10/xml-exc-c14n#` → `xml-exc-c14n`.
  const segment = uri.replace(/#$/, '').split('/').pop();
  return segment || uri;
}

function renderSubjectAndAttributes(ctx: Ctx, m: MessageResult): string {
  let html = '';
  if (m.subject) {
    html += kvTable([
      ['NameID', code(ctx, m.subject.nameId)],
      ['Format', code(ctx, m.subject.format)],
      ['NameQualifier', m.subject.nameQualifier === undefined ? undefined : code(ctx, m.subject.nameQualifier)],
      ['SPNameQualifier', m.subject.spNameQualifier === undefined ? undefined : code(ctx, m.subject.spNameQualifier)],
      ['Covered by a trusted signature', yesNo(m.subject.verified, true)],
    ]);
  }
  if (m.attributes.length === 0) {
    html += `<p class="none">${m.assertion?.emptyAttributeStatement ? 'The AttributeStatement is empty: no attribute was sent.' : 'No attributes were sent.'}</p>`;
    return html;
  }
  const showAws = m.attributes.some((a) => a.likelyAwsSource);
  const rows = m.attributes
    .map((a) => {
      const values = a.values.length === 0 ? '<span class="none">no value</span>' : a.values.length === 1 ? code(ctx, a.values[0]) : `<ul class="values">${a.values.map((v) => `<li>${code(ctx, v)}</li>`).join('')}</ul>`;
      const name = `${code(ctx, a.name)}${a.friendlyName ? `<br><span class="muted">${t(ctx, a.friendlyName)}</span>` : ''}`;
      return `<tr><td>${name}</td><td>${t(ctx, shortUrn(a.nameFormat)) || '<span class="none">—</span>'}</td><td>${values}</td>${showAws ? `<td>${code(ctx, a.likelyAwsSource)}</td>` : ''}<td>${yesNo(a.verified, true)}</td></tr>`;
    })
    .join('');
  html +=
    `<table><thead><tr><th style="width:22%">Attribute</th><th style="width:16%">NameFormat</th><th>Values</th>${showAws ? '<th style="width:25%">Likely AWS mapping</th>' : ''}<th style="width:10%">Signed</th></tr></thead><tbody>${rows}</tbody></table>`;
  return html;
}

function renderConditions(ctx: Ctx, result: AnalysisResult, messageIndex: number): string {
  const m = result.messages[messageIndex]!;
  const windows = timeWindows(result, messageIndex);
  let html = '';
  if (windows.length > 0) {
    const rows = windows
      .map((w) => {
        const cls = w.state === 'valid' ? 'ok' : w.state === 'unknown' ? 'muted' : 'bad';
        return `<tr><td>${escapeHtml(w.label)}</td><td>${code(ctx, w.notBefore)}</td><td>${code(ctx, w.notOnOrAfter)}</td><td><span class="${cls}">${escapeHtml(w.description)}</span></td></tr>`;
      })
      .join('');
    html += `<p class="muted">Checked against ${code(ctx, result.context?.now)} with ${result.context?.clockSkewSeconds ?? 180} s allowed clock skew.</p>`;
    html += `<table><thead><tr><th style="width:20%">Window</th><th style="width:25%">NotBefore</th><th style="width:25%">NotOnOrAfter</th><th>At the reference time</th></tr></thead><tbody>${rows}</tbody></table>`;
  }
  const facts: Array<[string, string | undefined]> = [];
  if (m.conditions) {
    facts.push(['Audiences', m.conditions.audiences.length ? m.conditions.audiences.map((a) => code(ctx, a)).join('<br>') : '<span class="none">none</span>']);
    if (m.conditions.oneTimeUse) facts.push(['OneTimeUse', 'yes']);
  }
  m.subjectConfirmations.forEach((sc, i) => {
    const n = m.subjectConfirmations.length > 1 ? ` ${i + 1}` : '';
    facts.push([`Subject confirmation${n}`, `${code(ctx, shortUrn(sc.method))}`]);
    if (sc.recipient !== undefined) facts.push([`Recipient${n}`, code(ctx, sc.recipient)]);
    if (sc.inResponseTo !== undefined) facts.push([`InResponseTo${n}`, code(ctx, sc.inResponseTo)]);
    if (sc.address !== undefined) facts.push([`Address${n}`, code(ctx, sc.address)]);
  });
  if (m.authnStatement) {
    facts.push(['AuthnInstant', code(ctx, m.authnStatement.authnInstant)]);
    facts.push(['SessionIndex', code(ctx, m.authnStatement.sessionIndex)]);
    if (m.authnStatement.authnContextClassRef) facts.push(['AuthnContextClassRef', code(ctx, shortUrn(m.authnStatement.authnContextClassRef))]);
  }
  html += kvTable(facts);
  return html || '<p class="none">The message has no conditions or time windows.</p>';
}

function renderOverview(ctx: Ctx, m: MessageResult): string {
  const rows: Array<[string, string | undefined]> = [
    ['ID', m.id === undefined ? undefined : code(ctx, m.id)],
    ['InResponseTo', m.inResponseTo === undefined ? (m.type === 'Response' ? '<span class="muted">absent (IdP-initiated)</span>' : undefined) : code(ctx, m.inResponseTo)],
    ['IssueInstant', m.issueInstant === undefined ? undefined : code(ctx, m.issueInstant)],
    ['Destination', m.destination === undefined ? undefined : code(ctx, m.destination)],
    ['Issuer', m.issuerDetail ? `${code(ctx, m.issuerDetail.value)}${m.issuerDetail.verified ? '' : ' <span class="flag">unsigned</span>'}` : undefined],
    ['Response issuer', m.responseIssuer && m.responseIssuer.value !== m.issuer ? `${code(ctx, m.responseIssuer.value)}${m.responseIssuer.verified ? '' : ' <span class="flag">unsigned</span>'}` : undefined],
    [
      'Status',
      m.status
        ? `${code(ctx, shortUrn(m.status.code))}${m.status.secondLevelCode ? ` / ${code(ctx, shortUrn(m.status.secondLevelCode))}` : ''}${m.status.message ? `<br>${t(ctx, m.status.message)}` : ''}`
        : undefined,
    ],
    ['RelayState', m.relayState === undefined ? undefined : code(ctx, m.relayState)],
  ];
  if (m.assertion) {
    rows.push(['Assertion', `${m.assertion.id ? code(ctx, m.assertion.id) : ''}${m.assertion.encrypted ? ` <span class="flag">arrived encrypted</span>${m.assertion.decryptedWith ? ` · decrypted with ${t(ctx, m.assertion.decryptedWith)}` : ''}` : ''}`]);
  }
  if (m.request) {
    rows.push(['AssertionConsumerServiceURL', m.request.assertionConsumerServiceUrl === undefined ? undefined : code(ctx, m.request.assertionConsumerServiceUrl)]);
    rows.push(['ProtocolBinding', m.request.protocolBinding === undefined ? undefined : code(ctx, shortUrn(m.request.protocolBinding))]);
    rows.push(['NameIDPolicy format', m.request.nameIdPolicyFormat === undefined ? undefined : code(ctx, shortUrn(m.request.nameIdPolicyFormat))]);
    if (m.request.forceAuthn !== undefined) rows.push(['ForceAuthn', m.request.forceAuthn ? 'yes' : 'no']);
    if (m.request.isPassive !== undefined) rows.push(['IsPassive', m.request.isPassive ? 'yes' : 'no']);
  }
  return kvTable(rows);
}

function renderMessage(ctx: Ctx, result: AnalysisResult, inputNo: number, i: number): string {
  const m = result.messages[i]!;
  const anchor = `input-${inputNo}-message-${i + 1}`;
  let html = `<article class="message" id="${anchor}"><h3>Message ${i + 1}: ${escapeHtml(m.type)} <span class="muted">(${escapeHtml(m.binding)})</span> ${verdictBadge(m.verdict)}</h3>`;
  html += renderOverview(ctx, m);
  html += `<h4>Findings</h4>${renderFindings(ctx, m.findings, 'No problems found in this message.')}`;
  html += `<h4>Signature</h4>${renderSignature(ctx, m.signature)}`;
  if (m.subject || m.attributes.length > 0 || m.type === 'Response') html += `<h4>Subject and attributes</h4>${renderSubjectAndAttributes(ctx, m)}`;
  if (m.type === 'Response') html += `<h4>Conditions and time windows</h4>${renderConditions(ctx, result, i)}`;
  if (m.xml.trim() !== '') {
    html += `<h4>Message XML${ctx.redacted ? ' (redacted, indented)' : ' (indented)'}</h4><pre class="xml">${t(ctx, prettyXml(m.xml))}</pre>`;
  } else if (ctx.redacted) {
    html += `<h4>Message XML</h4><p class="none">Left out: it could not be parsed, so its personal data could not be redacted reliably.</p>`;
  }
  return html + '</article>';
}

function renderAwsContext(ctx: Ctx, result: AnalysisResult): string {
  const c = result.context;
  if (!c) return '';
  const rows: Array<[string, string | undefined]> = [
    ['Identity provider profile', c.profile === 'aws' ? 'AWS IAM Identity Center' : 'Generic SAML 2.0'],
    ['Reference time', code(ctx, c.now)],
    ['Allowed clock skew', `${c.clockSkewSeconds} s`],
  ];
  if (c.aws) {
    rows.push(['AWS region', code(ctx, c.aws.region)]);
    rows.push(['AWS account', c.aws.accountId === undefined ? '<span class="none">not in the issuer</span>' : code(ctx, c.aws.accountId)]);
    rows.push(['Application instance', c.aws.applicationInstanceId === undefined ? '<span class="none">not in the issuer</span>' : code(ctx, c.aws.applicationInstanceId)]);
    rows.push(['Encoded issuer ID', code(ctx, c.aws.encodedId)]);
  }
  return kvTable(rows);
}

function renderInput(ctx: Ctx, result: AnalysisResult, index: number): string {
  const n = index + 1;
  let html = `<section class="input" id="input-${n}"><h2>Input ${n}: ${code(ctx, result.input.source)} ${verdictBadge(inputVerdict(result))}</h2>`;
  html += `<p class="meta">Recognised as <strong>${escapeHtml(result.input.detected)}</strong> · ${result.messages.length} SAML message${result.messages.length === 1 ? '' : 's'}</p>`;
  html += renderAwsContext(ctx, result);
  if (result.findings.length > 0) html += `<h4>Input and flow findings</h4>${renderFindings(ctx, result.findings, '')}`;
  result.messages.forEach((_m, i) => {
    html += renderMessage(ctx, result, n, i);
  });
  if (result.messages.length === 0 && result.findings.length === 0) html += '<p class="none">No SAML message was found in this input.</p>';
  return html + '</section>';
}

function renderRedactionNotice(ctx: Ctx, report: ReportInput): string {
  if (!report.redacted) {
    return `<section class="notice unredacted"><h2>Not redacted</h2><p>${escapeHtml(UNREDACTED_NOTICE)}</p></section>`;
  }
  const entries = report.redactions ?? [];
  const table = entries.length
    ? `<table><thead><tr><th style="width:30%">Placeholder</th><th style="width:26%">Kind</th><th>Found as</th><th style="width:11%">Times</th></tr></thead><tbody>${entries
        .map((e) => `<tr><td>${code(ctx, e.placeholder)}</td><td>${escapeHtml(REDACTION_CATEGORY_LABEL[e.category])}</td><td>${t(ctx, e.seenAs.join(', ')) || '<span class="none">—</span>'}</td><td>${e.count}</td></tr>`)
        .join('')}</tbody></table>`
    : '<p class="none">Nothing personal was found to redact.</p>';
  return `<section class="notice"><h2>Redacted for sharing</h2><p>${escapeHtml(REDACTION_NOTICE)}</p>${table}</section>`;
}

function renderContents(ctx: Ctx, report: ReportInput): string {
  const total = report.results.reduce((n, r) => n + r.messages.length, 0);
  if (report.results.length < 2 && total < 2) return '';
  const simulation = report.simulation ? `<li><a href="#simulation">${escapeHtml(SIMULATION_TITLE)}</a></li>` : '';
  const items = report.results
    .map((r, i) => {
      const sub = r.messages.map((m, j) => `<li><a href="#input-${i + 1}-message-${j + 1}">Message ${j + 1}: ${escapeHtml(m.type)}</a> ${verdictBadge(m.verdict)}</li>`).join('');
      return `<li><a href="#input-${i + 1}">Input ${i + 1}: ${t(ctx, r.input.source)}</a> ${verdictBadge(inputVerdict(r))}${sub ? `<ol>${sub}</ol>` : ''}</li>`;
    })
    .join('');
  return `<nav class="toc" aria-label="Contents"><h2>Contents</h2><ol>${simulation}${items}</ol></nav>`;
}

/** Renders the whole report as one HTML document. */
export function renderHtmlReport(report: ReportInput): string {
  const ctx: Ctx = { redacted: report.redacted, now: referenceTime(report) };
  const title = report.title?.trim() || DEFAULT_REPORT_TITLE;
  const counts = countBySeverity(report.results);
  const messages = report.results.reduce((n, r) => n + r.messages.length, 0);
  const verdict = verdictWithSimulation(report.results, report.simulation);
  const chips = [
    `${report.results.length} input${report.results.length === 1 ? '' : 's'}`,
    `${messages} message${messages === 1 ? '' : 's'}`,
    `${counts.error} error${counts.error === 1 ? '' : 's'}`,
    `${counts.warning} warning${counts.warning === 1 ? '' : 's'}`,
    `${counts.info} note${counts.info === 1 ? '' : 's'}`,
  ]
    .map((c) => `<span class="chip">${c}</span>`)
    .join('') + (report.simulation ? simulationChip(report.simulation) : '');
  const body =
    `<header><div class="brand">samlscope</div><h1>${escapeHtml(title)}</h1>` +
    `<p class="meta">Generated ${escapeHtml(report.generatedAt)}${ctx.now && ctx.now !== report.generatedAt ? ` · checked against ${escapeHtml(ctx.now)}` : ''}</p>` +
    `<div class="summary">${verdictBadge(verdict, true)}${chips}</div></header>` +
    renderRedactionNotice(ctx, report) +
    renderContents(ctx, report) +
    (report.simulation ? renderSimulationSection(ctx, report.simulation) : '') +
    report.results.map((r, i) => renderInput(ctx, r, i)).join('') +
    `<footer>Made by samlscope. This file is self-contained: it loads nothing from the network.</footer>`;
  return (
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">\n` +
    '<meta name="referrer" content="no-referrer">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<title>${escapeHtml(title)}</title>\n<style>${REPORT_CSS}</style>\n</head>\n<body>\n<main>\n${body}\n</main>\n</body>\n</html>\n`
  );
}
