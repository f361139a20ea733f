/**
 * Records the mappings an engine evaluates (SimulationResult.mappings). Like StepLog, a disabled log keeps
 * nothing, so bulk simulations of the whole user base pay nothing for it.
 */
import { expressionVariables, type EvaluatedExpression, type ExpressionPart } from './mapping-expression.js';
import type { LoginFacts, MappingField, SimulationMapping } from './simulation-types.js';

export class MappingLog {
  readonly mappings: SimulationMapping[] = [];
  constructor(private readonly enabled = true) {}

  add(make: () => SimulationMapping): void {
    if (this.enabled) this.mappings.push(make());
  }

  /** An Atlassian SSO `${...}` expression and what it evaluated to (or why it could not be). */
  expression(field: MappingField, expression: string, parts: readonly ExpressionPart[], evaluated: EvaluatedExpression, facts: LoginFacts): void {
    // Checked before the closure exists: a bulk run calls this three times for each user.
    if (!this.enabled) return;
    this.add(() => {
      const variables = expressionVariables(parts);
      const nameIdVars = variables.filter((v) => v.toLowerCase() === 'nameid');
      const attributes = variables.filter((v) => v.toLowerCase() !== 'nameid');
      const mapping: SimulationMapping = { field, expression, attributes };
      if (nameIdVars.length > 0) mapping.readsNameId = true;
      const missing = [...(nameIdVars.length > 0 && facts.nameId === undefined ? ['NameID'] : []), ...attributes.filter((a) => (facts.attributes.get(a)?.length ?? 0) === 0)];
      if (missing.length > 0) mapping.missing = missing;
      if (evaluated.ok) mapping.value = evaluated.value;
      else mapping.problem = evaluated.problem.message;
      return mapping;
    });
  }

  /** A mapping that reads one attribute by name (resolution's attributes, Atlassian SSO's groups attribute). */
  attribute(field: MappingField, attribute: string, facts: LoginFacts, options: { all?: boolean; transformed?: string | string[] } = {}): void {
    if (!this.enabled) return;
    this.add(() => {
      const mapping: SimulationMapping = { field, expression: attribute, attributes: [attribute] };
      const values = facts.attributes.get(attribute);
      if (values === undefined || (values.length === 0 && !options.all)) {
        mapping.missing = [attribute];
        mapping.problem = `The response has no "${attribute}" attribute`;
      } else {
        mapping.value = options.all ? [...values] : (values[0] as string);
        if (options.transformed !== undefined) mapping.transformed = options.transformed;
      }
      return mapping;
    });
  }

  /** A mapping the profile leaves empty although the engine needs it. */
  notConfigured(field: MappingField, problem: string): void {
    this.add(() => ({ field, expression: '', attributes: [], problem }));
  }
}
