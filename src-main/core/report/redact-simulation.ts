/**
 * Redacts a JIT simulation for a report or presentation mode, with the Redactor that redacted the analysis, so
 * one person keeps one placeholder everywhere. Usernames, e-mail addresses, display names, user keys and the
 * NameID stored as jit_idp_id are personal; group names (and AWS group IDs used as names) are not: they are
 * what a reader of a JIT report needs to see, so group lists are copied as they are.
 */
import type { SimulatedUser, SimulationMapping, SimulationResult } from '../jit/simulation-types.js';
import type { PersonalCategory, PersonalValue, Redactor } from './redactor.js';

/** Keys holding samlscope's own vocabulary (enumerations, ids, flags), never personal data. */
const CONTRACT_KEYS = new Set(['engine', 'product', 'outcome', 'id', 'severity', 'where', 'n', 'verified', 'hypothetical', 'canLogIn', 'inferred', 'field', 'readsNameId', 'active', 'personal', 'unverified']);

/** Paths (below the result) whose value is a list of group names. */
const GROUP_LISTS: ReadonlyArray<readonly string[]> = [
  ['groups', 'before'],
  ['groups', 'after'],
  ['groups', 'added'],
  ['groups', 'removed'],
  ['groups', 'created'],
  ['user', 'before', 'groups'],
  ['user', 'after', 'groups'],
];

function userValues(user: SimulatedUser | null, label: string): PersonalValue[] {
  if (!user) return [];
  const values: PersonalValue[] = [{ value: user.username, category: 'username', seenAs: `JIT simulation: ${label} username` }];
  if (user.displayName) values.push({ value: user.displayName, category: 'name', seenAs: `JIT simulation: ${label} display name` });
  if (user.email) values.push({ value: user.email, category: 'email', seenAs: `JIT simulation: ${label} e-mail` });
  if (user.key) values.push({ value: user.key, category: 'id', seenAs: `JIT simulation: ${label} user key` });
  for (const [name, value] of Object.entries(user.attributes)) {
    values.push({ value, category: name === 'jit_idp_id' ? 'nameid' : 'personal', seenAs: `JIT simulation: ${label} attribute ${name}` });
  }
  return values;
}

const MAPPING_CATEGORY: Partial<Record<SimulationMapping['field'], PersonalCategory>> = { username: 'username', userId: 'username', displayName: 'name', email: 'email' };

function mappingValues(m: SimulationMapping): PersonalValue[] {
  const category = m.readsNameId && m.field === 'userId' ? 'nameid' : MAPPING_CATEGORY[m.field];
  if (!category) return [];
  const out: PersonalValue[] = [];
  for (const v of [m.value, m.transformed]) if (typeof v === 'string' && v !== '') out.push({ value: v, category, seenAs: `JIT simulation: ${m.field} mapping` });
  return out;
}

/**
 * Every personal value a simulation holds: its users, the username it resolves to, the values personal mappings
 * evaluated to, and evidence marked personal (evidence listing several users is split, so each name is found in prose).
 */
export function simulationPersonalValues(sim: SimulationResult): PersonalValue[] {
  const values: PersonalValue[] = [...userValues(sim.user.before, 'user before login'), ...userValues(sim.user.after, 'user after login')];
  if (sim.username) values.push({ value: sim.username, category: 'username', seenAs: 'JIT simulation: username' });
  for (const m of sim.mappings) values.push(...mappingValues(m));
  for (const f of [...sim.findings, ...(sim.messageFindings ?? [])]) {
    for (const e of f.evidence) {
      if (!e.personal) continue;
      for (const v of [e.value, e.expected]) {
        if (v === undefined || v.startsWith('(')) continue;
        values.push({ value: v, category: 'personal', seenAs: 'JIT simulation: finding evidence' });
        if (v.includes(', ')) for (const part of v.split(', ')) values.push({ value: part, category: 'personal', seenAs: 'JIT simulation: finding evidence' });
      }
    }
  }
  return values;
}

function startsWith(path: readonly (string | number)[], prefix: readonly string[]): boolean {
  return prefix.every((p, i) => path[i] === p);
}

/** A redacted copy of `sim`; `redactor` should be the one that redacted the analysis results it belongs to. */
export function redactSimulation(sim: SimulationResult, redactor: Redactor): SimulationResult {
  return redactor.redactDeep(sim, simulationPersonalValues(sim), {
    exempt: (path) => {
      const last = path[path.length - 1];
      if (typeof last === 'string' && CONTRACT_KEYS.has(last)) return true;
      if (GROUP_LISTS.some((prefix) => prefix.length === path.length && startsWith(path, prefix))) return true;
      // The groups mapping's values are group names (or the IDs AWS sends instead).
      if (path.length === 3 && path[0] === 'mappings' && (path[2] === 'value' || path[2] === 'transformed')) {
        return sim.mappings[path[1] as number]?.field === 'groups';
      }
      return false;
    },
  });
}
