import { describe, expect, it } from 'vitest';
import { equalsLowerCase, lowerCase } from '../../../src-main/core/jit/case-fold.js';

// Names a directory can hold: ASCII in every case, and letters whose lower case differs in length or context.
const NAMES = ['', 'jira-software-users', 'Jira-Software-Users', 'ADMINS', 'user000042', 'a@B.example', 'Ärzte', 'ärzte', 'İstanbul', 'i̇stanbul', 'ΣΟΦΙΑ', 'σοφια', 'STRASSE', 'straße', 'Straße', '日本語', 'x\u0000Y', '[\\]^_`@'];

describe('case folding without a new string per comparison', () => {
  it('lowerCase gives exactly what toLowerCase gives', () => {
    for (const name of NAMES) expect(lowerCase(name)).toBe(name.toLowerCase());
  });

  it('lowerCase gives what toLowerCase gives for every code point, also beyond the BMP and for lone surrogates', () => {
    for (let cp = 0; cp <= 0x10ffff; cp += 1) {
      const s = `a${String.fromCodePoint(cp)}`;
      if (lowerCase(s) !== s.toLowerCase()) throw new Error(`U+${cp.toString(16)}: ${lowerCase(s)} !== ${s.toLowerCase()}`);
    }
  });

  it('equalsLowerCase(name, lower) is name.toLowerCase() === lower for every pair', () => {
    for (const name of NAMES) {
      for (const other of NAMES) {
        const lower = other.toLowerCase();
        expect(equalsLowerCase(name, lower), `${name} vs ${lower}`).toBe(name.toLowerCase() === lower);
      }
    }
  });

  it('relies on U+0130 being the only code point whose lower case has another length', () => {
    const changing: number[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp += 1) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const s = String.fromCodePoint(cp);
      if (s.toLowerCase().length !== s.length) changing.push(cp);
    }
    expect(changing).toEqual([0x130]);
  });

  it('matches a name whose lower case is longer than the name (İ → i̇)', () => {
    expect('İ'.toLowerCase().length).toBe(2);
    expect(equalsLowerCase('İstanbul', 'i̇stanbul')).toBe(true);
  });
});
