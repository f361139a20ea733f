import { describe, expect, test } from 'vitest';
import { analyze } from '../../../src-main/core/analyze.js';
import { importCaptureChunks } from '../../../src-main/capture/import-capture.js';
import { CaptureImportError } from '../../../src-main/capture/capture-import-error.js';
import { DEFAULT_CAPTURE_LIMITS } from '../../../src-main/capture/limits.js';
import { DEFAULTS } from '../../fixtures/aws-response.js';
import { REQUEST_ID, atlassianErrorPage, flowOptions, loginFlow } from '../flow/flow-fixture.js';
import { byteChunksOf, chunksOf, harOf, scriptEntry, type Browser } from './capture-files.js';

// Hand-editing a HAR: loose on purpose, the test writes wrong types into it.
type HarEntryShape = { request: Record<string, unknown>; response: Record<string, unknown> };
type HarShape = { log: { entries: Array<HarEntryShape | string> } };
const entryAt = (har: HarShape, i: number) => har.log.entries[i] as HarEntryShape;

const USER_PAGE = 'Received SSO request for user jane.doe@example.com, but the user does not exist';

async function importText(text: string, limits = DEFAULT_CAPTURE_LIMITS) {
  return importCaptureChunks(chunksOf(text, 777), 'capture.har', limits);
}

describe.each<Browser>(['chrome', 'firefox', 'safari'])('HAR from %s', (browser) => {
  test('imports the login and analyses to the same messages and findings as the capture itself', async () => {
    const flow = loginFlow({ spAnswer: atlassianErrorPage(USER_PAGE) });
    const imported = await importText(JSON.stringify(harOf(flow, browser), null, 2));
    expect(imported.kind).toBe('har');
    expect(imported.flow.notes).toBeUndefined();
    // The flow starts at the SP's first request: its login page redirected the browser to the IdP.
    expect(imported.flow.exchanges.map((e) => e.index)).toEqual([0, 1, 2]);
    expect(imported.flow.exchanges[0]!.url).toBe('https://jira.example.com/login.jsp');
    const ex = imported.flow.exchanges[2]!;
    expect(ex).toMatchObject({ method: 'POST', url: DEFAULTS.acsUrl, status: 400 });
    expect(ex.responseBody).toContain(USER_PAGE);

    const fromFile = await analyze({ source: 'capture.har', kind: 'har', flow: imported.flow }, flowOptions());
    const direct = await analyze({ source: 'capture.har', kind: 'har', flow }, flowOptions());
    expect(fromFile.messages.map((m) => m.xml)).toEqual(direct.messages.map((m) => m.xml));
    expect(fromFile.messages.map((m) => m.signature.status)).toEqual(['unsigned', 'valid']);
    expect(fromFile.messages[1]!.relayState).toBe('/secure/Dashboard.jspa');
    expect(fromFile.findings.map((f) => f.id)).toEqual(['flow.sp-error']);
    expect(fromFile.findings[0]!.evidence[0]!.location).toBe(`exchange 3: POST ${DEFAULTS.acsUrl} → HTTP 400`);
  });

  test('a redirect is read from redirectURL or the Location header', async () => {
    const imported = await importText(JSON.stringify(harOf(loginFlow(), browser)));
    expect(imported.flow.exchanges.find((e) => e.method === 'POST')!.location).toBe('https://jira.example.com/secure/Dashboard.jspa');
  });
});

describe('streaming and selection', () => {
  test('keeps SAML exchanges and the answer pages after them, drops scripts, keeps HAR indexes', async () => {
    const flow = loginFlow({ spAnswer: atlassianErrorPage(USER_PAGE) });
    const har = harOf(flow, 'chrome', (i) => Array.from({ length: 3 }, (_, k) => scriptEntry(`https://cdn.example.com/${i}-${k}.js`, 20_000)));
    const text = JSON.stringify(har);
    const imported = await importCaptureChunks(byteChunksOf(text), 'big.har');
    expect(imported.entriesRead).toBe(flow.exchanges.length * 4);
    expect(imported.flow.exchanges.map((e) => e.index)).toEqual([3, 7, 11]);
    expect(imported.flow.exchanges.every((e) => !e.url.endsWith('.js'))).toBe(true);
  });

  test('UTF-8 split across chunks survives (non-ASCII in an answer page)', async () => {
    const flow = loginFlow({ spAnswer: atlassianErrorPage('Received SSO request for user jürgen.müller@example.com, but the user does not exist') });
    const imported = await importCaptureChunks(byteChunksOf(JSON.stringify(harOf(flow, 'chrome')), 7), 'x.har');
    expect(imported.flow.exchanges.find((e) => e.method === 'POST')!.responseBody).toContain('jürgen.müller@example.com');
  });

  test('a response body over the bound is cut to the bound', async () => {
    const flow = loginFlow({ spAnswer: { status: 400, contentType: 'text/html', body: `<p>${USER_PAGE}</p>${'<div>filler</div>'.repeat(100_000)}` } });
    const imported = await importText(JSON.stringify(harOf(flow, 'chrome')));
    const body = imported.flow.exchanges.find((e) => e.method === 'POST')!.responseBody!;
    expect(body.length).toBe(DEFAULT_CAPTURE_LIMITS.maxResponseBodyChars);
    expect(body).toContain(USER_PAGE);
  });

  test('a SAML post larger than the request bound is noted and reported as too large, not silently cut', async () => {
    const limits = { ...DEFAULT_CAPTURE_LIMITS, maxRequestBodyChars: 2001 };
    const imported = await importText(JSON.stringify(harOf(loginFlow(), 'safari')), limits);
    expect(imported.flow.notes?.join(' ')).toMatch(/log\.entries\[2\]\.request\.postData\.text: the request body is longer than 2000 characters/);
  });
});

