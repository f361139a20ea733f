import { describe, expect, test } from 'vitest';
import { renderHtmlReport, REPORT_CSP } from '../../../src-main/core/report/html-report.js';
import { redactAnalysis } from '../../../src-main/core/report/redact.js';
import { redactSimulation } from '../../../src-main/core/report/redact-simulation.js';
import { expectNoLeak, visibleText } from './leak-check.js';
import { NOW, PERSON, sampleResult } from './sample-result.js';
import { SIMULATION_PERSONAL, SNAPSHOT_PERSON, sampleSimulation } from './sample-simulation.js';

function redactedHtml(): string {
  const { results, redactions } = redactAnalysis([sampleResult()]);
  return renderHtmlReport({ title: 'Case 4711', generatedAt: '2026-11-29T10:31:00.000Z', results, redactions, redacted: true });
}

describe('renderHtmlReport', () => {
  test('is one self-contained document with a strict CSP and nothing that loads from elsewhere', () => {
    const html = redactedHtml();
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
    expect(REPORT_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|<embed|@import|url\(/i);
    // The only links are in-page anchors.
    for (const m of html.matchAll(/\b(?:href|src)="([^"]*)"/g)) expect(m[1]).toMatch(/^#/);
  });

  test('prints on A4 and Letter: page margins, findings kept whole, no fixed width beyond the page', () => {
    const html = redactedHtml();
    expect(html).toMatch(/@page\s*\{[^}]*margin/);
    expect(html).toMatch(/\.finding\s*\{[^}]*break-inside:\s*avoid/);
    expect(html).toContain('@media print');
    for (const m of html.matchAll(/(?:^|[^-])width:\s*(\d+(?:\.\d+)?)(px|cm|mm|in|rem|em)\b/g)) {
      const n = Number(m[1]);
      const cm = { px: n / 37.8, cm: n, mm: n / 10, in: n * 2.54, rem: n * 0.42, em: n * 0.42 }[m[2] as 'px'];
      expect(cm, `fixed width ${m[0]}`).toBeLessThanOrEqual(17);
    }
  });

  test('shows verdict, findings by severity with evidence and fix, signature, attributes, time windows and the AWS issuer', () => {
    const text = visibleText(redactedHtml());
    expect(text).toContain('Case 4711');
    expect(text).toContain('FAIL');
    expect(text).toMatch(/Errors \(1\)[\s\S]*Recipient differs from the ACS URL[\s\S]*Warnings \(2\)/);
    expect(text).toContain('recipient.mismatch');
    expect(text).toContain('Fix · AWS IAM Identity Center console');
    expect(text).toContain('IAM Identity Center → Applications → Jira → Actions → Edit configuration');
    expect(text).toContain('Application ACS URL');
    expect(text).toContain('Valid: verified with a trusted certificate');
    expect(text).toContain('Response, Assertion');
    expect(text).toContain('rsa-sha256');
    expect(text).toContain('CN=amazonaws.com, OU=IDAS, O=Amazon, C=US');
    expect(text).toMatch(/2029-01-01T00:00:00\.000Z \(\d+ days left\)/);
    expect(text).toContain('${user:givenName}');
    expect(text).toContain('valid for another 40 min');
    expect(text).toContain('eu-west-1');
    expect(text).toContain('123456789012');
    expect(text).toContain('ins-3f5a2b1c4d6e7f80');
    expect(text).toContain('Redacted for sharing');
    expect(text).toContain('«name-1»');
  });

  test('describes an expired window by how much', () => {
    const result = sampleResult();
    result.context!.now = '2026-11-29T13:00:00.000Z';
    const text = visibleText(renderHtmlReport({ generatedAt: NOW, results: [result], redacted: false }));
    expect(text).toContain('expired 2 h before the reference time (beyond the 180 s clock skew)');
  });

  test('escapes every value: markup in a message stays text', () => {
    const result = sampleResult();
    result.messages[0]!.attributes.push({ name: '"><b>x', values: ['<img src=x onerror=alert(1)>', 'a & b'], verified: false });
    result.messages[0]!.findings[0]!.title = '</style><script>alert(1)</script>';
    const html = renderHtmlReport({ title: '<i>t</i>', generatedAt: NOW, results: [result], redacted: false });
    expect(html).not.toMatch(/<img|<script|<b>|<i>t/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('a &amp;');
    expect(visibleText(html)).toContain('a & b');
    expect(visibleText(html)).toContain('</style><script>alert(1)</script>');
  });

  test('an unredacted report says so and keeps the values', () => {
    const text = visibleText(renderHtmlReport({ generatedAt: NOW, results: [sampleResult()], redacted: false }));
    expect(text).toContain('NOT redacted');
    expect(text).toContain(PERSON.nameId);
    expect(text).toContain(PERSON.displayName);
  });

  test('lists several inputs in a contents section with anchors', () => {
    const html = renderHtmlReport({ generatedAt: NOW, results: [sampleResult(), sampleResult()], redacted: false });
    expect(html).toContain('href="#input-2-message-1"');
    expect(html).toContain('id="input-2-message-1"');
  });
});

/** The sample result and the JIT simulation of its first message. */
async function resultWithSimulation() {
  const result = sampleResult();
  return { result, simulation: await sampleSimulation(result.messages[0]!) };
}

describe('renderHtmlReport with a JIT simulation', () => {
  test('renders the simulation section: outcome, user before and after, groups, mappings, steps with inferred marked, findings', async () => {
    const { result, simulation } = await resultWithSimulation();
    const html = renderHtmlReport({ generatedAt: NOW, results: [result], redacted: false, simulation });
    const text = visibleText(html);
    expect(html).toContain('<section class="simulation" id="simulation">');
    expect(text).toContain('Just-in-Time provisioning simulation');
    expect(text).toContain('JIT simulation: cannot log in');
    expect(text).toMatch(/Outcome\s*Fails/);
    expect(text).toMatch(/Can log in\s*no/);
    expect(text).toContain(simulation.reason);
    expect(text).toMatch(/Before the login\s*After the login/);
    expect(text).toContain(SNAPSHOT_PERSON.displayName);
    expect(text).toContain(PERSON.displayName);
    expect(text).toMatch(/Removed\s*jira-software-users developers/);
    expect(text).toMatch(/Added\s*9a6730e8/);
    expect(text).toMatch(/Mappings[\s\S]*\$\{username\}/);
    // Group sync rests on an inferred rule: its row carries the tag.
    expect(html).toMatch(/Group sync<br><span class="tag"[^>]*>inferred<\/span>/);
    expect(text).toContain('jit.groups-removed');
    expect(text).toContain('jit.no-application-access');
    expect(text).toContain('Fix · Atlassian SSO 2.0 settings');
    // Still self-contained: no script, no external reference.
    expect(html).not.toMatch(/<script|<link|<img|<iframe/i);
  });

  test('redacted with the analysis: no username, e-mail or display name from the response or the snapshot; group names stay', async () => {
    const { result, simulation } = await resultWithSimulation();
    const redacted = redactAnalysis([result]);
    const sim = redactSimulation(simulation, redacted.redactor);
    const html = renderHtmlReport({ generatedAt: NOW, results: redacted.results, redactions: redacted.redactor.entries(), redacted: true, simulation: sim });
    expectNoLeak(html, SIMULATION_PERSONAL, 'redacted HTML report with a simulation');
    const section = visibleText(html.slice(html.indexOf('id="simulation"'), html.indexOf('</section>', html.indexOf('id="simulation"'))));
    for (const group of SNAPSHOT_PERSON.groups) expect(section).toContain(group);
    expect(section).toContain(PERSON.groupId);
    // One person, one placeholder: the simulated username is the analysis's username placeholder.
    expect(sim.username).toBe(redacted.redactor.placeholderFor(PERSON.username));
  });
});
