/**
 * Imports a HAR 1.2 file or a SAML-tracer export as a CapturedFlow, streamed: the file is tokenised
 * once and only the exchanges around SAML messages are kept (exchange-selector.ts), with bounded
 * bodies, so memory stays far below the file size. Which format it is follows from its top-level key
 * (`log` for HAR, `requests` for SAML-tracer), whatever the file is called.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { AnalyzeInput, CapturedFlow } from '../core/model/input.js';
import { CaptureImportError } from './capture-import-error.js';
import { CaptureNotes } from './capture-notes.js';
import { ExchangeSelector } from './exchange-selector.js';
import { exchangeFromHarEntry, harEntryShape, type ConvertedEntry } from './har-entry.js';
import { any, describeValue, obj, scalar, stream, WrongKind, type Shape } from './json-shape.js';
import { readJsonShaped, type StreamedElement } from './json-stream-reader.js';
import { DEFAULT_CAPTURE_LIMITS, type CaptureLimits } from './limits.js';
import { messageFileText } from './message-file-text.js';
import { exchangeFromSamlTracerRequest, samlTracerRequestShape } from './saml-tracer-entry.js';

export type CaptureKind = 'har' | 'saml-tracer';

export interface ImportedCapture {
  kind: CaptureKind;
  flow: CapturedFlow;
  /** Entries (HAR) or requests (SAML-tracer) read from the file, kept or not. */
  entriesRead: number;
  bytesRead: number;
}

function rootShape(limits: CaptureLimits): Shape {
  return obj({
    log: obj({ version: scalar(32), creator: any(256, 1), entries: stream(harEntryShape(limits), 'har') }),
    requests: stream(samlTracerRequestShape(limits), 'saml-tracer'),
    timestamp: scalar(64),
  });
}

const FORMAT_HELP = 'a HAR file ({"log": {"entries": [...]}}, as the browser developer tools export it) or a SAML-tracer export ({"requests": [...]})';

function formatError(source: string, root: unknown, topLevelKeys: string[]): CaptureImportError {
  if (root instanceof WrongKind || root === null || typeof root !== 'object') {
    return new CaptureImportError(`${source}: the file holds ${describeValue(root)} at the top level, but samlscope reads ${FORMAT_HELP}.`, '(top level)');
  }
  const r = root as Record<string, unknown>;
  if ('log' in r) {
    const log = r.log;
    if (log === null || typeof log !== 'object' || log instanceof WrongKind) {
      return new CaptureImportError(`${source}: "log" is ${describeValue(log)}; a HAR file's "log" is an object with an "entries" array.`, 'log');
    }
    const entries = (log as Record<string, unknown>).entries;
    return entries === undefined
      ? new CaptureImportError(`${source}: log.entries is missing, so this HAR file records no requests. Export the HAR again from the Network tab after signing in.`, 'log.entries')
      : new CaptureImportError(`${source}: log.entries is ${describeValue(entries)}, but it must be an array of entries.`, 'log.entries');
  }
  if ('requests' in r) {
    return new CaptureImportError(`${source}: "requests" is ${describeValue(r.requests)}, but a SAML-tracer export's "requests" is an array.`, 'requests');
  }
  const keys = topLevelKeys.length > 0 ? `its top-level keys are ${topLevelKeys.map((k) => JSON.stringify(k)).join(', ')}` : 'it is an empty object';
  return new CaptureImportError(`${source}: not a capture samlscope can read (${keys}). Expected ${FORMAT_HELP}.`, '(top level)');
}

