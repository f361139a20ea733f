/**
 * Fixes made in the AWS IAM Identity Center console. Screen and field names follow the AWS user
 * guide (https://docs.aws.amazon.com/singlesignon/latest/userguide/samlapps.html, https://docs.aws.amazon.com/singlesignon/latest/userguide/attributemappingsconcept.html): "Edit attribute mappings", "Edit configuration" with "Application ACS URL"
 * and "Application SAML audience", "Manage certificate" under "IAM Identity Center metadata".
 */
import { awsMetadataUrl, awsSignInUrl } from '../aws/issuer.js';
import type { Fix } from '../model/finding.js';
import type { AwsIssuerInfo } from '../model/result.js';

export type AwsAppScreen = 'Edit attribute mappings' | 'Edit configuration' | 'Manage certificate' | 'Assign users and groups';

export type AwsConfigurationField =
  | 'Application ACS URL'
  | 'Application SAML audience'
  | 'Application start URL'
  | 'Relay state'
  | 'Session duration';

const APP = '<application>';

/** Navigation path to one screen of the custom SAML application. */
export function awsConsolePath(screen: AwsAppScreen): string {
  const base = `IAM Identity Center → Applications → ${APP}`;
  switch (screen) {
    case 'Edit attribute mappings':
      return `${base} → Actions → Edit attribute mappings`;
    case 'Edit configuration':
      return `${base} → Actions → Edit configuration`;
    case 'Manage certificate':
      // AWS user guide (rotatecert): Configuration tab → IAM Identity Center metadata → Manage certificate.
      return `${base} → Configuration → IAM Identity Center metadata → Manage certificate`;
    case 'Assign users and groups':
      return `${base} → Assigned users and groups → Assign users and groups`;
  }
}

/**
 * How to find the right application: the console lists applications by display name, but every
 * application shows its own sign-in URL, which is the issuer in the response (https://docs.aws.amazon.com/singlesignon/latest/userguide/samlapps.html).
 */
export function findAwsApplicationStep(app?: AwsIssuerInfo): string {
  const signIn = app ? awsSignInUrl(app) : undefined;
  const where = app ? ` in region ${app.region}${app.accountId ? `, AWS account ${app.accountId}` : ''}` : '';
  return signIn
    ? `In the IAM Identity Center console${where}, open the application whose "IAM Identity Center sign-in URL" (Actions → Edit configuration → IAM Identity Center metadata) is ${signIn}.`
    : 'In the IAM Identity Center console, open the custom SAML 2.0 application the Atlassian product uses.';
}

export interface AwsFixInput {
  summary: string;
  field?: string;
  value?: string;
  /** Steps after finding the application. */
  steps?: string[];
  app?: AwsIssuerInfo;
}

/** A fix on one screen of the AWS application. */
export function awsFix(screen: AwsAppScreen, input: AwsFixInput): Fix {
  const fix: Fix = {
    summary: input.summary,
    where: 'aws-console',
    path: awsConsolePath(screen),
    steps: [findAwsApplicationStep(input.app), ...(input.steps ?? [])],
  };
  if (input.field !== undefined) fix.field = input.field;
  if (input.value !== undefined) fix.value = input.value;
  return fix;
}

/** "Edit configuration → Application metadata" field fix (ACS URL, audience). */
export function awsConfigurationFix(field: AwsConfigurationField, input: Omit<AwsFixInput, 'field'>): Fix {
  return awsFix('Edit configuration', { ...input, field });
}

/** Where the current IdP metadata of an application can be downloaded. */
export function awsMetadataDownloadStep(app?: AwsIssuerInfo): string {
  const url = app ? awsMetadataUrl(app) : undefined;
  return (
    `Download the application's current IdP metadata: ${awsConsolePath('Edit configuration')} → IAM Identity Center metadata → "IAM Identity Center SAML metadata file" (Download)` +
    (url ? `, or from its metadata URL ${url}.` : '.')
  );
}

/** The certificate rotation procedure of the AWS user guide (rotatecert), in order. */
export function awsCertificateRotationSteps(): string[] {
  return [
    `${awsConsolePath('Manage certificate')} → Generate new certificate: Validity period as your policy requires, Key size 2048-bit RSA, Algorithm SHA-256.`,
    'Upload the new certificate to the Atlassian side (see below) before activating it: an application keeps up to two certificates and signs only with the active one.',
    `${awsConsolePath('Manage certificate')} → select the new certificate → Actions → Set as active.`,
    'After a successful test login, delete the old certificate there (only an inactive certificate can be deleted).',
  ];
}
