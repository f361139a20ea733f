/**
 * Case-insensitive names without a new string per comparison. V8's `toLowerCase` builds a new string even when
 * nothing changes, and a bulk run lower-cases millions of group and user names that are lower case already. Both
 * functions give exactly what `toLowerCase` gives: anything outside ASCII goes through it.
 */

/** `s.toLowerCase()`, returning `s` itself when it has no upper-case ASCII letter and nothing beyond ASCII. */
export function lowerCase(s: string): string {
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || c > 0x7f) return s.toLowerCase();
  }
  return s;
}

/**
 * What the one code point whose lower case is longer than itself leaves in the lower case: U+0130 → "i̇" (U+0069
 * U+0307), the only length-changing unconditional mapping in
 * https://www.unicode.org/Public/UCD/latest/ucd/SpecialCasing.txt (a test checks every code point).
 */
const COMBINING_DOT_ABOVE = '\u0307';

/** Whether `lower` could be the lower case of a shorter name; worked out once when one name is compared with many. */
export function mayBeLongerInLowerCase(lower: string): boolean {
  return lower.includes(COMBINING_DOT_ABOVE);
}

/** Whether `name.toLowerCase() === lower`, for a `lower` that is lower case already. */
export function equalsLowerCase(name: string, lower: string, lowerMayBeLonger = mayBeLongerInLowerCase(lower)): boolean {
  if (name === lower) return true;
  // Most comparisons of a bulk run are between names of different lengths: settled without reading them.
  if (name.length !== lower.length) return lowerMayBeLonger && name.length < lower.length && name.toLowerCase() === lower;
  for (let i = 0; i < name.length; i += 1) {
    let c = name.charCodeAt(i);
    if (c > 0x7f) return name.toLowerCase() === lower;
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if (c !== lower.charCodeAt(i)) return false;
  }
  return true;
}
