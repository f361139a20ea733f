/**
 * One pass over a captured flow that everything else reads: which exchange carried which message,
 * which response answers which request, and which answer page follows each of them.
 */
import { decodeAwsIssuer } from '../aws/issuer.js';
import type { CapturedExchange, CapturedFlow } from '../model/input.js';
import type { MessageResult } from '../model/message.js';
import type { AnalysisOptions } from '../model/options.js';
import type { AwsIssuerInfo } from '../model/result.js';
import { httpErrorPage, recognizeIdpErrorPage, recognizeSpErrorPage, type IdpErrorPage, type SpErrorPage } from './answer-pages.js';
import { linkMessages, type FlowMessage } from './link-messages.js';
import { pairMessages, type FlowPair } from './pair-messages.js';
import { carriesSamlMessage } from './saml-carriers.js';

/** How far after a message the answer page is looked for (the SP's redirects and error page are the next few exchanges). */
const ANSWER_WINDOW = 30;

export interface FlowInspection {
  exchanges: CapturedExchange[];
  linked: FlowMessage[];
  pairs: FlowPair[];
  /** Requests with no Response anywhere after them: the login ended (or the capture stopped) at the IdP. */
  abandoned: FlowMessage[];
  spPages: Map<FlowPair, SpErrorPage>;
  idpPages: Map<FlowMessage, IdpErrorPage>;
  /** The IAM Identity Center application the flow talks to, for naming it in fixes. */
  app?: AwsIssuerInfo;
}

/** Exchanges from `start` (inclusive) up to the next exchange that carries a SAML message. */
function answerWindow(exchanges: CapturedExchange[], start: number): CapturedExchange[] {
  const out: CapturedExchange[] = [];
  for (let i = start; i < exchanges.length && out.length < ANSWER_WINDOW; i++) {
    const e = exchanges[i]!;
    if (i > start && carriesSamlMessage(e)) break;
    out.push(e);
  }
  return out;
}

function resolveLocation(location: string, base: string): string | undefined {
  try {
    return new URL(location, base).href;
  } catch {
    return undefined;
  }
}

/** The page that received the response and the pages its redirects led to, in order. */
function redirectChain(window: CapturedExchange[]): CapturedExchange[] {
  const chain: CapturedExchange[] = [];
  let current = window[0];
  while (current && chain.length < window.length) {
    chain.push(current);
    const target = current.location !== undefined ? resolveLocation(current.location, current.url) : undefined;
    if (target === undefined) break;
    current = window.find((e) => e.index > current!.index && e.url === target);
  }
  return chain;
}

function spPageFor(window: CapturedExchange[]): SpErrorPage | undefined {
  for (const e of window) {
    const page = recognizeSpErrorPage(e);
    if (page) return page;
  }
  for (const e of redirectChain(window)) {
    const page = httpErrorPage(e);
    if (page) return page;
  }
  return undefined;
}

function awsApplicationOf(linked: FlowMessage[], options: AnalysisOptions): AwsIssuerInfo | undefined {
  for (const { message } of linked) {
    const issuer = message.type === 'Response' ? (message.issuer ?? message.responseIssuer?.value) : undefined;
    const app = issuer !== undefined ? decodeAwsIssuer(issuer) : undefined;
    if (app) return app;
  }
  return options.idpMetadata ? decodeAwsIssuer(options.idpMetadata.entityId) : undefined;
}

export function inspectFlow(flow: CapturedFlow, messages: MessageResult[], options: AnalysisOptions): FlowInspection {
  const exchanges = [...flow.exchanges].sort((a, b) => a.index - b.index);
  const position = new Map(exchanges.map((e, i) => [e.index, i]));
  const linked = linkMessages(flow, messages);
  const { pairs, unanswered } = pairMessages(linked);
  const lastResponseAt = Math.max(-1, ...linked.filter((m) => m.message.type === 'Response').map((m) => m.exchange.index));
  const abandoned = unanswered.filter((r) => r.exchange.index > lastResponseAt);

  const spPages = new Map<FlowPair, SpErrorPage>();
  for (const pair of pairs) {
    const page = spPageFor(answerWindow(exchanges, position.get(pair.response.exchange.index) ?? 0));
    if (page) spPages.set(pair, page);
  }
  const idpPages = new Map<FlowMessage, IdpErrorPage>();
  for (const request of abandoned) {
    for (const e of answerWindow(exchanges, (position.get(request.exchange.index) ?? 0))) {
      const page = recognizeIdpErrorPage(e);
      if (page) {
        idpPages.set(request, page);
        break;
      }
    }
  }
  const inspection: FlowInspection = { exchanges, linked, pairs, abandoned, spPages, idpPages };
  const app = awsApplicationOf(linked, options);
  if (app) inspection.app = app;
  return inspection;
}
