/**
 * How a captured exchange is named in findings and the timeline. People count from 1 and read the
 * URL without its query (a Redirect-binding query is kilobytes of base64), so both are done here once.
 */
import type { EvidenceSite } from '../model/finding.js';
import type { CapturedExchange } from '../model/input.js';

/** The URL without query string or fragment. */
export function urlWithoutQuery(url: string): string {
  const cut = url.search(/[?#]/);
  return cut === -1 ? url : url.slice(0, cut);
}

/** `exchange 4: POST https://jira.example.com/plugins/servlet/samlconsumer` (1-based, as a person counts). */
export function exchangeLabel(exchange: CapturedExchange): string {
  return `exchange ${exchange.index + 1}: ${exchange.method} ${urlWithoutQuery(exchange.url)}`;
}

/** The exchange as evidence data, next to the label people read. */
export function exchangeSite(exchange: CapturedExchange): EvidenceSite {
  return { exchangeIndex: exchange.index };
}

/** The label plus the HTTP status the server answered, when the capture has it. */
export function exchangeLabelWithStatus(exchange: CapturedExchange): string {
  return exchange.status !== undefined ? `${exchangeLabel(exchange)} → HTTP ${exchange.status}` : exchangeLabel(exchange);
}
