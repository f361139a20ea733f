/**
 * Failure texts the products show or log, verbatim: Atlassian SSO 2.0's as its SAML consumer reports them
 * (the licence message has a typographic apostrophe, as the plugin logs it), resolution's from its documentation.
 */
export const ATLASSIAN_MESSAGES = {
  attributeNotFound: (name: string) => `Attribute [${name}] could not be found`,
  nameIdNotFound: 'NameID not found',
  configNotSet: (what: 'display name' | 'email' | 'groups') => `Configuration for ${what} for SAML is not set`,
  /** No active directory of type internal at all. */
  noWritableInternalDirectory: 'Could not find any writable active internal directories',
  /** Active internal directories exist, none with both permissions. */
  noInternalDirectory: 'JIT provisioning of group failed as there is no active internal directory with [CREATE_USER, CREATE_GROUP] permissions',
  licenseLimit: 'User could not be created due to the license’s limit.',
  userDoesNotExist: (u: string) => `Received SSO request for user ${u}, but the user does not exist`,
  notPermitted: (u: string) => `Received SSO request for user ${u}, but the user is not permitted to log in`,
} as const;

export const RESOLUTION_MESSAGES = {
  /** Documented for "No User update" (https://wiki.resolution.de/doc/saml-sso/latest/all/knowledgebase-articles/technical/configuring-the-user-update-method); the on-screen text itself is not documented. */
  userMustExist: 'Users that do not exist and try to log in, will receive an error.',
} as const;

/** AWS IAM Identity Center attribute a SAML attribute name most likely wants (https://docs.aws.amazon.com/singlesignon/latest/userguide/attributemappingsconcept.html). */
export function suggestedAwsSource(attributeName: string): string | undefined {
  const n = attributeName.toLowerCase();
  if (n.includes('mail')) return '${user:email}';
  if (/given|first/.test(n)) return '${user:givenName}';
  if (/family|last|surname/.test(n)) return '${user:familyName}';
  if (/display|full.?name|^name$|fullname/.test(n)) return '${user:name}';
  if (/group|memberof|role/.test(n)) return undefined;
  if (/user.?name|login|^uid$|userid/.test(n)) return '${user:preferredUsername}';
  return undefined;
}

/** AWS group IDs (identity-store GroupId or AD `domain//SID`), which AWS sends instead of names (identity-store GroupId pattern: https://docs.aws.amazon.com/singlesignon/latest/IdentityStoreAPIReference/API_Group.html). */
export function looksLikeAwsGroupId(value: string): boolean {
  return /^([0-9a-f]{10}-)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value) || /\/\/S-1-5-/.test(value);
}
