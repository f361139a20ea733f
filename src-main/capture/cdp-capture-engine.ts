/**
 * The capture engine both hosts share: it consumes Chrome DevTools Protocol Network events (Electron's
 * `webContents.debugger` in the app, a Playwright CDPSession in tests) and produces CapturedExchange
 * objects live. It only listens: it never intercepts or delays a request, so the login runs as it
 * would without it. Response bodies (auto-POST forms, error pages) are fetched after loading finished.
 */
import type { CapturedExchange, CapturedFlow } from '../core/model/input.js';
import { carriesSamlMessage } from '../core/flow/saml-carriers.js';
import { bodyAsText, boundText, isStaticContentType, isStaticResourceType, isTextContentType } from './body-text.js';
import type {
  CdpCommandSender,
  CdpResponse,
  GetRequestPostDataResult,
  GetResponseBodyResult,
  LoadingFailed,
  LoadingFinished,
  RequestWillBeSent,
  ResponseReceived,
} from './cdp-types.js';
import { DEFAULT_CAPTURE_LIMITS, type CaptureLimits } from './limits.js';

/** Network.enable buffer sizes: large enough that the bodies of pages that navigate away at once are still there. */
export const NETWORK_ENABLE_PARAMS = { maxTotalBufferSize: 64 * 1024 * 1024, maxResourceBufferSize: 8 * 1024 * 1024, maxPostDataSize: 8 * 1024 * 1024 };

export interface CaptureEngineOptions {
  limits?: CaptureLimits;
  /** Called once per exchange when it is complete (response and body read, or failed). */
  onExchange?: (exchange: CapturedExchange) => void;
  /** Called when a CDP command the engine sent failed (the capture goes on without that body). */
  onProblem?: (problem: string) => void;
}

interface Pending {
  exchange: CapturedExchange;
  resourceType?: string;
  wantsBody: boolean;
  done: boolean;
}

function headerFrom(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === lower && typeof v === 'string') return v.split('\n').pop();
  return undefined;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

