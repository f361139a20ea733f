/**
 * A sliding window over a byte source (a file, or bytes already in memory) for the capture scanner.
 * The scanner holds on to the bytes from one position (the start of the entry it is reading) and asks
 * for more; the window moves those bytes to its start and reads after them, growing only when a single
 * entry is larger than the window, up to a cap.
 */

/** Reads up to `length` bytes into `into` at `offset`; 0 at the end of the source. */
export type ReadBytes = (into: Buffer, offset: number, length: number) => Promise<number>;

/**
 * Reads `length` bytes at `offset` of the source at once (rarely: to go back to an entry skipped earlier).
 * The bytes are valid until the next call: the reader may reuse one buffer.
 */
export type ReadBytesAt = (offset: number, length: number) => Buffer;

/** One entry is larger than the window may grow: the caller falls back to the streaming reader. */
export class WindowCapExceeded extends Error {}

/** Small, because the window's bytes are resident for the whole import; it grows for large entries. */
const INITIAL_BYTES = 512 * 1024;
/** Never read less than this at a time, so a window that holds a long entry still reads in big steps. */
const MIN_READ_BYTES = 256 * 1024;
/** Bytes read per byte kept (see readMore). */
const READ_PER_KEPT = 3;

export class ByteWindow {
  private buffer: Buffer;
  private filled = 0;
  /** Absolute offset in the source of `buffer[0]`. */
  private base = 0;
  private ended = false;

  private constructor(
    private readonly readBytes: ReadBytes | undefined,
    buffer: Buffer,
    private readonly capBytes: number,
    /** Reads earlier bytes of the source again. */
    readonly readAt: ReadBytesAt,
  ) {
    this.buffer = buffer;
  }

  /** A window over a source read on demand. */
  static reading(readBytes: ReadBytes, readAt: ReadBytesAt, capBytes: number): ByteWindow {
    return new ByteWindow(readBytes, Buffer.allocUnsafe(Math.min(INITIAL_BYTES, capBytes)), capBytes, readAt);
  }

  /** A window over bytes already in memory: everything is there from the start. */
  static over(bytes: Buffer): ByteWindow {
    const window = new ByteWindow(undefined, bytes, bytes.length, (offset, length) => bytes.subarray(offset, offset + length));
    window.filled = bytes.length;
    window.ended = true;
    return window;
  }

  /** The bytes held now; index 0 is `offsetOf(0)` in the source. */
  view(): Buffer {
    return this.buffer.subarray(0, this.filled);
  }

  get atEnd(): boolean {
    return this.ended;
  }

  /** Bytes of the source read so far. */
  get bytesRead(): number {
    return this.base + this.filled;
  }

  offsetOf(index: number): number {
    return this.base + index;
  }

  /**
   * Drops the bytes before `keepFrom`, then reads more. Returns how far indexes moved (subtract it from
   * every index the caller holds). Sets atEnd when the source has nothing more.
   */
  async readMore(keepFrom: number): Promise<number> {
    if (this.ended || !this.readBytes) {
      this.ended = true;
      return 0;
    }
    this.buffer.copyWithin(0, keepFrom, this.filled);
    this.filled -= keepFrom;
    this.base += keepFrom;
    // The caller rescans what it kept after each read, so read a few times as much as it keeps: an entry
    // larger than the window is then scanned a logarithmic number of times, not once per megabyte, and
    // entries of hundreds of kilobytes, which often straddle the window's end, are rescanned little.
    if (this.buffer.length - this.filled < Math.max(MIN_READ_BYTES, READ_PER_KEPT * this.filled)) this.grow();
    const n = await this.readBytes(this.buffer, this.filled, this.buffer.length - this.filled);
    if (n === 0) this.ended = true;
    this.filled += n;
    return keepFrom;
  }

  private grow(): void {
    const size = Math.max(this.buffer.length * 2, 2 * this.filled + MIN_READ_BYTES);
    if (size > this.capBytes) throw new WindowCapExceeded(`one entry is larger than ${this.capBytes} bytes`);
    const bigger = Buffer.allocUnsafe(size);
    this.buffer.copy(bigger, 0, 0, this.filled);
    this.buffer = bigger;
  }
}
