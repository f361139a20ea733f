/**
 * Presentation mode and redacted exports: the analysis results go through the report Redactor
 * (`redactAnalysis`), and the JIT simulation through the same Redactor, so one person keeps one
 * placeholder everywhere (the NameID `user-1@redacted.invalid` is the same user in the simulation).
 */
import type { SimulationResult, SimulatedUser } from '../core/jit/simulation-types.js';
import type { AnalysisResult } from '../core/model/result.js';
import { redactAnalysis } from '../core/report/redact.js';
import type { PersonalValue, RedactionEntry, Redactor } from '../core/report/redactor.js';

/** Fields that hold enumerations or ids of the samlscope contract, never personal data: copied as they are. */
const CONTRACT_KEYS = new Set(['engine', 'product', 'outcome', 'id', 'severity', 'where', 'n', 'verified', 'hypothetical', 'canLogIn']);

function userValues(user: SimulatedUser | null, label: string): PersonalValue[] {
  if (!user) return [];
  const values: PersonalValue[] = [{ value: user.username, category: 'username', seenAs: `${label} username` }];
  if (user.displayName) values.push({ value: user.displayName, category: 'name', seenAs: `${label} display name` });
  if (user.email) values.push({ value: user.email, category: 'email', seenAs: `${label} e-mail` });
  if (user.key) values.push({ value: user.key, category: 'id', seenAs: `${label} user key` });
  for (const [name, value] of Object.entries(user.attributes)) values.push({ value, category: 'id', seenAs: `${label} attribute ${name}` });
  return values;
}

export function redactSimulation(simulation: SimulationResult, redactor: Redactor): SimulationResult {
  const personal: PersonalValue[] = [...userValues(simulation.user.before, 'Atlassian user before login'), ...userValues(simulation.user.after, 'Atlassian user after login')];
  if (simulation.username) personal.push({ value: simulation.username, category: 'username', seenAs: 'JIT username' });
  return redactor.redactDeep(simulation, personal, {
    exempt: (p) => {
      const last = p[p.length - 1];
      return typeof last === 'string' && CONTRACT_KEYS.has(last);
    },
  });
}

export interface RedactedWorkspaceData {
  results: AnalysisResult[];
  simulation?: SimulationResult;
  /** Free texts shown with the results (title, simulation error), swept with the same Redactor. */
  texts: string[];
  redactions: RedactionEntry[];
}

/**
 * Finding messages are written without personal values, so the report Redactor leaves them alone;
 * on a shared screen a slip must not show, so every registered value is swept out of them too.
 */
function sweepFindingMessages(results: AnalysisResult[], redactor: Redactor): AnalysisResult[] {
  const sweep = <T extends { message: string }>(f: T): T => ({ ...f, message: redactor.sweep(f.message) });
  return results.map((r) => ({ ...r, findings: r.findings.map(sweep), messages: r.messages.map((m) => ({ ...m, findings: m.findings.map(sweep) })) }));
}

export function redactWorkspaceData(results: readonly AnalysisResult[], simulation: SimulationResult | undefined, texts: readonly string[]): RedactedWorkspaceData {
  const analysis = redactAnalysis(results);
  const out: RedactedWorkspaceData = { results: sweepFindingMessages(analysis.results, analysis.redactor), texts: [], redactions: [] };
  if (simulation) out.simulation = redactSimulation(simulation, analysis.redactor);
  out.texts = texts.map((t) => analysis.redactor.sweep(t));
  out.redactions = analysis.redactor.entries();
  return out;
}
