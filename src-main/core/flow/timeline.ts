/**
 * The flow as a timeline for people: every captured exchange in order, the SAML messages it carried,
 * the answer page recognised on it, and how each response pairs with its request (timing, RelayState).
 * The CLI's text output and the workspace render it; it holds no personal data beyond page sentences.
 */
import type { CapturedFlow } from '../model/input.js';
import type { MessageType } from '../model/message.js';
import type { MessageResult } from '../model/message.js';
import type { AnalysisOptions } from '../model/options.js';
import { urlWithoutQuery } from './exchange-label.js';
import { inspectFlow } from './inspect-flow.js';
import type { PairedBy } from './pair-messages.js';

export interface FlowTimelineEntry {
  /** `CapturedExchange.index` (0-based; people see it +1). */
  exchangeIndex: number;
  method: string;
  /** Without query string: Redirect-binding queries are kilobytes of base64. */
  url: string;
  status?: number;
  startedAt?: string;
  /** Messages this exchange carried: `messageIndex` is the MessageResult index in the analysis result. */
  messages: Array<{ messageIndex: number; type: MessageType; id?: string; inResponseTo?: string }>;
  /** A recognised SP or IdP error page; `user` is the username an SP page names (personal: redaction masks it inside `text`). */
  page?: FlowTimelinePage;
}

export interface FlowTimelinePage {
  side: 'sp' | 'idp';
  kind: string;
  text: string;
  user?: string;
}

export interface FlowTimelinePair {
  requestMessageIndex?: number;
  responseMessageIndex: number;
  pairedBy: PairedBy;
  /** Milliseconds from the request's exchange to the response's, when the capture has both times. */
  elapsedMs?: number;
  /** The request's RelayState and the response's; `echoed` is false when the IdP did not send back what the SP sent. */
  relayState?: { request?: string; response?: string; echoed: boolean };
  /** AssertionConsumerServiceURL the request asked for, and the URL the response was posted to. */
  requestedAcsUrl?: string;
  postedTo?: string;
}

export interface FlowTimeline {
  entries: FlowTimelineEntry[];
  pairs: FlowTimelinePair[];
}

function elapsed(from?: string, to?: string): number | undefined {
  if (from === undefined || to === undefined) return undefined;
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isFinite(ms) ? ms : undefined;
}

export function buildFlowTimeline(flow: CapturedFlow, messages: MessageResult[], options: AnalysisOptions): FlowTimeline {
  const inspection = inspectFlow(flow, messages, options);
  const pages = new Map<number, FlowTimelinePage>();
  for (const p of [...inspection.spPages.values(), ...inspection.idpPages.values()]) {
    const page: FlowTimelinePage = { side: p.side, kind: p.kind, text: p.text };
    if (p.side === 'sp' && p.user !== undefined) page.user = p.user;
    pages.set(p.exchange.index, page);
  }

  const entries = inspection.exchanges.map((exchange): FlowTimelineEntry => {
    const entry: FlowTimelineEntry = { exchangeIndex: exchange.index, method: exchange.method, url: urlWithoutQuery(exchange.url), messages: [] };
    if (exchange.status !== undefined) entry.status = exchange.status;
    if (exchange.startedAt !== undefined) entry.startedAt = exchange.startedAt;
    for (const { message } of inspection.linked.filter((l) => l.exchange === exchange)) {
      const m: FlowTimelineEntry['messages'][number] = { messageIndex: message.index, type: message.type };
      if (message.id !== undefined) m.id = message.id;
      if (message.inResponseTo !== undefined) m.inResponseTo = message.inResponseTo;
      entry.messages.push(m);
    }
    const page = pages.get(exchange.index);
    if (page) entry.page = page;
    return entry;
  });

  const pairs = inspection.pairs.map((pair): FlowTimelinePair => {
    const out: FlowTimelinePair = { responseMessageIndex: pair.response.message.index, pairedBy: pair.pairedBy, postedTo: pair.response.exchange.url };
    const request = pair.request;
    if (!request) return out;
    out.requestMessageIndex = request.message.index;
    const ms = elapsed(request.exchange.startedAt, pair.response.exchange.startedAt);
    if (ms !== undefined) out.elapsedMs = ms;
    const acs = request.message.request?.assertionConsumerServiceUrl;
    if (acs !== undefined) out.requestedAcsUrl = acs;
    const sent = request.message.relayState;
    const back = pair.response.message.relayState;
    if (sent !== undefined || back !== undefined) {
      out.relayState = { echoed: sent === back };
      if (sent !== undefined) out.relayState.request = sent;
      if (back !== undefined) out.relayState.response = back;
    }
    return out;
  });
  return { entries, pairs };
}
