/** Finds personal values in rendered reports, however the format escaped or wrapped them. */
import { expect } from 'vitest';

/** HTML as a reader sees it: tags removed, entities decoded. */
export function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Markdown/JSON as a reader sees it: backslash escapes and JSON string escapes removed. */
function unescaped(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}

/** Every value that appears (case-insensitively) in any rendering of `text`. */
export function leakedValues(text: string, values: readonly string[]): string[] {
  const forms = [text, visibleText(text), unescaped(text)].map((s) => s.toLowerCase());
  return values.filter((v) => v.trim() !== '' && forms.some((f) => f.includes(v.toLowerCase())));
}

export function expectNoLeak(text: string, values: readonly string[], what: string): void {
  expect(leakedValues(text, values), `personal values found in the ${what}`).toEqual([]);
}
