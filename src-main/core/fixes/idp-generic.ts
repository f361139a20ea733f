/**
 * Fixes made in an IdP samlscope has no screen names for (profile `generic`: the issuer is not IAM Identity
 * Center). The setting is named by what it is in SAML terms, which every IdP's SP configuration has in some
 * form (SAML 2.0 Metadata: an SP's entityID and AssertionConsumerService Location), so the user is never sent
 * to a console they do not use.
 */
import type { Fix } from '../model/finding.js';

export interface GenericIdpFixInput {
  summary: string;
  field?: string;
  value?: string;
  steps?: string[];
}

/** The first step of every generic IdP fix: where this SP is configured in the IdP. */
export const FIND_SP_IN_IDP_STEP =
  "In your identity provider's administration, open the configuration of this service provider (often called an application, client, relying party or SP connection).";

export function genericIdpFix(input: GenericIdpFixInput): Fix {
  const fix: Fix = { summary: input.summary, where: 'idp-configuration', steps: [FIND_SP_IN_IDP_STEP, ...(input.steps ?? [])] };
  if (input.field !== undefined) fix.field = input.field;
  if (input.value !== undefined) fix.value = input.value;
  return fix;
}
