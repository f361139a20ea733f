/**
 * Reads a JSON document of any size with stream-json's tokenizer and assembles only what a Shape asks
 * for (see json-shape.ts). Elements of `stream` arrays go to a callback one by one, so a HAR's
 * entries are never all in memory. Errors name the JSON path and the byte range where they happened;
 * a document that simply ends early is reported as truncated (what came before it stays usable).
 */
import { jsonParser } from 'stream-json/core/parser.js';
import { getManyValues, isMany, none } from 'stream-chain/core';
import { CaptureImportError } from './capture-import-error.js';
import { WrongKind, type Shape } from './json-shape.js';

type Token = { name: string; value?: unknown };

export interface StreamedElement {
  /** The `name` of the stream shape the element belongs to. */
  stream: string;
  index: number;
  value: unknown;
  /** JSON path of the element, e.g. `log.entries[3]`. */
  path: string;
  /** Paths (relative to the element) of strings cut at their bound or arrays cut at their length. */
  truncated: string[];
}

export interface ReadResult {
  /** The assembled document (stream arrays stay empty). */
  root: unknown;
  /** Keys of the top-level object in document order (at most 20). */
  topLevelKeys: string[];
  /** Set when the document ends before it is complete: where it was cut off. */
  truncatedAt?: { path: string; byte: number };
  bytes: number;
}

interface Frame {
  type: 'object' | 'array';
  /** Undefined while skipping a subtree nobody asked for. */
  shape: Shape | undefined;
  container: Record<string, unknown> | unknown[] | undefined;
  key: string | undefined;
  index: number;
  /** How the parent refers to this frame (for paths). */
  ref: string | number | undefined;
  /** Remaining depth for `any` shapes. */
  depth: number;
  /** The parent already received a WrongKind marker for this subtree. */
  settled: boolean;
}

function appendRef(out: string, ref: string | number | undefined): string {
  if (ref === undefined) return out;
  if (typeof ref === 'number') return `${out}[${ref}]`;
  return /^[A-Za-z_$][\w$]*$/.test(ref) ? `${out}${out === '' ? '' : '.'}${ref}` : `${out}[${JSON.stringify(ref)}]`;
}

function pathOf(frames: Frame[], from = 0, leaf?: string | number): string {
  let out = '';
  for (let i = from; i < frames.length; i++) out = appendRef(out, frames[i]!.ref);
  out = appendRef(out, leaf);
  return out === '' ? '(top level)' : out;
}

const NO_SHAPE = { shape: undefined, depth: 0 } as const;

function shapeAndDepth(shape: Shape | undefined, inheritedDepth?: number): { shape: Shape | undefined; depth: number } {
  if (!shape) return NO_SHAPE;
  return { shape, depth: inheritedDepth ?? (shape.kind === 'any' ? shape.depth : 0) };
}

/** Assembles the shaped parts of a token stream; see readJsonShaped. */
export class JsonShapeReader {
  private readonly frames: Frame[] = [];
  private root: unknown = undefined;
  private rootSeen = false;
  /** Index in `frames` of the stream array being read, or -1. */
  private streamFrame = -1;
  private streamName = '';
  private elementTruncations: string[] = [];
  /** String being assembled; undefined while a string is skipped. */
  private strParts: string[] | undefined;
  private strLength = 0;
  private strMax = 0;
  /** Keys of the top-level object, kept or not, to say what a file is when it is neither format. */
  readonly topLevelKeys: string[] = [];

  constructor(
    private readonly rootShape: Shape,
    private readonly onElement: (element: StreamedElement) => void,
  ) {}

  /** The shape of the next value in the current container, or undefined to skip it. */
  private childShape(): { shape: Shape | undefined; depth: number } {
    const top = this.frames[this.frames.length - 1];
    if (!top) return shapeAndDepth(this.rootShape);
    const s = top.shape;
    if (!s) return NO_SHAPE;
    if (s.kind === 'any') return top.depth > 0 ? shapeAndDepth(s, top.depth - 1) : NO_SHAPE;
    if (top.type === 'object') {
      if (s.kind !== 'object' || top.key === undefined || !Object.prototype.hasOwnProperty.call(s.keys, top.key)) return NO_SHAPE;
      return shapeAndDepth(s.keys[top.key]);
    }
    if (s.kind === 'stream') return shapeAndDepth(s.of);
    if (s.kind === 'array') {
      if (top.index < s.max) return shapeAndDepth(s.of);
      if (top.index === s.max) this.noteTruncation();
    }
    return NO_SHAPE;
  }

