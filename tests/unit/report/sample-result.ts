/**
 * A hand-built AnalysisResult around a real signed AWS-shaped response, with every kind of personal value a
 * report can meet: NameID, e-mail, names, username, message IDs, SessionIndex, RelayState, client address,
 * and findings whose prose and fix quote them. Independent of `analyze`, so report tests pin the redaction
 * contract even when the checks change.
 */
import type { AnalysisResult } from '../../../src-main/core/model/result.js';
import type { MessageResult } from '../../../src-main/core/model/message.js';
import { describeCertificate } from '../../../src-main/core/signature/certificate-info.js';
import { signedAwsResponse, awsIssuer, DEFAULTS, NAMEID_FORMAT } from '../../fixtures/aws-response.js';
import { IDP_KEY } from '../../fixtures/keys.js';

/** Distinctive values, so "does not appear as a substring" cannot be a false positive from template text. */
export const PERSON = {
  nameId: 'marguerite.oyelaran@example.org',
  emailUpper: 'Marguerite.Oyelaran@Example.org',
  firstName: 'Marguerite',
  lastName: 'Oyelaran-Whitfield',
  displayName: 'Marguerite Oyelaran-Whitfield',
  username: 'moyelaran7',
  department: 'Quantitative Research',
  groupId: '9a6730e8-60a1-70e0-1bd3-0a1b2c3d4e5f',
  responseId: '_resp-7f3a9c21d0e4',
  assertionId: '_assert-5b8e0d44aa91',
  inResponseTo: '_req-1c2d3e4f5a6b',
  relayState: 'https://jira.example.com/browse/PROJ-42?selectedUser=moyelaran7',
  address: '203.0.113.77',
} as const;

export const NOW = '2026-11-29T10:20:00.000Z';

export function sampleXml(): string {
  return signedAwsResponse({
    nameId: PERSON.nameId,
    responseId: PERSON.responseId,
    assertionId: PERSON.assertionId,
    inResponseTo: PERSON.inResponseTo,
    attributes: [
      { name: 'email', values: [PERSON.nameId] },
      { name: 'firstName', values: [PERSON.firstName] },
      { name: 'lastName', values: [PERSON.lastName] },
      { name: 'displayName', values: [PERSON.displayName] },
      { name: 'username', values: [PERSON.username] },
      { name: 'department', values: [PERSON.department] },
      { name: 'groups', values: [PERSON.groupId] },
    ],
  });
}

/** The SessionIndex the fixture generated (random per response). */
export function sessionIndexOf(xml: string): string {
  const m = /SessionIndex="([^"]+)"/.exec(xml);
  if (!m?.[1]) throw new Error('fixture response has no SessionIndex');
  return m[1];
}

