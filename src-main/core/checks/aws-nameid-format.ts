/**
 * aws.nameid-format-unsupported: IAM Identity Center supports only unspecified, emailAddress,
 * persistent and transient NameID formats (AWS Support, quoted in
 * https://github.com/IdentityPython/djangosaml2/issues/265). Another format means the
 * response did not come from IAM Identity Center as configured, or an SP requirement AWS cannot meet.
 */
import { awsFix } from '../fixes/aws-console.js';
import { makeFinding } from '../findings/make-finding.js';
import type { Finding } from '../model/finding.js';
import type { MessageResult } from '../model/message.js';
import type { CheckRun } from './check-run.js';
import { assertionReadable, assertionVerified } from './message-facts.js';
import { AWS_NAMEID_FORMATS, isAwsSupportedNameIdFormat, shortNameIdFormat } from './nameid-formats.js';

export function checkAwsNameIdFormat(message: MessageResult, run: CheckRun): Finding[] {
  const format = message.subject?.format;
  if (run.profile !== 'aws' || !assertionReadable(message) || format === undefined || isAwsSupportedNameIdFormat(format)) return [];
  const supported = Object.values(AWS_NAMEID_FORMATS).join(', ');
  return [
    makeFinding('aws.nameid-format-unsupported', {
      message:
        `The NameID has format ${shortNameIdFormat(format)}, which IAM Identity Center does not support (only ${supported}). ` +
        'Either the response was not produced by IAM Identity Center as configured, or it was changed on the way; an SP that asks for this format cannot be served by AWS.',
      evidence: [{ location: '/Response/Assertion/Subject/NameID/@Format', value: format, expected: supported, unverified: !assertionVerified(message) }],
      fix: awsFix('Edit attribute mappings', {
        summary: 'Set the Subject row\'s Format to one AWS supports (emailAddress with ${user:email} suits Atlassian products), and make the SP accept it.',
        field: 'Subject → Format',
        value: 'emailAddress',
        app: run.receivedAws ?? run.configuredAws,
      }),
    }),
  ];
}
