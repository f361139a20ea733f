import { describe, expect, it } from 'vitest';
import { classifyMissingClaims } from '../../../src-main/core/userbase/missing-claims.js';

const none: readonly string[] = [];

describe('classifying missing group claims', () => {
  it('sorts each expected group: given by the login, held and kept, held and lost, never given', () => {
    const m = classifyMissingClaims({
      expected: ['Carried', 'Added', 'Kept', 'Lost', 'Missing'],
      claims: ['carried', '9a672b3f-4011-7082-4c0f-58e1a8e6d1b2'],
      added: ['ADDED'],
      current: ['kept', 'LOST'],
      removed: ['lost'],
    });
    expect(m).toEqual({ hasLocally: ['Kept'], willLose: ['Lost'], neverGets: ['Missing'] });
  });

  it('matches names case-insensitively whatever their lengths, also 32 apart and when lower-casing lengthens them', () => {
    const long = 'a'.repeat(37);
    const m = classifyMissingClaims({ expected: ['ABCDE', long.toUpperCase(), 'İK', 'Σ'], claims: ['abcde', long], added: ['i̇k'], current: none, removed: none });
    expect(m).toEqual({ hasLocally: [], willLose: [], neverGets: ['Σ'] });
    // A name as long as a claim modulo 32 but different is still not given.
    expect(classifyMissingClaims({ expected: ['b'.repeat(37)], claims: ['bbbbb'], added: none, current: none, removed: none }).neverGets).toEqual(['b'.repeat(37)]);
    // The account's groups are compared the same way.
    expect(classifyMissingClaims({ expected: ['i̇t', 'Ops', 'Σ'], claims: none, added: none, current: ['İT', 'OPS'], removed: ['ops'] })).toEqual({ hasLocally: ['i̇t'], willLose: ['Ops'], neverGets: ['Σ'] });
  });

  it('shares one frozen empty list for the kinds that do not occur', () => {
    const a = classifyMissingClaims({ expected: ['x'], claims: none, added: none, current: none, removed: none });
    const b = classifyMissingClaims({ expected: ['y'], claims: none, added: none, current: none, removed: none });
    expect(a.hasLocally).toBe(b.willLose);
    expect(Object.isFrozen(a.hasLocally)).toBe(true);
  });

  it('gives the same answers for long lists (folded into sets) as the plain definition', () => {
    const names = ['Dev', 'DEV', 'ops', 'İT', 'i̇t', 'straße', 'STRASSE', 'Σ', 'σ', 'qa', 'QA-Team'];
    const pick = (seed: number, n: number): string[] => Array.from({ length: n }, (_, i) => `${names[(seed * 7 + i * 13) % names.length]}${i % 5 === 0 ? '' : `-${i % 97}`}`);
    const fold = (xs: readonly string[]) => new Set(xs.map((x) => x.toLowerCase()));
    for (let seed = 0; seed < 20; seed += 1) {
      const input = { expected: pick(seed, 120), claims: pick(seed + 1, 90), added: pick(seed + 2, 70), current: pick(seed + 3, 100), removed: pick(seed + 4, 80) };
      const given = new Set([...fold(input.claims), ...fold(input.added)]);
      const current = fold(input.current);
      const removed = fold(input.removed);
      const expected = { hasLocally: [] as string[], willLose: [] as string[], neverGets: [] as string[] };
      for (const g of input.expected) {
        const k = g.toLowerCase();
        if (given.has(k)) continue;
        if (!current.has(k)) expected.neverGets.push(g);
        else if (removed.has(k)) expected.willLose.push(g);
        else expected.hasLocally.push(g);
      }
      expect(classifyMissingClaims(input)).toEqual(expected);
    }
  });

  it('stays linear for a user in tens of thousands of groups', () => {
    const many = Array.from({ length: 30_000 }, (_, i) => `group-${i}`);
    const started = performance.now();
    const m = classifyMissingClaims({ expected: many, claims: many.map((g) => g.toUpperCase()), added: none, current: many, removed: many.slice(0, 10) });
    // Comparing each expected group with each claim was 900 million comparisons.
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(m).toEqual({ hasLocally: [], willLose: [], neverGets: [] });
  });
});
