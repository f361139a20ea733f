/**
 * Which Atlassian groups a user's AWS groups imply. With a mapping file, each AWS group (by display name or
 * GroupId, case-insensitive) maps to the groups it lists; without one, an AWS group maps to the instance's
 * group of the same name (case-insensitive), and AWS groups with no such group map to nothing.
 */
import type { SnapshotIndex } from '../jit/snapshot-index.js';
import type { GroupMapping } from './aws-exports.js';
import { lowerCase } from '../jit/case-fold.js';

export interface CompiledGroupMapping {
  /** Atlassian groups for one AWS group (id and display name). */
  targetsOf(groupId: string, displayName: string): readonly string[];
  /** AWS groups (display names) that mapped to nothing, for the notes. */
  unmapped: Set<string>;
}

const NONE: readonly string[] = Object.freeze([]);

export function compileGroupMapping(mapping: GroupMapping | undefined, index: SnapshotIndex): CompiledGroupMapping {
  const unmapped = new Set<string>();
  if (mapping) {
    const byKey = new Map<string, string[]>();
    for (const [key, targets] of Object.entries(mapping)) {
      const k = lowerCase(key);
      byKey.set(k, [...(byKey.get(k) ?? []), ...targets]);
    }
    return {
      targetsOf(groupId, displayName) {
        const t = byKey.get(lowerCase(displayName)) ?? byKey.get(lowerCase(groupId));
        if (!t) unmapped.add(displayName);
        return t ?? NONE;
      },
      unmapped,
    };
  }
  // The instance's spelling of each group name, so the plan names groups as the product shows them.
  const spelling = new Map<string, string>();
  for (const g of index.snapshot.groups) if (!spelling.has(lowerCase(g.name))) spelling.set(lowerCase(g.name), g.name);
  for (const u of index.snapshot.users) for (const g of u.groups) if (!spelling.has(lowerCase(g))) spelling.set(lowerCase(g), g);
  const cache = new Map<string, readonly string[]>();
  return {
    targetsOf(_groupId, displayName) {
      const k = lowerCase(displayName);
      let t = cache.get(k);
      if (!t) {
        const name = spelling.get(k);
        t = name ? [name] : NONE;
        cache.set(k, t);
      }
      if (t.length === 0) unmapped.add(displayName);
      return t;
    },
    unmapped,
  };
}

/** A user's AWS groups by display name, and the Atlassian groups they imply (without case-insensitive duplicates). */
export interface UserGroups {
  names: string[];
  expected: string[];
}

/** One AWS group as the user base needs it: its display name, and its targets each with a number for de-duplication. */
interface ResolvedGroup {
  name: string;
  targets: readonly string[];
  targetNumbers: readonly number[];
}

/**
 * A user's groups for a whole user base: each AWS group is resolved (name, targets) once, not once per member, and
 * one pass over a user's group ids gives both lists, which matters with a million memberships. Targets are
 * numbered by their lower-case names, so de-duplicating them is an array look-up, not a map look-up per member.
 */
export function userGroupsResolver(groupName: (id: string) => string, mapping: CompiledGroupMapping): (groupIds: readonly string[]) => UserGroups {
  const byId = new Map<string, ResolvedGroup>();
  const numbers = new Map<string, number>();
  // Target number → the call that last listed it: one array for every user, never cleared.
  let listedIn: Int32Array<ArrayBuffer> = new Int32Array(64);
  let call = 0;
  const numberOf = (target: string): number => {
    const key = lowerCase(target);
    let n = numbers.get(key);
    if (n === undefined) {
      n = numbers.size;
      numbers.set(key, n);
      if (n >= listedIn.length) listedIn = grown(listedIn);
    }
    return n;
  };
  const resolve = (id: string): ResolvedGroup => {
    let group = byId.get(id);
    if (!group) {
      const name = groupName(id);
      const targets = mapping.targetsOf(id, name);
      group = { name, targets, targetNumbers: targets.map(numberOf) };
      byId.set(id, group);
    }
    return group;
  };
  return (groupIds) => {
    call += 1;
    const names = new Array<string>(groupIds.length);
    const expected: string[] = [];
    for (let i = 0; i < groupIds.length; i += 1) {
      const group = resolve(groupIds[i] as string);
      names[i] = group.name;
      for (let j = 0; j < group.targets.length; j += 1) {
        const n = group.targetNumbers[j] as number;
        if (listedIn[n] === call) continue;
        listedIn[n] = call;
        expected.push(group.targets[j] as string);
      }
    }
    return { names, expected };
  };
}

function grown(list: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(list.length * 2);
  bigger.set(list);
  return bigger;
}
