import { describe, expect, test } from 'vitest';
import { analyze } from '../../../src-main/core/analyze.js';
import { defaultOptions } from '../../../src-main/core/model/options.js';
import type { AnalysisResult } from '../../../src-main/core/model/result.js';
import type { Evidence } from '../../../src-main/core/model/finding.js';
import { redactAnalysis } from '../../../src-main/core/report/redact.js';
import { redactSimulation } from '../../../src-main/core/report/redact-simulation.js';
import { renderHtmlReport } from '../../../src-main/core/report/html-report.js';
import { renderMarkdownReport } from '../../../src-main/core/report/markdown-report.js';
import { renderJsonReport } from '../../../src-main/core/report/json-report.js';
import type { ReportInput } from '../../../src-main/core/report/report-model.js';
import { buildAuthnRequest, DEFAULTS } from '../../fixtures/aws-response.js';
import { IDP_KEY } from '../../fixtures/keys.js';
import { expectNoLeak, leakedValues } from './leak-check.js';
import { NOW, PERSON, personalValuesOf, sampleResult, sampleXml } from './sample-result.js';
import { SIMULATION_PERSONAL, SNAPSHOT_PERSON, sampleSimulation } from './sample-simulation.js';

/** Every personal value an unredacted result holds, read from the result itself. */
function personalValuesIn(results: readonly AnalysisResult[]): string[] {
  const values = new Set<string>();
  const add = (v: string | undefined): void => {
    if (v !== undefined && v.trim() !== '' && !/^\$\{.*\}$/.test(v)) values.add(v);
  };
  for (const r of results) {
    for (const m of r.messages) {
      add(m.subject?.nameId);
      add(m.id);
      add(m.inResponseTo);
      add(m.relayState);
      add(m.assertion?.id);
      add(m.authnStatement?.sessionIndex);
      for (const sc of m.subjectConfirmations) {
        add(sc.inResponseTo);
        add(sc.address);
      }
      for (const a of m.attributes) a.values.forEach(add);
    }
    for (const f of [...r.findings, ...r.messages.flatMap((m) => m.findings)]) {
      for (const e of f.evidence) if (e.personal) add(e.value);
    }
  }
  return [...values];
}

/** The base64 bodies of SignatureValue and X509Certificate in a signed document. */
function signatureBytes(xml: string): string[] {
  return [...xml.matchAll(/<ds:(?:SignatureValue|X509Certificate|DigestValue)>([^<]+)</g)].map((m) => m[1]!.replace(/\s+/g, ''));
}

function renderAll(report: ReportInput): Record<string, string> {
  return { html: renderHtmlReport(report), markdown: renderMarkdownReport(report), json: renderJsonReport(report) };
}

async function analyzedSample(): Promise<{ result: AnalysisResult; xml: string; request: string }> {
  const xml = sampleXml();
  const request = buildAuthnRequest({ id: PERSON.inResponseTo });
  const options = defaultOptions(new Date(NOW), {
    trustedCertificates: [{ pem: IDP_KEY.certificatePem, source: 'idp-cert', origin: '/home/jdoe/certs/aws.pem' }],
    // A trailing-slash near miss, so findings quote URLs next to personal values.
    sp: { acsUrl: `${DEFAULTS.acsUrl}/`, entityId: DEFAULTS.audience },
    authnRequest: request,
  });
  const result = await analyze({ source: '/home/jdoe/Downloads/jira-login.saml', content: xml }, options);
  return { result, xml, request };
}

