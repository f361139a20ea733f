import type { MessageResult } from '../model/message.js';
import type { AnalysisResult } from '../model/result.js';

/** The login to simulate: the last Response of the inputs (in a captured flow, the one that logged in). */
export function loginResponse(results: readonly AnalysisResult[]): MessageResult | undefined {
  const responses = results.flatMap((r) => r.messages).filter((m) => m.type === 'Response');
  return responses[responses.length - 1];
}

/**
 * Whom a live capture should look up for this login: the NameID and every short single value the response
 * carries (usernames, e-mails). Bounded, because each is a GET request against the customer's instance.
 */
export function liveLookupCandidates(message: MessageResult): string[] {
  const values = new Set<string>();
  if (message.subject?.nameId) values.add(message.subject.nameId.trim());
  for (const a of message.attributes) {
    if (a.values.length === 1 && a.values[0] && a.values[0].length <= 255) values.add(a.values[0].trim());
  }
  return [...values].filter((v) => v !== '').slice(0, 10);
}
