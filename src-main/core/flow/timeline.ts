/**
 * Builds the flow timeline (`core/model/flow.ts`): every captured exchange in order, the SAML messages it carried,
 * the answer page recognised on it, and how each response pairs with its request (timing, RelayState).
 * The CLI's text output and the workspace render it; it holds no personal data beyond page sentences.
 */
import type { CapturedFlow } from '../model/input.js';
import type { MessageResult } from '../model/message.js';
import type { AnalysisOptions } from '../model/options.js';
import { urlWithoutQuery } from './exchange-label.js';
import { inspectFlow } from './inspect-flow.js';
import type { FlowTimeline, FlowTimelineEntry, FlowTimelinePage, FlowTimelinePair } from '../model/flow.js';

export type { FlowTimeline, FlowTimelineEntry, FlowTimelinePage, FlowTimelinePair } from '../model/flow.js';

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
