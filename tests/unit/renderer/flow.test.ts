import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src-main/core/model/index.js';
import { exchangeNamedBy, findingsByExchange } from '../../../src-renderer/lib/flow.js';
import type { PlacedFinding } from '../../../src-renderer/lib/findings.js';
import { analyzeFlowInput, loginFlow } from '../flow/flow-fixture.js';

const finding = (evidence: Finding['evidence']): Finding => ({ id: 'flow.unsolicited', severity: 'info', title: 't', message: 'm', fix: { summary: 's', where: 'none' }, evidence });

describe('Flow tab: which exchange a finding belongs to', () => {
  it('reads the exchange the engine recorded, whatever the location sentence says', () => {
    expect(exchangeNamedBy(finding([{ location: 'the response (exchange 9: POST https://x)', site: { exchangeIndex: 2 } }]))).toBe(2);
    expect(exchangeNamedBy(finding([{ location: 'exchange 4: POST https://jira.example.com/' }]))).toBeUndefined();
  });

  it('files a real RelayState finding under the exchange that returned the wrong value', async () => {
    const result = await analyzeFlowInput(loginFlow({ responseRelayState: '/browse/OTHER' }));
    const placed: PlacedFinding[] = result.findings.map((f, i) => ({ key: `r${i}`, finding: f, origin: 'Input' }));
    const byExchange = findingsByExchange(result, result.flow?.entries ?? [], placed);
    const relay = placed.find((p) => p.finding.id === 'flow.relay-state-mismatch');
    expect(relay).toBeDefined();
    expect(byExchange.get(2)).toContain(relay);
  });
});
