/**
 * HAR and SAML-tracer files shaped like each browser's or tool's export, built from a CapturedFlow, and
 * helpers to feed them to the streaming importer in small chunks (so tokens straddle chunk edges).
 */
import { decodeInput } from '../../../src-main/core/input/decode.js';
import type { CapturedFlow } from '../../../src-main/core/model/input.js';

export type Browser = 'chrome' | 'firefox' | 'safari';

function params(body: string | undefined): Array<{ name: string; value: string }> {
  if (!body) return [];
  return body.split('&').map((kv) => {
    const eq = kv.indexOf('=');
    return { name: kv.slice(0, eq), value: kv.slice(eq + 1) };
  });
}

/** A HAR 1.2 document as `browser` writes it (see har-entry.ts for the differences). */
export function harOf(flow: CapturedFlow, browser: Browser, extraEntries: (i: number) => unknown[] = () => []): Record<string, unknown> {
  const entries: unknown[] = [];
  flow.exchanges.forEach((e, i) => {
    entries.push(...extraEntries(i));
    const responseHeaders = [{ name: browser === 'safari' ? 'location' : 'Location', value: e.location ?? '' }].filter((h) => h.value !== '');
    if (e.responseContentType) responseHeaders.push({ name: 'Content-Type', value: e.responseContentType });
    const request: Record<string, unknown> = { method: e.method, url: e.url, httpVersion: 'HTTP/1.1', headers: [], queryString: [], cookies: [], headersSize: -1, bodySize: 0 };
    if (e.requestBody !== undefined) {
      const raw = params(e.requestBody);
      const postData: Record<string, unknown> = { mimeType: 'application/x-www-form-urlencoded' };
      if (browser === 'chrome') Object.assign(postData, { text: e.requestBody, params: raw });
      // Firefox writes decoded parameter values; this variant leaves the raw text out to exercise params.
      if (browser === 'firefox') postData.params = raw.map((p) => ({ name: p.name, value: decodeURIComponent(p.value) }));
      if (browser === 'safari') postData.text = e.requestBody;
      request.postData = postData;
    }
    const content: Record<string, unknown> = { size: e.responseBody?.length ?? 0, mimeType: e.responseContentType ?? 'x-unknown' };
    if (e.responseBody !== undefined) {
      if (browser === 'safari') Object.assign(content, { text: Buffer.from(e.responseBody, 'utf8').toString('base64'), encoding: 'base64' });
      else content.text = e.responseBody;
    }
    entries.push({
      startedDateTime: e.startedAt,
      time: 12.5,
      ...(browser === 'chrome' ? { _resourceType: e.method === 'GET' && i === 0 ? 'document' : 'document', _initiator: { type: 'other' } } : {}),
      request,
      response: {
        status: e.status ?? 0,
        statusText: '',
        httpVersion: 'HTTP/1.1',
        headers: responseHeaders,
        cookies: [],
        content,
        redirectURL: browser === 'safari' ? '' : (e.location ?? ''),
        headersSize: -1,
        bodySize: -1,
      },
      cache: {},
      timings: { blocked: -1, dns: -1, connect: -1, send: 0, wait: 10, receive: 2.5, ssl: -1 },
    });
  });
  return { log: { version: '1.2', creator: { name: browser, version: '1' }, pages: [], entries } };
}

/** A static resource entry (what fills real HARs between the interesting requests). */
export function scriptEntry(url: string, size: number): unknown {
  return {
    startedDateTime: '2026-11-29T09:59:55.000Z',
    _resourceType: 'script',
    request: { method: 'GET', url, headers: [], cookies: [], queryString: [], httpVersion: 'HTTP/1.1', headersSize: -1, bodySize: 0 },
    response: { status: 200, statusText: 'OK', headers: [{ name: 'Content-Type', value: 'application/javascript' }], cookies: [], content: { size, mimeType: 'application/javascript', text: 'x'.repeat(size) }, redirectURL: '', httpVersion: 'HTTP/1.1', headersSize: -1, bodySize: -1 },
    cache: {},
    timings: { send: 0, wait: 0, receive: 0 },
  };
}

/** Text split into chunks of `size` characters, as an async iterable (the importer's input). */
export async function* chunksOf(text: string, size = 1000): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

/** Bytes split at arbitrary positions, so multi-byte UTF-8 characters straddle chunks. */
export async function* byteChunksOf(text: string, size = 997): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** The decoded XML SAML-tracer stores in `saml` (it decodes every message it sees). */
function samlXmlOf(url: string, body: string | undefined): string | undefined {
  const source = body && /(^|&)SAML(Request|Response)=/.test(body) ? body : /[?&]SAML(Request|Response)=/.test(url) ? url : undefined;
  if (!source) return undefined;
  const decoded = decodeInput(source);
  return decoded.ok ? decoded.messages[0]!.xml : undefined;
}

function formPairs(body: string | undefined): Array<[string, string]> {
  if (!body) return [];
  return body.split('&').map((kv) => {
    const eq = kv.indexOf('=');
    return [decodeURIComponent(kv.slice(0, eq).replace(/\+/g, ' ')), decodeURIComponent(kv.slice(eq + 1).replace(/\+/g, ' '))];
  });
}

/**
 * A SAML-tracer export (peers.md §1.1): `current` is 1.x with requestId and {name, value} headers;
 * `legacy` is pre-1.0 with id, [[name, value]] headers and the raw body in postData; `masked` is 1.x
 * exported with the "Mask values" profile (POST values hashed, postData overwritten).
 */
export function samlTracerOf(flow: CapturedFlow, variant: 'current' | 'legacy' | 'masked'): Record<string, unknown> {
  const requests = flow.exchanges.map((e, i) => {
    const legacy = variant === 'legacy';
    const header = (name: string, value: string) => (legacy ? [name, value] : { name, value });
    const responseHeaders = [];
    if (e.location) responseHeaders.push(header('Location', e.location));
    if (e.responseContentType) responseHeaders.push(header('Content-Type', e.responseContentType));
    const post = formPairs(e.requestBody);
    const r: Record<string, unknown> = {
      method: e.method,
      url: e.url,
      ...(legacy ? { id: i } : { requestId: String(1000 + i) }),
      requestHeaders: e.requestBody ? [header('Content-Type', 'application/x-www-form-urlencoded')] : [],
      responseStatus: e.status,
      responseStatusText: `HTTP/1.1 ${e.status ?? ''}`,
      responseHeaders,
    };
    if (e.method === 'GET') r.get = [...new URL(e.url).searchParams];
    if (e.method === 'POST') {
      if (legacy) r.postData = e.requestBody ?? '';
      else if (variant === 'masked') r.postData = '{overwritten}';
      else r.postData = Object.fromEntries(post.map(([n, v]) => [n, [v]]));
      r.post = variant === 'masked' ? post.map(([n]) => [n, `{hash:${'ab'.repeat(32)}}`]) : post;
    }
    const saml = samlXmlOf(e.url, e.requestBody);
    if (saml) Object.assign(r, { protocol: 'SAML-P', saml });
    return r;
  });
  return { requests, timestamp: '2026-11-29T10:01:00.000Z' };
}
