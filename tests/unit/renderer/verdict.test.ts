import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src-main/core/model/index.js';
import { renderMarkdownReport } from '../../../src-main/core/report/markdown-report.js';
import { verdictWithSimulation } from '../../../src-main/core/report/report-model.js';
import { verdictReason, type PlacedFinding } from '../../../src-renderer/lib/findings.js';
import { sampleResult } from '../report/sample-result.js';
import { sampleSimulation } from '../report/sample-simulation.js';

const placed = (severity: Finding['severity'], title: string): PlacedFinding => ({
  key: title,
  origin: 'Input',
  finding: { id: 'flow.unsolicited', severity, title, message: '', fix: { summary: '', where: 'none' }, evidence: [] },
});

describe('the verdict is computed once, in the engine, and shown', () => {
  it('the banner explains the verdict main sent, and never contradicts it', () => {
    expect(verdictReason('fail', [])).not.toMatch(/No problems/);
    expect(verdictReason('fail', [placed('warning', 'Odd RelayState')])).not.toMatch(/No problems/);
    expect(verdictReason('fail', [placed('error', 'Signature invalid'), placed('error', 'Expired')])).toBe('Signature invalid — and 1 more error.');
    expect(verdictReason('pass', [placed('info', 'Note')])).toBe('No problems found; see the notes below.');
  });

  it('a login the simulation says cannot succeed fails the workspace and the report alike', async () => {
    const result = sampleResult();
    for (const m of result.messages) {
      m.findings = m.findings.filter((f) => f.severity === 'info');
      m.verdict = 'pass';
    }
    result.findings = [];
    const simulation = await sampleSimulation(result.messages[0]!);
    const failing = { ...simulation, canLogIn: false, reason: 'No licence left.', findings: [] };
    expect(verdictWithSimulation([result])).toBe('pass');
    expect(verdictWithSimulation([result], failing)).toBe('fail');
    const report = renderMarkdownReport({ generatedAt: '2026-11-29T10:00:00Z', results: [result], simulation: failing, redacted: false });
    expect(report.slice(0, 400)).toMatch(/FAIL/);
  });
});
