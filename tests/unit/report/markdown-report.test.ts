import { describe, expect, test } from 'vitest';
import { mdCode, mdText, renderMarkdownReport } from '../../../src-main/core/report/markdown-report.js';
import { redactAnalysis } from '../../../src-main/core/report/redact.js';
import { redactSimulation } from '../../../src-main/core/report/redact-simulation.js';
import { expectNoLeak } from './leak-check.js';
import { NOW, PERSON, sampleResult } from './sample-result.js';
import { SIMULATION_PERSONAL, SNAPSHOT_PERSON, sampleSimulation } from './sample-simulation.js';

/** Splits a GFM table row into cells, honouring `\|` escapes. */
function cells(row: string): string[] {
  return row.replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/);
}

/** Each table (consecutive `|` lines outside code fences) and its rows. */
function tables(md: string): string[][] {
  const out: string[][] = [];
  let current: string[] | undefined;
  let inFence = false;
  for (const line of md.split('\n')) {
    if (/^```/.test(line)) inFence = !inFence;
    if (!inFence && line.startsWith('|')) {
      current ??= [];
      current.push(line);
    } else if (current) {
      out.push(current);
      current = undefined;
    }
  }
  return out;
}

/** The Markdown outside code blocks and code spans, where HTML would be interpreted. */
function outsideCode(md: string): string {
  return md.replace(/^(`{3,})xml\n[\s\S]*?\n\1$/gm, '').replace(/(`+)(?!`).+?\1/g, '');
}

describe('renderMarkdownReport', () => {
  test('is plain GFM: no HTML, every table row has as many cells as its header', () => {
    const result = sampleResult();
    result.messages[0]!.attributes.push({ name: 'odd|name', values: ['a|b', 'back`tick', '<b>bold</b>'], verified: false });
    const md = renderMarkdownReport({ generatedAt: NOW, results: [result], redacted: false });
    expect(outsideCode(md)).not.toMatch(/<\/?[a-z][^>]*>/i);
    expect(md).toContain('`<b>bold</b>`');
    const found = tables(md);
    expect(found.length).toBeGreaterThan(5);
    for (const table of found) {
      const width = cells(table[0]!).length;
      expect(table[1]).toMatch(/^\| ---( \| ---)* \|$/);
      for (const row of table) expect(cells(row), row).toHaveLength(width);
    }
  });

  test('carries verdict, findings with evidence and fix, attributes, time windows and the redaction list', () => {
    const { results, redactions } = redactAnalysis([sampleResult()]);
    const md = renderMarkdownReport({ title: 'Case 4711', generatedAt: NOW, results, redactions, redacted: true });
    expect(md).toMatch(/^# Case 4711\n/);
    expect(md).toContain('**Verdict: ❌ FAIL**');
    expect(md).toContain('##### ❌ Error: Recipient differs from the ACS URL (`recipient.mismatch`)');
    expect(md).toContain('**Fix (AWS IAM Identity Center console):**');
    expect(md).toContain('- Field: Application ACS URL');
    expect(md).toContain('| `email` | unspecified | `user-1@redacted.invalid` |');
    expect(md).toContain('| Conditions | `2026-11-29T09:55:00.000Z` | `2026-11-29T11:00:00.000Z` | valid for another 40 min |');
    expect(md).toContain('| `«name-1»` | Person name | attribute "firstName" | 3 |');
    expect(md).toContain('```xml\n');
    expect(md).not.toContain(PERSON.nameId);
  });

  test('an unredacted report warns and keeps the values', () => {
    const md = renderMarkdownReport({ generatedAt: NOW, results: [sampleResult()], redacted: false });
    expect(md).toContain('NOT redacted');
    expect(md).toContain(PERSON.nameId);
  });
});

describe('renderMarkdownReport with a JIT simulation', () => {
  test('has the simulation section, with well-formed tables and no HTML', async () => {
    const result = sampleResult();
    const simulation = await sampleSimulation(result.messages[0]!);
    const md = renderMarkdownReport({ generatedAt: NOW, results: [result], redacted: false, simulation });
    expect(md).toContain('## Just-in-Time provisioning simulation ❌ FAIL');
    expect(md).toContain('· JIT simulation: cannot log in ·');
    expect(md).toContain('| Outcome | **Fails** |');
    expect(md).toContain('| Can log in | **no** |');
    expect(md).toContain(`| Display name _(changed)_ | \`${SNAPSHOT_PERSON.displayName}\` | \`${PERSON.displayName}\` |`);
    expect(md).toContain('| Removed | **`jira-software-users`, `developers`** |');
    // The sample's Recipient does not match, so the product rejects it first: the steps are hypothetical.
    expect(md).toMatch(/\| Group sync _\(inferred\)_ _\(hypothetical\)_ \| changes \|/);
    expect(md).toContain('| If the response were accepted | Fails; cannot log in. "moyelaran7" has no group with application access');
    expect(md).toContain('| username | `${username}` | `username` | `moyelaran7` |');
    expect(md).toContain('(`jit.groups-removed`)');
    expect(outsideCode(md)).not.toMatch(/<\/?[a-z][^>]*>/i);
    for (const t of tables(md)) {
      const width = cells(t[0]!).length;
      for (const row of t) expect(cells(row), row).toHaveLength(width);
    }
  });

  test('redacted: no username, e-mail or display name from the response or the snapshot; group names stay', async () => {
    const result = sampleResult();
    const simulation = await sampleSimulation(result.messages[0]!);
    const redacted = redactAnalysis([result]);
    const md = renderMarkdownReport({ generatedAt: NOW, results: redacted.results, redactions: redacted.redactor.entries(), redacted: true, simulation: redactSimulation(simulation, redacted.redactor) });
    expectNoLeak(md, SIMULATION_PERSONAL, 'redacted Markdown report with a simulation');
    expect(md).toContain('| Removed | **`jira-software-users`, `developers`** |');
    // The person keeps the analysis's placeholder in the simulation.
    expect(md).toContain('| Username | `«username-1»` | `«username-1»` |');
  });
});

describe('Markdown escaping', () => {
  test('mdText neutralises Markdown syntax and line breaks', () => {
    expect(mdText('a*b_c [x](y) | z\nnext')).toBe('a\\*b\\_c \\[x\\](y) \\| z next');
    expect(mdText('# not a heading')).toBe('\\# not a heading');
    expect(mdText('- not a list')).toBe('\\- not a list');
  });

  test('mdCode survives backticks and pipes', () => {
    expect(mdCode('plain')).toBe('`plain`');
    expect(mdCode('a`b')).toBe('``a`b``');
    expect(mdCode('`x`')).toBe('`` `x` ``');
    expect(mdCode('a|b')).toBe('`a\\|b`');
    expect(mdCode(undefined)).toBe('—');
  });
});
