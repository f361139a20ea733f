/**
 * With an IdP that is not IAM Identity Center (profile `generic`), a fix names the IdP's own configuration,
 * never the AWS console: the user of Okta, Keycloak or SimpleSAMLphp has no AWS screen to open.
 */
import { describe, expect, it } from 'vitest';
import { runMessageChecks } from '../../../src-main/core/checks/index.js';
import type { Finding } from '../../../src-main/core/model/finding.js';
import { NAMEID_FORMAT } from '../../fixtures/aws-response.js';
import { ACS_URL, NOW, makeContext, makeMessage, makeOptions } from './message-factory.js';

const GENERIC_ISSUER = 'https://idp.example.org/simplesaml/saml2/idp/metadata.php';

function mentionsAws(f: Finding): string[] {
  const texts = [f.fix.summary, f.fix.path ?? '', f.fix.field ?? '', ...(f.fix.steps ?? [])];
  return texts.filter((t) => /AWS|IAM Identity Center|Amazon/i.test(t));
}

function genericRun(overrides: Parameters<typeof makeMessage>[0]): Finding[] {
  const options = makeOptions({
    idpMetadata: { entityId: GENERIC_ISSUER, signingCertificates: makeOptions().idpMetadata?.signingCertificates ?? [], ssoServices: [], sloServices: [], nameIdFormats: [NAMEID_FORMAT.emailAddress] },
  });
  const message = makeMessage({ issuer: GENERIC_ISSUER, issuerDetail: { value: GENERIC_ISSUER, verified: true, location: '/Response/Assertion/Issuer' }, responseIssuer: { value: GENERIC_ISSUER, verified: true, location: '/Response/Issuer' }, ...overrides });
  return runMessageChecks(message, makeContext({ options, profile: 'generic' }));
}

describe('generic IdP profile: fixes stay out of the AWS console', () => {
  const cases: Array<[string, Parameters<typeof makeMessage>[0]]> = [
    ['audience.mismatch', { conditions: { notBefore: new Date(NOW.getTime() - 60_000).toISOString(), notOnOrAfter: new Date(NOW.getTime() + 600_000).toISOString(), audiences: ['https://other.example.com'], oneTimeUse: false } }],
    ['destination.mismatch', { destination: `${ACS_URL}x` }],
    ['recipient.mismatch', { subjectConfirmations: [{ method: 'urn:oasis:names:tc:SAML:2.0:cm:bearer', recipient: `${ACS_URL}x`, notOnOrAfter: new Date(NOW.getTime() + 600_000).toISOString() }] }],
    ['issuer.mismatch', { issuer: 'https://idp.example.org/other', issuerDetail: { value: 'https://idp.example.org/other', verified: true, location: '/Response/Assertion/Issuer' } }],
    ['status.failure', { status: { code: 'urn:oasis:names:tc:SAML:2.0:status:Responder', secondLevelCode: 'urn:oasis:names:tc:SAML:2.0:status:RequestDenied' }, assertion: undefined, subject: undefined, conditions: undefined, subjectConfirmations: [], attributes: [] }],
    ['status.failure', { status: { code: 'urn:oasis:names:tc:SAML:2.0:status:Requester', secondLevelCode: 'urn:oasis:names:tc:SAML:2.0:status:InvalidNameIDPolicy' }, assertion: undefined }],
    ['nameid.format-mismatch', { subject: { nameId: 'jdoe', format: NAMEID_FORMAT.persistent, verified: true } }],
  ];
  for (const [id, overrides] of cases) {
    it(`${id}: the fix names the IdP, not the AWS console`, () => {
      const findings = genericRun(overrides).filter((f) => f.id === id);
      if (id === 'nameid.format-mismatch' && findings.length === 0) return; // raised only when the SP asks for a format
      expect(findings.length).toBeGreaterThan(0);
      for (const f of findings) {
        expect(f.fix.where).not.toBe('aws-console');
        expect(mentionsAws(f)).toEqual([]);
      }
    });
  }

  it('the AWS profile keeps its console fixes', () => {
    const findings = runMessageChecks(makeMessage({ destination: `${ACS_URL}x` }), makeContext());
    expect(findings.find((f) => f.id === 'destination.mismatch')?.fix.where).toBe('aws-console');
  });
});

describe('generic IdP profile: JIT simulation fixes stay out of the AWS console', () => {
  it('a missing e-mail attribute, a missing group attribute and a missing NameID name the IdP', async () => {
    const { simulateLogin } = await import('../../../src-main/core/jit/simulate-login.js');
    const { loadExample, makeMessage: makeJitMessage, jiraAttributes } = await import('../jit/helpers.js');
    const { profile, snapshot } = await loadExample('jira-atlassian-sso');
    const generic = (spec: Parameters<typeof makeJitMessage>[0]) => ({ ...makeJitMessage(spec), issuer: GENERIC_ISSUER });
    const results = [
      simulateLogin(generic({ attributes: jiraAttributes({ email: undefined }) }), profile, snapshot),
      simulateLogin(generic({ attributes: jiraAttributes({ groups: undefined }) }), profile, snapshot),
      simulateLogin(generic({ nameId: null, attributes: jiraAttributes() }), profile, snapshot),
    ];
    const findings = results.flatMap((r) => r.findings);
    expect(findings.map((f) => f.id)).toEqual(expect.arrayContaining(['jit.attribute-missing', 'jit.groups-not-sent']));
    for (const f of findings) {
      expect(f.fix.where).not.toBe('aws-console');
      expect(mentionsAws(f)).toEqual([]);
      expect(f.message).not.toMatch(/IAM Identity Center/);
    }
  });
});
