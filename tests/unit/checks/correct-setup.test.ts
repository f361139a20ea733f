import { describe, expect, it } from 'vitest';
import { detectProfile, runMessageChecks } from '../../../src-main/core/checks/index.js';
import { verdictOf } from '../../../src-main/core/model/finding.js';
import { expectActionable } from './assert-finding.js';
import { ISSUER, ids, makeContext, makeMessage, makeOptions } from './message-factory.js';

describe('a correct AWS → Jira setup', () => {
  it('raises only aws.groups-not-sent (warning) and flow.unsolicited (info)', () => {
    const findings = runMessageChecks(makeMessage(), makeContext());
    expect(ids(findings).sort()).toEqual(['aws.groups-not-sent', 'flow.unsolicited']);
    expect(verdictOf(findings)).toBe('warn');
    findings.forEach(expectActionable);
  });

  it('raises nothing but flow.unsolicited with the generic profile', () => {
    const findings = runMessageChecks(makeMessage(), makeContext({ profile: 'generic' }));
    expect(ids(findings)).toEqual(['flow.unsolicited']);
    expect(verdictOf(findings)).toBe('pass');
  });

  it('raises nothing for an AuthnRequest (requests are judged in the flow)', () => {
    expect(runMessageChecks(makeMessage({ type: 'AuthnRequest' }), makeContext())).toEqual([]);
  });
});

describe('detectProfile', () => {
  it('recognises IAM Identity Center from the issuer host and decodes it', () => {
    const detected = detectProfile(makeMessage(), makeOptions());
    expect(detected.profile).toBe('aws');
    expect(detected.aws).toMatchObject({ region: 'eu-west-1', accountId: '123456789012', applicationInstanceId: 'ins-3f5a2b1c4d6e7f80' });
  });

  it('is generic for other issuers unless forced', () => {
    const entra = makeMessage({ issuer: 'https://sts.windows.net/tenant/', issuerDetail: { value: 'https://sts.windows.net/tenant/', verified: true, location: '/Response/Assertion/Issuer' }, responseIssuer: undefined });
    expect(detectProfile(entra, makeOptions()).profile).toBe('generic');
    expect(detectProfile(entra, makeOptions({ profile: 'aws' })).profile).toBe('aws');
    expect(detectProfile(makeMessage(), makeOptions({ profile: 'generic' }))).toEqual({ profile: 'generic' });
  });

  it('falls back on the configured IdP when the message carries no issuer', () => {
    const detected = detectProfile(makeMessage({ issuer: undefined, responseIssuer: undefined }), makeOptions());
    expect(detected.aws?.encodedId).toBe(ISSUER.split('/').pop());
  });
});
