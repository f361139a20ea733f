/** What every finding must carry (TEAM.md): a message, evidence with locations, and a concrete fix. */
import { expect } from 'vitest';
import { FINDING_CATALOG } from '../../../src-main/core/findings/catalog.js';
import type { Finding } from '../../../src-main/core/model/finding.js';

export function expectActionable(finding: Finding): void {
  expect(Object.keys(FINDING_CATALOG)).toContain(finding.id);
  expect(finding.message.length).toBeGreaterThan(40);
  expect(finding.evidence.length).toBeGreaterThan(0);
  for (const e of finding.evidence) expect(e.location).not.toBe('');
  expect(finding.fix.summary.length).toBeGreaterThan(20);
  expect(finding.fix.where).toBeTruthy();
}
