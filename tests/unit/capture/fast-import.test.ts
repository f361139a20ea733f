/**
 * The fast path (byte scanner + reading only the entries that can matter) must import exactly what
 * the streaming reader imports, or step aside so the streaming reader explains the problem. Each case
 * runs both and compares the whole result (or the whole error).
 */
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ByteWindow } from '../../../src-main/capture/byte-window.js';
import { FastCaptureReader, FastPathUnavailable } from '../../../src-main/capture/fast-import.js';
import { importCaptureChunks, importCaptureStreamFromFile, importCaptureText } from '../../../src-main/capture/import-capture.js';
import { INVALID, NEED_MORE, scanValue, TOO_DEEP } from '../../../src-main/capture/json-value-scanner.js';
import { DEFAULT_CAPTURE_LIMITS, type CaptureLimits } from '../../../src-main/capture/limits.js';
import { JIRA, atlassianErrorPage, loginFlow } from '../flow/flow-fixture.js';
import { byteChunksOf, chunksOf, harOf, samlTracerOf, scriptEntry, type Browser } from './capture-files.js';

const dir = mkdtempSync(join(tmpdir(), 'samlscope-fast-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Outcome = unknown;

async function outcome(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    return await run();
  } catch (error) {
    return { error: (error as Error).constructor.name, message: (error as Error).message, path: (error as { path?: string }).path };
  }
}

/** Reads `text` through the fast path from a source that hands out `step` bytes per read. */
function fastRead(text: string, limits: CaptureLimits, step?: number, capBytes = 64 * 1024 * 1024) {
  const bytes = Buffer.from(text, 'utf8');
  let at = 0;
  const window =
    step === undefined
      ? ByteWindow.over(bytes)
      : ByteWindow.reading(async (into, offset, length) => {
          const n = Math.min(step, length, bytes.length - at);
          bytes.copy(into, offset, at, at + n);
          at += n;
          return n;
        }, (offset, length) => bytes.subarray(offset, offset + length), capBytes);
  return new FastCaptureReader(window, limits).read('capture.json');
}

/** The streaming reader over the file's bytes in odd-sized chunks, as it reads a file. */
const slowRead = (text: string, limits: CaptureLimits) => importCaptureChunks(byteChunksOf(text, 777), 'capture.json', limits);

/** The fast path reads this file itself and gets the streaming reader's result, whatever the read sizes. */
async function expectFastSameAsSlow(text: string, limits: CaptureLimits = DEFAULT_CAPTURE_LIMITS): Promise<void> {
  const slow = await outcome(() => slowRead(text, limits));
  // Tiny reads rescan an entry once per read; keep them for small files.
  const steps = text.length < 300_000 ? [undefined, 1, 7, 4096] : [undefined, 64 * 1024];
  for (const step of steps) {
    expect(await outcome(() => fastRead(text, limits, step))).toEqual(slow);
  }
}

/** The fast path steps aside, and the importer's answer is still the streaming reader's. */
async function expectFallbackSameAsSlow(text: string, limits: CaptureLimits = DEFAULT_CAPTURE_LIMITS): Promise<void> {
  await expect(fastRead(text, limits)).rejects.toBeInstanceOf(FastPathUnavailable);
  await expect(fastRead(text, limits, 5)).rejects.toBeInstanceOf(FastPathUnavailable);
  // Where an error is reported depends on how the text was cut into chunks, so each door is compared
  // with the streaming reader reading the same chunks.
  const slowText = await outcome(() => importCaptureChunks(chunksOf(text, text.length + 1), 'capture.json', limits));
  expect(await outcome(() => importCaptureText(text, 'capture.json', limits))).toEqual(slowText);
  const file = join(dir, `fallback-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, text);
  const slowFile = await outcome(() => importCaptureChunks(createReadStream(file, { highWaterMark: 64 * 1024 }), 'capture.json', limits));
  expect(await outcome(() => importCaptureStreamFromFile(file, 'capture.json', limits))).toEqual(slowFile);
}

const PAGE = atlassianErrorPage('Received SSO request for user jane.doe@example.com, but the user does not exist');
const scripts = (i: number) => Array.from({ length: 3 }, (_, k) => scriptEntry(`https://cdn.example.com/${i}-${k}.js`, 3_000));
const harText = (browser: Browser = 'chrome', indent?: number) => JSON.stringify(harOf(loginFlow({ spAnswer: PAGE }), browser, scripts), null, indent);
type HarDoc = { log: { entries: unknown[] } };
const harDoc = (): HarDoc => JSON.parse(harText()) as HarDoc;

describe('fast path reads what the streaming reader reads', () => {
  test.each<Browser>(['chrome', 'firefox', 'safari'])('HAR from %s with scripts around the login, compact and indented', async (browser) => {
    await expectFastSameAsSlow(harText(browser));
    await expectFastSameAsSlow(harText(browser, 2));
  });

  test.each(['current', 'legacy', 'masked'] as const)('SAML-tracer export (%s)', async (variant) => {
    await expectFastSameAsSlow(JSON.stringify(samlTracerOf(loginFlow({ spAnswer: PAGE }), variant), null, 1));
  });

  test('a login that starts at the protected page: the SP\'s redirects before the AuthnRequest carry no SAML bytes and are still found', async () => {
    const login = loginFlow({ spAnswer: PAGE }).exchanges;
    const chain = [
      { method: 'GET', url: `${JIRA}/secure/Unrelated.jspa`, status: 200, responseContentType: 'text/html', responseBody: '<html>other</html>' },
      { method: 'GET', url: `${JIRA}/browse/ABC-1`, status: 302, location: '/plugins/servlet/samlsso?redirectTo=%2Fbrowse%2FABC-1' },
      { method: 'GET', url: `${JIRA}/plugins/servlet/samlsso?redirectTo=%2Fbrowse%2FABC-1`, status: 302, location: login[1]!.url },
      ...login.slice(1).map(({ index: _index, ...e }) => e),
    ];
    const flow = { exchanges: chain.map((e, index) => ({ ...e, index })) };
    for (const browser of ['chrome', 'firefox', 'safari'] as const) {
      const text = JSON.stringify(harOf(flow, browser, scripts));
      const slow = await slowRead(text, DEFAULT_CAPTURE_LIMITS);
      expect(slow.flow.exchanges[0]!.url).toBe(`${JIRA}/browse/ABC-1`);
      await expectFastSameAsSlow(text);
    }
  });

  test('a byte-order mark and non-ASCII text in answer pages', async () => {
    const flow = loginFlow({ spAnswer: atlassianErrorPage('Benutzer jürgen.müller@example.com existiert nicht — 用户') });
    await expectFastSameAsSlow(`\ufeff${JSON.stringify(harOf(flow, 'chrome', scripts))}`);
  });

  test('a SAML parameter hidden behind \\u escapes or percent-encoded form names is still found', async () => {
    const escaped = harText().replace(/SAMLRequest=/g, '\\u0053AMLRequest=');
    expect(escaped).toContain('\\u0053AMLRequest');
    await expectFastSameAsSlow(escaped);
    const firefox = JSON.stringify(harOf(loginFlow(), 'firefox', scripts)).replace(/"name":"SAMLResponse"/g, '"name":"%53AMLResponse"');
    expect(firefox).toContain('%53AMLResponse');
    // No answer window, so the POST is kept only because its (decoded) parameter name is SAMLResponse.
    const noWindow = { ...DEFAULT_CAPTURE_LIMITS, answerWindow: 0 };
    const slow = await slowRead(firefox, noWindow);
    expect(slow.flow.exchanges.some((e) => e.requestParams?.some((p) => p.name === 'SAMLResponse'))).toBe(true);
    await expectFastSameAsSlow(firefox, noWindow);
  });

  test('entries that cannot be read get the same notes: wrong types, empty or missing URLs, repeated keys', async () => {
    const doc = harDoc();
    const e = doc.log.entries as unknown[] as Array<Record<string, unknown>>;
    (e as unknown[])[0] = 'not an entry';
    (e[1] as { request: { url: unknown } }).request.url = 7;
    (e[2] as { request: { url: unknown } }).request.url = '';
    delete (e[5] as { request: { url?: unknown } }).request.url;
    e[6] = { ...e[6], request: [] };
    let text = JSON.stringify(doc);
    // A hand-edited entry whose request.url is given twice: the last one counts, as in JSON.parse.
    text = text.replace(/\{"startedDateTime"/, '{"request":{"url":""},"request":{"url":"https://x.example/a.js"},"startedDateTime"');
    text = text.replace(/"url":"https:\/\/cdn\.example\.com\/3-0\.js"/, '"url":"https://cdn.example.com/3-0.js","url":""');
    const slow = await slowRead(text, DEFAULT_CAPTURE_LIMITS);
    expect(slow.flow.notes?.[0]).toMatch(/skipped because they could not be read/);
    await expectFastSameAsSlow(text);
  });

  test('kept entries with odd values are bounded the same way: strings where objects belong, objects where strings belong, long arrays', async () => {
    const doc = harDoc();
    const entries = doc.log.entries as Array<{ request: Record<string, unknown>; response: Record<string, unknown> }>;
    const post = entries.findIndex((x) => x.request.method === 'POST');
    const answer = entries[post]!;
    answer.request.headers = 'h'.repeat(300);
    const postData = answer.request.postData as { params: unknown[]; mimeType: unknown };
    postData.mimeType = { nested: true };
    postData.params.push({ name: 'a', value: { deep: { deeper: 1 } } }, 'x'.repeat(400), 5);
    answer.response.headers = Array.from({ length: 250 }, (_, i) => ({ name: `x-${i}`, value: 'v'.repeat(20_000) }));
    answer.response.content = ['not', 'an', 'object'];
    (entries[post] as Record<string, unknown>)['odd key'] = { __proto__: 'x' };
    const text = JSON.stringify(doc);
    const slow = await slowRead(text, DEFAULT_CAPTURE_LIMITS);
    expect(slow.flow.notes?.join(' ')).toMatch(/expected/);
    await expectFastSameAsSlow(text);
  });

  test('bounds: cut strings, too many exchanges and a short answer window give the same notes', async () => {
    const limits: CaptureLimits = { ...DEFAULT_CAPTURE_LIMITS, maxFieldChars: 40, maxResponseBodyChars: 30, answerWindow: 1, maxExchanges: 2, maxHeaders: 1 };
    await expectFastSameAsSlow(harText('chrome'), limits);
    await expectFastSameAsSlow(harText('safari'), limits);
  });

  test('scripts only before the login: entries are counted, none kept before the first SAML message', async () => {
    const fast = await fastRead(harText(), DEFAULT_CAPTURE_LIMITS);
    expect(fast.entriesRead).toBe(harDoc().log.entries.length);
    expect(fast.flow.exchanges.every((x) => !x.url.endsWith('.js'))).toBe(true);
  });
});

describe('fast path steps aside and the streaming reader explains', () => {
  const good = harText();
  test.each([
    ['the file is cut off', good.slice(0, Math.floor(good.length * 0.6))],
    ['invalid JSON inside an entry nobody keeps', good.replace('"time":12.5', '"time":tru')],
    ['an invalid escape', good.replace('"time":12.5', '"time":"\\x"')],
    ['content after the top-level object', `${good} {}`],
    ['both HAR and SAML-tracer keys', `{"requests":[],${good.slice(1)}`],
    ['a top-level array', `[${good}]`],
    ['log without entries', '{"log":{"version":"1.2"}}'],
    ['no entries at all', '{"log":{"entries":[]}}'],
    ['an escaped top-level key', good.replace('{"log"', '{"\\u006cog"')],
    ['nesting deeper than the scanner goes', good.replace('"cache":{}', `"cache":${'['.repeat(300)}${']'.repeat(300)}`)],
    ['not JSON at all', 'SAMLResponse=PHNhbWw'],
  ])('%s', async (_name, text) => {
    await expectFallbackSameAsSlow(text);
  });

  test('an entry larger than the window cap', async () => {
    await expect(fastRead(harText(), DEFAULT_CAPTURE_LIMITS, 4096, 2048)).rejects.toBeInstanceOf(FastPathUnavailable);
  });
});

describe('the value scanner', () => {
  const scan = (text: string, watch: string[] = []) => scanValue(Buffer.from(text), 0, watch);

  test('finds the end of each kind of value and refuses what is not JSON', () => {
    const value = '{"a":[1,-2.5e3,true,false,null,"x\\"y"]}';
    expect(scan(`${value} rest`)).toMatchObject({ end: value.length, hasUnicodeEscape: false });
    expect(scan('"\\u00e9\\n"')).toMatchObject({ end: 10, hasUnicodeEscape: true });
    expect(scan('{"a":1')).toBe(NEED_MORE);
    expect(scan('"abc\\')).toBe(NEED_MORE);
    for (const bad of ['{"a" 1}', '{"a":01}', '[1,]x', '{"a":1]', '"\\q"', '[nul]', '{1:2}', '"\\u12G4"']) expect(scan(bad), bad).toBe(INVALID);
    expect(scan(`${'['.repeat(300)}${']'.repeat(300)}`)).toBe(TOO_DEEP);
  });

  test('strings full of escapes are scanned byte by byte with the same checks', () => {
    const many = JSON.stringify('<div class="row">a\\b</div>\n'.repeat(50));
    expect(scan(`${many},`)).toMatchObject({ end: many.length, hasUnicodeEscape: false });
    expect(scan(`${many.slice(0, -1)}\\u00e9"`)).toMatchObject({ hasUnicodeEscape: true });
    expect(scan(`${many.slice(0, -1)}\\q"`)).toBe(INVALID);
    expect(scan(many.slice(0, -1))).toBe(NEED_MORE);
  });

  test('the watched key path: last occurrence wins, only a non-empty string counts', () => {
    const watch = ['request', 'url'];
    expect(scan('{"request":{"url":"https://a"}}', watch)).toMatchObject({ watchedIsNonEmptyString: true });
    expect(scan('{"request":{"url":""}}', watch)).toMatchObject({ watchedIsNonEmptyString: false });
    expect(scan('{"request":{"url":7}}', watch)).toMatchObject({ watchedIsNonEmptyString: false });
    expect(scan('{"request":{"url":"a"},"request":{}}', watch)).toMatchObject({ watchedIsNonEmptyString: false });
    expect(scan('{"request":{},"request":{"x":{"url":"no"},"url":"a"}}', watch)).toMatchObject({ watchedIsNonEmptyString: true });
    expect(scan('{"other":{"url":"a"},"url":"b"}', watch)).toMatchObject({ watchedIsNonEmptyString: false });
    expect(scan('[{"request":{"url":"a"}}]', watch)).toMatchObject({ watchedIsNonEmptyString: false });
    expect(scan('{"url":"a"}', ['url'])).toMatchObject({ watchedIsNonEmptyString: true });
    expect(scan('{"url":"a","url":null}', ['url'])).toMatchObject({ watchedIsNonEmptyString: false });
  });
});
