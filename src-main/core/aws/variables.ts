/**
 * The `${user:…}` variables AWS resolves in application attribute mappings (the documented list in
 * https://docs.aws.amazon.com/singlesignon/latest/userguide/attributemappingsconcept.html, plus `${user:groups}`, which
 * works but was dropped from the docs: https://github.com/awsdocs/aws-single-sign-on-user-guide/pull/15),
 * and a best guess at what a mistyped one meant.
 */
import { ownValue } from '../model/own.js';

export const DOCUMENTED_USER_VARIABLES = [
  '${user:AD_GUID}',
  '${user:email}',
  '${user:familyName}',
  '${user:givenName}',
  '${user:middleName}',
  '${user:name}',
  '${user:preferredUsername}',
  '${user:subject}',
] as const;

export const UNDOCUMENTED_GROUPS_VARIABLE = '${user:groups}';

// Normalized attribute part → the variable people meant.
const ALIASES: Record<string, string> = {
  adguid: '${user:AD_GUID}',
  guid: '${user:AD_GUID}',
  email: '${user:email}',
  mail: '${user:email}',
  emailaddress: '${user:email}',
  familyname: '${user:familyName}',
  lastname: '${user:familyName}',
  surname: '${user:familyName}',
  givenname: '${user:givenName}',
  firstname: '${user:givenName}',
  middlename: '${user:middleName}',
  name: '${user:name}',
  displayname: '${user:name}',
  fullname: '${user:name}',
  preferredusername: '${user:preferredUsername}',
  username: '${user:preferredUsername}',
  subject: '${user:subject}',
  groups: UNDOCUMENTED_GROUPS_VARIABLE,
  group: UNDOCUMENTED_GROUPS_VARIABLE,
};

/** Every `${…}` in a value. */
export function findVariables(value: string): string[] {
  return value.match(/\$\{[^}]*\}/g) ?? [];
}

/**
 * The supported variable a literal `${…}` most likely meant (`${user:mail}` → `${user:email}`,
 * `${user.Email}` → `${user:email}`), or undefined when nothing is close.
 */
export function suggestUserVariable(variable: string): string | undefined {
  const inner = variable.replace(/^\$\{/, '').replace(/\}$/, '').trim();
  // Drop a `user:` / `user.` / `dir:` / `path:` family prefix, whatever the separator.
  const attribute = inner.replace(/^(user|dir|path|session)\s*[:.]\s*/i, '');
  return ownValue(ALIASES, attribute.toLowerCase().replace(/[^a-z0-9]/g, ''));
}
