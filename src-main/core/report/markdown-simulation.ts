/**
 * The Markdown report's "Just-in-Time provisioning simulation" section, the same content as the HTML one:
 * outcome, user and groups before and after, mappings, steps (inferred ones marked) and jit.* findings.
 */
import type { SimulatedUser, SimulationMapping, SimulationResult } from '../jit/simulation-types.js';
import { VERDICT_ICON, findings, kv, mdCode, mdText, table } from './markdown-parts.js';
import { INFERRED_NOTE, OUTCOME_LABEL, SIMULATED_USER_ROWS, SIMULATION_TITLE, STEP_OUTCOME_LABEL, VERDICT_LABEL, simulationVerdict } from './report-model.js';

const codes = (values: readonly string[]): string => (values.length ? values.map(mdCode).join(', ') : 'none');

function userRows(before: SimulatedUser | null, after: SimulatedUser | null): string {
  return table(
    ['', 'Before the login', 'After the login'],
    SIMULATED_USER_ROWS.map(([label, read]) => {
      const changed = before !== null && after !== null && read(before) !== read(after);
      return [`${label}${changed ? ' _(changed)_' : ''}`, before ? mdCode(read(before)) : '—', after ? mdCode(read(after)) : '—'];
    }),
  );
}

function mappingValue(value: string | string[] | undefined): string {
  if (value === undefined) return '—';
  return Array.isArray(value) ? (value.length ? value.map(mdCode).join(', ') : 'no values') : mdCode(value);
}

function mappingRow(m: SimulationMapping): string[] {
  const reads = [...(m.readsNameId ? ['NameID'] : []), ...m.attributes];
  const result = m.problem
    ? `**${mdText(m.problem)}**${m.missing?.length ? ` (missing: ${codes(m.missing)})` : ''}`
    : `${mappingValue(m.value)}${m.transformed !== undefined ? ` → ${mappingValue(m.transformed)}` : ''}`;
  return [mdText(m.field), m.expression ? mdCode(m.expression) : '_not configured_', reads.length ? codes(reads) : '—', result];
}

export function renderSimulationMarkdown(sim: SimulationResult): string {
  const verdict = simulationVerdict(sim);
  const out: string[] = [`## ${SIMULATION_TITLE} ${VERDICT_ICON[verdict]} ${VERDICT_LABEL[verdict]}`, ''];
  out.push(
    kv([
      ['Engine', sim.engine === 'atlassian-sso' ? "Atlassian's built-in SSO 2.0 (JIT)" : "resolution's SAML SSO"],
      ['Product', mdText(sim.product)],
      ['Outcome', `**${mdText(OUTCOME_LABEL[sim.outcome])}**`],
      ['Can log in', sim.canLogIn ? 'yes' : '**no**'],
      ['Reason', mdText(sim.reason)],
      ['Product message', sim.productMessage === undefined ? undefined : mdCode(sim.productMessage)],
      ['Username', sim.username === null ? '—' : mdCode(sim.username)],
      ['Response verified', sim.verified ? 'yes' : '**no**'],
      [
        'If the response were accepted',
        sim.hypotheticalOutcome ? `${mdText(OUTCOME_LABEL[sim.hypotheticalOutcome.outcome])}; ${sim.hypotheticalOutcome.canLogIn ? 'can log in' : 'cannot log in'}. ${mdText(sim.hypotheticalOutcome.reason)}` : undefined,
      ],
    ]),
  );
  if (sim.hypothetical) out.push('_Nothing below would really happen: the product rejects this response first. It shows what the engine would do if it accepted it._', '');
  out.push('### User', '');
  out.push(sim.user.before || sim.user.after ? userRows(sim.user.before, sim.user.after) : '_The login did not get as far as a user._\n');
  const g = sim.groups;
  out.push('### Groups', '');
  out.push(
    kv([
      ['Before', codes(g.before)],
      ['After', codes(g.after)],
      ['Added', codes(g.added)],
      ['Removed', g.removed.length ? `**${codes(g.removed)}**` : codes(g.removed)],
      ['Created', g.created.length ? codes(g.created) : undefined],
    ]),
  );
  if (sim.mappings.length > 0) {
    out.push('### Mappings', '', table(['Field', 'Mapping', 'Reads', 'Evaluates to'], sim.mappings.map(mappingRow)));
  }
  out.push('### Steps', '');
  out.push(
    table(
      ['#', 'Step', 'Result', 'What happens'],
      sim.steps.map((s) => {
        const tags = [s.inferred ? '_(inferred)_' : '', s.hypothetical ? '_(hypothetical)_' : ''].filter(Boolean).join(' ');
        return [String(s.n), `${mdText(s.title)}${tags ? ` ${tags}` : ''}`, STEP_OUTCOME_LABEL[s.outcome], mdText(s.detail)];
      }),
    ),
  );
  if (sim.steps.some((s) => s.inferred)) out.push(`_${mdText(INFERRED_NOTE)}_`, '');
  out.push('### Simulation findings', '', findings(sim.findings, 'The simulation found no problems.'));
  return out.join('\n');
}
