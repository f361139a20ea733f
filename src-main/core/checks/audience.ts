/**
 * audience.mismatch: no Audience in the Conditions is the SP's entity ID. IAM Identity Center writes
 * its "Application SAML audience" setting here (aws.md §6).
 */
import { atlassianSsoStep } from '../fixes/atlassian.js';
import { awsConfigurationFix } from '../fixes/aws-console.js';
import { makeFinding } from '../findings/make-finding.js';
import type { Evidence, Finding } from '../model/finding.js';
import type { MessageResult } from '../model/message.js';
import type { CheckRun } from './check-run.js';
import { expectedSpEntityId } from './expected-values.js';
import { assertionVerified } from './message-facts.js';
import { describeDifference, type ValueDifference } from './url-difference.js';

export function checkAudience(message: MessageResult, run: CheckRun): Finding[] {
  const expected = expectedSpEntityId(run.options);
  const conditions = message.conditions;
  if (!expected || !conditions || conditions.audiences.includes(expected.value)) return [];

  const unverified = !assertionVerified(message);
  let explanation: string;
  const evidence: Evidence[] = [];
  if (conditions.audiences.length === 0) {
    explanation = `The assertion's Conditions name no Audience, but the SP requires its entity ID ${expected.value} there.`;
    evidence.push({ location: '/Response/Assertion/Conditions/AudienceRestriction/Audience', expected: expected.value, unverified });
  } else {
    const compared = conditions.audiences.map((a) => ({ audience: a, difference: describeDifference(a, expected.value) as ValueDifference }));
    const closest = compared.find((c) => c.difference.nearMiss) ?? (compared[0] as (typeof compared)[number]);
    explanation = `The assertion is meant for ${conditions.audiences.join(', ')} (Audience), but the SP's entity ID is ${expected.value}: ${closest.difference.description}.`;
    for (const a of conditions.audiences) {
      evidence.push({ location: '/Response/Assertion/Conditions/AudienceRestriction/Audience', value: a, expected: expected.value, unverified });
    }
  }
  evidence.push({ location: expected.source, value: expected.value });

  return [
    makeFinding('audience.mismatch', {
      message: `${explanation} The SP rejects an assertion addressed to another audience. IAM Identity Center fills the Audience from the application's "Application SAML audience" setting.`,
      evidence,
      fix: awsConfigurationFix('Application SAML audience', {
        summary: `In the AWS application's configuration, set "Application SAML audience" to ${expected.value}.`,
        value: expected.value,
        app: run.receivedAws ?? run.configuredAws,
        steps: [
          `Set "Application SAML audience" to ${expected.value}, exactly (no added or missing trailing slash), then Submit.`,
          atlassianSsoStep('Audience URL (Entity ID)', 'read-only; shows the value to copy to AWS when SSO 2.0 is in use.'),
        ],
      }),
    }),
  ];
}
