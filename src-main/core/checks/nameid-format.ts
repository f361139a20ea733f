/**
 * nameid.format-mismatch: the NameID format differs from what the SP asks for, in its metadata
 * (NameIDFormat) or in the AuthnRequest (NameIDPolicy@Format). The AWS side sets it in the Subject
 * row of the attribute mappings
 * (https://docs.aws.amazon.com/solutions/latest/innovation-sandbox-on-aws/map-application-attributes.html).
 */
import { awsFix } from '../fixes/aws-console.js';
import { makeFinding } from '../findings/make-finding.js';
import type { Evidence, Finding, Fix } from '../model/finding.js';
import type { MessageResult } from '../model/message.js';
import type { AwsIssuerInfo } from '../model/result.js';
import type { CheckRun } from './check-run.js';
import { assertionReadable, assertionVerified } from './message-facts.js';
import { isAwsSupportedNameIdFormat, isUnspecifiedFormat, NAMEID_UNSPECIFIED, shortNameIdFormat } from './nameid-formats.js';

interface Requirement {
  formats: string[];
  source: string;
  location: string;
}

function requirements(run: CheckRun): Requirement[] {
  const found: Requirement[] = [];
  const policy = run.authnRequest?.request?.nameIdPolicyFormat;
  if (policy && !isUnspecifiedFormat(policy)) {
    found.push({ formats: [policy], source: 'the AuthnRequest\'s NameIDPolicy', location: '/AuthnRequest/NameIDPolicy/@Format (--authn-request)' });
  }
  const spFormats = run.options.spMetadata?.nameIdFormats ?? [];
  if (spFormats.length > 0 && !spFormats.some(isUnspecifiedFormat)) {
    found.push({ formats: spFormats, source: 'the SP metadata', location: 'SP metadata: SPSSODescriptor/NameIDFormat' });
  }
  return found;
}

export function checkNameIdFormat(message: MessageResult, run: CheckRun): Finding[] {
  const subject = message.subject;
  if (!subject || !assertionReadable(message)) return [];
  const received = subject.format ?? NAMEID_UNSPECIFIED;
  const unmet = requirements(run).filter((r) => !r.formats.includes(received));
  const first = unmet[0];
  if (!first) return [];

  const wanted = first.formats[0] as string;
  const evidence: Evidence[] = [
    { location: '/Response/Assertion/Subject/NameID/@Format', value: subject.format ?? '(absent: unspecified)', expected: wanted, unverified: !assertionVerified(message) },
    ...unmet.map((r) => ({ location: r.location, value: r.formats.join(', ') })),
  ];
  const message_ =
    `The NameID has format ${shortNameIdFormat(received)}, but ${first.source} asks for ${first.formats.map(shortNameIdFormat).join(' or ')}. ` +
    'An SP that enforces the format rejects the login; IAM Identity Center itself refuses an SP-initiated request whose NameIDPolicy it cannot meet.';
  return [makeFinding('nameid.format-mismatch', { message: message_, evidence, fix: formatFix(wanted, run.receivedAws ?? run.configuredAws) })];
}

function formatFix(wanted: string, app: AwsIssuerInfo | undefined): Fix {
  if (!isAwsSupportedNameIdFormat(wanted)) {
    return {
      summary: `IAM Identity Center cannot send NameID format ${shortNameIdFormat(wanted)}: configure the SP to accept unspecified, emailAddress, persistent or transient.`,
      where: 'sp-configuration',
      field: 'NameIDFormat / NameIDPolicy',
      value: NAMEID_UNSPECIFIED,
    };
  }
  const short = shortNameIdFormat(wanted);
  return awsFix('Edit attribute mappings', {
    summary: `In the AWS attribute mappings, set the Subject row's Format to ${short}.`,
    field: 'Subject → Format',
    value: short,
    app,
    steps: [
      `In the Subject row, choose Format "${short}"${short === 'emailAddress' ? ' and map it to ${user:email}' : ''}, then Save changes.`,
    ],
  });
}
