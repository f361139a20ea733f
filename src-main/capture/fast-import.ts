/**
 * The fast path of the capture importer. A HAR of hundreds of megabytes is mostly scripts, images
 * and API answers that never explain a SAML login; tokenising all of it costs more than JSON.parse.
 * This path crosses each entry with the byte scanner (json-value-scanner.ts) and reads an entry, from its
 * bytes (shaped-bytes.ts) with the same shape and converter as the streaming reader, only when it may
 * matter:
 * - its bytes hold `SAML` (a SAMLRequest or SAMLResponse in the URL, the body or the form parameters),
 *   `"params"` (form parameters whose names a browser may have percent-encoded) or a `\u` escape
 *   (which can spell `SAML` in other bytes);
 * - it comes right after a SAML message (the answer pages the selector keeps);
 * - it is not an entry the converter could read (no object, no URL), so its note is the same.
 * Every other entry is only counted and remembered by its place in the file: the selector drops it,
 * unless a later AuthnRequest's lead-in (the SP's redirects before it) needs it; then it is read again,
 * first without its response body, and whole only if the lead-in keeps it.
 *
 * Anything unusual (invalid JSON, a cut-off file, both HAR and SAML-tracer keys, escaped top-level
 * keys, nesting deeper than the scanner goes, one entry larger than the window cap) stops this path
 * with FastPathUnavailable, and the caller runs the streaming reader, which explains the problem
 * exactly as before.
 */
import { CaptureAssembler, type CaptureKind, type ImportedCapture } from './capture-assembler.js';
import type { ByteWindow} from './byte-window.js';
import { WindowCapExceeded } from './byte-window.js';
import { harEntryShape } from './har-entry.js';
import type { Shape } from './json-shape.js';
import { readShapedValue, type StreamedElement } from './json-stream-reader.js';
import { NEED_MORE, scanValue, StringScanner, type ScannedValue } from './json-value-scanner.js';
import type { CaptureLimits } from './limits.js';
import { UNREAD_IDS_REMEMBERED } from './exchange-selector.js';
import { samlTracerRequestShape } from './saml-tracer-entry.js';
import { readShapedBytes, RepeatedKey } from './shaped-bytes.js';
import { UnreadEntries } from './unread-entries.js';

/** The fast path cannot read this file; the streaming reader will. */
export class FastPathUnavailable extends Error {}

const WHITESPACE = new Set([0x20, 0x0a, 0x0d, 0x09]);
/**
 * Bytes that make an entry worth reading, each searched as `find` and then checked for the bytes that
 * must come `before` it. `"params"` is searched without its opening quote: a search led by a quote
 * stops at every string of the file and took most of the marker search's time.
 */
const ENTRY_MARKERS = [
  { find: Buffer.from('SAML'), before: Buffer.alloc(0) },
  { find: Buffer.from('params"'), before: Buffer.from('"') },
];

interface EntryList {
  kind: CaptureKind;
  /** JSON path of the array, as the streaming reader names it. */
  path: string;
  shape: Shape;
  /** The shape for finding a login's lead-in: no response body (see ResolveUnread). */
  leadInShape: Shape;
  /** The key path whose non-empty string makes an entry readable. */
  urlKey: readonly string[];
}

function entryList(kind: CaptureKind, limits: CaptureLimits): EntryList {
  return kind === 'har'
    ? { kind, path: 'log.entries', shape: harEntryShape(limits), leadInShape: harEntryShape(limits, false), urlKey: ['request', 'url'] }
    : { kind, path: 'requests', shape: samlTracerRequestShape(limits), leadInShape: samlTracerRequestShape(limits), urlKey: ['url'] };
}

/** Where the first whole marker (its `before` bytes included) starts at or after `from`; -1 when none does. */
function markerAt(view: Buffer, marker: { find: Buffer; before: Buffer }, from: number): number {
  for (let at = view.indexOf(marker.find, from + marker.before.length); at !== -1; at = view.indexOf(marker.find, at + 1)) {
    const start = at - marker.before.length;
    if (marker.before.length === 0 || view.compare(marker.before, 0, marker.before.length, start, at) === 0) return start;
  }
  return -1;
}

/**
 * Where the next marker is in the window, remembered: an entry without one costs no search of its own,
 * and no entry's bytes are searched twice.
 */
class MarkerFinder {
  private readonly at: number[] = ENTRY_MARKERS.map(() => -1);
  private readonly searchedFrom: number[] = ENTRY_MARKERS.map(() => Number.MAX_SAFE_INTEGER);

