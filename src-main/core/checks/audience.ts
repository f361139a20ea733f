/**
 * audience.mismatch: no Audience in the Conditions is the SP's entity ID. IAM Identity Center writes
 * its "Application SAML audience" setting here (https://docs.aws.amazon.com/singlesignon/latest/userguide/samlapps.html).
 */
import { atlassianSsoStep } from '../fixes/atlassian.js';
import { awsConfigurationFix } from '../fixes/aws-console.js';
import { genericIdpFix } from '../fixes/idp-generic.js';
import { makeFinding } from '../findings/make-finding.js';
import type { Evidence, Finding, Fix } from '../model/finding.js';
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
      message: `${explanation} The SP rejects an assertion addressed to another audience. ${run.profile === 'aws' ? 'IAM Identity Center fills the Audience from the application\'s "Application SAML audience" setting.' : 'The IdP fills the Audience from the SP entity ID it is configured with for this SP.'}`,
      evidence,
      fix: audienceFix(expected.value, run),
    }),
  ];
}

/** Set the IdP's audience for this SP to the SP's entity ID: on AWS's "Application SAML audience", or in the IdP in use. */
function audienceFix(expected: string, run: CheckRun): Fix {
  if (run.profile !== 'aws') {
    return genericIdpFix({
      summary: `In the identity provider's configuration of this SP, set the audience (the SP entity ID, sometimes called "Audience URI" or "Entity ID") to ${expected}.`,
      field: 'Audience / SP entity ID',
      value: expected,
      steps: [
        `Set the SP entity ID (audience) to ${expected}, exactly (no added or missing trailing slash), or re-import the SP's metadata.`,
        atlassianSsoStep('Audience URL (Entity ID)', 'read-only; shows the value to copy to the IdP when SSO 2.0 is in use.'),
      ],
    });
  }
  return awsConfigurationFix('Application SAML audience', {
    summary: `In the AWS application's configuration, set "Application SAML audience" to ${expected}.`,
    value: expected,
    app: run.receivedAws ?? run.configuredAws,
    steps: [
      `Set "Application SAML audience" to ${expected}, exactly (no added or missing trailing slash), then Submit.`,
      atlassianSsoStep('Audience URL (Entity ID)', 'read-only; shows the value to copy to AWS when SSO 2.0 is in use.'),
    ],
  });
}