export class CdpCaptureEngine {
  private readonly limits: CaptureLimits;
  private readonly byRequestId = new Map<string, Pending>();
  private readonly exchanges: CapturedExchange[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private nextIndex = 0;
  private stopped = false;
  private dropped = 0;
  /** Incremented by clear(): answers to commands sent before it are ignored. */
  private generation = 0;

  constructor(
    private readonly client: CdpCommandSender,
    private readonly options: CaptureEngineOptions = {},
  ) {
    this.limits = options.limits ?? DEFAULT_CAPTURE_LIMITS;
  }

  /** Turns on the Network domain with buffers big enough for the bodies the engine reads. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.client.send('Network.enable', NETWORK_ENABLE_PARAMS);
  }

  /** Feeds one CDP event; anything not about the network is ignored. Never throws. */
  handleEvent(method: string, params: unknown): void {
    if (this.stopped) return;
    try {
      switch (method) {
        case 'Network.requestWillBeSent':
          this.onRequest(asRecord(params) as RequestWillBeSent);
          break;
        case 'Network.responseReceived':
          this.onResponse(asRecord(params) as ResponseReceived);
          break;
        case 'Network.loadingFinished':
          this.onFinished(asRecord(params) as LoadingFinished);
          break;
        case 'Network.loadingFailed':
          this.onFailed(asRecord(params) as LoadingFailed);
          break;
        default:
          break;
      }
    } catch (error) {
      this.options.onProblem?.(`capture: ${method}: ${(error as Error).message}`);
    }
  }

  private onRequest(e: RequestWillBeSent): void {
    const id = e.requestId;
    const req = e.request;
    if (typeof id !== 'string' || !req || typeof req.url !== 'string') return;
    const previous = this.byRequestId.get(id);
    if (previous && e.redirectResponse) {
      this.applyResponse(previous, e.redirectResponse);
      this.finish(id, previous);
    } else if (previous) this.finish(id, previous);

    if (req.url.startsWith('data:') || req.url.startsWith('blob:')) return;
    const exchange: CapturedExchange = { index: -1, method: (req.method ?? 'GET').toUpperCase(), url: req.url };
    if (typeof e.wallTime === 'number') exchange.startedAt = new Date(e.wallTime * 1000).toISOString();
    const contentType = headerFrom(req.headers, 'content-type');
    if (contentType) exchange.requestContentType = contentType;
    const body = this.requestBodyOf(req);
    if (body !== undefined) exchange.requestBody = body;
    const carriesSaml = carriesSamlMessage(exchange);
    if (isStaticResourceType(e.type) && !carriesSaml) return;
    if (this.exchanges.length >= this.limits.maxExchanges) {
      this.dropped++;
      return;
    }
    exchange.index = this.nextIndex++;
    this.exchanges.push(exchange);
    const pending: Pending = { exchange, wantsBody: true, done: false };
    if (e.type !== undefined) pending.resourceType = e.type;
    this.byRequestId.set(id, pending);
    if (body === undefined && req.hasPostData) this.track(this.fetchPostData(id, pending));
  }

  private requestBodyOf(req: RequestWillBeSent['request']): string | undefined {
    if (!req) return undefined;
    if (typeof req.postData === 'string') return boundText(req.postData, this.limits.maxRequestBodyChars).text;
    if (Array.isArray(req.postDataEntries) && req.postDataEntries.length > 0) {
      const bytes = Buffer.concat(req.postDataEntries.map((p) => (typeof p.bytes === 'string' ? Buffer.from(p.bytes, 'base64') : Buffer.alloc(0))));
      return boundText(bytes.toString('utf8'), this.limits.maxRequestBodyChars).text;
    }
    return undefined;
  }

  private async fetchPostData(requestId: string, pending: Pending): Promise<void> {
    const generation = this.generation;
    try {
      const result = asRecord(await this.client.send('Network.getRequestPostData', { requestId })) as GetRequestPostDataResult;
      if (generation === this.generation && typeof result.postData === 'string') {
        pending.exchange.requestBody = boundText(result.postData, this.limits.maxRequestBodyChars).text;
      }
    } catch (error) {
      this.options.onProblem?.(`capture: request body of ${pending.exchange.method} ${pending.exchange.url.split('?')[0]} not available: ${(error as Error).message}`);
    }
  }

  private applyResponse(pending: Pending, response: CdpResponse): void {
    const ex = pending.exchange;
    if (typeof response.status === 'number' && response.status > 0) ex.status = response.status;
    const location = headerFrom(response.headers, 'location');
    if (location) ex.location = location;
    const type = (typeof response.mimeType === 'string' && response.mimeType !== '' ? response.mimeType : undefined) ?? headerFrom(response.headers, 'content-type');
    if (type) ex.responseContentType = type;
    if (isStaticContentType(type) || !isTextContentType(type)) pending.wantsBody = false;
  }

  private onResponse(e: ResponseReceived): void {
    const pending = typeof e.requestId === 'string' ? this.byRequestId.get(e.requestId) : undefined;
    if (!pending || !e.response) return;
    this.applyResponse(pending, e.response);
  }

  private onFinished(e: LoadingFinished): void {
    const id = e.requestId;
    const pending = typeof id === 'string' ? this.byRequestId.get(id) : undefined;
    if (!pending || id === undefined) return;
    if (!pending.wantsBody || (pending.exchange.status !== undefined && pending.exchange.status >= 300 && pending.exchange.status < 400)) {
      this.finish(id, pending);
      return;
    }
    this.track(this.fetchBody(id, pending));
  }

  private async fetchBody(requestId: string, pending: Pending): Promise<void> {
    const generation = this.generation;
    try {
      const result = asRecord(await this.client.send('Network.getResponseBody', { requestId })) as GetResponseBodyResult;
      if (generation !== this.generation) return;
      if (typeof result.body === 'string' && result.body !== '') {
        const text = bodyAsText(result.body, result.base64Encoded === true, pending.exchange.responseContentType, this.limits.maxResponseBodyChars);
        if (text) pending.exchange.responseBody = text.text;
      }
    } catch (error) {
      // A page that navigated away at once (an auto-submitting form) may have lost its body; the next request has its content.
      this.options.onProblem?.(`capture: body of ${pending.exchange.method} ${pending.exchange.url.split('?')[0]} not available: ${(error as Error).message}`);
    } finally {
      if (generation === this.generation) this.finish(requestId, pending);
    }
  }

  private onFailed(e: LoadingFailed): void {
    const id = e.requestId;
    const pending = typeof id === 'string' ? this.byRequestId.get(id) : undefined;
    if (pending && id !== undefined) this.finish(id, pending);
  }

  private finish(requestId: string, pending: Pending): void {
    if (this.byRequestId.get(requestId) === pending) this.byRequestId.delete(requestId);
    if (pending.done) return;
    pending.done = true;
    this.options.onExchange?.(pending.exchange);
  }

  private track(p: Promise<void>): void {
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }

  /** Waits until every body the engine asked for has arrived (or failed). */
  async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Stops listening; exchanges still waiting for an answer are completed as they are. */
  async stop(): Promise<CapturedFlow> {
    await this.settle();
    this.stopped = true;
    for (const [id, pending] of [...this.byRequestId]) this.finish(id, pending);
    return this.flow();
  }

  /** Forgets everything captured so far; the capture goes on. */
  clear(): void {
    this.generation++;
    this.byRequestId.clear();
    this.exchanges.length = 0;
    this.nextIndex = 0;
    this.dropped = 0;
  }

  /** The capture so far, in request order (a copy: later events do not change it). */
  flow(): CapturedFlow {
    const flow: CapturedFlow = { exchanges: this.exchanges.map((e) => ({ ...e, ...(e.requestParams ? { requestParams: [...e.requestParams] } : {}) })) };
    if (this.dropped > 0) flow.notes = [`${this.dropped} requests were not recorded: a capture holds at most ${this.limits.maxExchanges}.`];
    return flow;
  }
}
