/** resolution's "Replace Regex with Replacement" transformations (https://wiki.resolution.de/doc/saml-sso/latest/all/further-configuration/transformations). */
import type { RegexTransform } from './target-profile-schema.js';

export interface TransformOutcome {
  value: string;
  /** Index of the transform that matched, or -1. */
  applied: number;
}

/** Compiled once per profile, not per user. */
export type CompiledTransforms = ReadonlyArray<{ regex: RegExp; test: RegExp; replacement: string; source: RegexTransform }>;

export function compileTransforms(transforms: readonly RegexTransform[]): CompiledTransforms {
  return transforms.map((t) => ({ regex: new RegExp(t.pattern, 'g'), test: new RegExp(t.pattern), replacement: t.replacement, source: t }));
}

/**
 * Processed top-down until the first match; that one replaces every match (Java's replaceAll,
 * inferred from the `$1` syntax), the rest are skipped.
 */
export function applyTransforms(value: string, transforms: CompiledTransforms): TransformOutcome {
  for (let i = 0; i < transforms.length; i += 1) {
    const t = transforms[i];
    if (t && t.test.test(value)) {
      t.regex.lastIndex = 0;
      return { value: value.replace(t.regex, t.replacement), applied: i };
    }
  }
  return { value, applied: -1 };
}
