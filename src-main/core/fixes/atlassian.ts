/**
 * Fixes made on the Atlassian side: Atlassian's built-in "SSO for Atlassian Data Center" (SSO 2.0)
 * or the resolution "SAML Single Sign On" app (https://confluence.atlassian.com/enterprise/working-with-jit-provisioning-1005342571.html, https://wiki.resolution.de/doc/saml-sso/latest/all/knowledgebase-articles/technical/configuring-the-user-update-method). Which of the two a customer
 * runs is not in the inputs, so SP-side fixes name both.
 */
import type { Fix } from '../model/finding.js';

export const ATLASSIAN_SSO2_PATH = 'Administration → System → SSO 2.0 → SAML single sign-on settings';

/** Where the SSO 2.0 screen lives per product (https://confluence.atlassian.com/enterprise/working-with-jit-provisioning-1005342571.html). */
export const ATLASSIAN_SSO2_PRODUCT_PATHS =
  'Jira: Administration → System → SSO 2.0 Authentication; Confluence: General Configuration → SSO 2.0; Bitbucket: Administration → Accounts → SSO 2.0 Authentication';

export type AtlassianSsoField =
  | 'Single sign-on issuer'
  | 'Identity provider single sign-on URL'
  | 'Public x509 certificate'
  | 'Username mapping'
  | 'Assertion Consumer Service URL'
  | 'Audience URL (Entity ID)';

/** The resolution app's IdP settings (admin page `/plugins/servlet/samlsso/admin`). */
export const RESOLUTION_IDP_PATH = 'Administration → Manage apps → SAML SSO → Identity Providers → <IdP>';

/** ACS paths of the two SSO implementations; an ACS URL on the other one's path means the AWS app points at the wrong one. */
export const ATLASSIAN_SSO2_ACS_PATH = '/plugins/servlet/samlconsumer';
export const RESOLUTION_ACS_PATH = '/plugins/servlet/samlsso';

export interface AtlassianFixInput {
  summary: string;
  field?: string;
  value?: string;
  steps?: string[];
}

function withOptional(fix: Fix, input: AtlassianFixInput): Fix {
  if (input.field !== undefined) fix.field = input.field;
  if (input.value !== undefined) fix.value = input.value;
  if (input.steps !== undefined && input.steps.length > 0) fix.steps = input.steps;
  return fix;
}

/** A fix in Atlassian's SSO 2.0 "SAML single sign-on settings". */
export function atlassianSsoFix(input: AtlassianFixInput & { field?: AtlassianSsoField }): Fix {
  return withOptional({ summary: input.summary, where: 'atlassian-sso', path: ATLASSIAN_SSO2_PATH }, input);
}

/** One step for SSO 2.0 users: set a field, with its value when known. */
export function atlassianSsoStep(field: AtlassianSsoField, action: string): string {
  return `Atlassian SSO 2.0 (${ATLASSIAN_SSO2_PRODUCT_PATHS}): "${field}": ${action}`;
}

/** One step for resolution SAML SSO users. */
export function resolutionStep(action: string): string {
  return `resolution SAML SSO (${RESOLUTION_IDP_PATH}): ${action}`;
}

/** The Atlassian steps to replace the IdP metadata or certificate, for both SSO implementations. */
export function atlassianTrustUpdateSteps(metadataSource: string): string[] {
  return [
    atlassianSsoStep(
      'Public x509 certificate',
      `paste the certificate from ${metadataSource} (and check "Single sign-on issuer" and "Identity provider single sign-on URL" against the same metadata), then save.`,
    ),
    resolutionStep(`import the metadata from ${metadataSource} again (metadata URL or file) so the IdP certificate is replaced, then save.`),
  ];
}

/** A step for SSO 2.0 users that is not about one named field. */
export function atlassianSsoNote(action: string): string {
  return `Atlassian SSO 2.0 (${ATLASSIAN_SSO2_PRODUCT_PATHS}): ${action}`;
}
