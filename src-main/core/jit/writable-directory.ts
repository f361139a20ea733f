/**
 * Which directory a JIT engine writes new users (and groups) to, when the snapshot may not record every
 * directory's type, permissions or order. Unknown facts are never silently assumed: the choice lists
 * each assumption in plain words, and the engines record the step as inferred.
 */
import type { SnapshotIndex } from './snapshot-index.js';
import type { SnapshotDirectory } from './snapshot-schema.js';

export interface DirectoryNeeds {
  /** Needs CREATE_GROUP as well as CREATE_USER (Atlassian SSO's JIT). */
  groups: boolean;
  /** Skips read-only directories (resolution). */
  writable: boolean;
}

export type DirectoryChoice =
  /** A directory qualifies; `assumptions` is empty when the snapshot proves it. */
  | { found: true; directory: SnapshotDirectory; assumptions: string[] }
  /** The snapshot cannot tell which directory (types or directories not recorded); one is assumed to exist. */
  | { found: true; directory: undefined; assumptions: string[] }
  /**
   * The snapshot records every active directory's type, and none qualifies: `no-internal` when no active directory
   * is internal at all (an LDAP directory with delegated authentication is not internal), `missing-permissions`
   * when internal ones exist but lack a permission the engine needs.
   */
  | { found: false; reason: 'no-internal' | 'missing-permissions' };

function permissionNames(needs: DirectoryNeeds): string {
  return needs.groups ? 'CREATE_USER and CREATE_GROUP' : 'CREATE_USER';
}

/** The choice depends only on the snapshot: made once per snapshot, not once per user of a bulk run. Must not be mutated. */
const choices = new WeakMap<SnapshotIndex, Map<number, DirectoryChoice>>();

/**
 * The first active internal directory that has (or may have) the permissions, in directory order. A
 * permission recorded as `false` rules a directory out; `null` (not recorded) does not, but is named as an
 * assumption, because the built-in internal directory has both permissions unless an administrator removed them.
 */
export function chooseWritableDirectory(index: SnapshotIndex, needs: DirectoryNeeds): DirectoryChoice {
  let byNeeds = choices.get(index);
  if (!byNeeds) {
    byNeeds = new Map();
    choices.set(index, byNeeds);
  }
  // A number, not a joined string: no key to build and hash per user of a bulk run.
  const key = (needs.groups ? 2 : 0) + (needs.writable ? 1 : 0);
  let choice = byNeeds.get(key);
  if (!choice) {
    choice = choose(index, needs);
    byNeeds.set(key, choice);
  }
  return choice;
}

function choose(index: SnapshotIndex, needs: DirectoryNeeds): DirectoryChoice {
  const qualifies = (d: SnapshotDirectory): boolean =>
    (!needs.writable || !d.readOnly) && d.canCreateUsers !== false && (!needs.groups || d.canCreateGroups !== false);
  const candidates = index.activeInternal.filter(qualifies);
  const first = candidates[0];
  if (first) {
    const assumptions: string[] = [];
    const unknown = [first.canCreateUsers === null ? 'CREATE_USER' : '', needs.groups && first.canCreateGroups === null ? 'CREATE_GROUP' : ''].filter(Boolean);
    if (unknown.length > 0) {
      assumptions.push(`the snapshot does not record whether "${first.name}" has ${unknown.join(' and ')}; assumed it has (an internal directory has both unless an administrator removed them)`);
    }
    if (!index.directoryOrderKnown && candidates.length > 1) {
      assumptions.push(`the directory order is not recorded; "${first.name}" is assumed to come before ${candidates.slice(1).map((d) => `"${d.name}"`).join(', ')}`);
    }
    return { found: true, directory: first, assumptions };
  }
  // No recorded internal directory qualifies. That is a fact only if the snapshot records every active directory and its type.
  const untyped = index.activeDirectories.filter((d) => d.type === 'unknown' && qualifies(d));
  if (index.activeDirectories.length === 0) {
    return { found: true, directory: undefined, assumptions: [`the snapshot records no user directories; assumed an active internal directory with ${permissionNames(needs)} exists`] };
  }
  if (index.snapshot.source.directoriesIncluded === 'some') {
    return {
      found: true,
      directory: undefined,
      assumptions: [`the snapshot records only some directories (${index.activeDirectories.map((d) => `"${d.name}"`).join(', ')}) and none of them qualifies; assumed an active internal directory with ${permissionNames(needs)} exists among the others`],
    };
  }
  if (untyped.length > 0) {
    const names = untyped.map((d) => `"${d.name}"`).join(', ');
    return {
      found: true,
      directory: undefined,
      assumptions: [`the snapshot records no internal directory that qualifies, but does not record the type of ${names}; assumed an active internal directory with ${permissionNames(needs)} exists`],
    };
  }
  return { found: false, reason: index.activeInternal.length === 0 ? 'no-internal' : 'missing-permissions' };
}
