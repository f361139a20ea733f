/**
 * Finding ids are a type, and what a finding does to a login is a catalog property, not a guess from its
 * id's prefix. A SAML service provider validates the whole message (signature, issuer, audience, time,
 * subject confirmation) before it looks up or provisions anyone, so those errors make a JIT simulation
 * hypothetical; findings about the setup (metadata, certificates' age) do not.
 */
import { describe, expect, it } from 'vitest';
import { FINDING_CATALOG, isFindingId, rejectsLogin, reportedOnce, type FindingId } from '../../../src-main/core/findings/catalog.js';
import { makeFinding } from '../../../src-main/core/findings/make-finding.js';
import type { Finding } from '../../../src-main/core/model/finding.js';
import { simulateLogin } from '../../../src-main/core/jit/simulate-login.js';
import { loadExample, makeMessage } from '../jit/helpers.js';

const FIX = { summary: 'x', where: 'none' } as const;

describe('finding catalog properties', () => {
  it('a Finding carries a catalog id, not any string', () => {
    // @ts-expect-error "not.an-id" is not in the catalog, so a Finding cannot carry it.
    const wrong: Finding = { id: 'not.an-id', severity: 'error', title: '', message: '', fix: FIX, evidence: [] };
    expect(isFindingId(wrong.id)).toBe(false);
    expect(isFindingId('audience.mismatch')).toBe(true);
    expect(isFindingId('toString')).toBe(false);
  });

  it('message validation errors reject the login; setup and provisioning findings do not', () => {
    const rejecting = (id: FindingId): boolean => rejectsLogin(makeFinding(id, { message: '', fix: FIX }));
    expect(rejecting('audience.mismatch')).toBe(true);
    expect(rejecting('time.expired')).toBe(true);
    expect(rejecting('subject.confirmation')).toBe(true);
    expect(rejecting('metadata.invalid')).toBe(false);
    expect(rejecting('cert.rotation')).toBe(false);
    expect(rejecting('jit.attribute-missing')).toBe(false);
    // A rejecting id raised below error (an information-level variant) does not stop the login.
    expect(rejectsLogin(makeFinding('time.expired', { message: '', fix: FIX, severity: 'info' }))).toBe(false);
    // Only errors can reject: no warning or info entry carries the property.
    for (const entry of Object.values(FINDING_CATALOG)) {
      if ('rejectsLogin' in entry) expect(entry.severity).toBe('error');
    }
  });

  it('configured-certificate findings are reported once per capture', () => {
    expect(reportedOnce('cert.expired')).toBe(true);
    expect(reportedOnce('audience.mismatch')).toBe(false);
  });

  it('simulateLogin follows the catalog: an audience error makes the login hypothetical, a downgraded one does not', async () => {
    const { profile, snapshot } = await loadExample('jira-atlassian-sso');
    const audience = (severity: 'error' | 'warning'): Finding => makeFinding('audience.mismatch', { message: 'm', fix: FIX, severity });
    const rejected = simulateLogin(makeMessage({ findings: [audience('error')] }), profile, snapshot);
    expect(rejected.hypothetical).toBe(true);
    expect(rejected.steps.find((s) => s.title === 'Product accepts the response')?.outcome).toBe('fail');
    const accepted = simulateLogin(makeMessage({ findings: [audience('warning')] }), profile, snapshot);
    expect(accepted.hypothetical).toBe(false);
  });
});
