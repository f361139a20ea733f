/**
 * Shared by destination.mismatch and recipient.mismatch: both carry the "Application ACS URL" AWS is
 * configured with (aws.md §6), so both are fixed on the same AWS field.
 */
import { atlassianSsoStep, resolutionStep } from '../fixes/atlassian.js';
import { awsConfigurationFix } from '../fixes/aws-console.js';
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
export function acsUrlFix(received: string, comparison: AcsComparison, app: AwsIssuerInfo | undefined): Fix {
  const expected = comparison.expected.value;
  const steps = [
    `Set "Application ACS URL" to ${expected} (copy it from the Atlassian side: Atlassian SSO 2.0 shows it as "Assertion Consumer Service URL"), then Submit.`,
  ];
  const kinds = comparison.difference.kinds;
  if (kinds.includes('scheme') || kinds.includes('other-host') || kinds.includes('default-port')) {
    steps.push(
      `If users actually reach the product at ${received}, the Atlassian side is what is wrong: correct the product's base URL (Jira: Administration → System → General configuration → Base URL; Confluence: General Configuration → Server Base URL) and the reverse proxy settings, from which the ACS URL is derived.`,
    );
  }
  if (kinds.includes('sso-implementation')) {
    steps.push(
      'Check which SSO implementation is enabled in the product: the AWS application must post to the ACS URL of the one in use.',
      atlassianSsoStep('Assertion Consumer Service URL', 'read-only; shows the URL to copy to AWS when SSO 2.0 is in use.'),
      resolutionStep('the app receives responses at /plugins/servlet/samlsso on the product\'s base URL.'),
    );
  }
  return awsConfigurationFix('Application ACS URL', {
    summary: `In the AWS application's configuration, set "Application ACS URL" to ${expected}.`,
    value: expected,
    app,
    steps,
  });
}
