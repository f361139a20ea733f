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

/** The Atlassian groups implied by a user's AWS groups, without case-insensitive duplicates. */
export function expectedGroupsFor(groupIds: readonly string[], groupName: (id: string) => string, mapping: CompiledGroupMapping): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const id of groupIds) {
    for (const g of mapping.targetsOf(id, groupName(id))) {
      const k = lowerCase(g);
      if (!seen.has(k)) {
        seen.add(k);
        out.push(g);
      }
    }
  }
  return out;
}

/**
 * expectedGroupsFor for a whole user base: each AWS group's targets (and their lower-case keys) are looked up once,
 * not once per member, which matters with a million memberships. Same result as expectedGroupsFor.
 */
export function expectedGroupsResolver(groupName: (id: string) => string, mapping: CompiledGroupMapping): (groupIds: readonly string[]) => string[] {
  const byId = new Map<string, { targets: readonly string[]; keys: readonly string[] }>();
  const targetsOf = (id: string): { targets: readonly string[]; keys: readonly string[] } => {
    let t = byId.get(id);
    if (!t) {
      const targets = mapping.targetsOf(id, groupName(id));
      t = { targets, keys: targets.map((g) => lowerCase(g)) };
      byId.set(id, t);
    }
    return t;
  };
  // Lower-case name → the call that last saw it: one map for every user, never cleared (clearing reallocates).
  const seenIn = new Map<string, number>();
  let call = 0;
  return (groupIds) => {
    const out: string[] = [];
    call += 1;
    for (let i = 0; i < groupIds.length; i += 1) {
      const { targets, keys } = targetsOf(groupIds[i] as string);
      for (let j = 0; j < targets.length; j += 1) {
        const k = keys[j] as string;
        if (seenIn.get(k) === call) continue;
        seenIn.set(k, call);
        out.push(targets[j] as string);
      }
    }
    return out;
  };
}
