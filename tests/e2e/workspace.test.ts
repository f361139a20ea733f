/**
 * The React workspace end to end: the production renderer build, served with the app's CSP, in
 * Debian's Chromium, with `window.samlscope` bound to the real main-side handlers running in this
 * process (tests/e2e/harness). Screenshots of every state, light and dark, land in tests/e2e/.artifacts/.
 */
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APP_CSP_META } from '../../src-main/electron/csp.js';
import { awsIdpMetadata, signedAwsResponse, toPostBinding } from '../fixtures/aws-response.js';
import { IDP_KEY, SP_KEY } from '../fixtures/keys.js';
import type { CaptureHost } from '../../src-main/app-services/ports.js';
import { FakeCaptureHost } from '../unit/app-services/fake-capture-host.js';
import { harOf } from '../unit/capture/capture-files.js';
import { atlassianErrorPage, loginFlow } from '../unit/flow/flow-fixture.js';
import { createAppHarness, type AppHarness } from './harness/app-handlers.js';
import { describeFocus, dispatchPaste, layoutOverflow, pageTexts, shoot, shootElement, waitNewWorkspace, workspaceKey } from './harness/page-actions.js';
import { rendererSuite } from './harness/renderer-suite.js';
import type { WorkspacePage } from './harness/workspace-page.js';

/** A person nobody else in the fixtures is called, so any trace of them on screen is unambiguous. */
const PERSON = {
  nameId: 'zelda.quartermaine@northwind.example',
  first: 'Zelda',
  last: 'Quartermaine',
  display: 'Zelda Quartermaine',
};
const PERSONAL_NEEDLES = ['zelda', 'quartermaine', 'northwind'];

/** An AWS-shaped response for PERSON that expired years ago: findings are certain whatever the clock says. */
function expiredResponse(): string {
  return toPostBinding(
    signedAwsResponse({
      nameId: PERSON.nameId,
      attributes: [
        { name: 'email', values: [PERSON.nameId] },
        { name: 'firstName', values: [PERSON.first] },
        { name: 'lastName', values: [PERSON.last] },
        { name: 'displayName', values: [PERSON.display] },
      ],
      issueInstant: new Date('2021-03-04T09:00:00Z'),
    }),
  );
}

/** A fresh AWS-shaped response for PERSON, issued a minute ago and signed with IDP_KEY: only the setup decides its findings. */
function freshResponse(issueInstant: Date): string {
  return toPostBinding(
    signedAwsResponse({
      nameId: PERSON.nameId,
      attributes: [
        { name: 'email', values: [PERSON.nameId] },
        { name: 'displayName', values: [PERSON.display] },
      ],
      issueInstant,
    }),
  );
}

/** Finding ids on screen. */
function shownFindingIds(page: WorkspacePage['page']): Promise<Array<string | null>> {
  return page.locator('[data-finding-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-finding-id')));
}

/** The demo person's identifying values (lower case), read from a clear demo workspace in a separate app instance. */
async function demoPersonalValues(): Promise<string[]> {
  const probe = await createAppHarness({ browser: suite.browser });
  try {
    const demo = await probe.handlers['workspace:open-demo']({});
    const values = new Set<string>();
    for (const m of demo.results.flatMap((r) => r.messages)) {
      if (m.subject) values.add(m.subject.nameId);
      for (const a of m.attributes) if (/mail|name|user/i.test(a.name)) a.values.forEach((v) => values.add(v));
    }
    const user = demo.simulation?.user.before;
    if (user) [user.username, user.displayName, user.email].forEach((v) => v && values.add(v));
    return [...values].map((v) => v.toLowerCase());
  } finally {
    await probe.dispose();
  }
}

const suite = rendererSuite();
let app: AppHarness;
let wp: WorkspacePage;

async function openApp(opts: { capture?: CaptureHost } = {}): Promise<WorkspacePage> {
  ({ app, wp } = await suite.openApp(opts));
  return wp;
}

