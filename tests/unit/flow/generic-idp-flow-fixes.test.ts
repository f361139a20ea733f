/**
 * A capture from an IdP that is not IAM Identity Center (profile `generic`): the flow findings' fixes name the
 * IdP's own configuration, never the AWS console, and their explanations do not claim AWS behaviour.
 */
import { describe, expect, test } from 'vitest';
import type { Finding } from '../../../src-main/core/model/finding.js';
import { RESOLUTION_ACS, analyzeFlowInput, loginFlow } from './flow-fixture.js';

function expectNoAws(f: Finding | undefined): void {
  expect(f).toBeDefined();
  expect(f?.fix.where).toBe('idp-configuration');
  const texts = [f?.message ?? '', f?.fix.summary ?? '', ...(f?.fix.steps ?? [])];
  expect(texts.filter((t) => /AWS|IAM Identity Center/.test(t))).toEqual([]);
}

describe('flow findings with a generic IdP', () => {
  test('flow.acs-mismatch', async () => {
    const result = await analyzeFlowInput(loginFlow({ postTo: RESOLUTION_ACS }), { profile: 'generic' });
    expectNoAws(result.findings.find((f) => f.id === 'flow.acs-mismatch'));
  });

  test('flow.relay-state-mismatch', async () => {
    const result = await analyzeFlowInput(loginFlow({ responseRelayState: '/browse/OTHER' }), { profile: 'generic' });
    expectNoAws(result.findings.find((f) => f.id === 'flow.relay-state-mismatch'));
  });

  test('flow.no-response', async () => {
    const result = await analyzeFlowInput(loginFlow({ noResponse: true }), { profile: 'generic' });
    expectNoAws(result.findings.find((f) => f.id === 'flow.no-response'));
  });
});
