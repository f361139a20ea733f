import { describe, expect, test } from 'vitest';
import { redactFlowTimeline } from '../../../src-main/core/flow/index.js';
import { redactAnalysis } from '../../../src-main/core/report/redact.js';
import { RELAY_STATE, analyzeFlowInput, atlassianErrorPage, loginFlow } from './flow-fixture.js';

const NAME_ID = 'quincy.vandermeer@contoso.example';

describe('redactFlowTimeline (presentation mode, redacted views)', () => {
  test('keeps the flow readable: IDs and RelayState as the placeholders the rest of the view uses, the SP page with only its user masked', async () => {
    const flow = loginFlow({
      response: { nameId: NAME_ID, attributes: [{ name: 'email', values: [NAME_ID] }] },
      postTo: `https://jira.example.com/plugins/servlet/samlconsumer?session=${encodeURIComponent(NAME_ID)}`,
      spAnswer: atlassianErrorPage(`Received SSO request for user ${NAME_ID}, but the user does not exist`),
    });
    const result = await analyzeFlowInput(flow);
    expect(result.flow).toBeDefined();
    const redacted = redactAnalysis([result]);
    const timeline = redactFlowTimeline(result.flow!, redacted.redactor);
    const messages = redacted.results[0]!.messages;

    const text = JSON.stringify(timeline);
    for (const needle of [NAME_ID, 'quincy', RELAY_STATE, '_req-4f1c', 'session=']) expect(text, needle).not.toContain(needle);
    const request = timeline.entries.find((e) => e.messages.some((m) => m.type === 'AuthnRequest'))!;
    expect(request.messages[0]!.id).toBe(messages[0]!.id);
    const response = timeline.entries.find((e) => e.messages.some((m) => m.type === 'Response'))!;
    expect(response.messages[0]).toMatchObject({ id: messages[1]!.id, inResponseTo: messages[0]!.id });
    expect(response.page?.text).toMatch(/^Received SSO request for user user-\d+@redacted\.invalid, but the user does not exist$/);
    expect(response.page).not.toHaveProperty('user');
    expect(timeline.pairs[0]).toMatchObject({ postedTo: 'https://jira.example.com/plugins/servlet/samlconsumer', relayState: { echoed: true } });
    expect(timeline.pairs[0]!.relayState!.request).toMatch(/^«relaystate-\d+»$/);
    // The original is untouched.
    expect(JSON.stringify(result.flow)).toContain(NAME_ID);
  });
});