  /** Forgets every position: the window moved. */
  reset(): void {
    this.searchedFrom.fill(Number.MAX_SAFE_INTEGER);
  }

  anyWithin(view: Buffer, start: number, end: number): boolean {
    for (let i = 0; i < ENTRY_MARKERS.length; i++) {
      if (this.searchedFrom[i]! > start || (this.at[i] !== -1 && this.at[i]! < start)) {
        this.at[i] = markerAt(view, ENTRY_MARKERS[i]!, start);
        this.searchedFrom[i] = start;
      }
      const at = this.at[i]!;
      if (at !== -1 && at < end) return true;
    }
    return false;
  }
}

export class FastCaptureReader {
  private pos = 0;
  private strings: StringScanner;
  private readonly markers = new MarkerFinder();
  /** The scanner's answer for each entry, one object for all (no garbage per entry). */
  private readonly scanned: ScannedValue = { end: 0, watchedIsNonEmptyString: false, hasUnicodeEscape: false };
  /** Entries left unread, by id: their index in the list and their bytes in the source. */
  private readonly unread = new UnreadEntries(UNREAD_IDS_REMEMBERED);
  private readonly assembler: CaptureAssembler;
  private readonly decoder = new TextDecoder('utf-8');
  private listRead = false;

  constructor(
    private readonly window: ByteWindow,
    private readonly limits: CaptureLimits,
  ) {
    this.assembler = new CaptureAssembler(limits);
    this.strings = new StringScanner(window.view());
  }

  /** Reads the whole capture, or throws FastPathUnavailable. */
  async read(source: string): Promise<ImportedCapture> {
    await this.skipByteOrderMark();
    await this.readRootObject();
    if (await this.nextByte() !== -1) throw new FastPathUnavailable('content after the top-level object');
    if (this.assembler.entriesRead === 0) throw new FastPathUnavailable('no entries');
    return this.assembler.finish({ bytes: this.window.bytesRead }, source, () => new FastPathUnavailable('no capture'));
  }

  private async readRootObject(): Promise<void> {
    await this.readObject(async (key) => {
      if (key === 'log') await this.readLogObject();
      else if (key === 'requests') await this.readEntryList(entryList('saml-tracer', this.limits));
      else await this.skipValue();
    });
  }

  private async readLogObject(): Promise<void> {
    if ((await this.nextByte()) !== 0x7b) throw new FastPathUnavailable('"log" is not an object');
    await this.readObject(async (key) => {
      if (key === 'entries') await this.readEntryList(entryList('har', this.limits));
      else await this.skipValue();
    });
  }

  /** Reads `{ "key": value, ... }`, handing each key to `onKey` with the cursor at its value. */
  private async readObject(onKey: (key: string) => Promise<void>): Promise<void> {
    await this.expect(0x7b);
    if ((await this.nextByte()) === 0x7d) {
      this.pos++;
      return;
    }
    for (;;) {
      const key = await this.readKey();
      await this.expect(0x3a);
      await onKey(key);
      const after = await this.nextByte();
      this.pos++;
      if (after === 0x7d) return;
      if (after !== 0x2c) throw new FastPathUnavailable('not valid JSON');
    }
  }

  private async readEntryList(list: EntryList): Promise<void> {
    // One list per file: a second one (or both kinds) is the streaming reader's case to explain.
    if (this.listRead) throw new FastPathUnavailable('more than one entry list');
    this.listRead = true;
    await this.expect(0x5b);
    if ((await this.nextByte()) === 0x5d) {
      this.pos++;
      return;
    }
    this.assembler.readUnreadWith((id, whole) => this.readUnread(id, list, whole ? list.shape : list.leadInShape));
    const progress = { index: 0, betweenEntries: false };
    while (!this.readEntriesInWindow(list, progress)) {
      if (this.window.atEnd) throw new FastPathUnavailable('the file ends inside the entry list');
      await this.readMore();
    }
  }

  /**
   * Reads the entries the window holds, synchronously (tens of thousands of awaits would be most of the
   * garbage). True at the end of the list; false when the window ends first.
   */
  private readEntriesInWindow(list: EntryList, progress: { index: number; betweenEntries: boolean }): boolean {
    const view = this.window.view();
    for (;;) {
      if (progress.betweenEntries) {
        while (this.pos < view.length && WHITESPACE.has(view[this.pos]!)) this.pos++;
        if (this.pos >= view.length) return false;
        const separator = view[this.pos++];
        if (separator === 0x5d) return true;
        if (separator !== 0x2c) throw new FastPathUnavailable('not valid JSON');
        progress.betweenEntries = false;
      }
      const scanned = scanValue(view, this.pos, list.urlKey, this.strings, this.scanned);
      if (scanned === NEED_MORE) return false;
      if (typeof scanned === 'number') throw new FastPathUnavailable('not valid JSON, or nested too deep');
      this.takeEntry(list, progress.index, view, scanned);
      this.pos = scanned.end;
      progress.index++;
      progress.betweenEntries = true;
    }
  }

