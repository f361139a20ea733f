import { describe, expect, test } from 'vitest';
import { buildFlowTimeline } from '../../../src-main/core/flow/index.js';
import { verdictOf } from '../../../src-main/core/model/finding.js';
import { DEFAULTS, awsIssuer, buildAuthnRequest } from '../../fixtures/aws-response.js';
import { JIRA, REQUEST_ID, RELAY_STATE, RESOLUTION_ACS, analyzeFlowInput, atlassianErrorPage, flowOptions, idsOf, loginFlow } from './flow-fixture.js';

describe('a working SP-initiated login', () => {
  test('pairs the response with its request and raises no flow finding', async () => {
    const flow = loginFlow();
    const result = await analyzeFlowInput(flow);
    expect(result.input.detected).toBe('har');
    expect(result.messages.map((m) => m.type)).toEqual(['AuthnRequest', 'Response']);
    expect(result.messages[1]!.verdict).not.toBe('fail');
    expect(idsOf(result).filter((id) => id.startsWith('flow.'))).toEqual([]);
    expect(result.messages[1]!.findings.map((f) => f.id)).not.toContain('flow.unsolicited');

    const timeline = buildFlowTimeline(flow, result.messages, flowOptions());
    expect(timeline.pairs).toEqual([
      expect.objectContaining({ requestMessageIndex: 0, responseMessageIndex: 1, pairedBy: 'in-response-to', elapsedMs: 7000, requestedAcsUrl: DEFAULTS.acsUrl, postedTo: DEFAULTS.acsUrl, relayState: { request: RELAY_STATE, response: RELAY_STATE, echoed: true } }),
    ]);
    expect(timeline.entries.map((e) => e.messages.map((m) => m.type))).toEqual([[], ['AuthnRequest'], ['Response'], []]);
    expect(timeline.entries[1]!.url).toBe(awsIssuer());
  });

  test('an abandoned earlier request (the user retried) is not reported as unanswered', async () => {
    const result = await analyzeFlowInput(loginFlow({ abandonedRequestBefore: true }));
    expect(idsOf(result)).not.toContain('flow.no-response');
  });

  test('a RelayState the IdP did not echo shows in the timeline', async () => {
    const flow = loginFlow({ responseRelayState: '/browse/OTHER' });
    const result = await analyzeFlowInput(flow);
    expect(buildFlowTimeline(flow, result.messages, flowOptions()).pairs[0]!.relayState).toEqual({ request: RELAY_STATE, response: '/browse/OTHER', echoed: false });
  });
});

describe('request and response that do not match', () => {
  test('flow.in-response-to-mismatch names both IDs and the exchanges', async () => {
    const result = await analyzeFlowInput(loginFlow({ inResponseTo: '_req-stale' }));
    const found = result.findings.filter((f) => f.id === 'flow.in-response-to-mismatch');
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('error');
    expect(found[0]!.message).toContain('_req-stale');
    expect(found[0]!.message).toContain(REQUEST_ID);
    expect(found[0]!.evidence[0]).toMatchObject({ value: '_req-stale', expected: REQUEST_ID });
    expect(found[0]!.evidence[0]!.location).toContain('exchange 3: POST');
    expect(found[0]!.fix.steps?.join(' ')).toMatch(/sticky sessions/);
  });

  test('with --authn-request also given, a response gets one in-response-to finding, not two', async () => {
    const other = buildAuthnRequest({ id: '_req-given' });
    const result = await analyzeFlowInput(loginFlow({ inResponseTo: '_req-stale' }), { authnRequest: other });
    const all = [...result.findings, ...result.messages.flatMap((m) => m.findings)].filter((f) => f.id === 'flow.in-response-to-mismatch');
    expect(all).toHaveLength(1);
  });

  test('a response without InResponseTo while the SP waited: one flow-level warning instead of the per-message info', async () => {
    const result = await analyzeFlowInput(loginFlow({ inResponseTo: null }));
    const flowLevel = result.findings.filter((f) => f.id === 'flow.unsolicited');
    expect(flowLevel).toHaveLength(1);
    expect(flowLevel[0]!.severity).toBe('warning');
    expect(flowLevel[0]!.message).toContain(REQUEST_ID);
    expect(result.messages[1]!.findings.map((f) => f.id)).not.toContain('flow.unsolicited');
    expect(result.messages[1]!.verdict).toBe(verdictOf(result.messages[1]!.findings));
  });

  test('an IdP-initiated login (no request in the capture) keeps the per-message flow.unsolicited only', async () => {
    const result = await analyzeFlowInput(loginFlow({ noRequest: true }));
    expect(idsOf(result)).not.toContain('flow.unsolicited');
    expect(result.messages[0]!.findings.filter((f) => f.id === 'flow.unsolicited')).toHaveLength(1);
  });

  test('flow.acs-mismatch when the IdP posts to another URL than the request asked for', async () => {
    const result = await analyzeFlowInput(loginFlow({ postTo: RESOLUTION_ACS, spAnswer: { status: 404, contentType: 'text/html', body: '<html><head><title>404 Not Found</title></head></html>' } }));
    const acs = result.findings.find((f) => f.id === 'flow.acs-mismatch');
    expect(acs).toBeDefined();
    expect(acs!.evidence[0]).toMatchObject({ value: RESOLUTION_ACS, expected: DEFAULTS.acsUrl });
    expect(acs!.fix).toMatchObject({ where: 'aws-console', field: 'Application ACS URL', value: DEFAULTS.acsUrl });
    expect(acs!.fix.steps?.join(' ')).toMatch(/samlsso/);
    // The 404 the SP answered is reported too, as what the user saw.
    expect(result.findings.find((f) => f.id === 'flow.sp-error')?.evidence[0]?.value).toBe('HTTP 404: 404 Not Found');
  });
});

