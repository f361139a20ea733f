import { describe, expect, test } from 'vitest';
import { buildFlowTimeline } from '../../../src-main/core/flow/index.js';
import { RELAY_STATE, analyzeFlowInput, flowOptions, idsOf, loginFlow } from './flow-fixture.js';

const relayFindings = async (...args: Parameters<typeof loginFlow>) => (await analyzeFlowInput(loginFlow(...args))).findings.filter((f) => f.id === 'flow.relay-state-mismatch');

describe('flow.relay-state-mismatch', () => {
  test('a response that names its request but returns another RelayState: one warning naming both values and exchanges', async () => {
    const flow = loginFlow({ responseRelayState: '/browse/OTHER' });
    const result = await analyzeFlowInput(flow);
    const found = result.findings.filter((f) => f.id === 'flow.relay-state-mismatch');
    expect(found).toHaveLength(1);
    const f = found[0]!;
    expect(f.severity).toBe('warning');
    expect(f.message).toContain(`"${RELAY_STATE}"`);
    expect(f.message).toContain('"/browse/OTHER"');
    expect(f.evidence[0]).toMatchObject({ value: '/browse/OTHER', expected: RELAY_STATE });
    expect(f.evidence[0]!.location).toMatch(/^exchange 3: POST /);
    expect(f.evidence[1]).toMatchObject({ value: RELAY_STATE });
    expect(f.evidence[1]!.location).toMatch(/^exchange 2: GET /);
    // The same places as data, for the Flow tab (0-based, as CapturedExchange.index counts).
    expect(f.evidence.map((e) => e.site)).toEqual([{ exchangeIndex: 2 }, { exchangeIndex: 1 }]);
    expect(f.fix).toMatchObject({ where: 'aws-console', field: 'Relay state' });
    // The timeline, which the workspace draws, agrees.
    expect(buildFlowTimeline(flow, result.messages, flowOptions()).pairs[0]!.relayState?.echoed).toBe(false);
  });

  test('a response that drops the RelayState the SP sent is reported too', async () => {
    const found = await relayFindings({ responseRelayState: null });
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/came back without any RelayState/);
    expect(found[0]!.evidence[0]).toMatchObject({ value: '(none)', expected: RELAY_STATE });
  });

  test('nothing when the RelayState comes back unchanged, or when the SP sent none', async () => {
    expect(await relayFindings()).toEqual([]);
    expect(await relayFindings({ requestRelayState: null })).toEqual([]);
    expect(await relayFindings({ requestRelayState: null, responseRelayState: '/from/the/idp' })).toEqual([]);
  });

  test('a response that answers another request is that finding’s cause, not a RelayState problem as well', async () => {
    const mismatch = await analyzeFlowInput(loginFlow({ inResponseTo: '_req-stale', responseRelayState: '/other' }));
    expect(idsOf(mismatch)).toContain('flow.in-response-to-mismatch');
    expect(idsOf(mismatch)).not.toContain('flow.relay-state-mismatch');
    const unsolicited = await analyzeFlowInput(loginFlow({ inResponseTo: null, responseRelayState: '/other' }));
    expect(idsOf(unsolicited)).toContain('flow.unsolicited');
    expect(idsOf(unsolicited)).not.toContain('flow.relay-state-mismatch');
  });
});
