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
});
