/**
 * Which response attributes the target's JIT mappings read, for the attribute table's "needed by
 * target" column: taken from the mappings the simulation evaluated (`SimulationMapping`), so the
 * table says what the engine read and found missing, never a second reading of the profile file.
 */
import type { SimulationMapping } from '../../src-main/core/model/index.js';
import type { SimulationSummary } from '../../src-main/ipc/contract.js';

export interface MappingNeed {
  /** The product field the attribute fills ("Username", "Groups"). */
  field: string;
  /** The setting as written, e.g. `${displayName}` or `groups`. */
  expression: string;
  /** Attribute name, or `NameID`. */
  attribute: string;
  /** The engine found it missing from the response. */
  missing: boolean;
}

const FIELD_LABEL: Record<SimulationMapping['field'], string> = {
  username: 'Username',
  userId: 'User id',
  displayName: 'Display name',
  email: 'E-mail',
  groups: 'Groups',
};

function needsOf(mapping: SimulationMapping): MappingNeed[] {
  const field = FIELD_LABEL[mapping.field];
  const expression = mapping.expression;
  const missing = new Set(mapping.missing ?? []);
  const read = mapping.readsNameId ? ['NameID', ...mapping.attributes] : mapping.attributes;
  return read.map((attribute) => ({ field, expression: expression || attribute, attribute, missing: missing.has(attribute) }));
}

/** Every attribute (and the NameID) the simulation's mappings read, in the order it evaluated them. */
export function mappingNeeds(simulation: SimulationSummary | undefined): MappingNeed[] {
  return (simulation?.mappings ?? []).flatMap(needsOf);
}
