import type { Severity } from '../model/severity.js';

/**
 * Every finding id samlscope can raise, with its default severity and list title.
 * Ids are a public contract (CLI JSON, reports, tests): add, never rename. Adding one is one line.
 *
 * - `rejectsLogin: true`: when raised as an error, the product refuses the response before it provisions
 *   anyone (a SAML SP validates the message first), so a login simulation of it is only hypothetical.
 * - `explainsLogin: true`: the finding is about what the IdP sends (attributes, groups, NameID), which explains what
 *   a JIT login does; a login simulation shows it beside its own findings.
 * - `reportOnce: true`: the finding is about the configuration (e.g. a configured certificate), not one
 *   message: a capture with several messages reports it once.
 */
export const FINDING_CATALOG = {
  // Input and XML
  'input.unrecognized': { severity: 'error', title: 'Input is not a SAML message', rejectsLogin: true },
  'input.too-large': { severity: 'error', title: 'Input exceeds a size limit', rejectsLogin: true },
  'input.decode-failed': { severity: 'error', title: 'Input could not be decoded', rejectsLogin: true },
  'xml.malformed': { severity: 'error', title: 'XML is not well-formed', rejectsLogin: true },
  'xml.dtd': { severity: 'error', title: 'Document type or entity declaration', rejectsLogin: true },
  'xml.processing-instruction': { severity: 'error', title: 'Processing instruction in a SAML message', rejectsLogin: true },
  'xml.too-deep': { severity: 'error', title: 'Element nesting exceeds the limit', rejectsLogin: true },
  'xml.too-many-attributes': { severity: 'error', title: 'Too many attributes on one element', rejectsLogin: true },
  'metadata.invalid': { severity: 'error', title: 'Metadata could not be read' },

  // Signatures
  'signature.missing': { severity: 'error', title: 'Nothing covering the assertion is signed', rejectsLogin: true },
  'signature.invalid': { severity: 'error', title: 'Signature does not verify', rejectsLogin: true },
  'signature.untrusted-key': { severity: 'error', title: 'Signed with a certificate that is not trusted', rejectsLogin: true },
  'signature.wrapping': { severity: 'error', title: 'Signature wrapping (XSW) structure', rejectsLogin: true },
  'signature.weak-algorithm': { severity: 'warning', title: 'Weak signature algorithm or key' },
  'signature.unsupported-algorithm': { severity: 'error', title: 'Signature algorithm not allowed', rejectsLogin: true },
  'signature.no-trust-anchor': { severity: 'info', title: 'No IdP certificate configured' },
  'signature.keyinfo-mismatch': { severity: 'warning', title: 'KeyInfo certificate differs from the trusted one' },
  'nameid.comment': { severity: 'warning', title: 'Comment, CDATA or processing instruction inside an identity value', explainsLogin: true },
  'assertion.encrypted': { severity: 'info', title: 'Assertion was encrypted' },
  'assertion.decryption-failed': { severity: 'error', title: 'Encrypted assertion could not be decrypted', rejectsLogin: true },
  'assertion.missing': { severity: 'error', title: 'Response carries no assertion', rejectsLogin: true },

  // Protocol
  'status.failure': { severity: 'error', title: 'IdP reported a failure status', rejectsLogin: true },
  'issuer.mismatch': { severity: 'error', title: 'Issuer differs from the IdP entity ID', rejectsLogin: true },
  'destination.mismatch': { severity: 'error', title: 'Destination differs from the ACS URL', rejectsLogin: true },
  'recipient.mismatch': { severity: 'error', title: 'Recipient differs from the ACS URL', rejectsLogin: true },
  'audience.mismatch': { severity: 'error', title: 'Audience differs from the SP entity ID', rejectsLogin: true },
  'time.expired': { severity: 'error', title: 'Message has expired', rejectsLogin: true },
  'time.not-yet-valid': { severity: 'error', title: 'Message is not yet valid', rejectsLogin: true },
  'subject.confirmation': { severity: 'error', title: 'No usable bearer subject confirmation', rejectsLogin: true },
  'nameid.format-mismatch': { severity: 'warning', title: 'NameID format differs from what the SP asks for', explainsLogin: true },
  'cert.expired': { severity: 'warning', title: 'IdP signing certificate has expired', reportOnce: true },
  'cert.expiring': { severity: 'warning', title: 'IdP signing certificate expires within 90 days', reportOnce: true },
  'cert.weak-key': { severity: 'warning', title: 'IdP signing key is weak', reportOnce: true },
  'cert.rotation': { severity: 'error', title: 'IdP certificate was rotated' },

  // AWS IAM Identity Center profile
  'aws.groups-not-sent': { severity: 'warning', title: 'AWS sends no group attribute', explainsLogin: true },
  'aws.groups-are-ids': { severity: 'warning', title: 'Group values are IDs, not names', explainsLogin: true },
  'aws.empty-attribute-statement': { severity: 'warning', title: 'Empty AttributeStatement', explainsLogin: true },
  'aws.nameid-format-unsupported': { severity: 'warning', title: 'NameID format AWS does not support', explainsLogin: true },
  'aws.unresolved-variable': { severity: 'error', title: 'Attribute mapping was sent unresolved', explainsLogin: true },
  'aws.attribute-name-suspicious': { severity: 'warning', title: 'Attribute name looks mistyped', explainsLogin: true },

  // Flow (several messages)
  'flow.in-response-to-mismatch': { severity: 'error', title: 'Response answers a different request' },
  'flow.unsolicited': { severity: 'info', title: 'IdP-initiated (unsolicited) response' },
  'flow.acs-mismatch': { severity: 'error', title: 'Response posted to a different ACS URL than requested' },
  'flow.no-response': { severity: 'warning', title: 'Request never got a response' },
  'flow.sp-error': { severity: 'error', title: 'The SP answered with an error page' },
  'flow.idp-error': { severity: 'error', title: 'The IdP answered with an error page' },
  'flow.relay-state-mismatch': { severity: 'warning', title: 'RelayState not returned unchanged' },

  // Just-in-Time provisioning simulation
  'jit.groups-not-sent': { severity: 'error', title: 'Engine expects a group attribute AWS does not send' },
  'jit.groups-removed': { severity: 'warning', title: 'Login strips group memberships' },
  'jit.no-application-access': { severity: 'error', title: 'User will have no application access' },
  'jit.attribute-missing': { severity: 'error', title: 'A mapped attribute is missing' },
  'jit.username-mismatch': { severity: 'warning', title: 'Username from the response does not match existing usernames' },
  'jit.case-mismatch': { severity: 'warning', title: 'Username differs only by case' },
  'jit.duplicate-email': { severity: 'warning', title: 'Several users share the e-mail address' },
  'jit.remote-directory-user': { severity: 'info', title: 'User lives in a remote directory' },
  'jit.no-writable-directory': { severity: 'error', title: 'No internal directory can create users' },
  'jit.license-full': { severity: 'error', title: 'Licence has no free seat' },
  'jit.rename': { severity: 'warning', title: 'Login renames an existing user' },
  'jit.invalid-username': { severity: 'error', title: 'Username is not valid for the product' },
  'jit.confluence-admins-missing': { severity: 'error', title: 'confluence-administrators has no members' },
  'jit.groups-not-carried': { severity: 'warning', title: 'Login does not carry the user\'s groups' },
  'jit.group-outside-user-directory': { severity: 'error', title: 'Group sync adds a membership in a directory without the group' },
  'jit.orphaned-account': { severity: 'warning', title: 'JIT accounts stay active after their AWS user is gone' },

  // HTTP-Redirect query-string signatures (SAML bindings 3.4.4.1)
  'signature.redirect-valid': { severity: 'info', title: 'Query-string signature verifies' },
  'signature.redirect-invalid': { severity: 'error', title: 'Query-string signature does not verify' },
  'signature.redirect-untrusted': { severity: 'info', title: 'Query-string signature not checked: no certificate configured' },

  // A signature refused for what it covers (not an attack shape, not its cryptography)
  'signature.structure-refused': { severity: 'error', title: 'Signature does not cover what the SP reads', rejectsLogin: true },

  // Encryption
  'assertion.obsolete-key-transport': { severity: 'warning', title: 'Assertion key wrapped with obsolete RSA PKCS#1 v1.5' },

  // Certificates (configured trust, so warnings like cert.expired)
  'cert.not-yet-valid': { severity: 'warning', title: 'IdP signing certificate is not valid yet', reportOnce: true },
} as const satisfies Record<string, CatalogEntry>;

export interface CatalogEntry {
  severity: Severity;
  title: string;
  rejectsLogin?: true;
  explainsLogin?: true;
  reportOnce?: true;
}

/** The union of every catalog id: a finding id that is not in the catalog does not compile. */
export type FindingId = keyof typeof FINDING_CATALOG;

const CATALOG: Readonly<Record<FindingId, CatalogEntry>> = FINDING_CATALOG;

export function isFindingId(id: string): id is FindingId {
  return Object.hasOwn(FINDING_CATALOG, id);
}

/** True when this finding makes the product refuse the login before provisioning (an error of a `rejectsLogin` id). */
export function rejectsLogin(finding: { id: FindingId; severity: Severity }): boolean {
  return finding.severity === 'error' && CATALOG[finding.id].rejectsLogin === true;
}

/** True when a finding about the message decides a login (it rejects it) or explains it (what the IdP sends). */
export function decidesOrExplainsLogin(finding: { id: FindingId; severity: Severity }): boolean {
  return rejectsLogin(finding) || CATALOG[finding.id].explainsLogin === true;
}

/** True when the finding is about the configuration and is reported once per analysis. */
export function reportedOnce(id: FindingId): boolean {
  return CATALOG[id].reportOnce === true;
}