describe('redactAnalysis on a real analysis of an AWS-shaped response', () => {
  test('no personal value from the input or the unredacted result appears in the HTML, Markdown or JSON report', async () => {
    const { result, xml } = await analyzedSample();
    const personal = [...personalValuesIn([result]), ...personalValuesOf(sampleResult(xml)), ...signatureBytes(xml)];
    // The test is only meaningful if the unredacted reports do contain these values.
    const plain = renderAll({ generatedAt: NOW, results: [result], redacted: false });
    expect(leakedValues(plain.json!, [PERSON.nameId, PERSON.firstName, PERSON.lastName, PERSON.responseId, PERSON.inResponseTo])).toHaveLength(5);

    const { results, redactions } = redactAnalysis([result]);
    for (const [format, text] of Object.entries(renderAll({ generatedAt: NOW, results, redactions, redacted: true }))) {
      expectNoLeak(text, personal, `redacted ${format} report`);
    }
    expect(leakedValues(JSON.stringify(redactions), personal)).toEqual([]);
  });

  test('keeps what a reviewer needs: finding ids, fingerprints, algorithms, AWS issuer decode, URLs', async () => {
    const { result } = await analyzedSample();
    const { results } = redactAnalysis([result]);
    const before = result.messages[0]!;
    const after = results[0]!.messages[0]!;
    expect(after.findings.map((f) => f.id)).toEqual(before.findings.map((f) => f.id));
    expect(after.findings.map((f) => f.id)).toContain('recipient.mismatch');
    expect(after.signature.certificate?.sha256Fingerprint).toBe(before.signature.certificate?.sha256Fingerprint);
    expect(after.signature.certificate?.subject).toBe('CN=amazonaws.com, OU=IDAS, O=Amazon, C=US');
    expect(after.signature.signatures.map((s) => s.signatureAlgorithm)).toEqual(before.signature.signatures.map((s) => s.signatureAlgorithm));
    expect(results[0]!.context).toEqual(result.context);
    expect(after.destination).toBe(DEFAULTS.acsUrl);
    expect(after.issuer).toEqual(before.issuer);
    expect(after.conditions).toEqual(before.conditions);
    expect(after.verdict).toBe(before.verdict);
    const html = renderHtmlReport({ generatedAt: NOW, results, redacted: true });
    expect(html).toContain(before.signature.certificate!.sha256Fingerprint);
  });

  test('placeholders are stable: NameID and email attribute share one, IDs keep their relationships, runs are identical', async () => {
    const { result } = await analyzedSample();
    const first = redactAnalysis([result]);
    const m = first.results[0]!.messages[0]!;
    const email = m.attributes.find((a) => a.name === 'email')!.values[0];
    expect(m.subject?.nameId).toBe('user-1@redacted.invalid');
    expect(email).toBe(m.subject?.nameId);
    expect(m.inResponseTo).toMatch(/^«id-\d+»$/);
    expect(m.subjectConfirmations[0]?.inResponseTo).toBe(m.inResponseTo);
    expect(m.id).not.toBe(m.inResponseTo);
    // The signature's Reference URI points at the redacted Response ID.
    expect(m.signature.signatures.map((s) => s.referenceUri)).toContain(`#${m.id}`);
    expect(m.xml).toContain(`ID="${m.id}"`);
    expect(m.xml).toContain(`InResponseTo="${m.inResponseTo}"`);
    expect(m.xml).toContain(`>${m.subject?.nameId}</saml2:NameID>`);
    expect(JSON.stringify(redactAnalysis([result]).results)).toBe(JSON.stringify(first.results));
  });

  test('the same person in two inputs gets the same placeholders in both', async () => {
    const a = await analyzedSample();
    const b = await analyzedSample();
    const { results } = redactAnalysis([a.result, b.result]);
    expect(results[0]!.messages[0]!.subject?.nameId).toBe(results[1]!.messages[0]!.subject?.nameId);
    const first = results[0]!.messages[0]!.attributes.map((x) => x.values);
    expect(results[1]!.messages[0]!.attributes.map((x) => x.values)).toEqual(first);
  });

  test('signature values, digests and certificate bytes are dropped from the XML and listed', async () => {
    const { result, xml } = await analyzedSample();
    const { results, redactions } = redactAnalysis([result]);
    const out = results[0]!.messages[0]!.xml;
    for (const bytes of signatureBytes(xml)) expect(out).not.toContain(bytes.slice(0, 40));
    expect(out).toContain('<ds:SignatureValue>«dropped»</ds:SignatureValue>');
    expect(out).toContain('<ds:X509Certificate>«dropped»</ds:X509Certificate>');
    const categories = redactions.map((e) => e.category);
    expect(categories).toEqual(expect.arrayContaining(['signature-value', 'digest-value', 'certificate-bytes', 'email', 'name', 'id']));
    for (const e of redactions) expect(e.count).toBeGreaterThan(0);
  });

  test('the input results are not modified', async () => {
    const { result } = await analyzedSample();
    const copy = structuredClone(result);
    redactAnalysis([result]);
    expect(result).toEqual(copy);
  });
});

