/**
 * Captures with very large entries and very many entries: the importer keeps bounded excerpts, still
 * finds the login, and imports from a file exactly what the streaming reader imports.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ExchangeSelector } from '../../../src-main/capture/exchange-selector.js';
import { importCaptureChunks, importCaptureStreamFromFile } from '../../../src-main/capture/import-capture.js';
import { DEFAULT_CAPTURE_LIMITS } from '../../../src-main/capture/limits.js';
import { UnreadEntries } from '../../../src-main/capture/unread-entries.js';
import type { CapturedExchange } from '../../../src-main/core/model/input.js';
import { JIRA, loginFlow } from '../flow/flow-fixture.js';
import { byteChunksOf, harOf, samlTracerOf, scriptEntry, type Browser } from './capture-files.js';

const dir = mkdtempSync(join(tmpdir(), 'samlscope-large-entries-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MAX_BODY = DEFAULT_CAPTURE_LIMITS.maxResponseBodyChars;
const USER_PAGE = 'Received SSO request for user jane.doe@example.com, but the user does not exist';
/** An answer page of about 3 MB, full of characters JSON escapes, with non-ASCII text across the bound. */
const HUGE_PAGE = `<p>${USER_PAGE}</p>${'<div class="row">Zeile für Zeile — "quoted" \\ 😀</div>\n'.repeat(60_000)}`;

/** Imports `text` from a file (fast path) and through the streaming reader; both must agree. */
async function importBothWays(text: string) {
  const file = join(dir, `capture-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, text);
  const fast = await importCaptureStreamFromFile(file, 'capture.json');
  const slow = await importCaptureChunks(byteChunksOf(text, 64 * 1024), 'capture.json');
  expect(fast).toEqual(slow);
  return fast;
}

describe('very large entries', () => {
  test.each<Browser>(['chrome', 'safari'])('a 3 MB answer page (%s; base64 in Safari) is kept as its first characters', async (browser) => {
    const flow = loginFlow({ spAnswer: { status: 400, contentType: 'text/html', body: HUGE_PAGE } });
    const imported = await importBothWays(JSON.stringify(harOf(flow, browser)));
    const body = imported.flow.exchanges.find((e) => e.method === 'POST')!.responseBody!;
    expect(body).toBe(HUGE_PAGE.slice(0, MAX_BODY));
  });

  test('a login inside an entry with a huge body is still found, after megabytes of other entries', async () => {
    const flow = loginFlow({ spAnswer: { status: 400, contentType: 'text/html', body: HUGE_PAGE } });
    const bigScripts = (i: number) => (i === 1 ? Array.from({ length: 4 }, (_, k) => scriptEntry(`https://cdn.example.com/${k}.js`, 2_000_000)) : []);
    const imported = await importBothWays(JSON.stringify(harOf(flow, 'chrome', bigScripts)));
    expect(imported.flow.exchanges.some((e) => e.requestBody?.includes('SAMLResponse='))).toBe(true);
    expect(imported.flow.exchanges.every((e) => !e.url.endsWith('.js'))).toBe(true);
  });

  test('a lead-in page with a huge body, read back after the AuthnRequest, keeps its excerpt', async () => {
    const login = loginFlow().exchanges;
    const chain = [
      { method: 'GET', url: `${JIRA}/browse/ABC-1`, status: 302, location: '/plugins/servlet/samlsso?redirectTo=%2Fbrowse%2FABC-1', responseContentType: 'text/html', responseBody: HUGE_PAGE },
      { method: 'GET', url: `${JIRA}/plugins/servlet/samlsso?redirectTo=%2Fbrowse%2FABC-1`, status: 302, location: login[0]!.url },
      ...login.map(({ index: _index, ...e }) => e),
    ];
    const flow = { exchanges: chain.map((e, index) => ({ ...e, index })) };
    const imported = await importBothWays(JSON.stringify(harOf(flow, 'chrome')));
    expect(imported.flow.exchanges[0]!.url).toBe(`${JIRA}/browse/ABC-1`);
    expect(imported.flow.exchanges[0]!.responseBody).toBe(HUGE_PAGE.slice(0, MAX_BODY));
  });
});

describe('very many entries', () => {
  test('a SAML-tracer export with 120,000 requests before the login', async () => {
    const doc = samlTracerOf(loginFlow(), 'current') as { requests: unknown[] };
    const filler = Array.from({ length: 120_000 }, (_, i) => ({ method: 'GET', url: `${JIRA}/rest/api/2/issue/P-${i}`, requestId: `f${i}`, requestHeaders: [], responseStatus: 200, responseHeaders: [] }));
    doc.requests = [...filler, ...doc.requests];
    const imported = await importBothWays(JSON.stringify(doc));
    expect(imported.entriesRead).toBe(doc.requests.length);
    expect(imported.flow.exchanges.some((e) => e.url.includes('SAMLRequest='))).toBe(true);
  });
});

describe('unread entries', () => {
  test('are remembered by id, the last ones only once the ring is full', () => {
    const unread = new UnreadEntries(2000);
    for (let i = 0; i < 5000; i++) expect(unread.add(i * 2, i * 100, 90 + (i % 7))).toBe(i);
    expect(unread.get(4999)).toEqual({ index: 9998, offset: 499_900, length: 90 + (4999 % 7) });
    expect(unread.get(3000)).toEqual({ index: 6000, offset: 300_000, length: 90 + (3000 % 7) });
    expect(() => unread.get(100)).toThrow(RangeError);
  });

  test('a lead-in is found from entries read without their bodies; only the steps kept are read whole', () => {
    const selector = new ExchangeSelector();
    const login = loginFlow().exchanges;
    const steps: CapturedExchange[] = [
      { index: 0, method: 'GET', url: `${JIRA}/browse/ABC-1`, status: 302, location: login[1]!.url },
      { index: 1, method: 'GET', url: `${JIRA}/secure/Other.jspa`, status: 200, responseContentType: 'text/html' },
    ];
    const calls: Array<[number, boolean]> = [];
    selector.convertUnreadWith((id, whole) => {
      calls.push([id, whole]);
      return { exchange: { ...steps[id]!, ...(whole ? { responseBody: 'whole' } : {}) }, isStatic: false };
    });
    selector.offerUnread(0);
    selector.offerUnread(1);
    selector.offer({ ...login[1]!, index: 2 }, false);
    expect(calls).toEqual([[1, false], [0, false], [0, true]]);
    expect(selector.exchanges.map((e) => [e.index, e.responseBody])).toEqual([[0, 'whole'], [2, login[1]!.responseBody]]);
  });
});
