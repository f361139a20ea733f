import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src-main/core/analyze.js';
import { runMessageChecks } from '../../../src-main/core/checks/index.js';
import { defaultOptions } from '../../../src-main/core/model/options.js';
import { describeCertificate } from '../../../src-main/core/signature/certificate-info.js';
import { DEFAULTS, signedAwsResponse } from '../../fixtures/aws-response.js';
import { makeKeyPair } from '../../fixtures/keys.js';
import { expectActionable } from './assert-finding.js';
import { ids, makeContext, makeMessage, makeOptions, only } from './message-factory.js';

// Valid from 2027-01-01, a month after the messages are judged (2026-11-29).
const FUTURE = makeKeyPair({ label: 'future', notBefore: new Date('2027-01-01T00:00:00Z'), notAfter: new Date('2030-01-01T00:00:00Z') });

describe('cert.not-yet-valid', () => {
  it('warns about a configured certificate whose validity starts in the future, like cert.expired', () => {
    const base = makeMessage();
    const message = makeMessage({ signature: { ...base.signature, certificate: describeCertificate(FUTURE.certificatePem, 'idp-metadata') } });
    const options = makeOptions({
      trustedCertificates: [{ pem: FUTURE.certificatePem, source: 'idp-metadata', origin: 'aws-metadata.xml' }],
      idpMetadata: { ...makeOptions().idpMetadata!, signingCertificates: [FUTURE.certificateBase64] },
    });
    const findings = runMessageChecks(message, makeContext({ options }));
    const f = only(findings, 'cert.not-yet-valid');
    expectActionable(f);
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('2027-01-01');
    expect(f.message).toContain('33 day(s)');
    expect(ids(findings)).not.toContain('cert.expired');
  });

  it('a response signed with it still verifies (trust comes from configuration) and is reported once', async () => {
    const xml = signedAwsResponse({ key: FUTURE });
    const options = defaultOptions(new Date(DEFAULTS.issueInstant.getTime() + 30_000), { trustedCertificates: [{ pem: FUTURE.certificatePem, source: 'idp-cert', origin: 'future.pem' }] });
    const result = await analyze({ source: 'two', content: xml }, options);
    const m = result.messages[0]!;
    expect(m.signature.status).toBe('valid');
    expect(m.findings.filter((f) => f.id === 'cert.not-yet-valid')).toHaveLength(1);
  });
});