describe('redacting a JIT simulation together with the analysis', () => {
  test('no personal value from the response, the analysis or the snapshot appears in the HTML, Markdown or JSON report; group names do', async () => {
    const { result, xml } = await analyzedSample();
    const simulation = await sampleSimulation(result.messages[0]!);
    // Group names (and the AWS group ID JIT would create a group for) are not personal data: the simulation keeps them.
    const personal = [...personalValuesIn([result]), ...personalValuesOf(sampleResult(xml)), ...signatureBytes(xml), ...SIMULATION_PERSONAL].filter((v) => v !== PERSON.groupId);
    // Meaningful only if the unredacted report carries the snapshot's values.
    const plain = renderAll({ generatedAt: NOW, results: [result], redacted: false, simulation });
    expect(leakedValues(plain.html!, [SNAPSHOT_PERSON.displayName, SNAPSHOT_PERSON.email, PERSON.username])).toHaveLength(3);

    const redacted = redactAnalysis([result]);
    const sim = redactSimulation(simulation, redacted.redactor);
    const report: ReportInput = { generatedAt: NOW, results: redacted.results, redactions: redacted.redactor.entries(), redacted: true, simulation: sim };
    for (const [format, text] of Object.entries(renderAll(report))) {
      expectNoLeak(text, personal, `redacted ${format} report with a simulation`);
      for (const group of [...SNAPSHOT_PERSON.groups, PERSON.groupId]) expect(text, `${group} in the ${format} report`).toContain(group);
    }
    expect(leakedValues(JSON.stringify(report.redactions), personal)).toEqual([]);
    // The snapshot's values are listed as redacted, with where they were found.
    expect(report.redactions?.some((e) => e.seenAs.includes('JIT simulation: user before login display name'))).toBe(true);
    // Unchanged input.
    expect(simulation.user.before?.displayName).toBe(SNAPSHOT_PERSON.displayName);
  });
});

