import type { Severity } from '../model/finding.js';

/**
 * Every finding id samlscope can raise, with its default severity and list title.
 * Ids are a public contract (CLI JSON, reports, tests): add, never rename.
 */
export const FINDING_CATALOG = {
  // Input and XML
  'input.unrecognized': { severity: 'error', title: 'Input is not a SAML message' },
  'input.too-large': { severity: 'error', title: 'Input exceeds a size limit' },
  'input.decode-failed': { severity: 'error', title: 'Input could not be decoded' },
  'xml.malformed': { severity: 'error', title: 'XML is not well-formed' },
  'xml.dtd': { severity: 'error', title: 'Document type or entity declaration' },
  'xml.processing-instruction': { severity: 'error', title: 'Processing instruction in a SAML message' },
  'xml.too-deep': { severity: 'error', title: 'Element nesting exceeds the limit' },
  'xml.too-many-attributes': { severity: 'error', title: 'Too many attributes on one element' },
  'metadata.invalid': { severity: 'error', title: 'Metadata could not be read' },

  // Signatures
  'signature.missing': { severity: 'error', title: 'Nothing covering the assertion is signed' },
  'signature.invalid': { severity: 'error', title: 'Signature does not verify' },
  'signature.untrusted-key': { severity: 'error', title: 'Signed with a certificate that is not trusted' },
  'signature.wrapping': { severity: 'error', title: 'Signature wrapping (XSW) structure' },
  'signature.weak-algorithm': { severity: 'warning', title: 'Weak signature algorithm or key' },
  'signature.unsupported-algorithm': { severity: 'error', title: 'Signature algorithm not allowed' },
  'signature.no-trust-anchor': { severity: 'info', title: 'No IdP certificate configured' },
  'signature.keyinfo-mismatch': { severity: 'warning', title: 'KeyInfo certificate differs from the trusted one' },
  'nameid.comment': { severity: 'warning', title: 'Comment, CDATA or processing instruction inside an identity value' },
  'assertion.encrypted': { severity: 'info', title: 'Assertion was encrypted' },
  'assertion.decryption-failed': { severity: 'error', title: 'Encrypted assertion could not be decrypted' },
  'assertion.missing': { severity: 'error', title: 'Response carries no assertion' },

  // Protocol
  'status.failure': { severity: 'error', title: 'IdP reported a failure status' },
  'issuer.mismatch': { severity: 'error', title: 'Issuer differs from the IdP entity ID' },
  'destination.mismatch': { severity: 'error', title: 'Destination differs from the ACS URL' },
  'recipient.mismatch': { severity: 'error', title: 'Recipient differs from the ACS URL' },
  'audience.mismatch': { severity: 'error', title: 'Audience differs from the SP entity ID' },
  'time.expired': { severity: 'error', title: 'Message has expired' },
  'time.not-yet-valid': { severity: 'error', title: 'Message is not yet valid' },
  'subject.confirmation': { severity: 'error', title: 'No usable bearer subject confirmation' },
  'nameid.format-mismatch': { severity: 'warning', title: 'NameID format differs from what the SP asks for' },
  'cert.expired': { severity: 'warning', title: 'IdP signing certificate has expired' },
  'cert.expiring': { severity: 'warning', title: 'IdP signing certificate expires within 90 days' },
  'cert.weak-key': { severity: 'warning', title: 'IdP signing key is weak' },
  'cert.rotation': { severity: 'error', title: 'IdP certificate was rotated' },

  // AWS IAM Identity Center profile
  'aws.groups-not-sent': { severity: 'warning', title: 'AWS sends no group attribute' },
  'aws.groups-are-ids': { severity: 'warning', title: 'Group values are IDs, not names' },
  'aws.empty-attribute-statement': { severity: 'warning', title: 'Empty AttributeStatement' },
  'aws.nameid-format-unsupported': { severity: 'warning', title: 'NameID format AWS does not support' },
  'aws.unresolved-variable': { severity: 'error', title: 'Attribute mapping was sent unresolved' },
  'aws.attribute-name-suspicious': { severity: 'warning', title: 'Attribute name looks mistyped' },

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
  'jit.orphaned-account': { severity: 'warning', title: 'JIT accounts stay active after their AWS user is gone' },
} as const satisfies Record<string, { severity: Severity; title: string }>;

export type FindingId = keyof typeof FINDING_CATALOG;
