/**
 * The only HTTP client the connectors use. It can only send GET: the method is a literal in the one
 * place that calls undici, and the interface has no way to pass another one. It adds per-request
 * timeouts, an overall deadline, bounded retries on 429/503 (honouring Retry-After), a response size
 * cap, JSON parsing, and plain-words errors (explain-failure.ts). The Authorization header lives in a
 * closure: it is never a property, never logged, never part of an error.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { request, type Dispatcher } from 'undici';
import { ConnectorError } from './connector-error.js';
import { explainNetworkError, explainStatus, type AuthType } from './explain-failure.js';

/** Credentials after the secret references have been resolved. */
export type HttpAuth = { type: 'pat'; token: string } | { type: 'basic'; username: string; password: string };

export interface ReadOnlyHttpClientOptions {
  /** Product base URL including any context path, e.g. `https://example.com/jira`. */
  baseUrl: string;
  auth: HttpAuth;
  /** Per request (connect + headers + body). Default 15 s. */
  timeoutMs?: number;
  /** Whole call including retries and waits. Default 2 min. */
  deadlineMs?: number;
  /** Attempts per call when the server answers 429 or 503. Default 4. */
  maxAttempts?: number;
  /** First backoff step; doubles per attempt, with jitter. Default 500 ms. */
  backoffBaseMs?: number;
  /** Longest single wait (backoff or Retry-After) the client accepts. Default 30 s. */
  maxWaitMs?: number;
  /** Largest response body accepted. Default 16 MiB. */
  maxResponseBytes?: number;
  /** undici dispatcher (tests pass one with a private CA); default: undici's global one. */
  dispatcher?: Dispatcher;
  /** Cancels every request of this client (desktop "Cancel", CLI Ctrl-C). */
  signal?: AbortSignal;
  /** Jitter source in [0, 1). */
  random?: () => number;
}

export type QueryValue = string | number | boolean | undefined;
export type Query = Record<string, QueryValue>;

export interface ReadOnlyHttpClient {
  readonly baseUrl: string;
  readonly authType: AuthType;
  /** GET `path` (relative to the base URL, starting with `/`) and parse JSON; any non-2xx throws a ConnectorError. */
  getJson(path: string, query?: Query): Promise<unknown>;
  /**
   * Like getJson, but a 404 whose body is JSON returns `undefined`: that is how the products say
   * "no such user/group". A 404 with an HTML page still throws (wrong base URL).
   */
  getJsonOrAbsent(path: string, query?: Query): Promise<unknown>;
}

const DEFAULTS = {
  timeoutMs: 15_000,
  deadlineMs: 120_000,
  maxAttempts: 4,
  backoffBaseMs: 500,
  maxWaitMs: 30_000,
  maxResponseBytes: 16 * 1024 * 1024,
};

