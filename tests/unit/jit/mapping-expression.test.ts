import { describe, expect, it } from 'vitest';
import { evaluateMappingExpression, parseMappingExpression } from '../../../src-main/core/jit/mapping-expression.js';

function evaluate(expr: string, nameId: string | undefined, attrs: Record<string, string[]>) {
  const parsed = parseMappingExpression(expr);
  if (!parsed.ok) throw new Error(parsed.error);
  return evaluateMappingExpression(parsed.parts, nameId, new Map(Object.entries(attrs)));
}

describe('Atlassian SSO mapping expressions', () => {
  it('mixes literal text and variables', () => {
    expect(evaluate('some text ${conjunction} some more text', 'n', { conjunction: ['and'] })).toEqual({ ok: true, value: 'some text and some more text' });
    expect(evaluate('${givenName} ${familyName}', 'n', { givenName: ['Jane'], familyName: ['Doe'] })).toEqual({ ok: true, value: 'Jane Doe' });
  });

  it('reads ${NameID} in any case from the subject', () => {
    for (const v of ['${NameID}', '${nameid}', '${NAMEID}']) expect(evaluate(v, 'jane@example.com', {})).toEqual({ ok: true, value: 'jane@example.com' });
    expect(evaluate('${NameID}', undefined, {})).toMatchObject({ ok: false, problem: { kind: 'no-nameid', message: 'NameID not found' } });
  });

  it('matches attribute names exactly and reports a missing one in the plugin words', () => {
    expect(evaluate('${email}', 'n', { Email: ['x'] })).toMatchObject({ ok: false, problem: { kind: 'missing', message: 'Attribute [email] could not be found' } });
  });

  it('requires exactly one value', () => {
    expect(evaluate('${email}', 'n', { email: ['a', 'b'] })).toMatchObject({ ok: false, problem: { kind: 'multi-valued', values: ['a', 'b'] } });
    expect(evaluate('${email}', 'n', { email: [] })).toMatchObject({ ok: false, problem: { kind: 'missing' } });
  });
});
