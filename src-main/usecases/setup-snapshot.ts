/**
 * Reading an instance snapshot the user gives (the Setup panel), apart from setup-texts.ts because it
 * needs yaml and the snapshot schema (zod), which a plain analysis never loads.
 */
import { parse as parseYaml } from 'yaml';
import { parseInstanceSnapshot, type InstanceSnapshot } from '../core/jit/snapshot-schema.js';
import { originOf, reason, SetupError, stripBom, type GivenText } from './setup-texts.js';

export interface GivenSnapshot {
  snapshot: InstanceSnapshot;
  origin: string;
}

/** JSON, or YAML when the file name says so (snapshots written by hand often are). */
export function readSnapshot(given: GivenText): GivenSnapshot {
  const origin = originOf(given);
  const yaml = /\.ya?ml$/i.test(given.name ?? '');
  let data: unknown;
  try {
    data = yaml ? parseYaml(stripBom(given.text), { maxAliasCount: 100 }) : JSON.parse(stripBom(given.text));
  } catch (error) {
    throw new SetupError(`${origin} is not valid ${yaml ? 'YAML' : 'JSON'}: ${reason(error)}`, { cause: error });
  }
  const parsed = parseInstanceSnapshot(data);
  if (!parsed.ok) throw new SetupError(`${origin} is not a valid instance snapshot:\n${parsed.errors.join('\n')}`);
  return { snapshot: parsed.value, origin };
}
