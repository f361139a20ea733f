/**
 * Missing group claims: groups a user's AWS membership implies that no login carries (AWS sends no group
 * names: the undocumented `${user:groups}` sends group IDs,
 * https://github.com/morincer/teamcity-plugin-saml/issues/71), split by what happens to each at the next login.
 */
import { type AwsIdentityStoreUser, type CompiledAwsMappings } from '../jit/aws-users.js';
import { applyTransforms, compileTransforms, type CompiledTransforms } from '../jit/regex-transforms.js';
import type { TargetProfile } from '../jit/target-profile-schema.js';
import type { MissingClaims } from '../model/userbase.js';
import { equalsLowerCase, lowerCase, mayBeLongerInLowerCase } from '../jit/case-fold.js';

export interface ClaimReader {
  /** The group names the login hands to the engine (after resolution's transformations). */
  claims(user: AwsIdentityStoreUser, groupIds: readonly string[]): readonly string[];
  /** The engine removes memberships the login does not carry (Atlassian SSO JIT; resolution's optional removal). */
  syncsGroups: boolean;
}

/**
 * What the AWS attribute named `attribute` sends for a user, read the way factsForAwsUser builds the response
 * (`${user:groups}` = the group IDs; anything else one evaluated value) without building the whole response.
 */
function attributeValues(mappings: CompiledAwsMappings, attribute: string | undefined): (user: AwsIdentityStoreUser, groupIds: readonly string[]) => readonly string[] {
  const mapping = attribute === undefined ? undefined : mappings.attributes.find((a) => a.name === attribute);
  if (!mapping) return () => [];
  if (mapping.groups) return (_user, groupIds) => groupIds;
  return (user) => {
    const v = mapping.value(user);
    return v === undefined ? [] : [v];
  };
}

export function claimReaderFor(profile: TargetProfile, mappings: CompiledAwsMappings): ClaimReader {
  const s = profile.provisioning;
  if (s.engine === 'atlassian-sso') {
    const attribute = s.createUsers ? s.groupsAttribute : undefined;
    const read = attributeValues(mappings, attribute);
    return { claims: read, syncsGroups: attribute !== undefined };
  }
  const attribute = s.userUpdateMethod === 'jit' ? s.groupsAttribute : undefined;
  const read = attributeValues(mappings, attribute);
  const transforms: CompiledTransforms = compileTransforms(s.groupTransforms);
  return {
    claims(user, groupIds) {
      if (!attribute) return [];
      const out: string[] = [];
      for (const v of read(user, groupIds)) {
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

/** An empty kind is the one shared frozen list: the prediction keeps every user's lists, and most kinds are empty. */
const NO_GROUPS: readonly string[] = Object.freeze([]);

export function classifyMissingClaims(input: ClaimInputs): MissingClaims {
  // Each kind's list is made when its first group arrives: most users have one kind at most.
  let hasLocally: string[] | undefined;
  let willLose: string[] | undefined;
  let neverGets: string[] | undefined;
  const given = lengthsOf(input.added, lengthsOf(input.claims));
  const claims = lookupOf(input.claims);
  const added = lookupOf(input.added);
  const removed = lookupOf(input.removed);
  // The account's groups are folded once here, not once for every expected group.
  const current = input.current.length > LONG_LIST ? new Set(input.current.map(lowerCase)) : input.current.length > 0 ? input.current.map(lowerCase) : NO_GROUPS;
  for (let i = 0; i < input.expected.length; i += 1) {
    const g = input.expected[i] as string;
    const k = lowerCase(g);
    const longer = mayBeLongerInLowerCase(k);
    const mayBeGiven = longer || hasLength(given, k);
    if (mayBeGiven && (contains(claims, k, longer) || contains(added, k, longer))) continue; // the login itself gives it
    if (!(current instanceof Set ? current.has(k) : current.includes(k))) (neverGets ??= []).push(g);
    else if (contains(removed, k, longer)) (willLose ??= []).push(g);
    else (hasLocally ??= []).push(g);
  }
  return { hasLocally: hasLocally ?? NO_GROUPS, willLose: willLose ?? NO_GROUPS, neverGets: neverGets ?? NO_GROUPS };
}

/**
 * Above this many names a list is folded into a set once: a user in thousands of groups would otherwise cost
 * expected × listed comparisons. Below it, scanning the list as it is allocates nothing.
 */
const LONG_LIST = 64;

/** The list itself when short (scanned), else a set of its lower-case names. */
function lookupOf(list: readonly string[]): readonly string[] | Set<string> {
  return list.length > LONG_LIST ? new Set(list.map(lowerCase)) : list;
}

function contains(names: readonly string[] | Set<string>, lower: string, lowerMayBeLonger: boolean): boolean {
  return names instanceof Set ? names.has(lower) : containsIgnoringCase(names, lower, lowerMayBeLonger);
}

/**
 * The lengths of the names in `list` (modulo 32) as bits. Case folding keeps a name's length (but for U+0130, which
 * the caller checks apart), so a group name whose length is not among them matches none: with AWS the claims are
 * group ids, rarely as long as a group name, and the scans of a user's claims are then skipped.
 */
function lengthsOf(list: readonly string[], bits = 0): number {
  for (let i = 0; i < list.length; i += 1) bits |= 1 << ((list[i] as string).length & 31);
  return bits;
}

function hasLength(bits: number, name: string): boolean {
  return (bits & (1 << (name.length & 31))) !== 0;
}

/**
 * Group lists per user are short: a scan beats building sets for every user of a large base. An index loop, not
 * for…of: the lists come in several array shapes (frozen empties, engine results), and for…of over them was
 * left unoptimised, allocating an iterator result per element (about 1 GB per 100,000 users).
 */
function containsIgnoringCase(list: readonly string[], lower: string, lowerMayBeLonger: boolean): boolean {
  for (let i = 0; i < list.length; i += 1) {
    const g = list[i] as string;
    if (equalsLowerCase(g, lower, lowerMayBeLonger)) return true;
  }
  return false;
}

export function hasMissingClaims(m: MissingClaims): boolean {
  return m.hasLocally.length + m.willLose.length + m.neverGets.length > 0;
}
