import { describe, expect, it } from 'vitest';
import { runMessageChecks } from '../../../src-main/core/checks/index.js';
import { awsIssuer, NAMEID_FORMAT } from '../../fixtures/aws-response.js';
import { expectActionable } from './assert-finding.js';
import { ACS_URL, ISSUE_INSTANT, ISSUER, NOW, SP_ENTITY_ID, ids, makeContext, makeMessage, makeOptions, only } from './message-factory.js';

const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);
const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';

describe('status.failure', () => {
  it('explains top-level and second-level codes and the AWS "No access" case', () => {
    const message = makeMessage({
      status: { code: 'urn:oasis:names:tc:SAML:2.0:status:Responder', secondLevelCode: 'urn:oasis:names:tc:SAML:2.0:status:RequestDenied', message: 'No access' },
      assertion: undefined, subject: undefined, conditions: undefined, subjectConfirmations: [], attributes: [],
    });
    const findings = runMessageChecks(message, makeContext());
    const f = only(findings, 'status.failure');
    expectActionable(f);
    expect(f.severity).toBe('error');
    expect(f.message).toContain('Responder');
    expect(f.message).toContain('RequestDenied');
    expect(f.message).toContain('"No access"');
    expect(f.message).toContain('not assigned');
    expect(f.fix.where).toBe('aws-console');
    expect(f.fix.path).toContain('Assign users and groups');
    // No assertion: the AWS attribute checks have nothing to judge.
    expect(ids(findings)).not.toContain('aws.groups-not-sent');
  });

  it('points an InvalidNameIDPolicy failure at the Subject format', () => {
    const message = makeMessage({ status: { code: 'urn:oasis:names:tc:SAML:2.0:status:Requester', secondLevelCode: 'urn:oasis:names:tc:SAML:2.0:status:InvalidNameIDPolicy' }, assertion: undefined });
    const f = only(runMessageChecks(message, makeContext()), 'status.failure');
    expect(f.fix.field).toBe('Subject → Format');
    expect(f.fix.path).toContain('Edit attribute mappings');
  });
});

describe('issuer.mismatch', () => {
  it('names the other application in the same account', () => {
    const other = awsIssuer('eu-west-1', '123456789012', 'ins-0000000000000001');
    const message = makeMessage({ issuer: other, issuerDetail: { value: other, verified: false, location: '/Response/Assertion/Issuer' }, responseIssuer: { value: other, verified: false, location: '/Response/Issuer' } });
    const f = only(runMessageChecks(message, makeContext()), 'issuer.mismatch');
    expectActionable(f);
    expect(f.message).toContain('application instance ins-0000000000000001');
    expect(f.message).toContain('application instance ins-3f5a2b1c4d6e7f80');
    expect(f.message).toContain('another application in the same account');
    expect(f.evidence.map((e) => e.location)).toEqual(expect.arrayContaining(['/Response/Issuer', '/Response/Assertion/Issuer']));
    expect(f.fix.where).toBe('atlassian-sso');
    expect(f.fix.field).toBe('Single sign-on issuer');
    expect(f.fix.steps?.join(' ')).toContain('/saml/metadata/');
  });

  it('says when the response came from another AWS account', () => {
    const other = awsIssuer('eu-west-1', '999999999999', 'ins-3f5a2b1c4d6e7f80');
    const f = only(runMessageChecks(makeMessage({ issuer: other, issuerDetail: { value: other, verified: true, location: '/Response/Assertion/Issuer' }, responseIssuer: undefined }), makeContext()), 'issuer.mismatch');
    expect(f.message).toContain('another AWS account');
  });

  it('names a trailing slash and proposes the exact value', () => {
    const f = only(runMessageChecks(makeMessage(), makeContext({ options: makeOptions({ idpMetadata: { ...makeOptions().idpMetadata!, entityId: `${ISSUER}/` } }) })), 'issuer.mismatch');
    expect(f.message).toContain('trailing slash');
    expect(f.fix.value).toBe(ISSUER);
  });

  it('is silent without IdP metadata', () => {
    expect(ids(runMessageChecks(makeMessage(), makeContext({ options: makeOptions({ idpMetadata: undefined }) })))).not.toContain('issuer.mismatch');
  });
});

