/**
 * The first characters of a string as a string of their own. In V8, `slice` of a long string makes a
 * view that keeps the whole original alive (https://bugs.chromium.org/p/v8/issues/detail?id=2869): the
 * first 256 KB of a 2 MB answer page would keep all 2 MB for as long as the capture is open. Joining the
 * slice to another string and slicing that makes V8 copy the characters into a new string first.
 */
export function ownCopy(text: string, length: number): string {
  if (length >= text.length) return text;
  return ` ${text.slice(0, length)}`.slice(1);
}