  private takeEntry(list: EntryList, index: number, view: Buffer, scanned: ScannedValue): void {
    const start = this.pos;
    const worthReading = this.assembler.wantsNextEntry() || !scanned.watchedIsNonEmptyString || scanned.hasUnicodeEscape || this.markers.anyWithin(view, start, scanned.end);
    if (!worthReading) {
      this.assembler.addUnread(list.kind, this.unread.add(index, this.window.offsetOf(start), scanned.end - start));
      return;
    }
    const read = this.readWholeEntry(view.subarray(start, scanned.end), list.shape);
    this.assembler.add({ stream: list.kind, index, value: read.value, path: `${list.path}[${index}]`, truncated: read.truncated });
  }

  /**
   * The entry bounded by its shape, read from its bytes (shaped-bytes.ts). Only an entry that repeats a
   * key it keeps goes through the streaming reader, which alone notes what it cut in the value JSON.parse
   * drops.
   */
  private readWholeEntry(bytes: Buffer, shape: Shape): { value: unknown; truncated: string[] } {
    try {
      return readShapedBytes(bytes, shape);
    } catch (error) {
      if (!(error instanceof RepeatedKey)) throw new FastPathUnavailable('an entry the scanner accepted was refused by the parser');
    }
    try {
      return readShapedValue(this.decoder.decode(bytes), shape);
    } catch {
      throw new FastPathUnavailable('an entry the scanner accepted was refused by the parser');
    }
  }

  private readUnread(id: number, list: EntryList, shape: Shape): StreamedElement {
    const { index, offset, length } = this.unread.get(id);
    const bytes = this.window.readAt(offset, length);
    const read = this.readWholeEntry(bytes, shape);
    return { stream: list.kind, index, value: read.value, path: `${list.path}[${index}]`, truncated: read.truncated };
  }

  private async skipValue(): Promise<void> {
    this.pos = (await this.scan([])).end;
  }

  private async readKey(): Promise<string> {
    await this.nextByte();
    const { end } = await this.scan([]);
    const start = this.pos;
    const raw = this.window.view().subarray(start + 1, end - 1);
    // An escaped key could still be "log" or "entries"; the streaming reader decodes it.
    if (this.window.view()[start] !== 0x22 || raw.includes(0x5c)) throw new FastPathUnavailable('key is not a plain string');
    this.pos = end;
    return raw.toString('utf8');
  }

  /** Scans the value at the cursor, reading more of the source until it is complete. */
  private async scan(watch: readonly string[]): Promise<ScannedValue> {
    for (;;) {
      const scanned = scanValue(this.window.view(), this.pos, watch, this.strings);
      if (typeof scanned !== 'number') return scanned;
      if (scanned !== NEED_MORE || this.window.atEnd) throw new FastPathUnavailable('not valid JSON, cut off, or nested too deep');
      await this.readMore();
    }
  }

  /** The next byte that is not whitespace, with the cursor on it; -1 at the end of the source. */
  private async nextByte(): Promise<number> {
    for (;;) {
      const view = this.window.view();
      while (this.pos < view.length && WHITESPACE.has(view[this.pos]!)) this.pos++;
      if (this.pos < view.length) return view[this.pos]!;
      if (this.window.atEnd) return -1;
      await this.readMore();
    }
  }

  private async expect(byte: number): Promise<void> {
    if ((await this.nextByte()) !== byte) throw new FastPathUnavailable(`expected ${String.fromCharCode(byte)}`);
    this.pos++;
  }

  private async skipByteOrderMark(): Promise<void> {
    while (this.window.view().length < 3 && !this.window.atEnd) await this.readMore();
    const view = this.window.view();
    if (view[0] === 0xef && view[1] === 0xbb && view[2] === 0xbf) this.pos = 3;
  }

  private async readMore(): Promise<void> {
    try {
      this.pos -= await this.window.readMore(this.pos);
    } catch (error) {
      if (error instanceof WindowCapExceeded) throw new FastPathUnavailable(error.message);
      throw error;
    }
    this.strings = new StringScanner(this.window.view());
    this.markers.reset();
  }
}
