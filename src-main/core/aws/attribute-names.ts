/**
 * Attribute names as people type them into AWS's "Edit attribute mappings" screen, and the common
 * names SPs expect. Used to guess where an attribute came from and to spot near-miss names.
 */
import { ownValue } from '../model/own.js';

/**
 * Lower-case, drop everything but letters and digits, and keep only the last segment of a URI
 * claim name (`http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress` → `emailaddress`).
 */
export function normalizeAttributeName(name: string): string {
  const trimmed = name.trim();
  const lastSegment = /^(?:https?:\/\/|urn:)/i.test(trimmed) ? trimmed.split(/[/:#]/).filter(Boolean).pop() ?? trimmed : trimmed;
  return lastSegment.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The common attribute names, in the spelling most SP guides use, with the AWS variable usually mapped to them. */
export const COMMON_ATTRIBUTES: ReadonlyArray<{ canonical: string; awsSource?: string }> = [
  { canonical: 'email', awsSource: '${user:email}' },
  { canonical: 'mail', awsSource: '${user:email}' },
  { canonical: 'emailAddress', awsSource: '${user:email}' },
  { canonical: 'firstName', awsSource: '${user:givenName}' },
  { canonical: 'givenName', awsSource: '${user:givenName}' },
  { canonical: 'lastName', awsSource: '${user:familyName}' },
  { canonical: 'familyName', awsSource: '${user:familyName}' },
  { canonical: 'surname', awsSource: '${user:familyName}' },
  { canonical: 'middleName', awsSource: '${user:middleName}' },
  { canonical: 'displayName', awsSource: '${user:name}' },
  { canonical: 'fullName', awsSource: '${user:name}' },
  { canonical: 'name', awsSource: '${user:name}' },
  { canonical: 'username', awsSource: '${user:preferredUsername}' },
  { canonical: 'preferredUsername', awsSource: '${user:preferredUsername}' },
  { canonical: 'preferred_username', awsSource: '${user:preferredUsername}' },
  { canonical: 'userName', awsSource: '${user:preferredUsername}' },
  { canonical: 'login', awsSource: '${user:preferredUsername}' },
  { canonical: 'uid', awsSource: '${user:preferredUsername}' },
  { canonical: 'groups', awsSource: '${user:groups}' },
  { canonical: 'memberOf', awsSource: '${user:groups}' },
];

// Extra normalized names (URI claim tails) that mean the same as a common attribute.
const NORMALIZED_ALIASES: Record<string, string> = {
  emailaddress: '${user:email}',
  givenname: '${user:givenName}',
  surname: '${user:familyName}',
};

/** The AWS variable an attribute name suggests, from the name alone. */
export function awsSourceForName(name: string): string | undefined {
  const normalized = normalizeAttributeName(name);
  const common = COMMON_ATTRIBUTES.find((c) => normalizeAttributeName(c.canonical) === normalized);
  return common?.awsSource ?? ownValue(NORMALIZED_ALIASES, normalized);
}