describe('a request that got no response', () => {
  test('flow.no-response when the capture ends at the IdP', async () => {
    const result = await analyzeFlowInput(loginFlow({ noResponse: true }));
    const f = result.findings.find((x) => x.id === 'flow.no-response');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain(REQUEST_ID);
    expect(f?.evidence[0]?.location).toContain('exchange 2: GET');
  });

  test('AWS "No access" (API 403) becomes flow.idp-error, and flow.no-response is not repeated', async () => {
    const page = { status: 403, contentType: 'application/json', body: '{"message":"No access","__type":"com.amazonaws.switchboard.portal#ForbiddenException"}' };
    const result = await analyzeFlowInput(loginFlow({ noResponse: true, idpPage: page }));
    expect(idsOf(result)).toContain('flow.idp-error');
    expect(idsOf(result)).not.toContain('flow.no-response');
    const f = result.findings.find((x) => x.id === 'flow.idp-error')!;
    expect(f.fix.where).toBe('aws-console');
    expect(f.fix.path).toContain('Assigned users and groups');
    expect(f.evidence[1]).toMatchObject({ value: REQUEST_ID });
  });

  test('AWS "No access" shown as a page is recognised too; the words alone are not enough', async () => {
    const page = { status: 200, contentType: 'text/html', body: '<html><body><h1>No access</h1><p>Confirm with your administrator that you have access to the application and that your primary email address is assigned.</p></body></html>' };
    expect(idsOf(await analyzeFlowInput(loginFlow({ noResponse: true, idpPage: page })))).toContain('flow.idp-error');
    const unrelated = { status: 200, contentType: 'text/html', body: '<html><body>No access road to the car park</body></html>' };
    expect(idsOf(await analyzeFlowInput(loginFlow({ noResponse: true, idpPage: unrelated })))).toEqual(['flow.no-response']);
  });
});

describe('Atlassian error pages after the response', () => {
  const cases = [
    { page: 'Received SSO request for user jane.doe@example.com, but the user does not exist', field: 'user', value: 'jane.doe@example.com', related: 'jit.username-mismatch', where: 'atlassian-sso' },
    { page: 'Attribute [jira-software-users] could not be found', field: 'attribute', value: 'jira-software-users', related: 'jit.attribute-missing', where: 'aws-console' },
    { page: 'User could not be created due to the license&rsquo;s limit.', field: undefined, value: undefined, related: 'jit.license-full', where: 'atlassian-admin' },
    { page: 'Received SSO request for user jdoe, but the user is not permitted to log in', field: 'user', value: 'jdoe', related: 'jit.no-application-access', where: 'atlassian-admin' },
  ];
  test.each(cases)('"$page" → flow.sp-error with the message and a fix that links $related', async ({ page, value, related, where }) => {
    const result = await analyzeFlowInput(loginFlow({ spAnswer: atlassianErrorPage(page) }));
    const errors = result.findings.filter((f) => f.id === 'flow.sp-error');
    expect(errors).toHaveLength(1);
    const f = errors[0]!;
    const shown = page.replace('&rsquo;', '’');
    expect(f.message).toContain(shown);
    expect(f.evidence[0]).toMatchObject({ value: shown });
    expect(f.evidence[0]!.location).toBe(`exchange 3: POST ${DEFAULTS.acsUrl} → HTTP 400`);
    if (value) expect(f.fix.summary + (f.fix.value ?? '')).toContain(value);
    expect(f.fix.where).toBe(where);
    expect(f.fix.steps?.join(' ')).toContain(related);
  });

  test('the timeline marks the page and the side it came from', async () => {
    const flow = loginFlow({ spAnswer: atlassianErrorPage('User could not be created due to the license’s limit.') });
    const result = await analyzeFlowInput(flow);
    const entry = buildFlowTimeline(flow, result.messages, flowOptions()).entries.find((e) => e.page);
    expect(entry).toMatchObject({ exchangeIndex: 2, method: 'POST', status: 400, page: { side: 'sp', kind: 'license-limit', text: 'User could not be created due to the license’s limit.' } });
  });

  test('a username in the page is marked personal, so reports redact it', async () => {
    const result = await analyzeFlowInput(loginFlow({ spAnswer: atlassianErrorPage('Received SSO request for user jane.doe@example.com, but the user does not exist') }));
    expect(result.findings.find((f) => f.id === 'flow.sp-error')!.evidence[0]!.personal).toBe(true);
  });

  test('"Attribute [x] could not be found" names the attributes the response did carry', async () => {
    const result = await analyzeFlowInput(loginFlow({ spAnswer: atlassianErrorPage('Attribute [memberOf] could not be found') }));
    const f = result.findings.find((x) => x.id === 'flow.sp-error')!;
    expect(f.fix.steps?.join(' ')).toContain('email, firstName, lastName, displayName');
  });

  test('an error page reached through a redirect after the ACS is found too', async () => {
    const flow = loginFlow({ spAnswer: { status: 302, location: `${JIRA}/login.jsp?error` } });
    flow.exchanges[flow.exchanges.length - 1] = { ...flow.exchanges[flow.exchanges.length - 1]!, status: 500, responseContentType: 'text/html', responseBody: '<html><head><title>Oops - an error has occurred</title></head></html>' };
    const result = await analyzeFlowInput(flow);
    expect(result.findings.find((f) => f.id === 'flow.sp-error')?.evidence[0]?.value).toBe('HTTP 500: Oops - an error has occurred');
  });

  test('the dashboard after a successful login is not an error page', async () => {
    const result = await analyzeFlowInput(loginFlow());
    expect(idsOf(result)).not.toContain('flow.sp-error');
  });
});
