/**
 * Shared by destination.mismatch and recipient.mismatch: both carry the ACS URL the IdP is configured with
 * (AWS: "Application ACS URL", https://docs.aws.amazon.com/singlesignon/latest/userguide/samlapps.html), so both
 * are fixed on the same IdP field.
 */
import { atlassianSsoStep, resolutionStep } from '../fixes/atlassian.js';
import { awsConfigurationFix } from '../fixes/aws-console.js';
import { genericIdpFix } from '../fixes/idp-generic.js';
import type { Fix } from '../model/finding.js';
import type { AwsIssuerInfo } from '../model/result.js';
import type { ExpectedValue } from './expected-values.js';
import { describeDifference, type ValueDifference } from './url-difference.js';

export interface AcsComparison {
  expected: ExpectedValue;
  difference: ValueDifference;
}

/** Undefined when the value equals one of the SP's ACS URLs; else the closest expected value and how it differs. */
export function compareWithAcs(received: string, expected: ExpectedValue[]): AcsComparison | undefined {
  if (expected.length === 0 || expected.some((e) => e.value === received)) return undefined;
  const compared = expected.map((e) => ({ expected: e, difference: describeDifference(received, e.value) as ValueDifference }));
  return compared.find((c) => c.difference.nearMiss) ?? compared[0];
}

/** Set AWS's "Application ACS URL" to the SP's ACS URL, or fix the Atlassian side when it advertises the wrong one. */
export function acsUrlFix(received: string, comparison: AcsComparison, app: AwsIssuerInfo | undefined, profile: 'aws' | 'generic' = 'aws'): Fix {
  const expected = comparison.expected.value;
  const aws = profile === 'aws';
  const steps = [
    aws
      ? `Set "Application ACS URL" to ${expected} (copy it from the Atlassian side: Atlassian SSO 2.0 shows it as "Assertion Consumer Service URL"), then Submit.`
      : `Set the SP's Assertion Consumer Service (ACS) URL to ${expected} (copy it from the Atlassian side: Atlassian SSO 2.0 shows it as "Assertion Consumer Service URL"), or re-import the SP's metadata.`,
  ];
  const kinds = comparison.difference.kinds;
  if (kinds.includes('scheme') || kinds.includes('other-host') || kinds.includes('default-port')) {
    steps.push(
      `If users actually reach the product at ${received}, the Atlassian side is what is wrong: correct the product's base URL (Jira: Administration → System → General configuration → Base URL; Confluence: General Configuration → Server Base URL) and the reverse proxy settings, from which the ACS URL is derived.`,
    );
  }
  if (kinds.includes('sso-implementation')) {
    steps.push(
      `Check which SSO implementation is enabled in the product: the ${aws ? 'AWS application' : 'IdP'} must post to the ACS URL of the one in use.`,
      atlassianSsoStep('Assertion Consumer Service URL', `read-only; shows the URL to copy to ${aws ? 'AWS' : 'the IdP'} when SSO 2.0 is in use.`),
      resolutionStep('the app receives responses at /plugins/servlet/samlsso on the product\'s base URL.'),
    );
  }
  if (!aws) {
    return genericIdpFix({ summary: `In the identity provider's configuration of this SP, set the ACS URL to ${expected}.`, field: 'Assertion Consumer Service (ACS) URL', value: expected, steps });
  }
  return awsConfigurationFix('Application ACS URL', {
    summary: `In the AWS application's configuration, set "Application ACS URL" to ${expected}.`,
    value: expected,
    app,
    steps,
  });
}