describe('destination.mismatch and recipient.mismatch', () => {
  it('names http vs https and sets the AWS "Application ACS URL"', () => {
    const http = ACS_URL.replace('https:', 'http:');
    const findings = runMessageChecks(
      makeMessage({ destination: http, subjectConfirmations: [{ method: BEARER, recipient: http, notOnOrAfter: at(3_600_000).toISOString() }] }),
      makeContext(),
    );
    for (const id of ['destination.mismatch', 'recipient.mismatch']) {
      const f = only(findings, id);
      expectActionable(f);
      expect(f.message).toContain('http instead of https');
      expect(f.fix.where).toBe('aws-console');
      expect(f.fix.path).toContain('Edit configuration');
      expect(f.fix.field).toBe('Application ACS URL');
      expect(f.fix.value).toBe(ACS_URL);
      // Behind a TLS-terminating proxy the Atlassian base URL may be the real culprit.
      expect(f.fix.steps?.join(' ')).toContain('Base URL');
    }
  });

  it('recognises the other SSO implementation\'s ACS path', () => {
    const resolutionAcs = 'https://jira.example.com/plugins/servlet/samlsso';
    const f = only(runMessageChecks(makeMessage({ destination: resolutionAcs }), makeContext()), 'destination.mismatch');
    expect(f.message).toContain('resolution SAML SSO');
    expect(f.message).toContain('near miss');
  });

  it('uses the SP metadata ACS when no explicit ACS URL is set', () => {
    const options = makeOptions({
      sp: {},
      spMetadata: { entityId: SP_ENTITY_ID, assertionConsumerServices: [{ binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST', location: `${ACS_URL}/` }], nameIdFormats: [], encryptionCertificates: [] },
    });
    const f = only(runMessageChecks(makeMessage(), makeContext({ options })), 'recipient.mismatch');
    expect(f.message).toContain('trailing slash');
    expect(f.evidence.at(-1)?.location).toContain('SP metadata');
  });
});

describe('audience.mismatch', () => {
  it('names the near miss and sets "Application SAML audience"', () => {
    const f = only(runMessageChecks(makeMessage({ conditions: { notBefore: ISSUE_INSTANT, notOnOrAfter: at(3_600_000).toISOString(), audiences: [`${SP_ENTITY_ID}/`], oneTimeUse: false } }), makeContext()), 'audience.mismatch');
    expectActionable(f);
    expect(f.message).toContain('trailing slash');
    expect(f.fix.field).toBe('Application SAML audience');
    expect(f.fix.value).toBe(SP_ENTITY_ID);
  });

  it('reports a missing AudienceRestriction', () => {
    const f = only(runMessageChecks(makeMessage({ conditions: { audiences: [], oneTimeUse: false } }), makeContext()), 'audience.mismatch');
    expect(f.message).toContain('no Audience');
  });
});

describe('time.expired and time.not-yet-valid', () => {
  it('says by how much and calls a few minutes beyond skew clock drift', () => {
    const expiredAt = at(-(180 + 120) * 1000).toISOString(); // 5 min ago: 2 min beyond the 3 min skew
    const message = makeMessage({
      conditions: { notBefore: at(-3_600_000).toISOString(), notOnOrAfter: expiredAt, audiences: [SP_ENTITY_ID], oneTimeUse: false },
      subjectConfirmations: [{ method: BEARER, recipient: ACS_URL, notOnOrAfter: expiredAt }],
    });
    const f = only(runMessageChecks(message, makeContext()), 'time.expired');
    expectActionable(f);
    expect(f.message).toContain('5 min ago');
    expect(f.message).toContain('2 min beyond the allowed clock skew of 3 min');
    expect(f.message).toContain('looks like clock drift');
    expect(f.fix.where).toBe('clock');
    expect(f.evidence.map((e) => e.location)).toEqual(
      expect.arrayContaining(['/Response/Assertion/Conditions/@NotOnOrAfter', '/Response/Assertion/Subject/SubjectConfirmation[1]/SubjectConfirmationData/@NotOnOrAfter']),
    );
  });

  it('does not call an hours-old response clock drift and suggests --now', () => {
    const message = makeMessage({ conditions: { notOnOrAfter: at(-3 * 3_600_000).toISOString(), audiences: [SP_ENTITY_ID], oneTimeUse: false } });
    const f = only(runMessageChecks(message, makeContext()), 'time.expired');
    expect(f.message).toContain('far more than clock drift');
    expect(f.fix.where).toBe('samlscope-input');
    expect(f.fix.value).toBe(ISSUE_INSTANT);
  });

  it('accepts a bound within the allowed skew', () => {
    const message = makeMessage({ conditions: { notBefore: at(170_000).toISOString(), notOnOrAfter: at(-170_000).toISOString(), audiences: [SP_ENTITY_ID], oneTimeUse: false } });
    const found = ids(runMessageChecks(message, makeContext()));
    expect(found).not.toContain('time.expired');
    expect(found).not.toContain('time.not-yet-valid');
  });

  it('reports NotBefore in the future', () => {
    const message = makeMessage({ conditions: { notBefore: at(8 * 60_000).toISOString(), notOnOrAfter: at(3_600_000).toISOString(), audiences: [SP_ENTITY_ID], oneTimeUse: false } });
    const f = only(runMessageChecks(message, makeContext()), 'time.not-yet-valid');
    expectActionable(f);
    expect(f.message).toContain('8 min ahead, 5 min beyond');
    expect(f.message).toContain('behind');
  });

  it('honours a custom clock skew', () => {
    const message = makeMessage({ conditions: { notBefore: at(8 * 60_000).toISOString(), audiences: [SP_ENTITY_ID], oneTimeUse: false } });
    expect(ids(runMessageChecks(message, makeContext({ options: makeOptions({ clockSkewSeconds: 600 }) })))).not.toContain('time.not-yet-valid');
  });
});

describe('flow.in-response-to-mismatch and flow.unsolicited', () => {
  const request = makeMessage({ type: 'AuthnRequest', id: '_request-A', request: { nameIdPolicyFormat: undefined } });

  it('reports a response to another request', () => {
    const message = makeMessage({ inResponseTo: '_request-B', subjectConfirmations: [{ method: BEARER, recipient: ACS_URL, notOnOrAfter: at(3_600_000).toISOString(), inResponseTo: '_request-B' }] });
    const f = only(runMessageChecks(message, makeContext({ authnRequest: request })), 'flow.in-response-to-mismatch');
    expectActionable(f);
    expect(f.message).toContain('_request-B');
    expect(f.message).toContain('_request-A');
    expect(f.evidence[0]?.expected).toBe('_request-A');
  });

  it('accepts the matching request and raises no unsolicited finding', () => {
    const message = makeMessage({ inResponseTo: '_request-A', subjectConfirmations: [{ method: BEARER, recipient: ACS_URL, notOnOrAfter: at(3_600_000).toISOString(), inResponseTo: '_request-A' }] });
    const found = ids(runMessageChecks(message, makeContext({ authnRequest: request })));
    expect(found).not.toContain('flow.in-response-to-mismatch');
    expect(found).not.toContain('flow.unsolicited');
  });

  it('reports Response and SubjectConfirmationData that answer different requests', () => {
    const message = makeMessage({ inResponseTo: '_request-A', subjectConfirmations: [{ method: BEARER, recipient: ACS_URL, notOnOrAfter: at(3_600_000).toISOString(), inResponseTo: '_request-X' }] });
    expect(ids(runMessageChecks(message, makeContext()))).toContain('flow.in-response-to-mismatch');
  });

  it('marks an IdP-initiated response as information, naming the AWS portal tile', () => {
    const f = only(runMessageChecks(makeMessage(), makeContext()), 'flow.unsolicited');
    expect(f.severity).toBe('info');
    expect(f.message).toContain('access portal');
    expect(f.fix.field).toBe('Application start URL');
  });
});

describe('subject.confirmation', () => {
  it('reports a missing bearer confirmation', () => {
    const f = only(runMessageChecks(makeMessage({ subjectConfirmations: [{ method: 'urn:oasis:names:tc:SAML:2.0:cm:holder-of-key' }] }), makeContext()), 'subject.confirmation');
    expectActionable(f);
    expect(f.message).toContain('holder-of-key');
    expect(f.message).toContain('IAM Identity Center always sends one');
  });

  it('reports a bearer confirmation without Recipient', () => {
    const f = only(runMessageChecks(makeMessage({ subjectConfirmations: [{ method: BEARER, notOnOrAfter: at(3_600_000).toISOString() }] }), makeContext({ profile: 'generic' })), 'subject.confirmation');
    expect(f.message).toContain('lacks Recipient');
    expect(f.fix.value).toBe(ACS_URL);
  });
});

describe('nameid.format-mismatch', () => {
  it('compares with the AuthnRequest NameIDPolicy and fixes the AWS Subject format', () => {
    const request = makeMessage({ type: 'AuthnRequest', id: '_r', request: { nameIdPolicyFormat: NAMEID_FORMAT.persistent } });
    const message = makeMessage({ inResponseTo: '_r' });
    const f = only(runMessageChecks(message, makeContext({ authnRequest: request })), 'nameid.format-mismatch');
    expectActionable(f);
    expect(f.message).toContain('emailAddress');
    expect(f.message).toContain('persistent');
    expect(f.fix.field).toBe('Subject → Format');
    expect(f.fix.value).toBe('persistent');
  });

  it('compares with the SP metadata NameIDFormat, ignoring unspecified', () => {
    const sp = (formats: string[]) => makeOptions({ spMetadata: { entityId: SP_ENTITY_ID, assertionConsumerServices: [], nameIdFormats: formats, encryptionCertificates: [] } });
    expect(ids(runMessageChecks(makeMessage(), makeContext({ options: sp([NAMEID_FORMAT.transient]) })))).toContain('nameid.format-mismatch');
    expect(ids(runMessageChecks(makeMessage(), makeContext({ options: sp([NAMEID_FORMAT.unspecified]) })))).not.toContain('nameid.format-mismatch');
    expect(ids(runMessageChecks(makeMessage(), makeContext({ options: sp([NAMEID_FORMAT.emailAddress]) })))).not.toContain('nameid.format-mismatch');
  });
});

describe('assertion.encrypted', () => {
  it('is information naming the decrypting key, and unexpected for AWS', () => {
    const message = makeMessage({ assertion: { id: '_a', encrypted: true, decryptedWith: 'sp-key.pem', emptyAttributeStatement: false } });
    const f = only(runMessageChecks(message, makeContext()), 'assertion.encrypted');
    expectActionable(f);
    expect(f.severity).toBe('info');
    expect(f.message).toContain('sp-key.pem');
    expect(f.message).toContain('does not encrypt');
  });

  it('stays quiet on attributes it could not read', () => {
    const message = makeMessage({ assertion: { encrypted: true, emptyAttributeStatement: false }, attributes: [], subject: undefined, subjectConfirmations: [], conditions: undefined });
    const found = ids(runMessageChecks(message, makeContext()));
    expect(found).toContain('assertion.encrypted');
    expect(found).not.toContain('aws.groups-not-sent');
    expect(found).not.toContain('subject.confirmation');
  });
});
