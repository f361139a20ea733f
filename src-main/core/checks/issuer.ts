/**
 * issuer.mismatch: the Response or Assertion Issuer differs from the IdP metadata's entityID.
 * IAM Identity Center gives every application its own entity ID (its sign-in URL), so decoding both
 * says whether the response came from another application, another account or another region.
 */
import { awsMetadataUrl, awsSignInUrl, decodeAwsIssuer, describeAwsApplication } from '../aws/issuer.js';
import { atlassianSsoFix, atlassianSsoStep, resolutionStep } from '../fixes/atlassian.js';
import { awsMetadataDownloadStep } from '../fixes/aws-console.js';
import { makeFinding } from '../findings/make-finding.js';
import type { Evidence, Finding, Fix } from '../model/finding.js';
import type { MessageResult, ReadValue } from '../model/message.js';
import type { AwsIssuerInfo } from '../model/result.js';
import type { CheckRun } from './check-run.js';
import { expectedIdpEntityId } from './expected-values.js';
import { describeDifference, type ValueDifference } from './url-difference.js';

export function checkIssuer(message: MessageResult, run: CheckRun): Finding[] {
  const expected = expectedIdpEntityId(run.options);
  if (!expected) return [];
  const issuers = [message.responseIssuer, message.issuerDetail].filter((i): i is ReadValue => i !== undefined);
  const differing = issuers.filter((i) => i.value !== expected.value);
  if (differing.length === 0) return [];

  // Response and Assertion issuers are normally identical; explain the first one that differs.
  const first = differing[0] as ReadValue;
  const difference = describeDifference(first.value, expected.value) as ValueDifference;
  const received = decodeAwsIssuer(first.value);
  const configured = decodeAwsIssuer(expected.value);
  const evidence: Evidence[] = differing.map((i) => ({ location: i.location, value: i.value, expected: expected.value, unverified: !i.verified }));
  evidence.push({ location: expected.source, value: expected.value });

  const sameApplication = received !== undefined && configured !== undefined && received.encodedId === configured.encodedId && received.encodedId !== '';
  // Two AWS entity IDs always share host and path prefix; only the decoded ids say how they relate.
  const bothAws = received !== undefined && configured !== undefined;
  const spellingOnly = sameApplication || (!bothAws && difference.nearMiss && !difference.kinds.some((k) => k === 'other-path' || k === 'sso-implementation'));
  const how = bothAws && !sameApplication ? '' : `: ${difference.description}`;
  const message_ = [`The response's Issuer (${first.value}) is not the IdP entity ID the SP trusts (${expected.value})${how}.`];
  message_.push(explainApplications(received, configured, sameApplication));
  message_.push('The Atlassian side compares the issuer exactly and rejects the response.');

  return [
    makeFinding('issuer.mismatch', {
      message: message_.join(' '),
      evidence,
      fix: issuerFix(first.value, expected.value, received, configured, spellingOnly, run.profile),
    }),
  ];
}

function explainApplications(received: AwsIssuerInfo | undefined, configured: AwsIssuerInfo | undefined, sameApplication: boolean): string {
  if (received && configured) {
    if (sameApplication) return `Both name the same IAM Identity Center application (${describeAwsApplication(received)}); only the spelling differs.`;
    const from = `The response came from ${describeAwsApplication(received)}; the SP is configured for ${describeAwsApplication(configured)}.`;
    if (received.accountId && configured.accountId && received.accountId !== configured.accountId) {
      return `${from} That is another AWS account, so another IAM Identity Center instance signed it.`;
    }
    if (received.region !== configured.region) return `${from} That is another region's IAM Identity Center.`;
    return (
      `${from} That is another application in the same account: IAM Identity Center issues one entity ID per application, so either the user started from another application's tile in the AWS access portal, ` +
      'or the Atlassian side holds the metadata of another (or a deleted and re-created) application.'
    );
  }
  if (received) return `The response came from IAM Identity Center (${describeAwsApplication(received)}), but the SP is configured for an IdP that is not IAM Identity Center.`;
  if (configured) return `The SP is configured for IAM Identity Center (${describeAwsApplication(configured)}), but the response came from another IdP or a proxy.`;
  return 'The response came from another IdP than the one configured, or the IdP changed its entity ID.';
}

function issuerFix(received: string, expected: string, receivedAws: AwsIssuerInfo | undefined, configuredAws: AwsIssuerInfo | undefined, spellingOnly: boolean, profile: 'aws' | 'generic'): Fix {
  if (spellingOnly) {
    // Same application, different spelling: the IdP's own value is authoritative.
    return atlassianSsoFix({
      summary: `Set the Atlassian side's IdP issuer to exactly what the IdP sends: ${received}.`,
      field: 'Single sign-on issuer',
      value: received,
      steps: [
        atlassianSsoStep('Single sign-on issuer', `set to ${received} (copy it from the IdP metadata, not by hand).`),
        resolutionStep(`re-import the IdP metadata so the entity ID becomes ${received}.`),
      ],
    });
  }
  const receivedMetadata = receivedAws ? awsMetadataUrl(receivedAws) : undefined;
  const configuredSignIn = configuredAws ? awsSignInUrl(configuredAws) : undefined;
  return atlassianSsoFix({
    summary: 'Decide which IdP application the Atlassian product should trust and make users and the Atlassian settings use that one.',
    field: 'Single sign-on issuer',
    steps: [
      profile === 'aws'
        ? `If ${expected} is the right application: have users start from it (its tile in the AWS access portal, or the Atlassian login page, which sends them to ${configuredSignIn ?? 'the configured "Identity provider single sign-on URL"'}), and remove the other application's assignment if it should not be used.`
        : `If ${expected} is the right IdP: have users start from the Atlassian login page (which sends them to the configured "Identity provider single sign-on URL") or from that IdP's own application portal, not from another IdP's.`,
      `If ${received} is the right application: load its metadata${receivedMetadata ? ` (${receivedMetadata})` : ''} on the Atlassian side.`,
      atlassianSsoStep('Single sign-on issuer', `the entity ID of the chosen application; set "Identity provider single sign-on URL" and "Public x509 certificate" from the same metadata.`),
      resolutionStep('import the chosen application\'s metadata (metadata URL or file) and save.'),
      ...(configuredAws ? [awsMetadataDownloadStep(configuredAws)] : []),
    ],
  });
}