/** Imports capture JSON from a stream of bytes or text. Throws CaptureImportError when nothing usable is in it. */
export async function importCaptureChunks(chunks: AsyncIterable<Uint8Array | string>, source: string, limits: CaptureLimits = DEFAULT_CAPTURE_LIMITS): Promise<ImportedCapture> {
  const selector = new ExchangeSelector(limits);
  const notes = new CaptureNotes(limits.maxNotes);
  let kind: CaptureKind | undefined;
  let entriesRead = 0;

  const onElement = (el: StreamedElement): void => {
    const elementKind: CaptureKind = el.stream === 'har' ? 'har' : 'saml-tracer';
    kind ??= elementKind;
    if (elementKind !== kind) return; // a file with both shapes: the first one found wins
    entriesRead++;
    const converted: ConvertedEntry =
      elementKind === 'har'
        ? exchangeFromHarEntry(el.value, el.index, el.path, el.truncated, limits)
        : exchangeFromSamlTracerRequest(el.value, el.index, el.path, el.truncated, limits);
    if (converted.skipped !== undefined || !converted.exchange) {
      notes.skip(converted.skipped ?? `${el.path}: unreadable`);
      return;
    }
    if (selector.offer(converted.exchange, converted.isStatic)) for (const p of converted.problems) notes.add(p);
  };

  const read = await readJsonShaped(chunks, rootShape(limits), onElement, source);
  if (kind === undefined) {
    if (read.truncatedAt) {
      throw new CaptureImportError(`${source}: the file ends after ${read.bytes.toLocaleString('en-US')} bytes, inside ${read.truncatedAt.path}, before any request was complete: it was cut off. Export or copy it again.`, read.truncatedAt.path);
    }
    throw formatError(source, read.root, read.topLevelKeys);
  }
  const what = kind === 'har' ? (['HAR entry', 'HAR entries'] as const) : (['SAML-tracer request', 'SAML-tracer requests'] as const);
  if (read.truncatedAt) {
    notes.add(
      `The file ends after ${read.bytes.toLocaleString('en-US')} bytes, inside ${read.truncatedAt.path}: it was cut off. The ${entriesRead} complete ${entriesRead === 1 ? what[0] : what[1]} before that point were read; anything after it is missing.`,
    );
  }
  if (selector.dropped > 0) notes.add(`${selector.dropped} exchanges around SAML messages were not kept: a capture holds at most ${limits.maxExchanges}. Record a single login.`);
  if (entriesRead > 0 && notes.skippedEntries === entriesRead) {
    throw new CaptureImportError(`${source}: none of the ${entriesRead} ${entriesRead === 1 ? what[0] : what[1]} could be read. ${notes.list(what)[0] ?? ''}`);
  }
  const flow: CapturedFlow = { exchanges: selector.exchanges };
  const list = notes.list(what);
  if (list.length > 0) flow.notes = list;
  return { kind, flow, entriesRead, bytesRead: read.bytes };
}

/** What a file holds, from its first bytes: capture JSON starts with `{`; a SAML message never does. */
export async function sniffCaptureFile(path: string): Promise<'json' | 'message'> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const head = buffer.subarray(0, bytesRead).toString('utf8').replace(/^\ufeff/, '').trimStart();
    return head.startsWith('{') ? 'json' : 'message';
  } finally {
    await handle.close();
  }
}

/** Imports a HAR or SAML-tracer file from disk, streamed. */
export async function importCaptureStreamFromFile(path: string, source = path, limits: CaptureLimits = DEFAULT_CAPTURE_LIMITS): Promise<ImportedCapture> {
  return importCaptureChunks(createReadStream(path, { highWaterMark: 64 * 1024 }), source, limits);
}

/**
 * A file given to `analyze`: a HAR or SAML-tracer export becomes a flow input; anything else is read
 * (bounded) as a plain SAML message for the engine to decode.
 */
export async function importCaptureFile(path: string, options: { source?: string; maxMessageChars?: number; limits?: CaptureLimits } = {}): Promise<AnalyzeInput> {
  const source = options.source ?? path;
  if ((await sniffCaptureFile(path)) === 'json') {
    const imported = await importCaptureStreamFromFile(path, source, options.limits);
    return { source, kind: imported.kind, flow: imported.flow };
  }
  const max = (options.maxMessageChars ?? (options.limits ?? DEFAULT_CAPTURE_LIMITS).maxRequestBodyChars - 1) + 1;
  const handle = await open(path, 'r');
  try {
    const size = (await handle.stat()).size;
    const buffer = Buffer.alloc(Math.min(max, size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return { source, content: messageFileText(buffer.subarray(0, bytesRead)) };
  } finally {
    await handle.close();
  }
}