/** Error bodies are only read for their message. */
const ERROR_BODY_LIMIT = 64 * 1024;

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export function createReadOnlyHttpClient(options: ReadOnlyHttpClientOptions): ReadOnlyHttpClient {
  const base = parseBaseUrl(options.baseUrl);
  const cfg = { ...DEFAULTS, ...definedOnly(options) };
  const random = options.random ?? Math.random;
  const authorization = authorizationHeader(options.auth);
  const headers = { accept: 'application/json', authorization, 'user-agent': 'samlscope (read-only diagnostics)' };
  const authType: AuthType = options.auth.type;

  function buildUrl(path: string, query: Query | undefined): URL {
    if (!path.startsWith('/')) throw new Error(`connector path must start with "/": ${path}`);
    const url = new URL(base.href.replace(/\/+$/, '') + path);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url;
  }

  /** One GET with a timeout; returns the raw answer or throws a ConnectorError. */
  async function attempt(url: URL, label: string, timeoutMs: number, bindsDeadline: boolean, bodyLimit: (status: number) => number): Promise<RawResponse> {
    if (options.signal?.aborted) throw new ConnectorError(`${label} was cancelled.`, { kind: 'aborted', request: label });
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onExternalAbort = (): void => controller.abort();
    options.signal?.addEventListener('abort', onExternalAbort, { once: true });
    try {
      // The one outgoing request in samlscope's connectors: GET, always.
      const res = await request(url, { method: 'GET', headers, signal: controller.signal, ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}) });
      const body = await readCapped(res, bodyLimit(res.statusCode), label);
      return { status: res.statusCode, headers: res.headers, body };
    } catch (error) {
      if (error instanceof ConnectorError) throw error;
      if (timedOut) {
        if (bindsDeadline) {
          throw new ConnectorError(`${label} did not finish within the overall deadline of ${formatMs(cfg.deadlineMs)} (including retries). The instance is slow or overloaded; try again later or limit the run with --users.`, { kind: 'deadline', request: label });
        }
        throw new ConnectorError(
          `${label} timed out: no complete answer within ${formatMs(timeoutMs)}. The instance is slow or overloaded, or a proxy or firewall holds the connection; ` +
            'raise instance.live.timeoutMs in the profile if the instance is just slow.',
          { kind: 'timeout', request: label },
        );
      }
      if (options.signal?.aborted) throw new ConnectorError(`${label} was cancelled.`, { kind: 'aborted', request: label });
      throw explainNetworkError(error, label, url.host);
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onExternalAbort);
    }
  }

  async function getRaw(path: string, query: Query | undefined): Promise<{ res: RawResponse; label: string; attempts: number }> {
    const url = buildUrl(path, query);
    const label = `GET ${url.href}`;
    const deadlineAt = Date.now() + cfg.deadlineMs;
    for (let n = 1; ; n++) {
      const remaining = deadlineAt - Date.now();
      if (remaining <= 0) {
        throw new ConnectorError(`${label} did not finish within the overall deadline of ${formatMs(cfg.deadlineMs)} (including retries).`, { kind: 'deadline', request: label });
      }
      const timeout = Math.min(cfg.timeoutMs, remaining);
      const res = await attempt(url, label, timeout, timeout < cfg.timeoutMs, (status) => (status >= 200 && status < 300 ? cfg.maxResponseBytes : ERROR_BODY_LIMIT));
      const retryable = res.status === 429 || res.status === 503;
      if (!retryable || n >= cfg.maxAttempts) return { res, label, attempts: n };

      const retryAfter = parseRetryAfter(header(res.headers, 'retry-after'), Date.now());
      const backoff = Math.min(cfg.maxWaitMs, cfg.backoffBaseMs * 2 ** (n - 1));
      // Equal jitter: at least half the step, so clients that were throttled together spread out.
      const wait = retryAfter ?? backoff / 2 + random() * (backoff / 2);
      if (wait > cfg.maxWaitMs || Date.now() + wait >= deadlineAt) {
        const err = explainStatus(statusContext(res, label));
        err.message += ` The server asked to wait ${formatMs(wait)} before retrying, longer than samlscope waits (${formatMs(Math.min(cfg.maxWaitMs, Math.max(0, deadlineAt - Date.now())))}).`;
        throw err;
      }
      try {
        await sleep(wait, undefined, options.signal ? { signal: options.signal } : undefined);
      } catch {
        throw new ConnectorError(`${label} was cancelled.`, { kind: 'aborted', request: label });
      }
    }
  }

  function statusContext(res: RawResponse, label: string) {
    const location = header(res.headers, 'location');
    return {
      status: res.status,
      request: label,
      authType,
      serverMessage: serverMessage(res.body),
      loginReason: header(res.headers, 'x-seraph-loginreason'),
      location: location ? stripQuery(location, base) : undefined,
    };
  }

  async function getJsonImpl(path: string, query: Query | undefined, absentOk: boolean): Promise<unknown> {
    const { res, label, attempts } = await getRaw(path, query);
    if (res.status >= 200 && res.status < 300) return parseJson(res, label);
    if (res.status === 404 && absentOk && looksLikeJson(res.body)) return undefined;
    const err = explainStatus(statusContext(res, label));
    if (attempts > 1) err.message += ` samlscope tried ${attempts} times, waiting longer each time.`;
    throw err;
  }

  return Object.freeze({
    baseUrl: base.href.replace(/\/+$/, ''),
    authType,
    getJson: (path: string, query?: Query) => getJsonImpl(path, query, false),
    getJsonOrAbsent: (path: string, query?: Query) => getJsonImpl(path, query, true),
  });
}

function parseBaseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConnectorError(`The base URL "${raw}" is not a valid URL; write it like https://jira.example.com or https://example.com/jira.`, { kind: 'unsupported' });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConnectorError(`The base URL must start with https:// or http://, not ${url.protocol}`, { kind: 'unsupported' });
  }
  if (url.username || url.password) {
    // Refuse rather than strip: credentials in URLs end up in logs and error messages.
    throw new ConnectorError('The base URL must not contain credentials (user:password@host); reference them from the profile\'s auth section.', { kind: 'unsupported' });
  }
  url.search = '';
  url.hash = '';
  return url;
}

function authorizationHeader(auth: HttpAuth): string {
  if (auth.type === 'pat') {
    if (!auth.token) throw new ConnectorError('The personal access token is empty.', { kind: 'auth' });
    return `Bearer ${auth.token}`;
  }
  if (!auth.username) throw new ConnectorError('The basic-auth username is empty.', { kind: 'auth' });
  if (auth.username.includes(':')) throw new ConnectorError('A basic-auth username cannot contain ":".', { kind: 'auth' });
  return `Basic ${Buffer.from(`${auth.username}:${auth.password}`, 'utf8').toString('base64')}`;
}

/** Reads the body up to `limit` bytes; beyond it the connection is dropped and a ConnectorError thrown. */
async function readCapped(res: Dispatcher.ResponseData, limit: number, label: string): Promise<Buffer> {
  const tooLarge = (): ConnectorError =>
    new ConnectorError(`${label} returned more than ${formatBytes(limit)}; samlscope stops reading there. Use smaller pages or fewer users (--users).`, { kind: 'too-large', request: label, status: res.statusCode });
  const declared = Number(header(res.headers, 'content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    res.body.destroy();
    if (res.statusCode >= 200 && res.statusCode < 300) throw tooLarge();
    return Buffer.alloc(0);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of res.body) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    total += buf.length;
    if (total > limit) {
      res.body.destroy();
      if (res.statusCode >= 200 && res.statusCode < 300) throw tooLarge();
      break; // an oversized error page: its first part is enough to find a message
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

function parseJson(res: RawResponse, label: string): unknown {
  const text = res.body.toString('utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    const type = header(res.headers, 'content-type') ?? 'no content type';
    const start = text.replace(/\s+/g, ' ').trim().slice(0, 80);
    throw new ConnectorError(
      `${label} answered ${res.status} with ${type} that is not JSON (${error instanceof Error ? error.message : 'parse error'})` +
        `${start ? `; it begins "${start}"` : '; the body is empty'}. An HTML page here is usually a login page from SSO or a proxy, or the base URL points at something else.`,
      { kind: 'bad-json', request: label, status: res.status },
    );
  }
}

function looksLikeJson(body: Buffer): boolean {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return typeof value === 'object' && value !== null;
  } catch {
    return false;
  }
}

/** The product's own error text: Jira `errorMessages`, Bitbucket `errors[].message`, Confluence/Crowd `message`. */
function serverMessage(body: Buffer): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const parts: string[] = [];
  if (Array.isArray(v.errorMessages)) parts.push(...v.errorMessages.filter((m): m is string => typeof m === 'string'));
  if (Array.isArray(v.errors)) {
    for (const e of v.errors) if (e && typeof (e as { message?: unknown }).message === 'string') parts.push((e as { message: string }).message);
  }
  if (typeof v.message === 'string') parts.push(v.message);
  if (parts.length === 0 && typeof v.reason === 'string') parts.push(v.reason);
  const text = parts.join(' ').replace(/\s+/g, ' ').trim();
  return text ? text.slice(0, 300) : undefined;
}

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function stripQuery(location: string, base: URL): string {
  try {
    const url = new URL(location, base);
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return '(an unreadable location)';
  }
}

function definedOnly(options: ReadOnlyHttpClientOptions): Partial<typeof DEFAULTS> {
  const out: Partial<typeof DEFAULTS> = {};
  for (const key of Object.keys(DEFAULTS) as Array<keyof typeof DEFAULTS>) {
    const value = options[key];
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) out[key] = value;
  }
  return out;
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${Math.round(ms)} ms`;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / (1024 * 1024))} MiB` : `${Math.round(n / 1024)} KiB`;
}
