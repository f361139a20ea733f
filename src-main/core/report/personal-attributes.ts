/**
 * Which placeholder series an attribute's values get. Every attribute value is redacted; this only decides
 * whether the placeholder says `name`, `username` or `value`, and whether the value is searched for inside
 * free text as strictly as a person's name (see Redactor's weak values).
 */
import type { PersonalCategory } from './redactor.js';
import { ownValue } from '../model/own.js';

const USERNAME_NAMES = new Set([
  'username', 'user', 'uid', 'login', 'loginname', 'samaccountname', 'upn', 'userprincipalname', 'preferredusername',
  'userid', 'principal', 'principalname', 'subject', 'nameid', 'employeeid', 'employeenumber',
]);

const PERSON_NAME_NAMES = new Set([
  'name', 'givenname', 'firstname', 'lastname', 'surname', 'familyname', 'sn', 'cn', 'gn', 'displayname', 'fullname',
  'commonname', 'middlename', 'nickname', 'initials',
]);

/** The last segment of a claim URI (`…/claims/givenname`, `urn:oid:…`), letters and digits only, lower case. */
function normalizedAttributeName(name: string): string {
  const segment = name.trim().split(/[/#:]/).filter((s) => s !== '').pop() ?? '';
  return segment.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** OIDs of the common person attributes (RFC 4519 / eduPerson), as `urn:oid:` names carry them. */
const OID_CATEGORY: Record<string, PersonalCategory> = {
  '2.5.4.3': 'name', // cn
  '2.5.4.4': 'name', // sn
  '2.5.4.42': 'name', // givenName
  '2.16.840.1.113730.3.1.241': 'name', // displayName
  '0.9.2342.19200300.100.1.1': 'username', // uid
  '1.3.6.1.4.1.5923.1.1.1.6': 'username', // eduPersonPrincipalName
};

export function categoryForAttribute(name: string, friendlyName?: string): PersonalCategory {
  const oid = /^urn:oid:([0-9.]+)$/i.exec(name.trim())?.[1];
  const byOid = oid ? ownValue(OID_CATEGORY, oid) : undefined;
  if (byOid) return byOid;
  for (const candidate of [name, friendlyName ?? '']) {
    const n = normalizedAttributeName(candidate);
    if (USERNAME_NAMES.has(n)) return 'username';
    if (PERSON_NAME_NAMES.has(n)) return 'name';
  }
  return 'value';
}

/**
 * A literal `${user:email}`-style value is an unresolved AWS mapping, not personal data, and it is the
 * evidence for `aws.unresolved-variable`: reports keep it.
 */
export function isMappingExpression(value: string): boolean {
  return /^\$\{[^{}]*\}$/.test(value.trim());
}
