/** Every node counts toward the parser's limits (not only elements): time is linear in the nodes allowed. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_NODE_LIMITS, parseStrictXml, XmlInputError } from '../../../src-main/core/xml/strict-parse.js';

function refusal(xml: string, limits = {}): XmlInputError {
  try {
    parseStrictXml(xml, 'SAML message', limits);
  } catch (error) {
    if (error instanceof XmlInputError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('parseStrictXml: node limits', () => {
  it('refuses 100,000 comments in one element quickly, as too large', () => {
    const started = performance.now();
    const err = refusal(`<r><n>x${'<!---->'.repeat(100_000)}</n></r>`);
    expect(performance.now() - started).toBeLessThan(500);
    expect(err.findingId).toBe('input.too-large');
    expect(err.message).toMatch(/element <n> has more than 10000 child nodes/);
    const spread = `<r>${'<n><!----><!----><!----></n>'.repeat(10_000)}</r>`;
    expect(refusal(spread).message).toMatch(/more than 20000 nodes \(elements, text, comments/);
  });

  it('counts text, CDATA and comments as nodes, and children per element', () => {
    expect(refusal('<r>a<!--c-->b<![CDATA[d]]></r>', { maxNodes: 4 }).message).toContain('more than 4 nodes');
    expect(() => parseStrictXml('<r>a<!--c-->b<![CDATA[d]]></r>', 'x', { maxNodes: 5 })).not.toThrow();
    expect(refusal('<r><a/><a/><a/></r>', { maxChildren: 2 }).message).toContain('element <r> has more than 2 child nodes');
  });

  it('keeps room for real messages', () => {
    expect(DEFAULT_NODE_LIMITS).toEqual({ maxNodes: 20_000, maxChildren: 10_000 });
    const groups = Array.from({ length: 3_000 }, (_, i) => `\n  <v>group-${i}</v>`).join('');
    expect(() => parseStrictXml(`<r>${groups}\n</r>`)).not.toThrow();
  });
});
