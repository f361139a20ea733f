import type { Evidence } from '../model/finding.js';

export type DecodeErrorId = 'input.unrecognized' | 'input.too-large' | 'input.decode-failed' | 'xml.malformed';

/** Raised by the decoding steps; `decodeInput` turns it into a finding. */
export class InputDecodeError extends Error {
  readonly findingId: DecodeErrorId;
  readonly evidence: Evidence[];

  constructor(findingId: DecodeErrorId, message: string, evidence: Evidence[] = []) {
    super(message);
    this.name = 'InputDecodeError';
    this.findingId = findingId;
    this.evidence = evidence;
  }
}

/** The first `max` characters, with control characters made visible, safe to quote in a message. */
export function safePrefix(text: string, max = 40): string {
  const head = [...text.slice(0, max * 2)].slice(0, max).join('');
  // eslint-disable-next-line no-control-regex
  const visible = head.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => (c === '\n' || c === '\r' || c === '\t' ? ' ' : '\ufffd'));
  return [...text].length > max ? `${visible}…` : visible;
}
