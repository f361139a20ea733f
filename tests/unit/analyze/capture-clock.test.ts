import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src-main/core/analyze.js';
import { defaultOptions } from '../../../src-main/core/model/options.js';
import { timeWindows } from '../../../src-main/core/report/report-model.js';
import type { CapturedFlow } from '../../../src-main/core/model/input.js';
import { signedAwsResponse, toPostBinding, DEFAULTS } from '../../fixtures/aws-response.js';
import { IDP_KEY } from '../../fixtures/keys.js';

const flow: CapturedFlow = {
  exchanges: [{
    index: 0,
    startedAt: '2026-11-29T10:00:20Z',
    method: 'POST',
    url: DEFAULTS.acsUrl,
    requestContentType: 'application/x-www-form-urlencoded',
    requestBody: `SAMLResponse=${encodeURIComponent(toPostBinding(signedAwsResponse()))}`,
    status: 302,
    location: 'https://jira.example.com/secure/Dashboard.jspa',
  }],
};
const trusted = [{ pem: IDP_KEY.certificatePem, source: 'idp-cert' as const, origin: 'idp.pem' }];
const aWeekLater = new Date('2026-12-06T10:00:00Z');
const ids = (r: Awaited<ReturnType<typeof analyze>>) => r.messages[0]!.findings.map((f) => f.id);

describe('when captured messages are judged', () => {
  it('judges a captured response at the instant it was captured, not when the capture is analysed', async () => {
    const result = await analyze({ source: 'old.har', kind: 'har', flow }, defaultOptions(aWeekLater, { trustedCertificates: trusted }));
    expect(ids(result)).not.toContain('time.expired');
    expect(result.flow?.entries).toHaveLength(1);
  });

  it('judges it at the clock the user fixed, when they did', async () => {
    const result = await analyze({ source: 'old.har', kind: 'har', flow }, defaultOptions(aWeekLater, { trustedCertificates: trusted, nowIsExplicit: true }));
    expect(ids(result)).toContain('time.expired');
  });

  it('records the instant each message was judged at, and the time line and reports describe its windows at that instant', async () => {
    const result = await analyze({ source: 'old.har', kind: 'har', flow }, defaultOptions(aWeekLater, { trustedCertificates: trusted }));
    expect(result.messages[0]?.judgedAt).toBe('2026-11-29T10:00:20.000Z');
    const windows = timeWindows(result, 0);
    expect(windows.length).toBeGreaterThan(0);
    expect(windows.every((w) => w.state === 'valid')).toBe(true);
    const fixed = await analyze({ source: 'old.har', kind: 'har', flow }, defaultOptions(aWeekLater, { trustedCertificates: trusted, nowIsExplicit: true }));
    expect(fixed.messages[0]?.judgedAt).toBe(aWeekLater.toISOString());
    expect(timeWindows(fixed, 0).some((w) => w.state === 'expired')).toBe(true);
  });
});
