/**
 * Protocol checks and the AWS IAM Identity Center profile for one message that the engine has
 * already read and verified. Each check lives in its own file and returns findings; this module only
 * decides which checks apply to which message type.
 */
import { decodeAwsIssuer } from '../aws/issuer.js';
import type { Finding } from '../model/finding.js';
import type { MessageResult } from '../model/message.js';
import { checkAudience } from './audience.js';
import { checkAwsAttributeNames } from './aws-attribute-names.js';
import { checkAwsEmptyAttributeStatement } from './aws-empty-attribute-statement.js';
import { checkAwsGroups } from './aws-groups.js';
import { checkAwsNameIdFormat } from './aws-nameid-format.js';
import { checkAwsUnresolvedVariables } from './aws-unresolved-variable.js';
import { checkCertificateRotation } from './cert-rotation.js';
import { checkCertificates } from './certificate.js';
import type { Check, CheckContext, CheckRun } from './check-run.js';
import { checkDestination } from './destination.js';
import { checkEncrypted } from './encrypted.js';
import { checkInResponseTo } from './in-response-to.js';
import { checkIssuer } from './issuer.js';
import { checkNameIdFormat } from './nameid-format.js';
import { checkRecipient } from './recipient.js';
import { checkStatus } from './status.js';
import { checkSubjectConfirmation } from './subject-confirmation.js';
import { checkTime } from './time.js';

export type { CheckContext } from './check-run.js';
export { detectProfile, type DetectedProfile } from './profile.js';

/** Checks for an authentication Response, in the order a person would read the findings. */
const RESPONSE_CHECKS: Check[] = [
  checkStatus,
  checkIssuer,
  checkCertificateRotation,
  checkDestination,
  checkRecipient,
  checkAudience,
  checkTime,
  checkInResponseTo,
  checkSubjectConfirmation,
  checkNameIdFormat,
  checkEncrypted,
  checkCertificates,
  checkAwsEmptyAttributeStatement,
  checkAwsNameIdFormat,
  checkAwsUnresolvedVariables,
  checkAwsAttributeNames,
  checkAwsGroups,
];

/** A LogoutResponse only has a status worth judging here. */
const LOGOUT_RESPONSE_CHECKS: Check[] = [checkStatus];

/** Every protocol and profile finding for one message (requests get none: they are judged as part of a flow). */
export function runMessageChecks(message: MessageResult, ctx: CheckContext): Finding[] {
  const checks = message.type === 'Response' ? RESPONSE_CHECKS : message.type === 'LogoutResponse' ? LOGOUT_RESPONSE_CHECKS : [];
  if (checks.length === 0) return [];
  const issuer = message.issuer ?? message.responseIssuer?.value;
  const run: CheckRun = { ...ctx };
  const receivedAws = issuer !== undefined ? decodeAwsIssuer(issuer) : undefined;
  const configuredAws = ctx.options.idpMetadata ? decodeAwsIssuer(ctx.options.idpMetadata.entityId) : undefined;
  if (receivedAws) run.receivedAws = receivedAws;
  if (configuredAws) run.configuredAws = configuredAws;
  return checks.flatMap((check) => check(message, run));
}
