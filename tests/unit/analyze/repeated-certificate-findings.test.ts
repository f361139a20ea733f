import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src-main/core/analyze.js';
import { defaultOptions } from '../../../src-main/core/model/options.js';
import { signedAwsResponse, toPostBinding, DEFAULTS } from '../../fixtures/aws-response.js';
import { makeKeyPair } from '../../fixtures/keys.js';

const NOW = new Date('2026-11-29T10:01:00Z');

describe('certificate findings in a capture with several responses', () => {
  it('are reported once, on the first response that raised them', async () => {
    const key = makeKeyPair({ label: 'expiring-idp', notBefore: new Date('2022-01-01T00:00:00Z'), notAfter: new Date('2026-12-20T00:00:00Z') });
    const post = (i: number) => ({
      index: i,
      method: 'POST',
      url: DEFAULTS.acsUrl,
      requestContentType: 'application/x-www-form-urlencoded',
      requestBody: `SAMLResponse=${encodeURIComponent(toPostBinding(signedAwsResponse({ key, responseId: `_r${i}`, assertionId: `_a${i}` })))}`,
    });
    const options = defaultOptions(NOW, { trustedCertificates: [{ pem: key.certificatePem, source: 'idp-cert', origin: 'idp.pem' }] });
    const result = await analyze({ source: 'capture', kind: 'capture', flow: { exchanges: [post(0), post(1)] } }, options);
    expect(result.messages).toHaveLength(2);
    const count = (i: number) => result.messages[i]!.findings.filter((f) => f.id === 'cert.expiring').length;
    expect(count(0)).toBe(1);
    expect(count(1)).toBe(0);
  });
});
