/**
 * One HAR 1.2 entry → CapturedExchange. Written against what Chrome, Firefox and Safari export:
 * form posts as `postData.text` and/or `postData.params` (Chrome keeps parameter values
 * percent-encoded, Firefox decodes them), redirects in `response.redirectURL` or only in the Location
 * header (Safari), bodies in `response.content.text`, base64 when `content.encoding` says so.
 */
import type { CapturedExchange } from '../core/model/input.js';
import { bodyAsText, headerValue, isStaticContentType, isStaticResourceType } from './body-text.js';
import { FieldReader } from './field-reader.js';
import { any, arr, describeValue, obj, scalar, str, type Shape } from './json-shape.js';
import type { CaptureLimits } from './limits.js';

/**
 * The parts of a HAR entry samlscope reads; everything else (timings, cookies, cache, initiator) is skipped
 * unread. Without `responseBody`, the response's text is skipped too (for finding a lead-in).
 */
export function harEntryShape(limits: CaptureLimits, responseBody = true): Shape {
  const header = obj({ name: str(256), value: str(16 * 1024) });
  const headers = arr(header, limits.maxHeaders);
  return obj({
    startedDateTime: scalar(64),
    _resourceType: scalar(64),
    request: obj({
      method: scalar(32),
      url: str(limits.maxFieldChars),
      headers,
      postData: obj({
        mimeType: scalar(256),
        text: str(limits.maxRequestBodyChars),
        params: arr(obj({ name: scalar(256), value: any(limits.maxFieldChars, 0), fileName: scalar(256) }), 500),
      }),
    }),
    response: obj({
      status: scalar(16),
      redirectURL: str(16 * 1024),
      headers,
      // Base64 bodies need up to 16/3 characters per text character kept (see bodyAsText); others no more than are kept.
      content: obj({
        mimeType: scalar(256),
        ...(responseBody ? { text: str(Math.ceil(limits.maxResponseBodyChars / 3) * 16, { sibling: 'encoding', is: 'base64', max: limits.maxResponseBodyChars }) } : {}),
        encoding: scalar(32),
      }),
    }),
  });
}

export interface ConvertedEntry {
  exchange?: CapturedExchange;
  isStatic: boolean;
  /** Fields that were wrong or cut; the entry is still usable. */
  problems: string[];
  /** Why the entry could not be used at all. */
  skipped?: string;
}

/** A form parameter value as a HAR has it: still percent-encoded (Chrome) or already decoded (Firefox). */
function decodedParam(value: string): string {
  if (!/%[0-9A-Fa-f]{2}/.test(value)) return value;
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

/** A parameter value as text; undefined for an object or array (a hand-edited file), which is reported. */
function paramValue(v: unknown): string | undefined {
  if (typeof v === 'string') return decodedParam(v);
  if (v === undefined || v === null) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function exchangeFromHarEntry(value: unknown, index: number, path: string, truncated: string[], limits: CaptureLimits): ConvertedEntry {
  const f = new FieldReader(path);
  if (!isPlainObject(value)) {
    return { isStatic: false, problems: [], skipped: `${path}: expected an object (one HAR entry), found ${describeValue(value)}` };
  }
  const url = f.string(value, 'request.url', true);
  if (url === undefined || url === '') {
    const why = f.problems[0] ?? `${f.path('request.url')}: missing`;
    return { isStatic: false, problems: [], skipped: why };
  }
  let method = f.string(value, 'request.method');
  if (method === undefined || method === '') {
    if (f.problems.length === 0) f.problems.push(`${f.path('request.method')}: missing; GET assumed`);
    method = 'GET';
  }
  const exchange: CapturedExchange = { index, method: method.toUpperCase(), url };
  const startedAt = f.string(value, 'startedDateTime');
  if (startedAt !== undefined) exchange.startedAt = startedAt;

  const requestHeaders = f.nameValueList(value, 'request.headers');
  const postMime = f.string(value, 'request.postData.mimeType');
  const requestContentType = postMime || headerValue(requestHeaders, 'content-type');
  if (requestContentType) exchange.requestContentType = requestContentType;
  const text = f.string(value, 'request.postData.text');
  if (text !== undefined && text !== '') {
    exchange.requestBody = text;
    if (truncated.includes('request.postData.text')) f.problems.push(`${f.path('request.postData.text')}: the request body is longer than ${limits.maxRequestBodyChars - 1} characters and was cut`);
  }
  const params = f.array(value, 'request.postData.params');
  if (params.length > 0) {
    const list: Array<{ name: string; value: string }> = [];
    params.forEach((p, i) => {
      const name = f.string(p, 'name');
      const v = f.get(p, 'value');
      if (name === undefined) {
        f.problems.push(`${f.path(`request.postData.params[${i}].name`)}: expected a string, found ${describeValue(f.get(p, 'name'))}`);
        return;
      }
      if (f.get(p, 'fileName') !== undefined) return; // a file upload part, never SAML
      const value = paramValue(v);
      if (value === undefined) f.problems.push(`${f.path(`request.postData.params[${i}].value`)}: expected a string, found ${describeValue(v)}`);
      list.push({ name: decodedParam(name), value: value ?? '' });
    });
    if (list.length > 0) exchange.requestParams = list;
  }

  const status = f.integer(value, 'response.status');
  // Browsers write status 0 for requests that never got an answer (blocked, cancelled).
  if (status !== undefined && status > 0) exchange.status = status;
  const responseHeaders = f.nameValueList(value, 'response.headers');
  const redirect = f.string(value, 'response.redirectURL') || headerValue(responseHeaders, 'location');
  if (redirect) exchange.location = redirect;
  const mime = f.string(value, 'response.content.mimeType') || headerValue(responseHeaders, 'content-type');
  if (mime) exchange.responseContentType = mime;
  const body = f.string(value, 'response.content.text');
  const encoding = f.string(value, 'response.content.encoding');
  if (body !== undefined && body !== '') {
    const textBody = bodyAsText(body, encoding === 'base64', mime, limits.maxResponseBodyChars);
    if (textBody) exchange.responseBody = textBody.text;
  }
  const resourceType = f.string(value, '_resourceType');
  return { exchange, isStatic: isStaticResourceType(resourceType) || isStaticContentType(mime), problems: f.problems };
}
