/**
 * Atlassian SSO 2.0 mapping expressions: literal text with `${variable}` placeholders
 * (https://confluence.atlassian.com/enterprise/jit-user-provisioning-1005342579.html; syntax errors as the
 * plugin's expression parser reports them).
 */

export type ExpressionPart = { kind: 'text'; text: string } | { kind: 'variable'; name: string };

export type ParsedExpression = { ok: true; parts: ExpressionPart[] } | { ok: false; error: string };

// Profiles hold a handful of expressions; a bulk simulation evaluates them for every user.
const parsedCache = new Map<string, ParsedExpression>();

/** Splits an expression into literal text and variables, rejecting what the plugin rejects. Results are cached and must not be mutated. */
export function parseMappingExpression(expression: string): ParsedExpression {
  let parsed = parsedCache.get(expression);
  if (!parsed) {
    parsed = parseUncached(expression);
    if (parsedCache.size > 1000) parsedCache.clear();
    parsedCache.set(expression, parsed);
  }
  return parsed;
}

function parseUncached(expression: string): ParsedExpression {
  const parts: ExpressionPart[] = [];
  let text = '';
  let i = 0;
  while (i < expression.length) {
    const ch = expression[i];
    if (ch === '$' && expression[i + 1] === '{') {
      const close = expression.indexOf('}', i + 2);
      const nextOpen = expression.indexOf('${', i + 2);
      if (close < 0) return { ok: false, error: `missing closing bracket for the variable starting at position ${i + 1}` };
      if (nextOpen >= 0 && nextOpen < close) return { ok: false, error: `bracket already opened at position ${i + 1} (a \`\${\` inside a variable)` };
      const name = expression.slice(i + 2, close);
      if (name.trim() === '') return { ok: false, error: `empty variable \`\${}\` at position ${i + 1}` };
      if (name.includes('{')) return { ok: false, error: `bracket already opened at position ${i + 1}` };
      if (text) parts.push({ kind: 'text', text });
      text = '';
      parts.push({ kind: 'variable', name });
      i = close + 1;
      continue;
    }
    if (ch === '{') return { ok: false, error: `\`{\` at position ${i + 1} is not preceded by \`$\`` };
    if (ch === '}') return { ok: false, error: `bracket already closed: \`}\` at position ${i + 1} has no opening \`\${\`` };
    text += ch;
    i += 1;
  }
  if (text) parts.push({ kind: 'text', text });
  return { ok: true, parts };
}

/** The variables an expression reads, in order of first use. */
export function expressionVariables(parts: readonly ExpressionPart[]): string[] {
  const names: string[] = [];
  for (const p of parts) if (p.kind === 'variable' && !names.includes(p.name)) names.push(p.name);
  return names;
}

/** Why a variable could not be evaluated, in the plugin's words where it has them. */
export type VariableProblem =
  | { kind: 'missing'; variable: string; message: string }
  | { kind: 'multi-valued'; variable: string; values: string[]; message: string }
  | { kind: 'no-nameid'; variable: string; message: string };

export type EvaluatedExpression = { ok: true; value: string } | { ok: false; problem: VariableProblem };

/**
 * How a mapping treats an attribute with several values. The plugin's username mapping takes the only element
 * (several values fail the login); its display-name and e-mail mappings take the first value.
 */
export type MultiValuePolicy = 'only' | 'first';

/**
 * Evaluates parts against the response. `NameID` (any case) is the subject's NameID; any other variable
 * must be a sent attribute, with exactly one value under the `only` policy (the default) or any number
 * under `first`. `attributes` maps attribute name → values; names are matched exactly, as the plugin does.
 */
export function evaluateMappingExpression(
  parts: readonly ExpressionPart[],
  nameId: string | undefined,
  attributes: ReadonlyMap<string, readonly string[]>,
  multiValued: MultiValuePolicy = 'only',
): EvaluatedExpression {
  let value = '';
  for (const part of parts) {
    if (part.kind === 'text') {
      value += part.text;
      continue;
    }
    if (part.name.toLowerCase() === 'nameid') {
      if (nameId === undefined) return { ok: false, problem: { kind: 'no-nameid', variable: part.name, message: 'NameID not found' } };
      value += nameId;
      continue;
    }
    const values = attributes.get(part.name);
    if (!values || values.length === 0) {
      return { ok: false, problem: { kind: 'missing', variable: part.name, message: `Attribute [${part.name}] could not be found` } };
    }
    if (values.length > 1 && multiValued === 'only') {
      // Inferred: getOnlyElement throws IllegalArgumentException; the page shown is the generic authentication failure.
      return {
        ok: false,
        problem: { kind: 'multi-valued', variable: part.name, values: [...values], message: `Attribute [${part.name}] has ${values.length} values; a mapping variable must have exactly one` },
      };
    }
    value += values[0];
  }
  return { ok: true, value };
}
