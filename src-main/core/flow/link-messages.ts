/**
 * Ties each analysed MessageResult back to the exchange that carried it. `analyze` reads the decoded
 * messages in order and skips the ones that fail to parse, so a sequential walk that matches the XML
 * text (the engine keeps it verbatim, BOM removed) recovers the link without changing the result model.
 */
import type { CapturedExchange, CapturedFlow } from '../model/input.js';
import type { MessageResult } from '../model/message.js';
import { extractFlowMessageSources } from './extract-messages.js';

export interface FlowMessage {
  message: MessageResult;
  exchange: CapturedExchange;
}

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function linkMessages(flow: CapturedFlow, messages: MessageResult[]): FlowMessage[] {
  const { sources } = extractFlowMessageSources(flow);
  const byIndex = new Map(flow.exchanges.map((e) => [e.index, e]));
  const linked: FlowMessage[] = [];
  let next = 0;
  for (const message of messages) {
    let j = next;
    while (j < sources.length && withoutBom(sources[j]!.decoded.xml) !== message.xml) j++;
    if (j === sources.length) continue;
    const exchange = byIndex.get(sources[j]!.exchangeIndex);
    if (exchange) linked.push({ message, exchange });
    next = j + 1;
  }
  return linked;
}