describe('workspace in Chromium, bound to the real main-side handlers', () => {
  it('opens the bundled demo case on first start, labelled as a demo, under the app CSP', async () => {
    const { page, calls } = await openApp();
    expect(calls.slice(0, 3), JSON.stringify(calls)).toEqual(expect.arrayContaining(['settings:get', 'workspace:open-demo']));
    await expect.poll(() => page.locator('.toolbar .badge.demo').textContent()).toBe('Demo');
    const verdict = page.locator('[data-verdict]');
    expect(await verdict.getAttribute('data-verdict')).toBe('fail');
    // The demo's point: AWS sends no group names, so JIT would strip the user's groups.
    const ids = await page.locator('[data-finding-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-finding-id')));
    expect(ids.some((id) => id?.startsWith('jit.') || id?.startsWith('aws.groups'))).toBe(true);
    // The first finding is open: explanation, evidence and fix visible without a click.
    const first = page.locator('.finding').first();
    await expect.poll(() => first.locator('.finding-toggle').getAttribute('aria-expanded')).toBe('true');
    expect(await first.locator('.fix').count()).toBe(1);
    expect(await first.locator('table.grid').count()).toBe(1);
    // The renderer build carries the same CSP as main's header.
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(meta).toBe(APP_CSP_META);
    expect(await layoutOverflow(page)).toEqual([]);
    await shoot(page, '01-demo-findings');

    for (const tab of ['attributes', 'message', 'certificates', 'timeline', 'simulation'] as const) {
      await page.click(`#tab-${tab}`);
      expect(await page.locator(`#tab-${tab}`).getAttribute('aria-selected')).toBe('true');
      // Attribute table: what was sent beside what the target profile's mappings read (loaded from main).
      if (tab === 'attributes') await expect.poll(() => page.locator('table.grid thead').first().textContent()).toContain('Needed by target');
      expect(await layoutOverflow(page)).toEqual([]);
      await shoot(page, `02-demo-${tab}`);
    }
    // Message view: signed regions and the elements identity values were read from are marked.
    await page.click('#tab-message');
    expect(await page.locator('.xml-line.signed').count()).toBeGreaterThan(0);
    const readLabels = await page.locator('.read-label').allTextContents();
    expect(readLabels).toEqual(expect.arrayContaining(['NameID', 'attribute email', 'attribute groups']));
    expect(await page.locator('.xml-raw').textContent()).toContain('<saml2p:Response');
    await page.click('#tab-attributes');
    await expect.poll(() => page.locator('table.grid thead').first().textContent()).toContain('Needed by target');
    // "Groups" (capitalised) is the target field the groups attribute fills.
    expect(await page.locator('table.grid tbody').first().textContent()).toMatch(/Groups/);
    // JIT simulation: before/after user and group changes.
    await page.click('#tab-simulation');
    expect(await page.locator('[data-can-log-in]').count()).toBe(1);
  });

  it('analyses a pasted response and shows its findings', async () => {
    const { page, calls } = await openApp();
    const response = expiredResponse();
    const before = await workspaceKey(page);
    // A real Ctrl+V on the page (not in a text field) goes through the document paste handler.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.server.url });
    await page.evaluate((t) => navigator.clipboard.writeText(t), response);
    await page.locator('.verdict').click();
    await page.keyboard.press('Control+V');
    await waitNewWorkspace(page, before);
    expect(calls).toContain('workspace:analyze');
    expect(await page.locator('.toolbar .badge.demo').count()).toBe(0);
    expect(await page.locator('[data-verdict]').getAttribute('data-verdict')).toBe('fail');
    const expired = page.locator('[data-finding-id="time.expired"]');
    expect(await expired.count()).toBeGreaterThan(0);
    expect(await page.locator('.finding-group h2').first().textContent()).toContain('Errors');
    expect(await page.getByTestId('verdict-reason').textContent()).not.toBe('');
    // Evidence and fix of the expired finding, opened by a click.
    const toggle = expired.first().locator('.finding-toggle');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    expect(await expired.first().locator('.fix').textContent()).toMatch(/How to fix/i);
    await shoot(page, '03-pasted-findings');
    // The time line says it in words too: the Conditions window ended before now.
    await page.click('#tab-timeline');
    expect(await page.locator('.tl-row', { hasText: 'Conditions' }).textContent()).toMatch(/Expired — expired .* before the reference time/);
    await shoot(page, '03-pasted-timeline');

    // A paste into the input box analyses too (the box was empty), and the text stays there.
    const before2 = await workspaceKey(page);
    await page.locator('#input-text').focus();
    await page.keyboard.press('Control+V');
    await waitNewWorkspace(page, before2);
    expect(await page.locator('#input-text').inputValue()).toBe(response);
    await page.click('#tab-attributes');
    expect(await page.locator('.panel').innerText()).toContain(PERSON.display);
    await shoot(page, '04-pasted-attributes');

    // Dropping a file analyses it too, named after the file.
    const before3 = await workspaceKey(page);
    await page.evaluate((t) => {
      const data = new DataTransfer();
      data.items.add(new File([t], 'from-support-case.saml', { type: 'text/plain' }));
      const app = document.querySelector('.app');
      app?.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, bubbles: true }));
      app?.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, response);
    await waitNewWorkspace(page, before3);
    expect(calls).toContain('workspace:drop-file');
    expect(await page.locator('.input-panel .source').textContent()).toContain('from-support-case.saml');
    expect(await page.locator('.drop-overlay').count()).toBe(0);
  });

  it('presentation mode leaves no personal value in the page text or HTML', async () => {
    const { page, problems } = await openApp();
    const before = await workspaceKey(page);
    await dispatchPaste(page, expiredResponse());
    await waitNewWorkspace(page, before);
    await page.locator('#input-text').fill(expiredResponse());
    // In clear mode the person is on screen: the check below can fail.
    await page.click('#tab-attributes');
    expect((await pageTexts(page)).text.toLowerCase()).toContain('zelda');

    const clear = await workspaceKey(page);
    await page.keyboard.press('Control+Shift+P');
    await waitNewWorkspace(page, clear);
    expect(await page.locator('.switch').getAttribute('aria-checked')).toBe('true');
    expect(await page.locator('.badge.masked').count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.classList.contains('presentation'))).toBe(true);
    expect(await page.locator('#input-text').count()).toBe(0);

    const tabs = await page.locator('[role="tab"]').evaluateAll((els) => els.map((e) => e.id));
    expect(tabs.length).toBeGreaterThanOrEqual(5);
    for (const tab of tabs) {
      await page.click(`#${tab}`);
      // Open every finding, so evidence tables are in the DOM too.
      const closed = page.locator('.finding-toggle[aria-expanded="false"]');
      while ((await closed.count()) > 0) await closed.first().click();
      const { text, html, values } = await pageTexts(page);
      for (const needle of PERSONAL_NEEDLES) {
        expect(text.toLowerCase(), `${needle} in the text of ${tab}`).not.toContain(needle);
        expect(html.toLowerCase(), `${needle} in the HTML of ${tab}`).not.toContain(needle);
        expect(values.toLowerCase(), `${needle} in a form value of ${tab}`).not.toContain(needle);
      }
      expect(await layoutOverflow(page)).toEqual([]);
      await shoot(page, `05-presentation-${tab.replace('tab-', '')}`);
    }
    // The demo case (with its JIT simulation) opened while masking is on: its person never shows either.
    const demoPerson = await demoPersonalValues();
    expect(demoPerson.length).toBeGreaterThanOrEqual(3);
    const beforeDemo = await workspaceKey(page);
    await page.getByRole('button', { name: 'Demo', exact: true }).click();
    await waitNewWorkspace(page, beforeDemo);
    const demoTabs = await page.locator('[role="tab"]').evaluateAll((els) => els.map((e) => e.id));
    expect(demoTabs).toContain('tab-simulation');
    for (const tab of demoTabs) {
      await page.click(`#${tab}`);
      const closed = page.locator('.finding-toggle[aria-expanded="false"]');
      while ((await closed.count()) > 0) await closed.first().click();
      const { text, html } = await pageTexts(page);
      for (const value of demoPerson) {
        expect(text.toLowerCase(), `${value} in the text of the demo's ${tab}`).not.toContain(value);
        expect(html.toLowerCase(), `${value} in the HTML of the demo's ${tab}`).not.toContain(value);
      }
    }
    await shoot(page, '05-presentation-demo-simulation');
    // Main did the masking: the renderer's safety net never had to blank anything.
    expect(problems.filter((p) => p.includes('arrived unmasked'))).toEqual([]);

    // Off again (the switch this time): the clear values come back from main.
    const masked = await workspaceKey(page);
    await page.click('.switch');
    await waitNewWorkspace(page, masked);
    await page.click('#tab-attributes');
    const clearText = (await pageTexts(page)).text.toLowerCase();
    expect(demoPerson.filter((v) => clearText.includes(v)).length).toBeGreaterThan(0);
  });

  it('a presentation toggle costs main one view of the workspace (one redaction pass), from the switch and from the menu', async () => {
    const { page } = await openApp();
    // Every workspace view main produces for the page: pushed events and answers to workspace:current.
    const views: boolean[] = [];
    app.setEventSink((event, payload) => {
      if (event === 'workspace:updated' && typeof payload === 'object' && payload !== null && 'redacted' in payload) views.push(payload.redacted === true);
      void wp.emit(event, payload);
    });
    const current = app.handlers['workspace:current'];
    app.handlers['workspace:current'] = async (req) => {
      const ws = await current(req);
      if (ws) views.push(ws.redacted);
      return ws;
    };
    const toggle = async (action: () => Promise<unknown>, masked: boolean): Promise<void> => {
      views.length = 0;
      const before = await workspaceKey(page);
      await action();
      await waitNewWorkspace(page, before);
      await expect.poll(() => page.locator('.badge.masked').count()).toBe(masked ? 1 : 0);
      // Give a second, superfluous request time to arrive before counting.
      await page.waitForTimeout(300);
      expect(views).toEqual([masked]);
    };
    await toggle(() => page.click('.switch'), true);
    await toggle(() => page.click('.switch'), false);
    await toggle(async () => {
      const settings = await app.services.togglePresentation();
      await wp.emit('menu:toggle-presentation', { presentationMode: settings.presentationMode });
    }, true);
    await toggle(async () => {
      const settings = await app.services.togglePresentation();
      await wp.emit('menu:toggle-presentation', { presentationMode: settings.presentationMode });
    }, false);
  });

  it('follows presentation mode toggled from the menu in main (on and off), without an error', async () => {
    const { page, problems } = await openApp();
    const demoPerson = await demoPersonalValues();
    const clear = await workspaceKey(page);
    // What src-main/electron/menu-actions.ts does for View → Presentation Mode.
    let settings = await app.services.togglePresentation();
    await wp.emit('menu:toggle-presentation', { presentationMode: settings.presentationMode });
    await waitNewWorkspace(page, clear);
    await expect.poll(() => page.locator('.badge.masked').count()).toBe(1);
    expect(await page.locator('.switch').getAttribute('aria-checked')).toBe('true');
    const masked = (await pageTexts(page)).html.toLowerCase();
    for (const value of demoPerson) expect(masked).not.toContain(value);

    // Off again, and this time only the clear workspace reaches the page (settings events held back):
    // the renderer must not depend on event order; it asks main which mode is on before showing it.
    app.setEventSink((event, payload) => {
      if (event !== 'settings:changed') void wp.emit(event, payload);
    });
    const maskedKey = await workspaceKey(page);
    settings = await app.services.togglePresentation();
    expect(settings.presentationMode).toBe(false);
    await waitNewWorkspace(page, maskedKey);
    await expect.poll(() => page.locator('.badge.masked').count()).toBe(0);
    expect(await page.locator('.switch').getAttribute('aria-checked')).toBe('false');
    expect(await page.locator('[role="alert"]').count()).toBe(0);
    await page.click('#tab-attributes');
    const text = (await pageTexts(page)).text.toLowerCase();
    expect(demoPerson.some((v) => text.includes(v))).toBe(true);
    expect(problems).toEqual([]);
  });

  it('exports reports through the handler: HTML masked by default, JSON and PDF', async () => {
    const { page, calls } = await openApp();
    const before = await workspaceKey(page);
    await dispatchPaste(page, expiredResponse());
    await waitNewWorkspace(page, before);

    await page.click('.menu-wrap > button');
    await shoot(page, '06-export-menu');
    await page.getByRole('button', { name: /HTML report/ }).click();
    await expect.poll(() => page.locator('.status-line').textContent()).toMatch(/HTML report saved to .*personal data masked/);
    expect(calls).toContain('report:export');
    const html = app.saved.at(-1);
    expect(html && existsSync(html)).toBe(true);
    const htmlText = readFileSync(html as string, 'utf8');
    expect(htmlText).toContain('time.expired');
    for (const needle of PERSONAL_NEEDLES) expect(htmlText.toLowerCase()).not.toContain(needle);

    // Unmasked JSON when the user unticks masking.
    await page.click('.menu-wrap > button');
    await page.locator('.menu-check input').uncheck();
    await page.getByRole('button', { name: /JSON/ }).click();
    await expect.poll(() => page.locator('.status-line').textContent()).toMatch(/JSON report saved to/);
    const json = JSON.parse(readFileSync(app.saved.at(-1) as string, 'utf8')) as unknown;
    expect(JSON.stringify(json)).toContain(PERSON.nameId);

    await page.click('.menu-wrap > button');
    await page.getByRole('button', { name: /PDF/ }).click();
    await expect.poll(() => page.locator('.status-line').textContent(), { timeout: 60_000 }).toMatch(/PDF report saved to/);
    expect(readFileSync(app.saved.at(-1) as string).subarray(0, 5).toString()).toBe('%PDF-');
    await shoot(page, '07-exported');
  });

  it('is fully usable by keyboard: Tab reaches every action, Enter and Space operate them, focus is visible', async () => {
    const { page } = await openApp();
    // Type into the input box by keyboard so Analyse and Clear are enabled (disabled buttons are not focusable).
    const seen = new Map<string, boolean>();
    let typed = false;
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const focus = await describeFocus(page);
      if (!focus) continue;
      if (focus.tag === 'textarea' && !typed) {
        await page.keyboard.type('SAMLResponse=not-really');
        typed = true;
      }
      if (focus.name.startsWith('tab:Findings') && !seen.has(focus.name)) await shoot(page, '08-keyboard-focus');
      seen.set(focus.name, (seen.get(focus.name) ?? true) && focus.visible);
    }
    const names = [...seen.keys()];
    const expected = [
      /^button:Open file/,
      /^button:Paste$/,
      /^button:Capture login$/,
      /^button:Demo$/,
      /^button:Save/,
      /^select:/,
      /^button:Import/,
      /^switch:Presentation/,
      /^button:Export/,
      /^textarea:/,
      /^button:Analyse/,
      /^button:Clear$/,
      /^button:.?Setup$/,
      /^input:#setup-sp-acs$/,
      /^input:#setup-skew$/,
      /^tab:Findings/,
      /^tab:Attributes/,
      /^tab:Message$/,
      /^tab:Certificates$/,
      /^tab:Time line$/,
      /^tab:JIT simulation$/,
      /^button:.*(Error|Warning|Info):/,
    ];
    for (const re of expected) expect(names.some((n) => re.test(n)), `${re} reached by Tab in ${JSON.stringify(names)}`).toBe(true);
    for (const [name, visible] of seen) expect(visible, `visible focus on ${name}`).toBe(true);

    // Enter on a finding toggles it.
    const toggle = page.locator('.finding-toggle').first();
    const wasOpen = await toggle.getAttribute('aria-expanded');
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).not.toBe(wasOpen);
    // Arrow keys move between tabs; Enter selects.
    await page.locator('#tab-findings').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('#tab-attributes').getAttribute('aria-selected')).toBe('true');
    await page.locator('#tab-message').focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('#tab-message').getAttribute('aria-selected')).toBe('true');
    // Space on the presentation switch turns it on.
    const clear = await workspaceKey(page);
    await page.locator('.switch').focus();
    await page.keyboard.press('Space');
    await waitNewWorkspace(page, clear);
    expect(await page.locator('.switch').getAttribute('aria-checked')).toBe('true');
    // Export by keyboard: Enter opens the menu, Tab to JSON, Enter exports, focus returns to the button.
    await page.locator('.menu-wrap > button').focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('.menu-wrap > button').getAttribute('aria-expanded')).toBe('true');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    expect((await describeFocus(page))?.name).toMatch(/JSON/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.status-line').textContent()).toMatch(/JSON report saved to .*masked/);
    expect((await describeFocus(page))?.name).toMatch(/^button:Export/);
    // Escape closes the menu.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    expect(await page.locator('.menu').count()).toBe(0);
  });
  it('Setup: pasted IdP metadata becomes the trust anchor; SP settings and the evaluation time re-analyse the message', async () => {
    const { page, calls } = await openApp();
    const issued = new Date(Date.now() - 60_000);
    // An AWS response with no target profile and no IdP metadata: nothing to verify the signature against.
    let before = await workspaceKey(page);
    await dispatchPaste(page, freshResponse(issued));
    await waitNewWorkspace(page, before);
    expect(await shownFindingIds(page)).toContain('signature.no-trust-anchor');
    expect(await page.locator('[data-trust-source]').getAttribute('data-trust-source')).toBe('none');
    // The fix says how to give a trust anchor both ways.
    const noTrust = page.locator('[data-finding-id="signature.no-trust-anchor"]').first();
    const toggle = noTrust.locator('.finding-toggle');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    expect(await noTrust.locator('.fix').textContent()).toMatch(/--idp-metadata FILE.*paste or drop the metadata file/s);

    // Pasting the AWS IdP metadata is recognised as a setting, not analysed as a message.
    before = await workspaceKey(page);
    await dispatchPaste(page, awsIdpMetadata());
    await waitNewWorkspace(page, before);
    expect(await page.getByTestId('setup-notice').textContent()).toMatch(/IdP metadata recognised/);
    expect(await page.locator('.status-line').textContent()).toMatch(/IdP metadata recognised/);
    expect(await page.locator('[data-trust-source]').getAttribute('data-trust-source')).toBe('metadata');
    const fingerprint = new X509Certificate(IDP_KEY.certificatePem).fingerprint256;
    expect(await page.locator('.setup-cert .fingerprint').first().textContent()).toContain(fingerprint);
    expect(await page.locator('.setup-cert').first().textContent()).toContain('CN=amazonaws.com, OU=IDAS, O=Amazon, C=US');
    const ids = await shownFindingIds(page);
    expect(ids).not.toContain('signature.no-trust-anchor');
    expect(ids).not.toContain('input.unrecognized');
    await page.click('#tab-certificates');
    expect(await page.locator('table.grid tbody').first().textContent()).toMatch(/accepted/);
    expect(await page.locator('table.grid tbody').first().textContent()).not.toMatch(/not accepted/);
    expect(await layoutOverflow(page)).toEqual([]);
    await shoot(page, '09-setup-trust');
    await shootElement(page, '.input-panel', '09-setup-panel');

    // A wrong ACS URL: Destination and Recipient no longer match.
    before = await workspaceKey(page);
    await page.locator('#setup-sp-acs').fill('https://jira.example.com/wrong-acs');
    await page.locator('#setup-sp-acs').press('Enter');
    await waitNewWorkspace(page, before);
    expect(calls).toContain('workspace:set-setup');
    await page.click('#tab-findings');
    expect(await shownFindingIds(page)).toEqual(expect.arrayContaining(['recipient.mismatch', 'destination.mismatch']));
    expect(await page.locator('#setup-sp-entity').inputValue()).toBe('');

    // Judged after NotOnOrAfter (IssueInstant + 1 h, plus 180 s skew): expired.
    const late = new Date(issued.getTime() + 2 * 3600_000).toISOString();
    before = await workspaceKey(page);
    await page.locator('#setup-instant').fill(late);
    await page.locator('#setup-instant').press('Enter');
    await waitNewWorkspace(page, before);
    expect(await shownFindingIds(page)).toContain('time.expired');
    expect(await page.locator('input[name="evaluate-at"]').nth(2).isChecked()).toBe(true);
    expect(await page.locator('[data-effective-now]').getAttribute('data-effective-now')).toBe(late);
    await page.locator('#setup-instant').scrollIntoViewIfNeeded();
    await shoot(page, '10-setup-sp-time');
    await shootElement(page, '.input-panel .setup', '10-setup-panel-full');

    // The SP key dropped on its section: described, never shown.
    before = await workspaceKey(page);
    await page.evaluate((pem) => {
      const data = new DataTransfer();
      data.items.add(new File([pem], 'jira-sp-key.pem', { type: 'application/x-pem-file' }));
      const zone = document.querySelector('[data-drop-setting*="SP private key"]');
      zone?.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, SP_KEY.privateKeyPem);
    await waitNewWorkspace(page, before);
    expect(await page.locator('[data-sp-key]').textContent()).toContain('Key loaded (RSA 2048)');
    const keyBody = SP_KEY.privateKeyPem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '').slice(40, 100);
    expect((await pageTexts(page)).html).not.toContain(keyBody);
    expect(calls).not.toContain('workspace:drop-file');

    // Collapsed, the panel is a one-line summary per setting; the toggle works by keyboard.
    await page.locator('.setup-toggle').focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('.setup-toggle').getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('.setup-summary').textContent()).toMatch(/TrustIdP metadata.*ACS URLhttps:\/\/jira\.example\.com\/wrong-acs.*SP keyloaded \(RSA 2048\)/);
    await shootElement(page, '.input-panel', '11-setup-collapsed');
    await page.keyboard.press('Space');
    expect(await page.locator('.setup-toggle').getAttribute('aria-expanded')).toBe('true');

    // Presentation mode: the Setup panel stays (nothing in it is personal), the input box and the person do not.
    const clear = await workspaceKey(page);
    await page.keyboard.press('Control+Shift+P');
    await waitNewWorkspace(page, clear);
    expect(await page.locator('#input-text').count()).toBe(0);
    expect(await page.locator('.setup').count()).toBe(1);
    expect(await page.locator('[data-trust-source]').getAttribute('data-trust-source')).toBe('metadata');
    expect(await page.locator('#setup-sp-acs').inputValue()).toBe('https://jira.example.com/wrong-acs');
    const { text, html, values } = await pageTexts(page);
    for (const needle of PERSONAL_NEEDLES) {
      expect(text.toLowerCase(), needle).not.toContain(needle);
      expect(html.toLowerCase(), needle).not.toContain(needle);
      expect(values.toLowerCase(), needle).not.toContain(needle);
    }
    expect(await layoutOverflow(page)).toEqual([]);
    await shoot(page, '12-setup-presentation');
    await shootElement(page, '.input-panel', '12-setup-presentation-panel');

    // Clearing the pasted metadata brings back "no trust anchor".
    before = await workspaceKey(page);
    await page.locator('.setup-section', { hasText: 'IdP trust' }).getByRole('button', { name: 'Clear' }).click();
    await waitNewWorkspace(page, before);
    expect(await page.locator('[data-trust-source]').getAttribute('data-trust-source')).toBe('none');
    expect(await shownFindingIds(page)).toContain('signature.no-trust-anchor');
  });
  it('Setup: a dropped instance snapshot replaces the target profile’s own, and the simulation says so', async () => {
    const { page } = await openApp();
    await expect.poll(() => page.locator('.toolbar .badge.demo').count()).toBe(1);
    const snapshot = JSON.parse(readFileSync('assets/examples/jira-atlassian-sso/snapshot.json', 'utf8')) as { users: unknown[] };
    const before = await workspaceKey(page);
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'jira-nobody.json', { type: 'application/json' }));
      const app = document.querySelector('.app');
      app?.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, bubbles: true }));
      app?.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, JSON.stringify({ ...snapshot, users: [] }));
    await waitNewWorkspace(page, before);
    expect(await page.getByTestId('setup-notice').textContent()).toMatch(/Instance snapshot recognised \(jira, 0 users\)\. Used instead of the snapshot of Jira/);
    expect(await page.locator('[data-snapshot-use]').textContent()).toMatch(/^Used instead of the snapshot of Jira/);
    // Still the demo's message, simulated against the dropped snapshot: the user does not exist there.
    expect(await page.locator('.toolbar .badge.demo').count()).toBe(1);
    await page.click('#tab-simulation');
    expect(await page.locator('[data-snapshot-note]').textContent()).toContain('jira-nobody.json');
    expect(await page.locator('section[aria-label="User before and after"] tbody tr').first().textContent()).toContain('does not exist');
    await shoot(page, '13-setup-snapshot');
    await shootElement(page, '.input-panel .setup', '13-setup-snapshot-panel');
  });

  it('a HAR export opened by drop shows its Flow tab: the pair, RelayState, the SP error page and the flow findings linked to their exchange', async () => {
    const { page } = await openApp();
    const flow = loginFlow({
      response: { nameId: PERSON.nameId, attributes: [{ name: 'email', values: [PERSON.nameId] }, { name: 'displayName', values: [PERSON.display] }] },
      responseRelayState: '/browse/OTHER-1',
      spAnswer: atlassianErrorPage(`Received SSO request for user ${PERSON.nameId}, but the user does not exist`),
    });
    const har = JSON.stringify(harOf(flow, 'chrome'));
    const before = await workspaceKey(page);
    await dropFile(page, 'support-case.har', har);
    await waitNewWorkspace(page, before);
    expect(await page.locator('.input-panel .source').textContent()).toContain('support-case.har');
    // By keyboard: the Flow tab is next to Findings.
    await page.locator('#tab-findings').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('#tab-flow').getAttribute('aria-selected')).toBe('true');
    // The flow starts at the SP's first request: its login page, which redirected to the IdP with the AuthnRequest.
    expect(await page.locator('#tab-flow .count').textContent()).toBe('3');
    // One request–response pair, paired by InResponseTo; the RelayState came back changed.
    expect(await page.locator('.flow-pair').count()).toBe(1);
    expect(await page.locator('.flow-pair').getAttribute('data-paired-by')).toBe('in-response-to');
    expect(await page.getByTestId('flow-relay-state').textContent()).toMatch(/Not returned unchanged.*sent.*\/secure\/Dashboard\.jspa.*returned.*\/browse\/OTHER-1/);
    expect(await page.locator('.flow-pair').textContent()).toMatch(/Posted to the requested ACS URL/);
    // Every exchange in order, numbered as in the HAR, the SAML messages on theirs, the SP's answer page and the findings on the POST.
    expect(await page.locator('.flow-step .flow-num').allTextContents()).toEqual(['1', '2', '3']);
    expect(await page.locator('.flow-step[data-exchange="1"] .badge.saml').textContent()).toBe('AuthnRequest');
    const post = page.locator('.flow-step[data-exchange="2"]');
    expect(await post.locator('.badge.saml').textContent()).toBe('Response');
    expect(await post.locator('.flow-page').textContent()).toMatch(/SP answer page:.*but the user does not exist/);
    const linked = await post.locator('[data-flow-finding]').evaluateAll((els) => els.map((e) => e.getAttribute('data-flow-finding')));
    expect(linked).toEqual(expect.arrayContaining(['flow.sp-error', 'flow.relay-state-mismatch']));
    expect(await layoutOverflow(page)).toEqual([]);
    await shoot(page, '14-flow-har');
    await shootTall(page, '14-flow-har-tall');

    // The finding link opens Findings at that finding, expanded, with the focus on it.
    await post.locator('[data-flow-finding="flow.sp-error"] button').focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('#tab-findings').getAttribute('aria-selected')).toBe('true');
    const spError = page.locator('[data-finding-id="flow.sp-error"]');
    expect(await spError.locator('.finding-toggle').getAttribute('aria-expanded')).toBe('true');
    expect((await describeFocus(page))?.name).toMatch(/The SP answered with an error page/);
    // Only the results panel scrolled to it: the window's frame (toolbar, verdict) stays where it is.
    expect(await page.evaluate(() => document.scrollingElement?.scrollTop ?? 0)).toBe(0);
    expect(await page.locator('.toolbar').boundingBox()).toMatchObject({ y: 0 });

    // Presentation mode: the same flow, nobody's data on screen, URLs without query strings.
    const clear = await workspaceKey(page);
    await page.keyboard.press('Control+Shift+P');
    await waitNewWorkspace(page, clear);
    await page.click('#tab-flow');
    expect(await page.locator('.flow-pair').count()).toBe(1);
    expect(await page.locator('.flow-step').count()).toBe(3);
    const { text, html } = await pageTexts(page);
    for (const needle of [...PERSONAL_NEEDLES, 'dashboard.jspa', 'other-1', 'samlrequest=']) {
      expect(text.toLowerCase(), `${needle} in the Flow tab text`).not.toContain(needle);
      expect(html.toLowerCase(), `${needle} in the Flow tab HTML`).not.toContain(needle);
    }
    expect(await page.locator('.flow-url').evaluateAll((els) => els.filter((e) => e.textContent?.includes('?')).length)).toBe(0);
    expect(await layoutOverflow(page)).toEqual([]);
    await shoot(page, '14-flow-har-presentation');
    await shootTall(page, '14-flow-har-presentation-tall');
  });

  it('captures a login: Capture login opens the target’s login page, exchanges arrive live, Clear and Stop show the analysed flow', async () => {
    const host = new FakeCaptureHost();
    const { page, calls } = await openApp({ capture: host });
    const exchanges = loginFlow({
      response: { nameId: PERSON.nameId, attributes: [{ name: 'email', values: [PERSON.nameId] }, { name: 'displayName', values: [PERSON.display] }] },
    }).exchanges.map(({ index: _index, ...rest }) => rest);
    const rows = page.locator('table.capture-list tbody tr');

    // The demo case is simulated against the Jira example profile, which the picker shows: its login page opens.
    await expect.poll(() => page.locator('.toolbar .badge.demo').count()).toBe(1);
    await page.getByRole('button', { name: 'Capture login' }).click();
    await page.waitForSelector('.capture[data-capture-phase="recording"]');
    expect(host.started).toEqual(['https://jira.example.com/login.jsp']);
    expect(calls).toContain('capture:start');
    expect(await page.locator('.capture-url').textContent()).toBe('https://jira.example.com/login.jsp');
    expect((await describeFocus(page))?.name).toMatch(/^button:Stop & analyse/);
    expect(await page.getByRole('button', { name: 'Capture login' }).isDisabled()).toBe(true);

    for (const e of exchanges) host.push(e);
    await expect.poll(() => rows.count()).toBe(4);
    expect(await page.locator('table.capture-list tr.saml .badge.saml').allTextContents()).toEqual(['AuthnRequest', 'Response']);
    expect(await rows.nth(1).locator('td.url').textContent()).toContain('?SAMLRequest=');
    expect(await rows.nth(2).locator('.badge.http').textContent()).toBe('302');
    expect(await page.getByTestId('capture-summary').textContent()).toMatch(/^4 requests recorded, 2 carrying a SAML message\./);
    expect(await layoutOverflow(page)).toEqual([]);
    await shoot(page, '15-capture-live');

    // Presentation mode while capturing: the list stays, its URLs lose their query strings.
    await page.keyboard.press('Control+Shift+P');
    await expect.poll(() => page.locator('.switch').getAttribute('aria-checked')).toBe('true');
    host.push({ ...exchanges[1]!, startedAt: exchanges[3]!.startedAt });
    await expect.poll(() => rows.count()).toBe(5);
    const masked = await pageTexts(page);
    for (const needle of ['samlrequest', 'relaystate', ...PERSONAL_NEEDLES]) expect(masked.html.toLowerCase(), needle).not.toContain(needle);
    expect(await layoutOverflow(page)).toEqual([]);
    await shoot(page, '15-capture-live-presentation');
    await page.keyboard.press('Control+Shift+P');
    await expect.poll(() => page.locator('.switch').getAttribute('aria-checked')).toBe('false');

    // Clear forgets what was recorded; recording goes on.
    await page.locator('.capture-actions').getByRole('button', { name: 'Clear' }).click();
    await expect.poll(() => rows.count()).toBe(0);
    expect(host.flow().exchanges).toEqual([]);
    for (const e of exchanges) host.push(e);
    await expect.poll(() => rows.count()).toBe(4);

    // The user closes the capture window: recording stops, the list stays until Stop & analyse.
    host.end('window closed');
    await page.waitForSelector('.capture[data-capture-phase="ended"]');
    expect(await page.getByTestId('capture-summary').textContent()).toContain('window closed');
    const before = await workspaceKey(page);
    await page.getByRole('button', { name: 'Stop & analyse' }).focus();
    await page.keyboard.press('Enter');
    await waitNewWorkspace(page, before);
    expect(host.closed).toBe(1);
    expect(await page.locator('.capture').count()).toBe(0);
    expect(await page.locator('#tab-flow').getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('.flow-pair[data-paired-by="in-response-to"]').count()).toBe(1);
    expect(await page.locator('.flow-step').count()).toBe(4);
    expect(await page.locator('.input-panel .source').textContent()).toContain('In-app capture: jira.example.com');
    expect(await layoutOverflow(page)).toEqual([]);
    await shoot(page, '16-capture-flow');

    // The stopped capture can still be saved as HAR from its Flow tab.
    await page.getByRole('button', { name: 'Save capture as HAR…' }).click();
    await expect.poll(() => page.locator('.status-line').textContent()).toMatch(/Capture saved as HAR to .*\.har/);
    expect(JSON.parse(readFileSync(app.saved.at(-1) as string, 'utf8')).log.entries).toHaveLength(4);
  });

  it('asks for the login URL when no target profile gives one, and refuses what is not http(s)', async () => {
    const host = new FakeCaptureHost();
    const { page } = await openApp({ capture: host });
    await expect.poll(() => page.locator('.toolbar .badge.demo').count()).toBe(1);
    const before = await workspaceKey(page);
    await page.selectOption('#profile-picker', '');
    await waitNewWorkspace(page, before);

    await page.getByRole('button', { name: 'Capture login' }).click();
    await page.waitForSelector('.capture[data-capture-phase="asking"]');
    expect((await describeFocus(page))?.name).toBe('input:#capture-url');
    await shoot(page, '17-capture-ask-url');
    // Escape cancels; the workspace is back.
    await page.keyboard.press('Escape');
    expect(await page.locator('.capture').count()).toBe(0);
    expect(await page.locator('#tab-findings').count()).toBe(1);

    await page.getByRole('button', { name: 'Capture login' }).click();
    await page.locator('#capture-url').fill('ftp://jira.example.com/login.jsp');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#capture-error').textContent()).toMatch(/must be an http:\/\/ or https:\/\/ URL/);
    expect(host.started).toEqual([]);
    await page.locator('#capture-url').fill('https://confluence.example.org/login.action');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.capture[data-capture-phase="recording"]');
    expect(host.started).toEqual(['https://confluence.example.org/login.action']);
    expect(await page.locator('.capture .empty').textContent()).toBe('No requests yet.');
  });
});

/** The whole page at 1280 wide and tall enough for a long results panel, both colour schemes. */
async function shootTall(page: WorkspacePage['page'], name: string): Promise<void> {
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 1280, height: 1400 });
  try {
    await shoot(page, name);
  } finally {
    if (viewport) await page.setViewportSize(viewport);
  }
}

/** A file dropped on the window, as a browser delivers it. */
async function dropFile(page: WorkspacePage['page'], name: string, text: string): Promise<void> {
  await page.evaluate(
    ([n, t]) => {
      const data = new DataTransfer();
      data.items.add(new File([t], n, { type: 'application/json' }));
      const target = document.querySelector('.app');
      target?.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, bubbles: true }));
      target?.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    [name, text] as const,
  );
}
