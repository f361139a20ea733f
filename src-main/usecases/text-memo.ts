/**
 * Parses keyed by the exact text parsed: profiles, metadata and snapshots are read from disk on every
 * analysis (so edits show at once), but parsed again only when their content changed. Keying on content
 * needs no invalidation; the bound keeps a long session from accumulating old versions. Failures are not
 * remembered, so the error is reported again, from the file as it is then.
 */
export class TextMemo<T> {
  private readonly parsed = new Map<string, T>();

  constructor(
    private readonly parse: (text: string, kind: string) => T,
    private readonly limit = 32,
  ) {}

  /** `kind` distinguishes texts parsed differently (e.g. `.json` vs `.yaml`). */
  get(text: string, kind = ''): T {
    const key = `${kind}\u0000${text}`;
    if (this.parsed.has(key)) return this.parsed.get(key) as T;
    const value = this.parse(text, kind);
    if (this.parsed.size >= this.limit) this.parsed.delete(this.parsed.keys().next().value as string);
    this.parsed.set(key, value);
    return value;
  }
}
