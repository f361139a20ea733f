import type { Finding } from '../model/finding.js';
import type { CapturedFlow, DecodedMessage } from '../model/input.js';
import type { MessageResult } from '../model/message.js';
import type { AnalysisOptions } from '../model/options.js';
import { decodeInput } from '../input/decode.js';

/** SAML messages of a captured flow, in order: query-string (Redirect) and form-post (POST) bindings. */
export function extractFlowMessages(flow: CapturedFlow): { messages: DecodedMessage[]; findings: Finding[] } {
  const messages: DecodedMessage[] = [];
  const findings: Finding[] = [];
  for (const exchange of flow.exchanges) {
    const candidates: string[] = [];
    if (/[?&]SAML(Request|Response)=/.test(exchange.url)) candidates.push(exchange.url);
    if (exchange.requestBody && /(^|&)SAML(Request|Response)=/.test(exchange.requestBody)) candidates.push(exchange.requestBody);
    for (const candidate of candidates) {
      const decoded = decodeInput(candidate);
      const origin = `exchange ${exchange.index + 1}: ${exchange.method} ${exchange.url.split('?')[0]}`;
      if (decoded.ok) messages.push(...decoded.messages.map((m) => ({ ...m, origin })));
      else findings.push({ ...decoded.finding, message: `${origin}: ${decoded.finding.message}` });
    }
  }
  return { messages, findings };
}

/** Findings across the messages of one flow (request/response pairing, SP error pages). */
export function analyzeFlow(_flow: CapturedFlow, _messages: MessageResult[], _options: AnalysisOptions): Finding[] {
  // Filled in by the capture work (issue 6): flow.* findings.
  return [];
}
