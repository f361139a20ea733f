import { describe, expect, it } from 'vitest';
import { runMessageChecks } from '../../../src-main/core/checks/index.js';
import type { MessageResult } from '../../../src-main/core/model/message.js';
import { describeCertificate } from '../../../src-main/core/signature/certificate-info.js';
import { awsIssuer } from '../../fixtures/aws-response.js';
import { IDP_KEY, ROTATED_IDP_KEY, makeKeyPair, type TestKeyPair } from '../../fixtures/keys.js';
import { expectActionable } from './assert-finding.js';
import { ids, makeContext, makeMessage, makeOptions, only } from './message-factory.js';

const EXPIRED = makeKeyPair({ label: 'expired', notBefore: new Date('2020-01-01T00:00:00Z'), notAfter: new Date('2025-01-01T00:00:00Z') });
// 46 days and 14 hours after NOW (2026-11-29T10:00:30Z).
const EXPIRING = makeKeyPair({ label: 'expiring', notBefore: new Date('2022-01-15T00:00:00Z'), notAfter: new Date('2027-01-15T00:00:00Z') });
const WEAK = makeKeyPair({ label: 'weak', bits: 1024 });

/** A response verified by `key`, which is also the only trusted certificate. */
function signedBy(key: TestKeyPair): { message: MessageResult; options: ReturnType<typeof makeOptions> } {
  const base = makeMessage();
  const message = makeMessage({ signature: { ...base.signature, certificate: describeCertificate(key.certificatePem, 'idp-metadata') } });
  const options = makeOptions({
    trustedCertificates: [{ pem: key.certificatePem, source: 'idp-metadata', origin: 'aws-metadata.xml' }],
    idpMetadata: { ...makeOptions().idpMetadata!, signingCertificates: [key.certificateBase64] },
  });
  return { message, options };
}

describe('certificate checks', () => {
  it('cert.expired on the certificate that verified the response, once', () => {
    const { message, options } = signedBy(EXPIRED);
    const findings = runMessageChecks(message, makeContext({ options }));
    const f = only(findings, 'cert.expired');
    expectActionable(f);
    expect(f.message).toContain('2025-01-01');
    expect(f.message).toContain('that verified this response');
    expect(f.fix.where).toBe('aws-console');
    expect(f.fix.path).toContain('Manage certificate');
    expect(f.fix.steps?.join(' ')).toContain('Public x509 certificate');
    expect(ids(findings)).not.toContain('cert.expiring');
  });

  it('cert.expiring within 90 days, as AWS\'s console warns', () => {
    const { message, options } = signedBy(EXPIRING);
    const f = only(runMessageChecks(message, makeContext({ options })), 'cert.expiring');
    expectActionable(f);
    expect(f.message).toContain('in 46 day(s)');
    expect(f.message).toContain('90 days');
  });

  it('no certificate finding for the five-year default certificate', () => {
    const found = ids(runMessageChecks(makeMessage(), makeContext()));
    expect(found.filter((id) => id.startsWith('cert.'))).toEqual([]);
  });

  it('cert.weak-key for a 1024-bit RSA key', () => {
    const { message, options } = signedBy(WEAK);
    const f = only(runMessageChecks(message, makeContext({ options })), 'cert.weak-key');
    expectActionable(f);
    expect(f.message).toContain('1024-bit RSA');
    expect(f.fix.summary).toContain('2048-bit RSA');
  });

  it('also judges trusted certificates that did not sign this response', () => {
    const options = makeOptions({
      trustedCertificates: [
        { pem: IDP_KEY.certificatePem, source: 'idp-metadata', origin: 'aws-metadata.xml' },
        { pem: EXPIRING.certificatePem, source: 'idp-cert', origin: 'old-aws.pem' },
      ],
    });
    const f = only(runMessageChecks(makeMessage(), makeContext({ options })), 'cert.expiring');
    expect(f.message).toContain('A trusted IdP signing certificate');
    expect(f.evidence[0]?.location).toContain('old-aws.pem');
  });
});

describe('cert.rotation', () => {
  const rotated = describeCertificate(ROTATED_IDP_KEY.certificatePem, 'keyinfo');
  const keyInfoOnly = (base: MessageResult): MessageResult['signature'] => ({
    status: 'untrusted',
    signedElements: [],
    signedPaths: [],
    rejectedSignedPaths: ['/Response'],
    signatures: base.signature.signatures.map((s) => ({ ...s, accepted: false, cryptoValid: false, verifiesWithKeyInfoOnly: true, problem: 'not signed by a trusted certificate' })),
    keyInfoCertificates: [rotated],
  });

  it('explains AWS certificate rotation when the issuer is the configured one', () => {
    const base = makeMessage();
    const findings = runMessageChecks(makeMessage({ signature: keyInfoOnly(base) }), makeContext());
    const f = only(findings, 'cert.rotation');
    expectActionable(f);
    expect(f.severity).toBe('error');
    expect(f.message).toContain(rotated.sha256Fingerprint);
    expect(f.message).toContain('certificate rotation');
    expect(f.message).toContain('never from the response');
    expect(f.fix.where).toBe('atlassian-sso');
    expect(f.fix.field).toBe('Public x509 certificate');
    const steps = f.fix.steps?.join('\n') ?? '';
    expect(steps).toContain('IAM Identity Center metadata');
    expect(steps).toContain('/saml/metadata/');
    expect(steps).toContain('resolution SAML SSO');
    expect(steps).toContain('Set as active');
  });

  it('is not raised when the issuer is another IdP\'s (that is not a rotation)', () => {
    const base = makeMessage();
    const other = awsIssuer('eu-west-1', '123456789012', 'ins-00000000000000aa');
    const message = makeMessage({ signature: keyInfoOnly(base), issuer: other, issuerDetail: { value: other, verified: false, location: '/Response/Assertion/Issuer' }, responseIssuer: undefined });
    const found = ids(runMessageChecks(message, makeContext()));
    expect(found).not.toContain('cert.rotation');
    expect(found).toContain('issuer.mismatch');
  });
});
