import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { redactWorkspaceData } from '../../../src-main/usecases/redact-workspace.js';
import { analyze } from '../../../src-main/core/analyze.js';
import { defaultOptions } from '../../../src-main/core/model/options.js';
import { ASSETS } from './harness.js';

describe('redactWorkspaceData', () => {
  it('also sweeps personal values out of finding messages and free texts', async () => {
    const xml = await readFile(path.join(ASSETS, 'demo/demo-response.xml'), 'utf8');
    const result = await analyze({ source: 'jane.doe@example.com.xml', content: xml }, defaultOptions(new Date('2026-01-15T10:01:00Z')));
    // A message that slipped a NameID in (none of the engine's do; this is the safety net).
    result.findings.push({ id: 'input.unrecognized', severity: 'info', title: 't', message: 'Seen for jane.doe@example.com and jdoe.', fix: { summary: 's', where: 'none' }, evidence: [] });
    const r = redactWorkspaceData([result], undefined, ['Response of jane.doe@example.com', 'Jane Doe could not be simulated']);
    const text = JSON.stringify(r);
    for (const value of ['jane.doe@example.com', 'Jane Doe', 'jdoe']) expect(text, value).not.toContain(value);
    expect(r.results[0]?.findings.at(-1)?.message).toMatch(/^Seen for user-\d+@redacted\.invalid and «username-\d+»\.$/);
    expect(r.texts[0]).toMatch(/^Response of user-\d+@redacted\.invalid$/);
    expect(r.redactions.length).toBeGreaterThan(0);
  });
});
