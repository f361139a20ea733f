/**
 * Imports a HAR 1.2 file or a SAML-tracer export as a CapturedFlow, streamed: the file is tokenised
 * once and only the exchanges around SAML messages are kept (exchange-selector.ts), with bounded
 * bodies, so memory stays far below the file size. Which format it is follows from its top-level key
 * (`log` for HAR, `requests` for SAML-tracer), whatever the file is called.
 */
import { createReadStream, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { CaptureImportError } from './capture-import-error.js';
import { ByteWindow, type ReadBytesAt } from './byte-window.js';
import { CaptureAssembler, type ImportedCapture } from './capture-assembler.js';
import { FastCaptureReader, FastPathUnavailable } from './fast-import.js';
import { harEntryShape } from './har-entry.js';
import { any, describeValue, obj, scalar, stream, WrongKind, type Shape } from './json-shape.js';
import { readJsonShaped } from './json-stream-reader.js';
import { DEFAULT_CAPTURE_LIMITS, type CaptureLimits } from './limits.js';
import { samlTracerRequestShape } from './saml-tracer-entry.js';

export type { CaptureKind, ImportedCapture } from './capture-assembler.js';

export function captureRootShape(limits: CaptureLimits): Shape {
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
  const assembler = new CaptureAssembler(limits);
  const read = await readJsonShaped(chunks, captureRootShape(limits), (el) => assembler.add(el), source);
  return assembler.finish(read, source, () => formatError(source, read.root, read.topLevelKeys));
}

/** Bytes one entry may take in the fast path's window; larger entries go to the streaming reader. */
const FAST_PATH_WINDOW_CAP = 64 * 1024 * 1024;

/** Imports capture JSON with the fast path, or with the streaming reader when the fast path cannot. */
async function importWithFallback(fast: () => Promise<ImportedCapture>, streamed: () => Promise<ImportedCapture>): Promise<ImportedCapture> {
  try {
    return await fast();
  } catch (error) {
    if (!(error instanceof FastPathUnavailable)) throw error;
  }
  return streamed();
}

/**
 * Reads earlier bytes of the file again, into one buffer for all calls: a login's lead-in reads back up to
 * dozens of entries, one at a time, and a buffer each (megabytes of answer pages) would wait for the
 * garbage collector outside the heap.
 */
function readerAt(fd: number): ReadBytesAt {
  let scratch = Buffer.alloc(0);
  return (offset, length) => {
    if (scratch.length < length) scratch = Buffer.allocUnsafe(Math.max(length, 2 * scratch.length));
    return scratch.subarray(0, readSync(fd, scratch, 0, length, offset));
  };
}

/** Imports a HAR or SAML-tracer file from disk, with bounded memory (see fast-import.ts). */
export async function importCaptureStreamFromFile(path: string, source = path, limits: CaptureLimits = DEFAULT_CAPTURE_LIMITS): Promise<ImportedCapture> {
  return importWithFallback(
    async () => {
      const handle = await open(path, 'r');
      try {
        const window = ByteWindow.reading(async (into, offset, length) => (await handle.read(into, offset, length, null)).bytesRead, readerAt(handle.fd), FAST_PATH_WINDOW_CAP);
        return await new FastCaptureReader(window, limits).read(source);
      } finally {
        await handle.close();
      }
    },
    () => importCaptureChunks(createReadStream(path, { highWaterMark: 64 * 1024 }), source, limits),
  );
}

/** Imports capture JSON already in memory (pasted or dropped in the app). */
export async function importCaptureText(text: string, source: string, limits: CaptureLimits = DEFAULT_CAPTURE_LIMITS): Promise<ImportedCapture> {
  return importWithFallback(
    () => new FastCaptureReader(ByteWindow.over(Buffer.from(text, 'utf8')), limits).read(source),
    () =>
      importCaptureChunks(
        (async function* () {
          yield text;
        })(),
        source,
        limits,
      ),
  );
}
