/**
 * Turns the entries of a capture, in file order, into the flow samlscope keeps: converts each entry
 * (HAR or SAML-tracer), lets the ExchangeSelector keep the SAML exchanges and their answer pages, and
 * collects the notes about what was wrong or left out. Both importers (the streaming reader and the
 * byte scanner in fast-import.ts) feed it, so they cannot disagree on what a capture holds.
 */
import type { CapturedFlow } from '../core/model/input.js';
import { CaptureImportError } from './capture-import-error.js';
import { CaptureNotes } from './capture-notes.js';
import { ExchangeSelector } from './exchange-selector.js';
import { exchangeFromHarEntry, type ConvertedEntry } from './har-entry.js';
import type { StreamedElement } from './json-stream-reader.js';
import type { CaptureLimits } from './limits.js';
import { exchangeFromSamlTracerRequest } from './saml-tracer-entry.js';

export type CaptureKind = 'har' | 'saml-tracer';

export interface ImportedCapture {
  kind: CaptureKind;
  flow: CapturedFlow;
  /** Entries (HAR) or requests (SAML-tracer) read from the file, kept or not. */
  entriesRead: number;
  bytesRead: number;
}

/** Where the reading stopped: the file's size, and the path inside which it was cut off, if it was. */
export interface ReadEnd {
  bytes: number;
  truncatedAt?: { path: string; byte: number };
}

const ENTRY_NAMES: Record<CaptureKind, readonly [string, string]> = {
  har: ['HAR entry', 'HAR entries'],
  'saml-tracer': ['SAML-tracer request', 'SAML-tracer requests'],
};

function kindOfStream(stream: string): CaptureKind {
  return stream === 'har' ? 'har' : 'saml-tracer';
}

export class CaptureAssembler {
  private readonly selector: ExchangeSelector;
  private readonly notes: CaptureNotes;
  kind: CaptureKind | undefined;
  entriesRead = 0;

  constructor(private readonly limits: CaptureLimits) {
    this.selector = new ExchangeSelector(limits);
    this.notes = new CaptureNotes(limits.maxNotes);
  }

  /** Takes the next entry of the file. A file with both shapes: the first one found wins. */
  add(el: StreamedElement): void {
    if (!this.accepts(kindOfStream(el.stream))) return;
    this.entriesRead++;
    const converted = this.convert(el);
    if (converted.skipped !== undefined || !converted.exchange) {
      this.notes.skip(converted.skipped ?? `${el.path}: unreadable`);
      return;
    }
    if (this.selector.offer(converted.exchange, converted.isStatic)) for (const p of converted.problems) this.notes.add(p);
  }

  /**
   * Takes an entry the caller knows is readable and would not be kept: it carries no SAML message and is
   * not an answer page (see wantsNextEntry). `read(id)` later gives the entry if a login's lead-in needs it.
   */
  addUnread(kind: CaptureKind, id: number): void {
    if (!this.accepts(kind)) return;
    this.entriesRead++;
    this.selector.offerUnread(id);
  }

  /** How addUnread's entries are read back when needed (`whole`: with the response body; see ResolveUnread). */
  readUnreadWith(read: (id: number, whole: boolean) => StreamedElement): void {
    this.selector.convertUnreadWith((id, whole) => {
      const converted = this.convert(read(id, whole));
      return { exchange: converted.skipped === undefined ? converted.exchange : undefined, isStatic: converted.isStatic };
    });
  }

  private convert(el: StreamedElement): ConvertedEntry {
    return this.kind === 'har'
      ? exchangeFromHarEntry(el.value, el.index, el.path, el.truncated, this.limits)
      : exchangeFromSamlTracerRequest(el.value, el.index, el.path, el.truncated, this.limits);
  }

  /** True when the next entry may be kept even without a SAML message (it may be an answer page). */
  wantsNextEntry(): boolean {
    return this.selector.wantsAnswerPages();
  }

  /** The imported capture; throws CaptureImportError when the file held nothing usable. */
  finish(end: ReadEnd, source: string, noCapture: () => CaptureImportError): ImportedCapture {
    const kind = this.kind;
    if (kind === undefined) {
      if (end.truncatedAt) {
        throw new CaptureImportError(`${source}: the file ends after ${end.bytes.toLocaleString('en-US')} bytes, inside ${end.truncatedAt.path}, before any request was complete: it was cut off. Export or copy it again.`, end.truncatedAt.path);
      }
      throw noCapture();
    }
    const what = ENTRY_NAMES[kind];
    const count = (n: number) => `${n} ${n === 1 ? what[0] : what[1]}`;
    if (end.truncatedAt) {
      this.notes.add(`The file ends after ${end.bytes.toLocaleString('en-US')} bytes, inside ${end.truncatedAt.path}: it was cut off. The ${this.entriesRead} complete ${this.entriesRead === 1 ? what[0] : what[1]} before that point were read; anything after it is missing.`);
    }
    if (this.selector.dropped > 0) this.notes.add(`${this.selector.dropped} exchanges around SAML messages were not kept: a capture holds at most ${this.limits.maxExchanges}. Record a single login.`);
    if (this.entriesRead > 0 && this.notes.skippedEntries === this.entriesRead) {
      throw new CaptureImportError(`${source}: none of the ${count(this.entriesRead)} could be read. ${this.notes.list(what)[0] ?? ''}`);
    }
    const flow: CapturedFlow = { exchanges: this.selector.exchanges };
    const list = this.notes.list(what);
    if (list.length > 0) flow.notes = list;
    return { kind, flow, entriesRead: this.entriesRead, bytesRead: end.bytes };
  }

  private accepts(kind: CaptureKind): boolean {
    this.kind ??= kind;
    return kind === this.kind;
  }
}
