/**
 * The HTML report's "Just-in-Time provisioning simulation" section: what the login does to the Atlassian
 * instance (outcome, the user and their groups before and after), the mappings it read, every step with
 * inferred ones marked, and the jit.* findings rendered like the analysis findings.
 */
import type { SimulatedUser, SimulationMapping, SimulationResult } from '../jit/simulation-types.js';
import { code, escapeHtml, kvTable, renderFindings, t, verdictBadge, yesNo, type Ctx } from './html-parts.js';
import { INFERRED_NOTE, OUTCOME_LABEL, SIMULATED_USER_ROWS, SIMULATION_TITLE, STEP_OUTCOME_LABEL, simulationVerdict } from './report-model.js';

const NONE = '<span class="none">—</span>';

function groupList(ctx: Ctx, groups: readonly string[]): string {
  return groups.length ? groups.map((g) => code(ctx, g)).join(' ') : '<span class="none">none</span>';
}

function userTable(ctx: Ctx, before: SimulatedUser | null, after: SimulatedUser | null): string {
  const cell = (u: SimulatedUser | null, read: (u: SimulatedUser) => string): string => (u ? read(u) : NONE);
  const changed = (read: (u: SimulatedUser) => string): boolean => before !== null && after !== null && read(before) !== read(after);
  const body = SIMULATED_USER_ROWS
    .map(([label, read]) => {
      const mark = changed(read) ? ' <span class="tag">changed</span>' : '';
      return `<tr><th scope="row">${escapeHtml(label)}${mark}</th><td>${cell(before, (u) => code(ctx, read(u)))}</td><td>${cell(after, (u) => code(ctx, read(u)))}</td></tr>`;
    })
    .join('');
  return `<table class="kv"><thead><tr><th></th><th>Before the login</th><th>After the login</th></tr></thead><tbody>${body}</tbody></table>`;
}

function mappingValue(ctx: Ctx, value: string | string[] | undefined): string {
  if (value === undefined) return NONE;
  return Array.isArray(value) ? (value.length ? value.map((v) => code(ctx, v)).join(' ') : '<span class="none">no values</span>') : code(ctx, value);
}

function mappingRow(ctx: Ctx, m: SimulationMapping): string {
  const reads = [...(m.readsNameId ? ['NameID'] : []), ...m.attributes];
  const result = m.problem
    ? `<span class="bad">${t(ctx, m.problem)}</span>${m.missing?.length ? `<br><span class="muted">missing:</span> ${m.missing.map((a) => code(ctx, a)).join(' ')}` : ''}`
    : `${mappingValue(ctx, m.value)}${m.transformed !== undefined ? `<br><span class="muted">after transformation:</span> ${mappingValue(ctx, m.transformed)}` : ''}`;
  return `<tr><td>${escapeHtml(m.field)}</td><td>${m.expression ? code(ctx, m.expression) : '<span class="none">not configured</span>'}</td><td>${reads.length ? reads.map((r) => code(ctx, r)).join(' ') : NONE}</td><td>${result}</td></tr>`;
}

function stepsTable(ctx: Ctx, sim: SimulationResult): string {
  const rows = sim.steps
    .map((s) => {
      const cls = s.outcome === 'fail' ? 'bad' : s.outcome === 'pass' ? 'ok' : 'muted';
      const tags = [s.inferred ? '<span class="tag" title="Rests on undocumented behaviour or on facts the snapshot does not record">inferred</span>' : '', s.hypothetical ? '<span class="tag">hypothetical</span>' : ''].filter(Boolean).join(' ');
      return `<tr><td>${s.n}</td><td>${t(ctx, s.title)}${tags ? `<br>${tags}` : ''}</td><td><span class="${cls}">${STEP_OUTCOME_LABEL[s.outcome]}</span></td><td>${t(ctx, s.detail)}</td></tr>`;
    })
    .join('');
  return `<table><thead><tr><th style="width:6%">#</th><th style="width:24%">Step</th><th style="width:12%">Result</th><th>What happens</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** The summary chip for the report header, e.g. "JIT: cannot log in". */
export function simulationChip(sim: SimulationResult): string {
  return `<span class="chip">JIT simulation: ${sim.canLogIn ? 'can log in' : 'cannot log in'}</span>`;
}

export function renderSimulationSection(ctx: Ctx, sim: SimulationResult): string {
  let html = `<section class="simulation" id="simulation"><h2>${SIMULATION_TITLE} ${verdictBadge(simulationVerdict(sim))}</h2>`;
  html += kvTable([
    ['Engine', escapeHtml(sim.engine === 'atlassian-sso' ? "Atlassian's built-in SSO 2.0 (JIT)" : "resolution's SAML SSO")],
    ['Product', escapeHtml(sim.product)],
    ['Outcome', `<strong>${escapeHtml(OUTCOME_LABEL[sim.outcome])}</strong>`],
    ['Can log in', yesNo(sim.canLogIn, true)],
    ['Reason', t(ctx, sim.reason)],
    ['Product message', sim.productMessage === undefined ? undefined : code(ctx, sim.productMessage)],
    ['Username', sim.username === null ? NONE : code(ctx, sim.username)],
    ['Response verified', yesNo(sim.verified, true)],
    [
      'If the response were accepted',
      sim.hypotheticalOutcome ? `${escapeHtml(OUTCOME_LABEL[sim.hypotheticalOutcome.outcome])}; ${sim.hypotheticalOutcome.canLogIn ? 'can log in' : 'cannot log in'}. ${t(ctx, sim.hypotheticalOutcome.reason)}` : undefined,
    ],
  ]);
  if (sim.hypothetical) html += '<p class="muted">Nothing below would really happen: the product rejects this response first. It shows what the engine would do if it accepted it.</p>';

  html += `<h4>User</h4>${sim.user.before || sim.user.after ? userTable(ctx, sim.user.before, sim.user.after) : '<p class="none">The login did not get as far as a user.</p>'}`;
  const g = sim.groups;
  html +=
    '<h4>Groups</h4>' +
    kvTable([
      ['Before', groupList(ctx, g.before)],
      ['After', groupList(ctx, g.after)],
      ['Added', groupList(ctx, g.added)],
      ['Removed', g.removed.length ? `<span class="bad">${groupList(ctx, g.removed)}</span>` : groupList(ctx, g.removed)],
      ['Created', g.created.length ? groupList(ctx, g.created) : undefined],
    ]);
  if (sim.mappings.length > 0) {
    html += `<h4>Mappings</h4><table><thead><tr><th style="width:14%">Field</th><th style="width:22%">Mapping</th><th style="width:22%">Reads</th><th>Evaluates to</th></tr></thead><tbody>${sim.mappings.map((m) => mappingRow(ctx, m)).join('')}</tbody></table>`;
  }
  html += `<h4>Steps</h4>${stepsTable(ctx, sim)}`;
  if (sim.steps.some((s) => s.inferred)) html += `<p class="muted">${escapeHtml(INFERRED_NOTE)}</p>`;
  html += `<h4>Findings</h4>${renderFindings(ctx, sim.findings, 'The simulation found no problems.')}`;
  return html + '</section>';
}
