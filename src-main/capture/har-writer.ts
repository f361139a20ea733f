/**
 * Writes a captured flow as a HAR 1.2 document, so a capture saved from the app opens again in
 * samlscope and in any HAR viewer. Only what the capture kept is written (no cookies, no timings).
 */
import type { CapturedExchange, CapturedFlow } from '../core/model/input.js';

export interface HarDocument {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    entries: HarEntry[];
  };
}

export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    cookies: never[];
    headers: Array<{ name: string; value: string }>;
    queryString: Array<{ name: string; value: string }>;
    postData?: { mimeType: string; text: string; params?: Array<{ name: string; value: string }> };
    headersSize: number;
    bodySize: number;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: never[];
    headers: Array<{ name: string; value: string }>;
    content: { size: number; mimeType: string; text?: string };
    redirectURL: string;
    headersSize: number;
    bodySize: number;
  };
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
}

function queryOf(url: string): Array<{ name: string; value: string }> {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

function entryOf(e: CapturedExchange): HarEntry {
  const requestHeaders = e.requestContentType ? [{ name: 'Content-Type', value: e.requestContentType }] : [];
  const responseHeaders: Array<{ name: string; value: string }> = [];
  if (e.location) responseHeaders.push({ name: 'Location', value: e.location });
  if (e.responseContentType) responseHeaders.push({ name: 'Content-Type', value: e.responseContentType });
  const entry: HarEntry = {
    startedDateTime: e.startedAt ?? new Date(0).toISOString(),
    time: 0,
    request: { method: e.method, url: e.url, httpVersion: 'HTTP/1.1', cookies: [], headers: requestHeaders, queryString: queryOf(e.url), headersSize: -1, bodySize: e.requestBody?.length ?? 0 },
    response: {
      status: e.status ?? 0,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: responseHeaders,
      content: { size: e.responseBody?.length ?? 0, mimeType: e.responseContentType ?? '' },
      redirectURL: e.location ?? '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: 0, receive: 0 },
  };
  if (e.requestBody !== undefined || e.requestParams) {
    entry.request.postData = { mimeType: e.requestContentType ?? 'application/x-www-form-urlencoded', text: e.requestBody ?? '' };
    if (e.requestParams) entry.request.postData.params = e.requestParams.map((p) => ({ ...p }));
  }
  if (e.responseBody !== undefined) entry.response.content.text = e.responseBody;
  return entry;
}

export function flowToHar(flow: CapturedFlow, creator: { name: string; version: string } = { name: 'samlscope', version: '0' }): HarDocument {
  return { log: { version: '1.2', creator, entries: flow.exchanges.map(entryOf) } };
}
