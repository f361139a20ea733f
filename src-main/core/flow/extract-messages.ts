/**
 * The SAML messages of a captured flow, in capture order, each remembering the exchange it came from
 * (flow analysis needs the URL a response was posted to and the pages that followed it).
 */
import { makeFinding } from '../findings/make-finding.js';
import { decodeInput } from '../input/decode.js';
import type { Finding } from '../model/finding.js';
import type { CapturedFlow, DecodedMessage } from '../model/input.js';
import { exchangeLabel, exchangeSite } from './exchange-label.js';
import { samlCarriersOf } from './saml-carriers.js';

export interface FlowMessageSource {
  /** `CapturedExchange.index` of the exchange that carried the message. */
  exchangeIndex: number;
  decoded: DecodedMessage;
}

const IMPORT_NOTE_FIX = {
  summary: 'If a message you expected is missing, export the capture again from the browser (HAR with content, or SAML-tracer without masking) and load the new file.',
  where: 'samlscope-input' as const,
};

/**
 * Importer notes (skipped entries, masked values, a cut-off file) as input findings, so nothing is
 * dropped silently. When nothing at all could be imported the notes say why, so they are errors.
 */
export function importNoteFindings(flow: CapturedFlow): Finding[] {
  const nothingImported = flow.exchanges.length === 0;
  return (flow.notes ?? []).map((note) =>
    makeFinding('input.decode-failed', {
      severity: nothingImported ? 'error' : 'warning',
      title: nothingImported ? 'The capture could not be read' : 'Part of the capture could not be read',
      message: note,
      evidence: [{ location: 'capture file' }],
      fix: IMPORT_NOTE_FIX,
    }),
  );
}

/** Every SAML message with its exchange; decoding failures become findings naming the exchange. */
export function extractFlowMessageSources(flow: CapturedFlow): { sources: FlowMessageSource[]; findings: Finding[] } {
  const sources: FlowMessageSource[] = [];
  const findings: Finding[] = [];
  for (const exchange of flow.exchanges) {
    const origin = exchangeLabel(exchange);
    for (const carrier of samlCarriersOf(exchange)) {
      const decoded = decodeInput(carrier.text);
      if (!decoded.ok) {
        findings.push({ ...decoded.finding, message: `${origin}: ${decoded.finding.message}`, evidence: [{ location: origin, site: exchangeSite(exchange) }, ...decoded.finding.evidence] });
        continue;
      }
      const where = carrier.where === 'query' ? 'query string' : 'form body';
      for (const m of decoded.messages) sources.push({ exchangeIndex: exchange.index, decoded: { ...m, origin: `${origin} (${where})` } });
    }
  }
  return { sources, findings };
}

/**
 * What `analyze` reads from a flow: the decoded messages in order, plus importer notes and decoding
 * failures. `capturedAt[i]` is when messages[i] was sent (its exchange's start), when the capture
 * recorded it: a message in an old capture should be judged against that instant, not today.
 */
export function extractFlowMessages(flow: CapturedFlow): { messages: DecodedMessage[]; findings: Finding[]; capturedAt: Array<string | undefined> } {
  const { sources, findings } = extractFlowMessageSources(flow);
  const startedAt = new Map(flow.exchanges.map((e) => [e.index, e.startedAt]));
  return {
    messages: sources.map((s) => s.decoded),
    findings: [...importNoteFindings(flow), ...findings],
    capturedAt: sources.map((s) => startedAt.get(s.exchangeIndex)),
  };
}
