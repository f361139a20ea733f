/**
 * A file given to `analyze`, told apart by its first bytes: a HAR or SAML-tracer capture goes to the
 * capture importer (import-capture.ts, loaded only then), anything else is read as one SAML message.
 * Apart from the importer so that analysing a plain message never loads the JSON streaming machinery
 * (the CLI starts faster). For the same reason the first bytes and a message are read with synchronous calls:
 * both reads are bounded, and node:fs/promises costs a few ms to load (it loads the readline modules).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { AnalyzeInput } from '../core/model/input.js';
import { DEFAULT_CAPTURE_LIMITS, type CaptureLimits } from './limits.js';
import { messageFileText } from './message-file-text.js';

/** What a file holds, from its first bytes: capture JSON starts with `{`; a SAML message never does. */
export async function sniffCaptureFile(path: string): Promise<'json' | 'message'> {
  const head = readStart(path, () => 4096).toString('utf8').replace(/^\ufeff/, '').trimStart();
  return head.startsWith('{') ? 'json' : 'message';
}

/** The first bytes of the file at `path`, at most as many as `length` answers for the open file. */
function readStart(path: string, length: (fd: number) => number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(length(fd));
    const bytesRead = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    closeSync(fd);
  }
}

/**
 * A file given to `analyze`: a HAR or SAML-tracer export becomes a flow input; anything else is read
 * (bounded) as a plain SAML message for the engine to decode.
 */
export async function importCaptureFile(path: string, options: { source?: string; maxMessageChars?: number; limits?: CaptureLimits } = {}): Promise<AnalyzeInput> {
  const source = options.source ?? path;
  if ((await sniffCaptureFile(path)) === 'json') {
    // The capture importer (and stream-json, an ES module) is loaded only for a capture.
    const { importCaptureStreamFromFile } = await import('./import-capture.js');
    const imported = await importCaptureStreamFromFile(path, source, options.limits);
    return { source, kind: imported.kind, flow: imported.flow };
  }
  const max = (options.maxMessageChars ?? (options.limits ?? DEFAULT_CAPTURE_LIMITS).maxRequestBodyChars - 1) + 1;
  return { source, content: messageFileText(readStart(path, (fd) => Math.min(max, fstatSync(fd).size))) };
}
