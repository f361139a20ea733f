/**
 * Recognising group attributes and the group IDs AWS sends instead of names: the undocumented
 * `${user:groups}` mapping yields identity-store group IDs
 * (https://github.com/morincer/teamcity-plugin-saml/issues/71), or `domain//SID` values when the
 * identity source is Active Directory (https://github.com/apache/cloudstack/issues/12212).
 */
import { normalizeAttributeName } from './attribute-names.js';

// Normalized (see normalizeAttributeName) names SPs and IdPs use for group membership.
const GROUP_ATTRIBUTE_NAMES = new Set([
  'groups',
  'group',
  'memberof',
  'ismemberof',
  'roles',
  'role',
  'usergroups',
  'groupmembership',
  'grouplist',
]);

/** True for attribute names that usually carry group memberships (`groups`, `memberOf`, `http://schemas.xmlsoap.org/claims/Group` …). */
export function isGroupAttributeName(name: string): boolean {
  return GROUP_ATTRIBUTE_NAMES.has(normalizeAttributeName(name));
}

// IdentityStore GroupId: optional 10-hex prefix, then a UUID (GroupId pattern in
// https://docs.aws.amazon.com/singlesignon/latest/IdentityStoreAPIReference/API_GroupMembership.html).
const IDENTITY_STORE_ID = /^([0-9a-f]{10}-)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// `ourdomain.internal//S-1-5-21-…-1732` as sent with an AD identity source (apache/cloudstack#12212).
const DOMAIN_SID = /^[^\s/]+\/\/S-1-5(-\d+)+$/i;

export function isIdentityStoreId(value: string): boolean {
  return IDENTITY_STORE_ID.test(value.trim());
}

export function isDomainSid(value: string): boolean {
  return DOMAIN_SID.test(value.trim());
}

/** A value shaped like what `${user:groups}` produces: an identity-store group ID or `domain//SID`. */
export function isAwsGroupIdValue(value: string): boolean {
  return isIdentityStoreId(value) || isDomainSid(value);
}
