/**
 * Where the entries the fast importer left unread are in the file, so one can be read again if a later
 * login's lead-in needs it (see ExchangeSelector.offerUnread). A capture can hold hundreds of thousands
 * of entries: their places are kept in typed arrays, outside the JavaScript heap, and only for the most
 * recent ids the selector can still ask for. Growing JavaScript arrays here were what made V8 enlarge
 * its young generation (every copy of a growing array survives a scavenge), which cost more memory than
 * the arrays themselves.
 */

/** The place of one unread entry: its index in the entry list and its bytes in the file. */
export interface UnreadEntry {
  index: number;
  offset: number;
  length: number;
}

export class UnreadEntries {
  private readonly index: Uint32Array;
  private readonly offset: Float64Array;
  private readonly length: Uint32Array;
  private count = 0;

  /**
   * Remembers at least the last `remembered` ids. The arrays are allocated whole (zeroed memory the
   * system hands out as it is first written) rather than grown, which would copy them.
   */
  constructor(remembered: number) {
    const slots = 2 ** Math.ceil(Math.log2(Math.max(remembered, 1)));
    this.index = new Uint32Array(slots);
    this.offset = new Float64Array(slots);
    this.length = new Uint32Array(slots);
  }

  /** Records an unread entry (see UnreadEntry); returns its id (ids count up from 0). */
  add(index: number, offset: number, length: number): number {
    const slot = this.count & (this.index.length - 1);
    this.index[slot] = index;
    this.offset[slot] = offset;
    this.length[slot] = length;
    return this.count++;
  }

  /** The entry recorded with `id`; it must be one of the last `remembered` ids. */
  get(id: number): UnreadEntry {
    if (id < 0 || id >= this.count || id < this.count - this.index.length) throw new RangeError(`unread entry ${id} is no longer remembered`);
    const slot = id & (this.index.length - 1);
    return { index: this.index[slot]!, offset: this.offset[slot]!, length: this.length[slot]! };
  }
}
