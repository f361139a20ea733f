/**
 * Pagination with a hard cap, shared by every product style (Jira startAt/maxResults, Confluence
 * start/limit, Bitbucket isLastPage/nextPageStart, Crowd start-index/max-results). A server that
 * never says "last page" or does not advance cannot make samlscope loop forever.
 */
export interface Page<T> {
  items: T[];
  /** Offset of the next page, or undefined when this was the last one. */
  next: number | undefined;
}

export interface Collected<T> {
  items: T[];
  /** True when the cap stopped the listing before its end. */
  truncated: boolean;
}

/** Fetches pages from offset 0 until the last page or `maxItems` items. */
export async function collectPages<T>(fetchPage: (start: number) => Promise<Page<T>>, maxItems: number): Promise<Collected<T>> {
  const items: T[] = [];
  let start = 0;
  for (;;) {
    const page = await fetchPage(start);
    for (const item of page.items) {
      if (items.length >= maxItems) return { items, truncated: true };
      items.push(item);
    }
    // No next page, an empty page, or an offset that does not advance all end the listing.
    if (page.next === undefined || page.items.length === 0 || page.next <= start) return { items, truncated: false };
    if (items.length >= maxItems) return { items, truncated: true };
    start = page.next;
  }
}

/** Next offset for APIs that only return a list: a short page is the last one. */
export function nextByCount(start: number, received: number, requested: number): number | undefined {
  return received < requested ? undefined : start + received;
}

/** Runs `fn` over `items` with at most `limit` in flight; results keep the input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let nextIndex = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    // After a failure the other workers stop taking items, so no further requests go out.
    while (!failed && nextIndex < items.length) {
      const i = nextIndex++;
      try {
        results[i] = await fn(items[i] as T, i);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
