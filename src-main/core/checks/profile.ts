/**
 * Picks the IdP profile: `aws` when the response's issuer is an IAM Identity Center portal URL
 * (`portal.sso.<region>.amazonaws.com`), unless the options force one.
 */
import { decodeAwsIssuer } from '../aws/issuer.js';
import type { MessageResult } from '../model/message.js';
import type { AnalysisOptions } from '../model/options.js';
import type { AwsIssuerInfo } from '../model/result.js';

export interface DetectedProfile {
  profile: 'aws' | 'generic';
  aws?: AwsIssuerInfo;
}

export function detectProfile(message: MessageResult, options: AnalysisOptions): DetectedProfile {
  // An encrypted assertion that could not be read still leaves the Response issuer; a message with no
  // issuer at all falls back on the IdP the SP is configured for.
  const issuer = message.issuer ?? message.responseIssuer?.value ?? options.idpMetadata?.entityId;
  const aws = issuer !== undefined ? decodeAwsIssuer(issuer) : undefined;
  if (options.profile === 'generic') return { profile: 'generic' };
  if (options.profile === 'aws') return aws ? { profile: 'aws', aws } : { profile: 'aws' };
  return aws ? { profile: 'aws', aws } : { profile: 'generic' };
}
