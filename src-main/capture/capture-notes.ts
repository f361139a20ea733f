/** Importer notes, bounded: a hand-edited file with ten thousand broken entries yields a readable list. */
export class CaptureNotes {
  private readonly notes: string[] = [];
  private extra = 0;
  private readonly skipped: string[] = [];
  private skippedCount = 0;

  constructor(private readonly max: number) {}

  add(note: string): void {
    if (this.notes.length < this.max) this.notes.push(note);
    else this.extra++;
  }

  /** An entry that could not be used at all. */
  skip(reason: string): void {
    this.skippedCount++;
    if (this.skipped.length < 5) this.skipped.push(reason);
  }

  get skippedEntries(): number {
    return this.skippedCount;
  }

  /** @param what singular and plural of what an entry is called, e.g. ['HAR entry', 'HAR entries']. */
  list(what: readonly [string, string]): string[] {
    const out: string[] = [];
    if (this.skippedCount > 0) {
      const more = this.skippedCount - this.skipped.length;
      out.push(`${this.skippedCount} ${this.skippedCount === 1 ? `${what[0]} was` : `${what[1]} were`} skipped because they could not be read: ${this.skipped.join('; ')}${more > 0 ? `; and ${more} more` : ''}.`);
    }
    out.push(...this.notes);
    if (this.extra > 0) out.push(`${this.extra} more problems were found and not listed.`);
    return out;
  }
}
