/**
 * The flow as a timeline for people (`AnalysisResult.flow`): every captured exchange in order, the SAML
 * messages it carried, the answer page recognised on it, and how each response pairs with its request.
 * `core/flow` builds it; the CLI's text output and the workspace render it.
 */
import type { MessageType } from './message.js';

/** How a response was paired with its request. */
export type PairedBy =
  /** InResponseTo names this request. */
  | 'in-response-to'
  /** InResponseTo names no request in the capture (or is absent); this was the request the SP was waiting for. */
  | 'position'
  /** No request precedes the response: IdP-initiated, or the capture started after the request. */
  | 'none';

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
