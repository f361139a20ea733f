import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './harness.js';

const PERSONAL = ['jane.doe@example.com', 'Jane Doe', 'jdoe'];

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.dispose();
});

describe('report:export', () => {
  it('explains that there is nothing to export before an analysis', async () => {
    await expect(h.services.handlers['report:export']({ format: 'html', redact: true })).rejects.toThrow(/nothing to export yet/);
  });

  it('writes nothing when the save dialog is cancelled', async () => {
    await h.services.handlers['workspace:open-demo']({});
    h.savePaths.push(null);
    expect(await h.services.handlers['report:export']({ format: 'md', redact: true })).toEqual({ cancelled: true });
  });

  it.each([
    ['html', /<!doctype html>/i],
    ['md', /^# /m],
    ['json', /"schemaVersion": 1/],
  ] as const)('writes a redacted %s report with no personal value in it', async (format, looksLike) => {
    await h.services.handlers['workspace:open-demo']({});
    const file = path.join(h.userData, `report.${format}`);
    h.savePaths.push(file);
    expect(await h.services.handlers['report:export']({ format, redact: true })).toEqual({ cancelled: false, path: file });
    const text = await readFile(file, 'utf8');
    expect(text).toMatch(looksLike);
    for (const value of PERSONAL) expect(text, value).not.toContain(value);
    expect(text).toContain('@redacted.invalid');
  });

  it('keeps the values in an unredacted report and includes the simulation', async () => {
    await h.services.handlers['workspace:open-demo']({});
    const file = path.join(h.userData, 'report.json');
    h.savePaths.push(file);
    await h.services.handlers['report:export']({ format: 'json', redact: false });
    const report = JSON.parse(await readFile(file, 'utf8')) as { redacted: boolean; results: unknown[]; simulation?: { groups: { removed: string[] } } };
    expect(report.redacted).toBe(false);
    expect(JSON.stringify(report.results)).toContain('jane.doe@example.com');
    expect(report.simulation?.groups.removed).toContain('jira-software-users');
  });

  it('prints the HTML report to PDF through the injected printer and writes its bytes', async () => {
    await h.services.handlers['workspace:open-demo']({});
    const file = path.join(h.userData, 'report.pdf');
    h.savePaths.push(file);
    await h.services.handlers['report:export']({ format: 'pdf', redact: true });
    expect(h.pdfInputs).toHaveLength(1);
    expect(h.pdfInputs[0]).toMatch(/<!doctype html>/i);
    for (const value of PERSONAL) expect(h.pdfInputs[0]).not.toContain(value);
    expect((await readFile(file)).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
