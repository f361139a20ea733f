/**
 * What the Flow tab draws from an analysis result's flow timeline: each exchange with the findings
 * that name it, and the words for how a response was paired with its request.
 */
import type { AnalysisResult, Finding, FlowTimelineEntry, FlowTimelinePair, MessageResult } from '../../src-main/core/model/index.js';
import type { PlacedFinding } from './findings.js';

/** The query string and fragment cut off: what presentation mode shows of a URL (they carry messages and RelayState). */
export function withoutQuery(url: string): string {
  const cut = url.search(/[?#]/);
  return cut === -1 ? url : url.slice(0, cut);
}

/** The 0-based index of the first exchange the finding's evidence was found on, as the engine records it. */
export function exchangeNamedBy(finding: Finding): number | undefined {
  return finding.evidence.find((e) => e.site?.exchangeIndex !== undefined)?.site?.exchangeIndex;
}

/** Message index → index of the exchange that carried it. */
export function carriersOf(entries: FlowTimelineEntry[]): Map<number, number> {
  const carrier = new Map<number, number>();
  for (const entry of entries) for (const m of entry.messages) carrier.set(m.messageIndex, entry.exchangeIndex);
  return carrier;
}

/**
 * The findings to show under each exchange: the result's own (flow and input) findings by the exchange
 * their evidence names first, and flow.* findings of a message under the exchange that carried it.
 */
export function findingsByExchange(result: AnalysisResult, entries: FlowTimelineEntry[], placed: PlacedFinding[]): Map<number, PlacedFinding[]> {
  const byExchange = new Map<number, PlacedFinding[]>();
  const add = (index: number, p: PlacedFinding): void => {
    const list = byExchange.get(index) ?? [];
    if (!list.includes(p)) list.push(p);
    byExchange.set(index, list);
  };
  const carrier = carriersOf(entries);
  for (const p of placed) {
    if (result.findings.includes(p.finding)) {
      const index = exchangeNamedBy(p.finding);
      if (index !== undefined) add(index, p);
      continue;
    }
    if (!p.finding.id.startsWith('flow.')) continue;
    const message = result.messages.find((m) => m.findings.includes(p.finding));
    const index = message ? carrier.get(message.index) : undefined;
    if (index !== undefined) add(index, p);
  }
  return byExchange;
}

/** The analysed message a timeline index refers to. */
export function messageAt(result: AnalysisResult, messageIndex: number | undefined): MessageResult | undefined {
  if (messageIndex === undefined) return undefined;
  return result.messages.find((m) => m.index === messageIndex) ?? result.messages[messageIndex];
}

export function pairedByText(pair: FlowTimelinePair, response: MessageResult | undefined): string {
  switch (pair.pairedBy) {
    case 'in-response-to':
      return 'InResponseTo names the request';
    case 'position':
      return response?.inResponseTo !== undefined
        ? 'By position only: InResponseTo names another request'
        : 'By position only: the response has no InResponseTo';
    case 'none':
      return 'No request before it (IdP-initiated, or the capture started after the request)';
  }
}

/** `7,000 ms`: the spec's unit, grouped so long waits read easily. */
export function formatMs(ms: number): string {
  return `${ms.toLocaleString('en-US')} ms`;
}

/** Offset of an exchange from the first timed one, `+1.5 s`. */
export function offsetText(startedAt: string | undefined, first: number | undefined): string | undefined {
  if (startedAt === undefined || first === undefined) return undefined;
  const t = Date.parse(startedAt);
  if (Number.isNaN(t)) return undefined;
  return `+${((t - first) / 1000).toFixed(1)} s`;
}

export function firstInstant(entries: FlowTimelineEntry[]): number | undefined {
  const times = entries.map((e) => (e.startedAt ? Date.parse(e.startedAt) : NaN)).filter((t) => !Number.isNaN(t));
  return times.length > 0 ? Math.min(...times) : undefined;
}

/** HTTP status class for colouring: 2xx ok, 3xx redirect, 4xx/5xx error, none unknown. */
export function statusClass(status: number | undefined): 'ok' | 'redirect' | 'error' | 'none' {
  if (status === undefined || status === 0) return 'none';
  if (status >= 400) return 'error';
  if (status >= 300) return 'redirect';
  return 'ok';
}
