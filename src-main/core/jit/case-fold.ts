/**
 * Case-insensitive names without a new string per comparison. V8's `toLowerCase` allocates a string even when
 * nothing changes (it returns the original, but the copy was made), and a bulk run lower-cases millions of group
 * and user names that are lower case already. Both functions give exactly what `toLowerCase` gives: anything
 * outside ASCII goes through it.
 */

/**
 * An upper-case ASCII letter or any UTF-16 code unit beyond ASCII (no `u` flag: surrogate halves match too). A
 * native scan: AWS group ids are 47 characters, and a loop in JavaScript over each of them took twice as long.
 */
const MAY_CHANGE_IN_LOWER_CASE = /[A-Z\u0080-\uffff]/;

/** `s.toLowerCase()`, returning `s` itself when it has no upper-case ASCII letter and nothing beyond ASCII. */
export function lowerCase(s: string): string {
  return MAY_CHANGE_IN_LOWER_CASE.test(s) ? s.toLowerCase() : s;
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
