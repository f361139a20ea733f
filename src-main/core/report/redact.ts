/**
 * Redacts analysis results for sharing: NameIDs, e-mail addresses, names, attribute values,
 * message/assertion IDs, SessionIndex, RelayState, subject IP addresses and evidence marked `personal` become
 * stable placeholders; signature values, digests and certificate bytes are dropped from the XML. Kept: finding
 * ids, algorithms, certificate fingerprints and validity, AWS-issued certificate subjects, issuer/ACS/audience
 * URLs (SP and IdP configuration, not people) and the decoded AWS issuer.
 */
import type { CertificateInfo } from '../model/certificate.js';
import type { Evidence, Finding, Fix } from '../model/finding.js';
import type { MessageResult, SignatureDetail, SignatureReport } from '../model/message.js';
import type { AnalysisResult } from '../model/result.js';
import { categoryForAttribute, isMappingExpression } from './personal-attributes.js';
import { collectXmlPersonalValues, parseForRedaction, redactXmlDocument } from './redact-xml.js';
import { Redactor, type PersonalCategory, type RedactionEntry, type RedactorOptions } from './redactor.js';

export interface RedactOptions extends RedactorOptions {
  /** `redact` (default) keeps the message XML with personal values replaced; `drop` removes it entirely. */
  xml?: 'redact' | 'drop';
  /** Continue an existing Redactor (e.g. one shared with a JIT simulation) so placeholders stay consistent. */
  redactor?: Redactor;
}

export interface RedactedAnalysis {
  results: AnalysisResult[];
  redactions: RedactionEntry[];
  /** The redactor used, to pass further data (a JIT simulation) through the same placeholders. */
  redactor: Redactor;
}

/**
 * AWS IAM Identity Center's signing certificates carry this fixed DN in every tenant (e.g. the certificate in
 * https://github.com/awslabs/data-solutions-framework-on-aws/blob/8ccbb2ccfb93ee0235c3af172add1b8347c0642a/examples/opensearch-quickstart/stacks/main.py): kept verbatim.
 */
const AWS_CERT_DN = /^CN=amazonaws\.com,\s*OU=IDAS,\s*O=Amazon,\s*C=US$/i;

/** Category of a personal evidence value, from what the check says it is about (never from the location text). */
function evidenceCategory(e: Evidence): PersonalCategory {
  if (e.site?.personalKind !== undefined) return e.site.personalKind;
  if (e.site?.attributeName !== undefined) return categoryForAttribute(e.site.attributeName);
  return 'personal';
}

/**
 * Checks sometimes put a description rather than a value in a personal evidence's `expected` (`a group name`).
 * Such prose is not personal, and registering it would replace the phrase wherever the report uses it.
 */
function isDescription(text: string): boolean {
  return /^(?:a|an|the|one of|any|no|none|some|at least|not)\s/i.test(text.trim());
}

function registerPersonal(redactor: Redactor, value: string | undefined, category: PersonalCategory, seenAs: string): void {
  if (value === undefined || isMappingExpression(value)) return;
  redactor.register(value, category, seenAs);
}

/** Registers every personal value a result holds, most specific kinds first (the first category sticks). */
function collect(result: AnalysisResult, redactor: Redactor, docs: Map<MessageResult, ReturnType<typeof parseForRedaction>>): void {
  for (const m of result.messages) {
    registerPersonal(redactor, m.subject?.nameId, 'nameid', 'NameID');
    for (const a of m.attributes) {
      const category = categoryForAttribute(a.name, a.friendlyName);
      if (category !== 'value') for (const v of a.values) registerPersonal(redactor, v, category, `attribute "${a.name}"`);
    }
  }
  for (const m of result.messages) {
    for (const a of m.attributes) for (const v of a.values) registerPersonal(redactor, v, 'value', `attribute "${a.name}"`);
    registerPersonal(redactor, m.id, 'id', `${m.type} ID`);
    registerPersonal(redactor, m.inResponseTo, 'id', 'InResponseTo');
    registerPersonal(redactor, m.assertion?.id, 'id', 'Assertion ID');
    registerPersonal(redactor, m.authnStatement?.sessionIndex, 'id', 'SessionIndex');
    for (const sc of m.subjectConfirmations) {
      registerPersonal(redactor, sc.inResponseTo, 'id', 'InResponseTo');
      registerPersonal(redactor, sc.address, 'address', 'SubjectConfirmationData@Address');
    }
    registerPersonal(redactor, m.relayState, 'relay-state', 'RelayState');
    const doc = parseForRedaction(m.xml);
    docs.set(m, doc);
    if (doc) collectXmlPersonalValues(doc, redactor);
  }
  const findings = [...result.findings, ...result.messages.flatMap((m) => m.findings)];
  for (const f of findings) {
    for (const e of f.evidence) {
      if (!e.personal) continue;
      const category = evidenceCategory(e);
      registerPersonal(redactor, e.value, category, 'finding evidence');
      if (e.expected !== undefined && !isDescription(e.expected)) registerPersonal(redactor, e.expected, category, 'finding evidence');
    }
  }
}

function redactFix(fix: Fix, r: Redactor): Fix {
  const out: Fix = { summary: r.sweep(fix.summary), where: fix.where };
  if (fix.path !== undefined) out.path = r.sweep(fix.path);
  if (fix.field !== undefined) out.field = r.sweep(fix.field);
  if (fix.value !== undefined) out.value = r.redactString(fix.value);
  if (fix.steps !== undefined) out.steps = fix.steps.map((s) => r.sweep(s));
  return out;
}

