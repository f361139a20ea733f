import { describe, expect, test } from 'vitest';
import { extractFlowMessages } from '../../../src-main/core/flow/index.js';
import type { CapturedFlow } from '../../../src-main/core/model/input.js';
import { buildAuthnRequest, signedAwsResponse, toPostBinding } from '../../fixtures/aws-response.js';

const ACS = 'https://jira.example.com/plugins/servlet/samlconsumer';

describe('extractFlowMessages', () => {
  test('reads form parameters when the exporter gave no raw body, and names the exchange in the origin', () => {
    const xml = signedAwsResponse({ inResponseTo: '_r' });
    const flow: CapturedFlow = { exchanges: [{ index: 4, method: 'POST', url: ACS, startedAt: '2026-11-29T09:59:59.000Z', requestParams: [{ name: 'SAMLResponse', value: toPostBinding(xml) }, { name: 'RelayState', value: '/a b' }] }] };
    const { messages, findings, capturedAt } = extractFlowMessages(flow);
    expect(findings).toEqual([]);
    // When the message was sent: an old capture is judged at that instant, not today.
    expect(capturedAt).toEqual(['2026-11-29T09:59:59.000Z']);
    expect(messages).toEqual([expect.objectContaining({ xml, binding: 'HTTP-POST', relayState: '/a b', origin: `exchange 5: POST ${ACS} (form body)` })]);
  });

  test('a damaged message becomes a finding naming the exchange; the others are still read', () => {
    const flow: CapturedFlow = {
      exchanges: [
        { index: 0, method: 'POST', url: ACS, requestBody: 'SAMLResponse=%%%' },
        { index: 1, method: 'POST', url: ACS, requestBody: `SAMLResponse=${encodeURIComponent(toPostBinding(buildAuthnRequest()))}` },
      ],
    };
    const { messages, findings } = extractFlowMessages(flow);
    expect(messages).toHaveLength(1);
    expect(findings[0]).toMatchObject({ id: 'input.decode-failed' });
    expect(findings[0]!.message).toMatch(/^exchange 1: POST https:\/\/jira\.example\.com\/plugins\/servlet\/samlconsumer: /);
  });

  test('importer notes are warnings, or errors when nothing could be imported', () => {
    const partial = extractFlowMessages({ exchanges: [{ index: 0, method: 'GET', url: 'https://x/' }], notes: ['log.entries[3] was skipped'] });
    expect(partial.findings).toEqual([expect.objectContaining({ id: 'input.decode-failed', severity: 'warning', title: 'Part of the capture could not be read', message: 'log.entries[3] was skipped' })]);
    const nothing = extractFlowMessages({ exchanges: [], notes: ['x.har: not valid JSON'] });
    expect(nothing.findings[0]).toMatchObject({ severity: 'error', title: 'The capture could not be read' });
  });
});
