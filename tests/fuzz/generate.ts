/**
 * Input `index` of campaign `seed`: which seed document, which mutators (one to three, stacked), and the
 * resulting text. A pure function of its arguments: `--seed S --index I` replays one input exactly.
 */
import { MUTATORS, MUTATOR_NAMES } from './mutators.js';
import { randomForInput, type Random } from './random.js';
import type { FuzzSeed } from './seed-set.js';

export interface FuzzInput {
  index: number;
  seed: FuzzSeed;
  mutators: string[];
  xml: string;
}

/** A mutator that throws on an odd document counts as finding nothing to change (deterministically so). */
function applySafely(name: string, xml: string, random: Random, donors: readonly string[]): string {
  try {
    return MUTATORS[name]!(xml, random, donors);
  } catch {
    return xml;
  }
}

export function generateInput(seeds: readonly FuzzSeed[], campaignSeed: number, index: number): FuzzInput {
  const random = randomForInput(campaignSeed, index);
  const seed = random.pick(seeds);
  const donors = [random.pick(seeds).xml, random.pick(seeds).xml];
  const count = 1 + (random.chance(0.3) ? 1 + random.int(2) : 0);
  let xml = seed.xml;
  const applied: string[] = [];
  for (let step = 0; step < count; step++) {
    const name = random.pick(MUTATOR_NAMES);
    let next = applySafely(name, xml, random, donors);
    let used = name;
    if (next === xml) {
      next = MUTATORS['byte-flip']!(xml, random, donors);
      used = `${name}->byte-flip`;
    }
    xml = next;
    applied.push(used);
  }
  return { index, seed, mutators: applied, xml };
}