describe('hand-edited and damaged files', () => {
  const good = () => JSON.stringify(harOf(loginFlow({ spAnswer: atlassianErrorPage(USER_PAGE) }), 'chrome'), null, 1);

  test('truncated after some entries: imports what is complete, with a note naming where it was cut', async () => {
    const text = JSON.stringify(harOf(loginFlow(), 'chrome'), null, 1);
    const cut = text.slice(0, text.indexOf('"startedDateTime"', text.indexOf('samlconsumer')) + 40);
    const imported = await importText(cut);
    expect(imported.flow.exchanges.map((e) => e.index)).toEqual([0, 1, 2]);
    expect(imported.flow.notes?.[0]).toMatch(/^The file ends after [\d,]+ bytes, inside log\.entries\[3\]\.startedDateTime: it was cut off\. The 3 complete HAR entries before that point were read/);
  });

  test('truncated before any entry is complete: a clear error', async () => {
    const text = good();
    await expect(importText(text.slice(0, 300))).rejects.toThrow(/the file ends after 300 bytes, inside log\.entries\[0\]\.\S+, before any request was complete: it was cut off/);
  });

  test('invalid JSON in the middle: an error naming the path', async () => {
    const text = good().replace('"method": "POST"', '"method": POST');
    const error = await importText(text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CaptureImportError);
    // The tokenizer gives no position: the path is where reading stood, at most 128 bytes before the error.
    expect((error as CaptureImportError).message).toMatch(/is not valid JSON near log\.entries\[2\]\.\S+ \(within 128 bytes after byte [\d,]+\): expected a value/);
    expect((error as CaptureImportError).path).toMatch(/^log\.entries\[2\]\./);
  });

  test('wrong types: unusable entries are skipped and named, usable ones import with notes', async () => {
    const har = harOf(loginFlow(), 'chrome') as unknown as HarShape;
    entryAt(har, 0).request.url = 42;
    har.log.entries.splice(1, 0, 'not an entry');
    entryAt(har, 3).response.status = 'three hundred and two';
    entryAt(har, 3).response.headers = { Location: 'x' };
    const imported = await importText(JSON.stringify(har));
    expect(imported.flow.exchanges.map((e) => e.index)).toEqual([2, 3, 4]);
    const notes = imported.flow.notes!.join('\n');
    expect(notes).toContain('2 HAR entries were skipped because they could not be read');
    expect(notes).toContain('log.entries[0].request.url: expected a string, found the number 42');
    expect(notes).toContain('log.entries[1]: expected an object (one HAR entry), found a string');
    expect(notes).toContain('log.entries[3].response.status: expected a whole number, found a string');
    expect(notes).toContain('log.entries[3].response.headers: expected an array, found an object');
    expect(imported.flow.exchanges.find((e) => e.index === 3)!.status).toBeUndefined();
  });

  test('missing fields: no method means GET with a note; no log.entries is an error', async () => {
    const har = harOf(loginFlow(), 'chrome') as unknown as HarShape;
    delete entryAt(har, 1).request.method;
    const imported = await importText(JSON.stringify(har));
    expect(imported.flow.exchanges[0]!.method).toBe('GET');
    expect(imported.flow.notes?.join(' ')).toContain('log.entries[1].request.method: missing; GET assumed');

    await expect(importText('{"log": {"version": "1.2"}}')).rejects.toThrow('capture.har: log.entries is missing');
    await expect(importText('{"log": {"entries": {"a": 1}}}')).rejects.toThrow('log.entries is an object, but it must be an array');
    await expect(importText('[1, 2]')).rejects.toThrow('the file holds an array at the top level');
    await expect(importText('{"name": "x", "items": []}')).rejects.toThrow('its top-level keys are "name", "items"');
  });

  test('every entry unreadable: an error, not an empty capture', async () => {
    await expect(importText('{"log": {"entries": [1, 2, 3]}}')).rejects.toThrow('none of the 3 HAR entries could be read');
  });

  test('a file with no SAML traffic imports as an empty flow; analyze then says there is no SAML message', async () => {
    const text = JSON.stringify({ log: { entries: [scriptEntry('https://cdn.example.com/a.js', 10)] } });
    const imported = await importText(text);
    expect(imported.flow.exchanges).toEqual([]);
    const result = await analyze({ source: 'capture.har', kind: 'har', flow: imported.flow }, flowOptions());
    expect(result.findings[0]!.message).toBe('The input contains no SAML message.');
  });

  test('a key named __proto__ stays data', async () => {
    const text = good().replace('"startedDateTime"', '"__proto__": {"polluted": true}, "startedDateTime"');
    await importText(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

test('REQUEST_ID reaches the analysis through the importer', async () => {
  const imported = await importText(JSON.stringify(harOf(loginFlow(), 'firefox')));
  const result = await analyze({ source: 'x', kind: 'har', flow: imported.flow }, flowOptions());
  expect(result.messages[0]!.id).toBe(REQUEST_ID);
  expect(result.messages[1]!.inResponseTo).toBe(REQUEST_ID);
});