describe('redactAnalysis on a hand-built result', () => {
  test('prose, fixes, evidence, RelayState, addresses and file paths are redacted; the case variant stays recognisable', () => {
    const result = sampleResult();
    const { results } = redactAnalysis([result]);
    const r = results[0]!;
    const m = r.messages[0]!;
    expectNoLeak(JSON.stringify(r), personalValuesOf(result), 'redacted result');
    expect(r.input.source).toBe('/home/«local-user-1»/Downloads/jira-login.saml');
    expect(m.relayState).toBe('«relaystate-1»');
    expect(m.subjectConfirmations[0]?.address).toBe('«address-1»');
    const caseFinding = m.findings.find((f) => f.id === 'jit.case-mismatch')!;
    expect(caseFinding.evidence[0]).toMatchObject({ value: 'user-1b@redacted.invalid', expected: 'user-1@redacted.invalid' });
    expect(caseFinding.fix.value).toBe('user-1b@redacted.invalid');
    const recipient = m.findings.find((f) => f.id === 'recipient.mismatch')!;
    expect(recipient.message).toContain(`is addressed to ${DEFAULTS.acsUrl}`);
    expect(recipient.fix.value).toBe('https://jira.example.com/plugins/servlet/samlconsumer/');
    expect(recipient.fix.steps?.[1]).toBe('Sign in again as «username-1» to check.');
  });

  test('an unresolved ${user:…} mapping is evidence, not personal data, and is kept', () => {
    const result = sampleResult();
    const m = result.messages[0]!;
    m.attributes.push({ name: 'department', values: ['${user:department}'], verified: true });
    m.findings.push({
      id: 'aws.unresolved-variable',
      severity: 'error',
      title: 'Attribute mapping was sent unresolved',
      message: 'The attribute "department" arrived as the literal text ${user:department}.',
      fix: { summary: 'Fix the mapping.', where: 'aws-console' },
      evidence: [{ location: '/Response/Assertion/AttributeStatement/Attribute[@Name="department"]/AttributeValue', value: '${user:department}', personal: true }],
    });
    const { results } = redactAnalysis([result]);
    const out = results[0]!.messages[0]!;
    expect(out.attributes.at(-1)?.values).toEqual(['${user:department}']);
    expect(out.findings.at(-1)?.evidence[0]?.value).toBe('${user:department}');
  });

  test('descriptions in a personal evidence\'s expected value are not treated as personal', () => {
    const result = sampleResult();
    const f = result.messages[0]!.findings.find((x) => x.id === 'aws.groups-are-ids')!;
    f.evidence[0]!.expected = 'a group name';
    f.message += ' Expected a group name.';
    const { results } = redactAnalysis([result]);
    const out = results[0]!.messages[0]!.findings.find((x) => x.id === 'aws.groups-are-ids')!;
    expect(out.evidence[0]?.expected).toBe('a group name');
    expect(out.message).toContain('Expected a group name.');
  });

  test('XML that cannot be parsed is dropped, not guessed at, and the drop is listed', () => {
    const result = sampleResult();
    result.messages[0]!.xml = `<Response><NameID>${PERSON.nameId}</NameID>`;
    const { results, redactions } = redactAnalysis([result]);
    expect(results[0]!.messages[0]!.xml).toBe('');
    expect(redactions.map((e) => e.category)).toContain('xml-document');
  });

  test('xml: drop removes every message document', () => {
    const { results, redactions } = redactAnalysis([sampleResult()], { xml: 'drop' });
    expect(results[0]!.messages[0]!.xml).toBe('');
    expect(redactions.find((e) => e.category === 'xml-document')?.count).toBe(1);
  });

  test('a comment injected into the NameID does not let part of it through', () => {
    const result = sampleResult();
    const m = result.messages[0]!;
    m.xml = m.xml.replace(`>${PERSON.nameId}</saml2:NameID>`, `>${PERSON.username}<!---->.evil.example</saml2:NameID>`);
    m.subject!.nameId = `${PERSON.username}.evil.example`;
    const { results } = redactAnalysis([result]);
    expect(results[0]!.messages[0]!.xml).not.toContain(PERSON.username);
    expect(results[0]!.messages[0]!.xml).toMatch(/<saml2:NameID[^>]*>«username-1»<!---->/);
  });
});

describe('placeholder kind of personal evidence', () => {
  const withEvidence = (evidence: Evidence): AnalysisResult => {
    const result = sampleResult();
    result.messages = [];
    result.findings = [{ id: 'flow.unsolicited', severity: 'info', title: 't', message: 'm', fix: { summary: 's', where: 'none' }, evidence: [evidence] }];
    return result;
  };
  const redactedValue = (evidence: Evidence): string | undefined => redactAnalysis([withEvidence(evidence)]).results[0]?.findings[0]?.evidence[0]?.value;

  test('comes from what the check says the value is, not from words in the location', () => {
    expect(redactedValue({ location: 'the third exchange', site: { personalKind: 'relay-state' }, value: 'state-7f3a', personal: true })).toBe('«relaystate-1»');
    expect(redactedValue({ location: 'a page about the NameID and RelayState', value: 'state-7f3a', personal: true })).toBe('«personal-1»');
    expect(redactedValue({ location: 'somewhere', site: { attributeName: 'email' }, value: 'jane@example.com', personal: true })).toBe('user-1@redacted.invalid');
  });
});
