/**
 * Builds MessageResult objects the way the engine fills them for an AWS IAM Identity Center response
 * to Jira (same defaults as tests/fixtures/aws-response.ts), so checks can be tested without XML.
 * The defaults describe a correct setup: every override introduces exactly one problem.
 */
import { DEFAULTS, NAMEID_FORMAT, awsIssuer } from '../../fixtures/aws-response.js';
import { IDP_KEY } from '../../fixtures/keys.js';
import type { CheckContext } from '../../../src-main/core/checks/index.js';
import type { CertificateInfo } from '../../../src-main/core/model/certificate.js';
import type { Finding } from '../../../src-main/core/model/finding.js';
import type { MessageResult } from '../../../src-main/core/model/message.js';
import { defaultOptions, type AnalysisOptions } from '../../../src-main/core/model/options.js';
import { describeCertificate } from '../../../src-main/core/signature/certificate-info.js';

export const ISSUER = awsIssuer();
export const ACS_URL = DEFAULTS.acsUrl;
export const SP_ENTITY_ID = DEFAULTS.audience;
export const ISSUE_INSTANT = DEFAULTS.issueInstant.toISOString();
/** Thirty seconds after the response was issued. */
export const NOW = new Date(DEFAULTS.issueInstant.getTime() + 30_000);

const minutes = (n: number) => new Date(DEFAULTS.issueInstant.getTime() + n * 60_000).toISOString();

export function idpCertificateInfo(): CertificateInfo {
  return describeCertificate(IDP_KEY.certificatePem, 'idp-metadata');
}

export function makeMessage(overrides: Partial<MessageResult> = {}): MessageResult {
  const base: MessageResult = {
    index: 0,
    type: 'Response',
    binding: 'HTTP-POST',
    verdict: 'pass',
    id: '_response-1',
    destination: ACS_URL,
    issueInstant: ISSUE_INSTANT,
    status: { code: 'urn:oasis:names:tc:SAML:2.0:status:Success' },
    signature: {
      status: 'valid',
      signedElements: ['Response', 'Assertion'],
      signedPaths: ['/Response', '/Response/Assertion'],
      rejectedSignedPaths: [],
      signatures: [
        { location: '/Response/Signature', parent: 'Response', referenceUri: '#_response-1', transforms: [], accepted: true, cryptoValid: true },
        { location: '/Response/Assertion/Signature', parent: 'Assertion', referenceUri: '#_assertion-1', transforms: [], accepted: true, cryptoValid: true },
      ],
      certificate: idpCertificateInfo(),
      keyInfoCertificates: [],
    },
    issuer: ISSUER, issuerDetail: { value: ISSUER, verified: true, location: '/Response/Assertion/Issuer' },
    responseIssuer: { value: ISSUER, verified: true, location: '/Response/Issuer' },
    subject: { nameId: DEFAULTS.nameId, format: NAMEID_FORMAT.emailAddress, verified: true },
    conditions: { notBefore: minutes(-5), notOnOrAfter: minutes(60), audiences: [SP_ENTITY_ID], oneTimeUse: false },
    subjectConfirmations: [{ method: 'urn:oasis:names:tc:SAML:2.0:cm:bearer', recipient: ACS_URL, notOnOrAfter: minutes(60) }],
    authnStatement: { authnInstant: ISSUE_INSTANT, sessionIndex: '_session-1', sessionNotOnOrAfter: minutes(720) },
    attributes: [
      { name: 'email', nameFormat: 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified', values: [DEFAULTS.nameId], verified: true },
      { name: 'firstName', values: ['Jane'], verified: true },
      { name: 'lastName', values: ['Doe'], verified: true },
      { name: 'displayName', values: ['Jane Doe'], verified: true },
    ],
    assertion: { id: '_assertion-1', issueInstant: ISSUE_INSTANT, encrypted: false, emptyAttributeStatement: false },
    findings: [],
    xml: '<saml2p:Response/>',
  };
  return { ...base, ...overrides };
}

export function makeOptions(overrides: Partial<AnalysisOptions> = {}): AnalysisOptions {
  return defaultOptions(NOW, {
    trustedCertificates: [{ pem: IDP_KEY.certificatePem, source: 'idp-metadata', origin: 'aws-metadata.xml' }],
    idpMetadata: {
      entityId: ISSUER,
      signingCertificates: [IDP_KEY.certificateBase64],
      ssoServices: [{ binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST', location: ISSUER }],
      sloServices: [],
      nameIdFormats: [NAMEID_FORMAT.emailAddress],
    },
    sp: { entityId: SP_ENTITY_ID, acsUrl: ACS_URL },
    ...overrides,
  });
}

export function makeContext(overrides: Partial<CheckContext> = {}): CheckContext {
  return { options: makeOptions(), profile: 'aws', ...overrides };
}

export function ids(findings: Finding[]): string[] {
  return findings.map((f) => f.id);
}

export function only(findings: Finding[], id: string): Finding {
  const matching = findings.filter((f) => f.id === id);
  if (matching.length !== 1) throw new Error(`expected exactly one ${id}, got ${matching.length}: ${ids(findings).join(', ')}`);
  return matching[0] as Finding;
}