  private currentRef(): string | number | undefined {
    const top = this.frames[this.frames.length - 1];
    if (!top) return undefined;
    return top.type === 'object' ? top.key : top.index;
  }

  private noteTruncation(): void {
    // Relative to the element: skip the stream array and the element's own index.
    if (this.streamFrame === -1 || this.frames.length <= this.streamFrame + 1) return;
    this.elementTruncations.push(pathOf(this.frames, this.streamFrame + 2, this.currentRef()));
  }

  /** Puts a finished value where it belongs (or hands a stream element out) and advances the container. */
  private attach(value: unknown, keep: boolean): void {
    const top = this.frames[this.frames.length - 1];
    if (!top) {
      this.root = value;
      this.rootSeen = true;
      return;
    }
    if (keep) {
      if (this.frames.length - 1 === this.streamFrame) {
        this.onElement({ stream: this.streamName, index: top.index, value, path: pathOf(this.frames, 0, top.index), truncated: this.elementTruncations });
      } else if (top.container !== undefined) {
        if (top.type === 'array') (top.container as unknown[]).push(value);
        else if (top.key !== undefined) {
          // defineProperty: a key named __proto__ in a hand-edited file stays an ordinary key.
          Object.defineProperty(top.container, top.key, { value, enumerable: true, writable: true, configurable: true });
        }
      }
    }
    if (this.frames.length - 1 === this.streamFrame) this.elementTruncations = [];
    if (top.type === 'array') top.index++;
  }

  private open(type: 'object' | 'array'): void {
    const { shape, depth } = this.childShape();
    const frame: Frame = { type, shape: undefined, container: undefined, key: undefined, index: 0, ref: this.currentRef(), depth, settled: false };
    if (shape) {
      const fits = shape.kind === 'any' || (type === 'object' ? shape.kind === 'object' : shape.kind === 'array' || shape.kind === 'stream');
      if (!fits) {
        this.attach(new WrongKind(type), true);
        frame.settled = true;
      } else {
        frame.shape = shape;
        if (shape.kind === 'stream') {
          this.streamFrame = this.frames.length;
          this.streamName = shape.name;
          this.elementTruncations = [];
        } else frame.container = type === 'object' ? (Object.create(null) as Record<string, unknown>) : [];
      }
    }
    this.frames.push(frame);
  }

  private close(): void {
    const frame = this.frames.pop()!;
    if (this.streamFrame === this.frames.length) {
      this.streamFrame = -1;
      this.attach(undefined, false);
    } else if (frame.settled) {
      // The parent already holds a WrongKind marker for this subtree.
    } else if (frame.shape) this.attach(frame.container, true);
    else this.attach(undefined, false);
  }

  private scalar(value: unknown): void {
    this.attach(value, this.childShape().shape !== undefined);
  }

  /** Feeds one token. */
  token(t: Token): void {
    switch (t.name) {
      case 'startObject':
        this.open('object');
        return;
      case 'startArray':
        this.open('array');
        return;
      case 'endObject':
      case 'endArray':
        this.close();
        return;
      case 'keyValue': {
        const top = this.frames[this.frames.length - 1];
        if (top) top.key = t.value as string;
        if (this.frames.length === 1 && this.topLevelKeys.length < 20) this.topLevelKeys.push(t.value as string);
        return;
      }
      case 'startString': {
        const { shape } = this.childShape();
        if (!shape) {
          this.strParts = undefined;
          return;
        }
        this.strParts = [];
        this.strLength = 0;
        // A string where a container belongs is kept short: only to say what was found.
        this.strMax = shape.kind === 'string' || shape.kind === 'scalar' || shape.kind === 'any' ? shape.max : 256;
        return;
      }
      case 'stringChunk': {
        if (!this.strParts) return;
        const chunk = t.value as string;
        const room = this.strMax - this.strLength;
        if (room > 0) this.strParts.push(chunk.length > room ? chunk.slice(0, room) : chunk);
        this.strLength += chunk.length;
        return;
      }
      case 'endString': {
        if (!this.strParts) {
          this.attach(undefined, false);
          return;
        }
        if (this.strLength > this.strMax) this.noteTruncation();
        const value = this.strParts.length === 1 ? this.strParts[0]! : this.strParts.join('');
        this.strParts = undefined;
        this.attach(value, true);
        return;
      }
      case 'numberValue':
        this.scalar(Number(t.value));
        return;
      case 'trueValue':
        this.scalar(true);
        return;
      case 'falseValue':
        this.scalar(false);
        return;
      case 'nullValue':
        this.scalar(null);
        return;
      default:
        return;
    }
  }