export function sampleResult(xml = sampleXml(), source = '/home/jdoe/Downloads/jira-login.saml'): AnalysisResult {
  const certificate = describeCertificate(IDP_KEY.certificatePem, 'idp-metadata');
  const issuer = awsIssuer();
  const issueInstant = DEFAULTS.issueInstant.toISOString();
  const sessionIndex = sessionIndexOf(xml);
  const message: MessageResult = {
    index: 0,
    type: 'Response',
    binding: 'HTTP-POST',
    verdict: 'fail',
    id: PERSON.responseId,
    inResponseTo: PERSON.inResponseTo,
    destination: DEFAULTS.acsUrl,
    issueInstant,
    relayState: PERSON.relayState,
    status: { code: 'urn:oasis:names:tc:SAML:2.0:status:Success' },
    signature: {
      status: 'valid',
      signedElements: ['Response', 'Assertion'],
      signedPaths: ['/Response', '/Response/Assertion'],
      rejectedSignedPaths: [],
      signatures: [
        {
          location: '/Response/Signature',
          parent: 'Response',
          referenceUri: `#${PERSON.responseId}`,
          signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
          digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
          canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
          transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
          accepted: true,
          cryptoValid: true,
          verifiedBy: certificate.sha256Fingerprint,
        },
      ],
      certificate,
      keyInfoCertificates: [{ ...certificate, source: 'keyinfo' }],
    },
    issuer: issuer, issuerDetail: { value: issuer, verified: true, location: '/Response/Assertion/Issuer' },
    subject: { nameId: PERSON.nameId, format: NAMEID_FORMAT.emailAddress, verified: true },
    conditions: { notBefore: '2026-11-29T09:55:00.000Z', notOnOrAfter: '2026-11-29T11:00:00.000Z', audiences: [DEFAULTS.audience], oneTimeUse: false },
    subjectConfirmations: [
      { method: 'urn:oasis:names:tc:SAML:2.0:cm:bearer', recipient: DEFAULTS.acsUrl, notOnOrAfter: '2026-11-29T11:00:00.000Z', inResponseTo: PERSON.inResponseTo, address: PERSON.address },
    ],
    authnStatement: { authnInstant: issueInstant, sessionIndex, sessionNotOnOrAfter: '2026-11-29T22:00:00.000Z', authnContextClassRef: 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport' },
    attributes: [
      { name: 'email', nameFormat: 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified', values: [PERSON.nameId], verified: true, likelyAwsSource: '${user:email}' },
      { name: 'firstName', values: [PERSON.firstName], verified: true, likelyAwsSource: '${user:givenName}' },
      { name: 'lastName', values: [PERSON.lastName], verified: true, likelyAwsSource: '${user:familyName}' },
      { name: 'displayName', values: [PERSON.displayName], verified: true },
      { name: 'username', values: [PERSON.username], verified: true, likelyAwsSource: '${user:preferredUsername}' },
      { name: 'department', values: [PERSON.department], verified: true },
      { name: 'groups', values: [PERSON.groupId], verified: true, likelyAwsSource: '${user:groups}' },
    ],
    assertion: { id: PERSON.assertionId, issueInstant, encrypted: false, emptyAttributeStatement: false },
    findings: [
      {
        id: 'recipient.mismatch',
        severity: 'error',
        title: 'Recipient differs from the ACS URL',
        message: `The response for ${PERSON.nameId} (${PERSON.displayName}) is addressed to ${DEFAULTS.acsUrl}, but Jira expects https://jira.example.com/plugins/servlet/samlconsumer/ (trailing slash).`,
        fix: {
          summary: `Set the application ACS URL in AWS so that ${PERSON.firstName}'s next login is accepted.`,
          where: 'aws-console',
          path: 'IAM Identity Center → Applications → Jira → Actions → Edit configuration',
          field: 'Application ACS URL',
          value: 'https://jira.example.com/plugins/servlet/samlconsumer/',
          steps: ['Open the application.', `Sign in again as ${PERSON.username} to check.`],
        },
        evidence: [
          { location: '/Response/Assertion/Subject/SubjectConfirmation/SubjectConfirmationData/@Recipient', value: DEFAULTS.acsUrl, expected: 'https://jira.example.com/plugins/servlet/samlconsumer/' },
          { location: '/Response/Assertion/Subject/NameID', site: { personalKind: 'nameid' }, value: PERSON.nameId, personal: true },
        ],
      },
      {
        id: 'aws.groups-are-ids',
        severity: 'warning',
        title: 'Group values are IDs, not names',
        message: `The attribute "groups" carries ${PERSON.groupId}, an identity-store group ID; Jira would create a group with that name for ${PERSON.lastName}.`,
        fix: { summary: 'Map a group attribute only if the engine can resolve IDs; otherwise manage groups in Jira.', where: 'aws-console', path: 'IAM Identity Center → Applications → Jira → Actions → Edit attribute mappings' },
        evidence: [{ location: '/Response/Assertion/AttributeStatement/Attribute[@Name="groups"]/AttributeValue', site: { attributeName: 'groups' }, value: PERSON.groupId, personal: true }],
        inferred: true,
      },
      {
        id: 'jit.case-mismatch',
        severity: 'warning',
        title: 'Username differs only by case',
        message: `Jira has ${PERSON.emailUpper} while the response says ${PERSON.nameId}; the department is ${PERSON.department}.`,
        fix: { summary: 'Make the e-mail address in AWS match the Jira user exactly.', where: 'atlassian-admin', value: PERSON.emailUpper },
        evidence: [{ location: 'Jira user directory', value: PERSON.emailUpper, expected: PERSON.nameId, personal: true }],
      },
    ],
    xml,
  };
  return {
    schemaVersion: 1,
    input: { source, detected: 'xml' },
    findings: [
      {
        id: 'flow.unsolicited',
        severity: 'info',
        title: 'IdP-initiated (unsolicited) response',
        message: 'The capture starts at the AWS access portal.',
        fix: { summary: 'Nothing to change.', where: 'none' },
        evidence: [{ location: `RelayState`, site: { personalKind: 'relay-state' }, value: PERSON.relayState, personal: true }],
      },
    ],
    messages: [message],
    context: { profile: 'aws', aws: { region: DEFAULTS.region, accountId: DEFAULTS.accountId, applicationInstanceId: DEFAULTS.instanceId, encodedId: issuer.split('/').pop()! }, now: NOW, clockSkewSeconds: 180 },
  };
}

/** Every personal value the sample holds, including generated ones read back from the XML. */
export function personalValuesOf(result: AnalysisResult): string[] {
  const m = result.messages[0]!;
  return [
    PERSON.nameId,
    PERSON.emailUpper,
    PERSON.firstName,
    PERSON.lastName,
    PERSON.displayName,
    PERSON.username,
    PERSON.department,
    PERSON.groupId,
    PERSON.responseId,
    PERSON.assertionId,
    PERSON.inResponseTo,
    PERSON.relayState,
    PERSON.address,
    'jdoe',
    m.authnStatement!.sessionIndex!,
  ];
}
