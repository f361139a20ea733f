import { describe, expect, it } from 'vitest';
import { applyGroupChanges, syncGroups } from '../../../src-main/core/jit/engine-common.js';
import { FindingSink } from '../../../src-main/core/jit/finding-sink.js';
import { indexSnapshot } from '../../../src-main/core/jit/snapshot-index.js';
import { parseInstanceSnapshot } from '../../../src-main/core/jit/snapshot-schema.js';
import type { LoginFacts, SimulatedUser } from '../../../src-main/core/jit/simulation-types.js';
import type { FindingContext } from '../../../src-main/core/jit/jit-findings.js';

/** The plain definition: set arithmetic on lower-cased names, first spelling kept, order of the lists kept. */
function reference(before: string[], wanted: string[], removeUnlisted: boolean) {
  const held = new Set(before.map((g) => g.toLowerCase()));
  const asked = new Set(wanted.map((g) => g.toLowerCase()));
  const seen = new Set<string>();
  const added = wanted.filter((g) => {
    const k = g.toLowerCase();
    const fresh = !held.has(k) && !seen.has(k);
    seen.add(k);
    return fresh;
  });
  const removed = removeUnlisted ? before.filter((g) => !asked.has(g.toLowerCase())) : [];
  const after = [...before.filter((g) => !removed.includes(g)), ...added];
  return { after, added, removed };
}

describe('group sync arithmetic', () => {
  it('matches the plain definition for short and long lists, in any case', () => {
    const pool = ['Dev', 'dev', 'OPS', 'ops', 'İT', 'i̇t', 'jira-software-users', 'JIRA-SOFTWARE-USERS', 'qa', 'Straße'];
    for (let seed = 0; seed < 40; seed += 1) {
      const size = seed % 2 === 0 ? 6 : 40; // 40: past the scanned-array limit, through sets
      const pick = (salt: number) => Array.from({ length: size }, (_, i) => `${pool[(seed * 3 + i * salt) % pool.length]}${i % 3 === 0 ? '' : `-${(i * salt) % 11}`}`);
      const before = pick(7);
      const wanted = pick(5);
      for (const removeUnlisted of [true, false]) {
        const { after, added, removed, addedKeys } = syncGroups(before, wanted, removeUnlisted);
        expect({ after, added, removed }).toEqual(reference(before, wanted, removeUnlisted));
        expect(addedKeys).toEqual(added.map((g) => g.toLowerCase()));
      }
    }
  });

  it('creates only the added groups no directory holds, and reuses the added list when all are new', () => {
    const parsed = parseInstanceSnapshot({
      product: 'jira',
      capturedAt: '2026-01-15T09:30:00Z',
      source: { kind: 'manual' },
      directories: [{ id: 1, name: 'Jira Internal Directory', type: 'internal', active: true, canCreateUsers: true, canCreateGroups: true, position: 0 }],
      users: [],
      groups: [{ name: 'Existing', directoryId: 1 }],
      applicationAccess: [],
    });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const index = indexSnapshot(parsed.value);
    const facts: LoginFacts = { attributes: new Map(), verified: true, nameIdLocation: 'test', attributeLocation: (name) => name };
    const ctx: FindingContext = { product: 'jira', engine: 'atlassian-sso', facts };
    const user = (): SimulatedUser => ({ username: 'u', displayName: 'U', active: true, directoryId: '1', attributes: {}, groups: [] });
    const mixed = applyGroupChanges(ctx, index, new FindingSink(false), user(), ['new-a', 'EXISTING', 'new-b'], true, 'groups', ['1']);
    expect(mixed).toMatchObject({ added: ['new-a', 'EXISTING', 'new-b'], created: ['new-a', 'new-b'] });
    const allNew = applyGroupChanges(ctx, index, new FindingSink(false), user(), ['new-a', 'new-b'], true, 'groups', ['1']);
    expect(allNew.created).toBe(allNew.added);
    const firstExists = applyGroupChanges(ctx, index, new FindingSink(false), user(), ['existing', 'new-c'], true, 'groups', ['1']);
    expect(firstExists.created).toEqual(['new-c']);
  });
});
