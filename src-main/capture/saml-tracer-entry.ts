/**
 * One SAML-tracer request → CapturedExchange (export format: src/SAMLTraceIO.js in
 * https://github.com/simplesamlphp/SAML-tracer). Current exports (1.x) carry `requestId`,
 * headers as `[{name, value}]` and the parsed form as `post: [[name, value]]`; pre-1.0 exports carry
 * `id`, headers as `[[name, value]]` and the raw body in `postData` (a string, cut with "[...]" past
 * 128 KB). The export's "Mask values" filter replaces every POST value with `{hash:…}` (or
 * `{obf:…}`), but keeps the decoded message in `saml`: then the message is rebuilt from that XML.
 * SAML-tracer never records response bodies, so answer pages are known only by their status.
 */
import type { CapturedExchange } from '../core/model/input.js';
import { headerValue, isStaticContentType } from './body-text.js';
import { FieldReader } from './field-reader.js';
import { any, arr, describeValue, obj, scalar, str, type Shape } from './json-shape.js';
import type { CaptureLimits } from './limits.js';
import type { ConvertedEntry } from './har-entry.js';

export function samlTracerRequestShape(limits: CaptureLimits): Shape {
  const headers = any(16 * 1024, 2);
  return obj({
    method: scalar(32),
    url: str(limits.maxFieldChars),
    requestId: scalar(128),
    id: scalar(128),
    requestHeaders: headers,
    postData: any(limits.maxRequestBodyChars, 2),
    post: arr(any(limits.maxFieldChars, 1), 500),
    saml: str(limits.maxRequestBodyChars),
    responseStatus: scalar(16),
    responseHeaders: headers,
  });
}

const MASKED = /^\{(?:hash|obf):[^}]*\}$|^\{overwritten\}$/;
const SAML_PARAMS = new Set(['SAMLRequest', 'SAMLResponse']);

/** SAML-tracer decodes POST messages with atob (bytes as Latin-1) in older versions and as UTF-8 in newer ones. */
function xmlBytes(saml: string): Buffer {
  for (let i = 0; i < saml.length; i++) if (saml.charCodeAt(i) > 0xff) return Buffer.from(saml, 'utf8');
  const latin1 = Buffer.from(saml, 'latin1');
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(latin1);
    return latin1;
  } catch {
    return Buffer.from(saml, 'utf8');
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function exchangeFromSamlTracerRequest(value: unknown, index: number, path: string, truncated: string[], _limits: CaptureLimits): ConvertedEntry {
  const f = new FieldReader(path);
  if (!isPlainObject(value)) return { isStatic: false, problems: [], skipped: `${path}: expected an object (one request), found ${describeValue(value)}` };
  const url = f.string(value, 'url', true);
  if (url === undefined || url === '') return { isStatic: false, problems: [], skipped: f.problems[0] ?? `${f.path('url')}: missing` };
  let method = f.string(value, 'method');
  if (method === undefined || method === '') {
    if (f.problems.length === 0) f.problems.push(`${f.path('method')}: missing; GET assumed`);
    method = 'GET';
  }
  const exchange: CapturedExchange = { index, method: method.toUpperCase(), url };

  const requestHeaders = f.nameValueList(value, 'requestHeaders');
  const contentType = headerValue(requestHeaders, 'content-type');
  if (contentType) exchange.requestContentType = contentType;

  // Pre-1.0: the raw body, unless the export filter overwrote it or the tracer cut it.
  const postData = f.get(value, 'postData');
  if (typeof postData === 'string' && postData !== '' && !MASKED.test(postData) && !postData.endsWith('[...]') && !truncated.includes('postData')) {
    exchange.requestBody = postData;
  }

  const post = f.nameValueList(value, 'post');
  if (post.length > 0 && exchange.requestBody === undefined) {
    const saml = f.string(value, 'saml');
    const params: Array<{ name: string; value: string }> = [];
    for (const p of post) {
      if (!MASKED.test(p.value)) {
        params.push(p);
        continue;
      }
      if (SAML_PARAMS.has(p.name)) {
        if (saml !== undefined && saml !== '') {
          params.push({ name: p.name, value: xmlBytes(saml).toString('base64') });
          f.problems.push(`${f.path('post')}: the ${p.name} value was masked when the file was exported; samlscope read the decoded message SAML-tracer saved in ${f.path('saml')} instead (its original bytes may differ, so a signature over it may no longer verify)`);
        } else {
          f.problems.push(`${f.path('post')}: the ${p.name} value was masked when the file was exported and no decoded copy is in ${f.path('saml')}: this message cannot be read. Export again with "None" as the filter profile.`);
        }
      } else if (p.name === 'RelayState') {
        f.problems.push(`${f.path('post')}: the RelayState value was masked when the file was exported; it is left out`);
      }
    }
    if (params.length > 0) exchange.requestParams = params;
  }

  const status = f.integer(value, 'responseStatus');
  if (status !== undefined && status > 0) exchange.status = status;
  const responseHeaders = f.nameValueList(value, 'responseHeaders');
  const location = headerValue(responseHeaders, 'location');
  if (location) exchange.location = location;
  const responseType = headerValue(responseHeaders, 'content-type');
  if (responseType) exchange.responseContentType = responseType;
  return { exchange, isStatic: isStaticContentType(responseType), problems: f.problems };
}
