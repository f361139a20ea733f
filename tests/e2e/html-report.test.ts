/**
 * The HTML report in a real browser: it makes no request but its own page,
 * breaks no CSP rule, fits the printable width of A4 and Letter, and prints to PDF on both. Screenshots and
 * PDFs land in tests/e2e/.artifacts/ for a person to look at.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { redactAnalysis } from '../../src-main/core/report/redact.js';
import { REPORT_CSP, renderHtmlReport } from '../../src-main/core/report/html-report.js';
import { analyze } from '../../src-main/core/analyze.js';
import { defaultOptions } from '../../src-main/core/model/options.js';
import { buildAuthnRequest, DEFAULTS } from '../fixtures/aws-response.js';
import { IDP_KEY } from '../fixtures/keys.js';
import type { AnalysisResult } from '../../src-main/core/model/result.js';
import { NOW, PERSON, personalValuesOf, sampleResult, sampleXml } from '../unit/report/sample-result.js';

const ARTIFACTS = join(import.meta.dirname, '.artifacts');

/** A result whose attacker-controlled values try to load things: escaping must keep them inert text. */
function hostileResult(): AnalysisResult {
  const result = sampleResult();
  const m = result.messages[0]!;
  m.attributes.push({ name: 'avatar', values: ['<img src="https://evil.example/pixel.png">', '<link rel=stylesheet href=//evil.example/x.css>'], verified: false });
  m.findings[0]!.message += ' <script src="https://evil.example/x.js"></script><iframe src="https://evil.example/"></iframe>';
  m.status = { code: 'urn:oasis:names:tc:SAML:2.0:status:Success', message: '<style>@import url(https://evil.example/y.css)</style>' };
  return result;
}

let browser: Browser;
let analyzed: AnalysisResult;

/** What `samlscope report` would analyse: the AWS-shaped response with a trailing-slash ACS near miss. */
async function analyzeSample(): Promise<AnalysisResult> {
  const options = defaultOptions(new Date(NOW), {
    trustedCertificates: [{ pem: IDP_KEY.certificatePem, source: 'idp-cert', origin: 'aws-idp.pem' }],
    sp: { acsUrl: `${DEFAULTS.acsUrl}/`, entityId: DEFAULTS.audience },
    authnRequest: buildAuthnRequest({ id: PERSON.inResponseTo }),
  });
  return analyze({ source: '/home/jdoe/Downloads/jira-login.saml', content: sampleXml() }, options);
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  analyzed = await analyzeSample();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

interface Opened {
  page: Page;
  requests: string[];
  violations: string[];
  consoleErrors: string[];
  close: () => Promise<void>;
}

/**
 * Opens a report file. With `bypassCSP` the page's own CSP is switched off, so any reference to an outside
 * resource would really be requested and show up in `requests` (the CSP alone would hide it by blocking it).
 */
async function openReport(html: string, name: string, opts: { bypassCSP: boolean; width?: number }): Promise<Opened> {
  const file = join(ARTIFACTS, `${name}.html`);
  writeFileSync(file, html);
  const context = await browser.newContext({ bypassCSP: opts.bypassCSP, viewport: { width: opts.width ?? 1200, height: 900 }, offline: true });
  const page = await context.newPage();
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const url = pathToFileURL(file).href;
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
  return { page, requests: requests.filter((r) => r !== url), violations, consoleErrors, close: () => context.close() };
}

function reportHtml(redacted: boolean, input: AnalysisResult | AnalysisResult[] = analyzed): string {
  const all = Array.isArray(input) ? input : [input];
  if (!redacted) return renderHtmlReport({ title: 'Jira login failure (unredacted)', generatedAt: '2026-11-29T10:31:00.000Z', results: all, redacted: false });
  const { results, redactions } = redactAnalysis(all);
  return renderHtmlReport({ title: 'Jira login failure', generatedAt: '2026-11-29T10:31:00.000Z', results, redactions, redacted: true });
}

describe('HTML report in Chromium', () => {
  test('the harness sees a request when a page makes one (so the assertions below can fail)', async () => {
    const opened = await openReport('<!DOCTYPE html><p>control</p><img src="http://127.0.0.1:9/pixel.png">', 'control', { bypassCSP: true });
    try {
      expect(opened.requests).toEqual(['http://127.0.0.1:9/pixel.png']);
    } finally {
      await opened.close();
    }
    const csp = `<!DOCTYPE html><meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}"><img src="http://127.0.0.1:9/pixel.png">`;
    const blocked = await openReport(csp, 'control-csp', { bypassCSP: false });
    try {
      expect(blocked.violations.length).toBeGreaterThan(0);
    } finally {
      await blocked.close();
    }
  });

  test('the redacted report makes no request besides its own page and shows no personal value', async () => {
    const result = sampleResult();
    const opened = await openReport(reportHtml(true, [analyzed, result]), 'report-redacted', { bypassCSP: true });
    try {
      expect(opened.requests).toEqual([]);
      const text = await opened.page.evaluate(() => document.body.innerText);
      const values = [...personalValuesOf(result), analyzed.messages[0]!.authnStatement!.sessionIndex!];
      for (const value of values) expect(text.toLowerCase()).not.toContain(value.toLowerCase());
      expect(text).toContain('recipient.mismatch');
      expect(text).toContain('user-1@redacted.invalid');
      await opened.page.screenshot({ path: join(ARTIFACTS, 'html-report-screen.png'), fullPage: true });
    } finally {
      await opened.close();
    }
  });

  test('hostile values stay inert text: no request even with the CSP switched off, no CSP violation with it on', async () => {
    const html = reportHtml(false, hostileResult());
    const loose = await openReport(html, 'report-hostile', { bypassCSP: true });
    try {
      expect(loose.requests).toEqual([]);
      expect(await loose.page.locator('img, script, iframe, link').count()).toBe(0);
      expect(await loose.page.evaluate(() => document.body.innerText)).toContain('<img src="https://evil.example/pixel.png">');
    } finally {
      await loose.close();
    }
    const strict = await openReport(html, 'report-hostile-csp', { bypassCSP: false });
    try {
      expect(strict.requests).toEqual([]);
      expect(strict.violations).toEqual([]);
      expect(strict.consoleErrors).toEqual([]);
    } finally {
      await strict.close();
    }
  });

  test('the unredacted report keeps the values and says it is not redacted', async () => {
    const opened = await openReport(reportHtml(false), 'report-unredacted', { bypassCSP: false });
    try {
      const text = await opened.page.evaluate(() => document.body.innerText);
      expect(text).toContain(PERSON.nameId);
      expect(text).toContain('NOT redacted');
      expect(opened.requests).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  test('fits the printable width of A4 and Letter, and prints to PDF on both', async () => {
    // A4 is 210 mm wide, less 2 × 14 mm margins: 182 mm ≈ 688 CSS px. Letter is wider.
    const opened = await openReport(reportHtml(true), 'report-print', { bypassCSP: false, width: 688 });
    try {
      await opened.page.emulateMedia({ media: 'print' });
      const overflow = await opened.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await opened.page.screenshot({ path: join(ARTIFACTS, 'html-report-print.png'), fullPage: true });
      for (const format of ['A4', 'Letter'] as const) {
        const pdf = await opened.page.pdf({ format, printBackground: true });
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(pdf.length).toBeGreaterThan(10_000);
        writeFileSync(join(ARTIFACTS, `html-report-${format}.pdf`), pdf);
      }
      expect(opened.requests).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});
