/**
 * Pairs each Response of a flow with the AuthnRequest it answers. InResponseTo decides when it names a
 * request in the capture; otherwise the most recent unanswered request before the response is taken
 * (what the SP was waiting for), so a wrong or missing InResponseTo can be reported against it.
 */
import { BEARER } from '../checks/message-facts.js';
import type { PairedBy } from '../model/flow.js';
import type { MessageResult } from '../model/message.js';
import type { FlowMessage } from './link-messages.js';

export type { PairedBy } from '../model/flow.js';

export interface FlowPair {
  request?: FlowMessage;
  response: FlowMessage;
  pairedBy: PairedBy;
  /** The request the response says it answers (Response@InResponseTo, else the bearer SubjectConfirmationData's). */
  answers?: string;
}

export interface FlowPairing {
  pairs: FlowPair[];
  /** AuthnRequests no Response answered or followed. */
  unanswered: FlowMessage[];
}

/** The request ID a response claims to answer. */
export function answeredRequestId(message: MessageResult): string | undefined {
  return message.inResponseTo ?? message.subjectConfirmations.find((sc) => sc.method === BEARER && sc.inResponseTo !== undefined)?.inResponseTo;
}

export function pairMessages(linked: FlowMessage[]): FlowPairing {
  const requests = linked.filter((m) => m.message.type === 'AuthnRequest');
  const pending: FlowMessage[] = [];
  const pairs: FlowPair[] = [];
  for (const item of linked) {
    if (item.message.type === 'AuthnRequest') {
      pending.push(item);
      continue;
    }
    if (item.message.type !== 'Response') continue;
    const answers = answeredRequestId(item.message);
    const byId = answers !== undefined ? [...requests].reverse().find((r) => r.message.id === answers && r.exchange.index <= item.exchange.index) : undefined;
    const pair: FlowPair = { response: item, pairedBy: 'none' };
    if (answers !== undefined) pair.answers = answers;
    if (byId) {
      pair.request = byId;
      pair.pairedBy = 'in-response-to';
      const at = pending.indexOf(byId);
      if (at !== -1) pending.splice(at, 1);
    } else if (pending.length > 0) {
      pair.request = pending.pop()!;
      pair.pairedBy = 'position';
    }
    pairs.push(pair);
  }
  return { pairs, unanswered: pending };
}
