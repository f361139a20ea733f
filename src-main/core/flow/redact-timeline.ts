/**
 * A flow timeline for presentation mode and redacted views, through the Redactor that redacted the
 * analysis it belongs to, so a message ID or RelayState keeps the placeholder it has in the message
 * view and the findings. URLs lose their query string (Redirect-binding queries carry the message and
 * RelayState); an answer page keeps its sentence with the username it names masked.
 */
import type { Redactor } from '../report/redactor.js';
import { urlWithoutQuery } from './exchange-label.js';
import type { FlowTimeline, FlowTimelineEntry, FlowTimelinePage, FlowTimelinePair } from './timeline.js';

export function redactFlowTimeline(flow: FlowTimeline, redactor: Redactor): FlowTimeline {
  const url = (value: string): string => redactor.sweep(urlWithoutQuery(value));
  const id = (value: string): string => redactor.redactValue(value, 'id', 'message ID in the flow');
  const relay = (value: string): string => redactor.redactValue(value, 'relay-state', 'RelayState');
  // The sentence stays readable with only the username it names masked (the same placeholder as the
  // NameID when they are equal); anything else personal in it is swept.
  const pageText = (page: FlowTimelinePage): string => {
    const user = page.user?.trim();
    if (!user) return redactor.redactString(page.text);
    return redactor.sweep(page.text.split(user).join(redactor.redactValue(user, 'username', 'username on the SP answer page')));
  };

  const entries = flow.entries.map((e): FlowTimelineEntry => {
    const out: FlowTimelineEntry = {
      ...e,
      url: url(e.url),
      messages: e.messages.map((m) => ({
        messageIndex: m.messageIndex,
        type: m.type,
        ...(m.id !== undefined ? { id: id(m.id) } : {}),
        ...(m.inResponseTo !== undefined ? { inResponseTo: id(m.inResponseTo) } : {}),
      })),
    };
    if (e.page) out.page = { side: e.page.side, kind: e.page.kind, text: pageText(e.page) };
    return out;
  });

  const pairs = flow.pairs.map((p): FlowTimelinePair => {
    const out: FlowTimelinePair = { ...p };
    if (p.postedTo !== undefined) out.postedTo = url(p.postedTo);
    if (p.requestedAcsUrl !== undefined) out.requestedAcsUrl = url(p.requestedAcsUrl);
    if (p.relayState) {
      out.relayState = { echoed: p.relayState.echoed };
      if (p.relayState.request !== undefined) out.relayState.request = relay(p.relayState.request);
      if (p.relayState.response !== undefined) out.relayState.response = relay(p.relayState.response);
    }
    return out;
  });
  return { entries, pairs };
}