function redactEvidence(e: Evidence, r: Redactor): Evidence {
  const out: Evidence = { ...e, location: r.sweep(e.location) };
  const category = evidenceCategory(e);
  const one = (v: string): string => (e.personal && !isMappingExpression(v) ? r.redactValue(v, category, 'finding evidence') : r.redactString(v));
  if (e.value !== undefined) out.value = one(e.value);
  if (e.expected !== undefined) out.expected = isDescription(e.expected) ? r.sweep(e.expected) : one(e.expected);
  return out;
}

export function redactFinding(f: Finding, r: Redactor): Finding {
  return { ...f, title: r.sweep(f.title), message: r.sweep(f.message), fix: redactFix(f.fix, r), evidence: f.evidence.map((e) => redactEvidence(e, r)) };
}

function redactCertificate(c: CertificateInfo, r: Redactor): CertificateInfo {
  // Fingerprints, serial, validity and key are the point of a certificate check; a non-AWS subject may name a person.
  const dn = (value: string): string => (AWS_CERT_DN.test(value.trim()) ? value : r.sweep(value));
  return { ...c, subject: dn(c.subject), issuer: dn(c.issuer) };
}

function redactSignature(s: SignatureReport, r: Redactor): SignatureReport {
  const detail = (d: SignatureDetail): SignatureDetail => {
    const out: SignatureDetail = { ...d, transforms: [...d.transforms], referenceUri: r.sweep(d.referenceUri) };
    if (d.problem !== undefined) out.problem = r.sweep(d.problem);
    return out;
  };
  const out: SignatureReport = {
    status: s.status,
    signedElements: [...s.signedElements],
    // Redaction keeps the element structure, so the paths still name the same elements.
    signedPaths: [...s.signedPaths],
    rejectedSignedPaths: [...s.rejectedSignedPaths],
    signatures: s.signatures.map(detail),
    keyInfoCertificates: s.keyInfoCertificates.map((c) => redactCertificate(c, r)),
  };
  if (s.certificate) out.certificate = redactCertificate(s.certificate, r);
  return out;
}

function redactMessage(m: MessageResult, r: Redactor, doc: ReturnType<typeof parseForRedaction>, xmlMode: 'redact' | 'drop'): MessageResult {
  const out: MessageResult = structuredClone(m);
  const id = (v: string | undefined, seenAs: string): string | undefined => (v === undefined ? undefined : r.redactValue(v, 'id', seenAs));
  if (m.id !== undefined) out.id = id(m.id, `${m.type} ID`);
  if (m.inResponseTo !== undefined) out.inResponseTo = id(m.inResponseTo, 'InResponseTo');
  if (m.relayState !== undefined) out.relayState = r.redactValue(m.relayState, 'relay-state', 'RelayState');
  if (m.status?.message !== undefined && out.status) out.status.message = r.sweep(m.status.message);
  out.signature = redactSignature(m.signature, r);
  if (m.subject && out.subject) {
    out.subject.nameId = r.redactValue(m.subject.nameId, 'nameid', 'NameID');
    if (m.subject.nameQualifier !== undefined) out.subject.nameQualifier = r.redactString(m.subject.nameQualifier);
    if (m.subject.spNameQualifier !== undefined) out.subject.spNameQualifier = r.redactString(m.subject.spNameQualifier);
  }
  out.subjectConfirmations = m.subjectConfirmations.map((sc) => {
    const c = { ...sc };
    if (sc.inResponseTo !== undefined) c.inResponseTo = id(sc.inResponseTo, 'InResponseTo');
    if (sc.address !== undefined) c.address = r.redactValue(sc.address, 'address', 'SubjectConfirmationData@Address');
    return c;
  });
  if (m.authnStatement?.sessionIndex !== undefined && out.authnStatement) out.authnStatement.sessionIndex = id(m.authnStatement.sessionIndex, 'SessionIndex');
  out.attributes = m.attributes.map((a) => ({
    ...a,
    values: a.values.map((v) => (isMappingExpression(v) ? v : r.redactValue(v, categoryForAttribute(a.name, a.friendlyName), `attribute "${a.name}"`))),
  }));
  if (m.assertion && out.assertion) {
    if (m.assertion.id !== undefined) out.assertion.id = id(m.assertion.id, 'Assertion ID');
    if (m.assertion.decryptedWith !== undefined) out.assertion.decryptedWith = r.sweep(m.assertion.decryptedWith);
  }
  out.findings = m.findings.map((f) => redactFinding(f, r));
  if (xmlMode === 'drop' || !doc) {
    out.xml = m.xml.trim() === '' ? m.xml : '';
    if (m.xml.trim() !== '') r.drop('xml-document', xmlMode === 'drop' ? 'message XML (dropped on request)' : 'message XML that could not be parsed for redaction');
  } else {
    out.xml = redactXmlDocument(doc, r);
  }
  return out;
}

/**
 * Returns redacted copies of `results` and the list of what was redacted. Pure: the inputs are not modified.
 * Unparseable message XML is dropped rather than guessed at, and listed as `xml-document`.
 */
export function redactAnalysis(results: readonly AnalysisResult[], opts: RedactOptions = {}): RedactedAnalysis {
  const redactor = opts.redactor ?? new Redactor(opts);
  const docs = new Map<MessageResult, ReturnType<typeof parseForRedaction>>();
  for (const result of results) collect(result, redactor, docs);
  const xmlMode = opts.xml ?? 'redact';
  const redacted = results.map((result): AnalysisResult => {
    const out: AnalysisResult = {
      schemaVersion: result.schemaVersion,
      input: { source: redactor.sweep(result.input.source), detected: result.input.detected },
      findings: result.findings.map((f) => redactFinding(f, redactor)),
      messages: result.messages.map((m) => redactMessage(m, redactor, docs.get(m), xmlMode)),
    };
    if (result.context) out.context = structuredClone(result.context);
    return out;
  });
  return { results: redacted, redactions: redactor.entries(), redactor };
}