  /** Path of the value being read now, for error messages. */
  currentPath(): string {
    return pathOf(this.frames, 0, this.currentRef());
  }

  get complete(): boolean {
    return this.rootSeen && this.frames.length === 0;
  }

  get result(): unknown {
    return this.root;
  }
}

/**
 * Streams `chunks` (bytes or text) through the tokenizer into a JsonShapeReader. Throws
 * CaptureImportError for invalid JSON; returns `truncatedAt` when the text ends early.
 */
export async function readJsonShaped(
  chunks: AsyncIterable<Uint8Array | string>,
  rootShape: Shape,
  onElement: (element: StreamedElement) => void,
  describe: string,
): Promise<ReadResult> {
  const reader = new JsonShapeReader(rootShape, onElement);
  const parse = jsonParser({ packKeys: true, streamKeys: false, packStrings: false, streamStrings: true, packNumbers: true, streamNumbers: false });
  const decoder = new TextDecoder('utf-8');
  let bytes = 0;
  let chunkStart = 0;
  /** Bytes of text handed to the tokenizer so far. */
  let offset = 0;
  let first = true;

  const feed = (text: string | typeof none): void => {
    let out: unknown;
    try {
      out = parse(text as string);
    } catch (error) {
      if (text === none) throw new TruncatedSignal();
      const where = reader.currentPath();
      throw new CaptureImportError(
        `${describe} is not valid JSON near ${where} (within ${SLICE} bytes after byte ${chunkStart.toLocaleString('en-US')}): ${(error as Error).message.replace(/^Parser cannot parse input: /, '')}. The file was probably edited by hand or damaged; export it again from the browser.`,
        where,
      );
    }
    if (out === none || out === undefined) return;
    const tokens = isMany(out) ? (getManyValues(out) as Token[]) : [out as Token];
    for (const t of tokens) reader.token(t);
  };

  try {
    for await (const chunk of chunks) {
      let text: string;
      if (typeof chunk === 'string') {
        text = chunk;
      } else {
        bytes += chunk.byteLength;
        text = decoder.decode(chunk, { stream: true });
      }
      if (first) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        if (text.length > 0) first = false;
      }
      // Small slices: the tokenizer reports no position, so the path read so far is only as exact as the slice.
      for (let i = 0; i < text.length; i += SLICE) {
        const slice = text.length <= SLICE ? text : text.slice(i, i + SLICE);
        chunkStart = offset;
        feed(slice);
        offset += Buffer.byteLength(slice);
      }
      if (typeof chunk === 'string') bytes = offset;
    }
    const tail = decoder.decode();
    if (tail.length > 0) feed(tail);
    feed(none);
  } catch (error) {
    if (!(error instanceof TruncatedSignal)) throw error;
  }
  if (!reader.complete) return { root: reader.result, topLevelKeys: reader.topLevelKeys, truncatedAt: { path: reader.currentPath(), byte: bytes }, bytes };
  return { root: reader.result, topLevelKeys: reader.topLevelKeys, bytes };
}

class TruncatedSignal extends Error {}

/** Characters handed to the tokenizer at a time. */
const SLICE = 128;

/** Characters handed to the tokenizer at a time when the whole value is already in memory. */
const VALUE_SLICE = 64 * 1024;

/**
 * Reads one complete JSON value already in memory with `shape`, exactly as readJsonShaped would read
 * it as an element of a `stream` array: same bounds, same WrongKind markers, same truncation paths.
 * Throws when the text is not one complete JSON value.
 */
export function readShapedValue(text: string, shape: Shape): { value: unknown; truncated: string[] } {
  let element: StreamedElement | undefined;
  const reader = new JsonShapeReader({ kind: 'stream', of: shape, name: 'value' }, (el) => {
    element = el;
  });
  const parse = jsonParser({ packKeys: true, streamKeys: false, packStrings: false, streamStrings: true, packNumbers: true, streamNumbers: false });
  const feed = (piece: string | typeof none): void => {
    const out: unknown = parse(piece as string);
    if (out === none || out === undefined) return;
    for (const t of isMany(out) ? (getManyValues(out) as Token[]) : [out as Token]) reader.token(t);
  };
  feed('[');
  for (let i = 0; i < text.length; i += VALUE_SLICE) feed(text.length <= VALUE_SLICE ? text : text.slice(i, i + VALUE_SLICE));
  feed(']');
  feed(none);
  if (!reader.complete || element === undefined) throw new Error('not one complete JSON value');
  return { value: element.value, truncated: element.truncated };
}
