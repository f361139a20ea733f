/**
 * What every check receives: the caller's context plus the AWS issuers decoded once (the issuer
 * the response carries and the one the SP is configured with), so checks can name applications.
 */
import type { Finding } from '../model/finding.js';
import type { MessageResult } from '../model/message.js';
import type { AnalysisOptions } from '../model/options.js';
import type { AwsIssuerInfo } from '../model/result.js';

export interface CheckContext {
  options: AnalysisOptions;
  profile: 'aws' | 'generic';
  /** AuthnRequest given with --authn-request, already read. */
  authnRequest?: MessageResult;
}

export interface CheckRun extends CheckContext {
  /** The response's issuer, decoded, when it is an IAM Identity Center URL. */
  receivedAws?: AwsIssuerInfo;
  /** The configured IdP entity ID (IdP metadata), decoded, when it is an IAM Identity Center URL. */
  configuredAws?: AwsIssuerInfo;
}

export type Check = (message: MessageResult, run: CheckRun) => Finding[];
