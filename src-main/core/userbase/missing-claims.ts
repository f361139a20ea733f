/**
 * Missing group claims: groups a user's AWS membership implies that no login carries (AWS sends no group
 * names: aws.md §5), split by what happens to each at the next login.
 */
import type { LoginFacts } from '../jit/simulation-types.js';
import { applyTransforms, compileTransforms, type CompiledTransforms } from '../jit/regex-transforms.js';
import type { TargetProfile } from '../jit/target-profile-schema.js';
import type { MissingClaims } from './types.js';

export interface ClaimReader {
  /** The group names the login hands to the engine (after resolution's transformations). */
  claims(facts: LoginFacts): string[];
  /** The engine removes memberships the login does not carry (Atlassian SSO JIT; resolution's optional removal). */
  syncsGroups: boolean;
}

export function claimReaderFor(profile: TargetProfile): ClaimReader {
  const s = profile.provisioning;
  if (s.engine === 'atlassian-sso') {
    const attribute = s.createUsers ? s.groupsAttribute : undefined;
    return { claims: (facts) => (attribute ? [...(facts.attributes.get(attribute) ?? [])] : []), syncsGroups: attribute !== undefined };
  }
  const attribute = s.userUpdateMethod === 'jit' ? s.groupsAttribute : undefined;
  const transforms: CompiledTransforms = compileTransforms(s.groupTransforms);
  return {
    claims(facts) {
      if (!attribute) return [];
      const out: string[] = [];
      for (const v of facts.attributes.get(attribute) ?? []) {
        const t = applyTransforms(v, transforms);
        if (t.applied < 0 && s.skipUntransformedGroups && transforms.length > 0) continue;
        out.push(t.value);
      }
      return out;
    },
    syncsGroups: attribute !== undefined && s.removeUnlistedGroups,
  };
}

export interface ClaimInputs {
  expected: readonly string[];
  claims: readonly string[];
  /** The account's direct groups now; empty when the login creates the account. */
  current: readonly string[];
  /** What the next login adds (e.g. resolution's default groups) and removes (group sync). */
  added: readonly string[];
  removed: readonly string[];
}

export function classifyMissingClaims(input: ClaimInputs): MissingClaims {
  const out: MissingClaims = { hasLocally: [], willLose: [], neverGets: [] };
  if (input.expected.length === 0) return out;
  const lower = (list: readonly string[]): Set<string> => new Set(list.map((g) => g.toLowerCase()));
  const claimed = lower(input.claims);
  const added = lower(input.added);
  const current = lower(input.current);
  const removed = lower(input.removed);
  for (const g of input.expected) {
    const k = g.toLowerCase();
    if (claimed.has(k) || added.has(k)) continue; // the login itself gives it
    if (current.has(k)) (removed.has(k) ? out.willLose : out.hasLocally).push(g);
    else out.neverGets.push(g);
  }
  return out;
}

export function hasMissingClaims(m: MissingClaims): boolean {
  return m.hasLocally.length + m.willLose.length + m.neverGets.length > 0;
}
