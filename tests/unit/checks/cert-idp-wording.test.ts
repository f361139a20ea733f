import { describe, expect, it } from 'vitest';
import { runMessageChecks } from '../../../src-main/core/checks/index.js';
import { describeCertificate } from '../../../src-main/core/signature/certificate-info.js';
import { makeKeyPair } from '../../fixtures/keys.js';
import { makeContext, makeMessage, makeOptions, only } from './message-factory.js';

const EXPIRED = makeKeyPair({ label: 'expired', notBefore: new Date('2020-01-01T00:00:00Z'), notAfter: new Date('2025-01-01T00:00:00Z') });

describe('certificate findings name the IdP in use', () => {
  it('a generic IdP\'s expired certificate: no AWS console in the message or the fix', () => {
    const base = makeMessage();
    const message = makeMessage({ signature: { ...base.signature, certificate: describeCertificate(EXPIRED.certificatePem, 'idp-cert') } });
    const options = makeOptions({ trustedCertificates: [{ pem: EXPIRED.certificatePem, source: 'idp-cert', origin: 'idp.pem' }] });
    const f = only(runMessageChecks(message, makeContext({ options, profile: 'generic' })), 'cert.expired');
    expect(f.message).not.toMatch(/AWS/);
    expect(JSON.stringify(f.fix)).not.toMatch(/AWS|IAM Identity Center/);
  });
});
