/** Small questions about a MessageResult that several checks ask. */
import type { MessageResult } from '../model/message.js';

/** True when an accepted signature covers the Response element (so Destination, InResponseTo, Status are authentic). */
export function responseVerified(message: MessageResult): boolean {
  return message.signature.signedElements.includes('Response');
}

/** True when an accepted signature covers the assertion, directly or through the Response. */
export function assertionVerified(message: MessageResult): boolean {
  return message.signature.signedElements.includes('Assertion') || message.signature.signedElements.includes('Response');
}

/**
 * True when the assertion's content could be read: a plain assertion, or an encrypted one that was
 * decrypted. Checks on attributes and subject stay silent otherwise (nothing to judge).
 */
export function assertionReadable(message: MessageResult): boolean {
  if (message.assertion) return !message.assertion.encrypted || message.assertion.decryptedWith !== undefined;
  return message.subject !== undefined || message.conditions !== undefined;
}

export const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';

/** Evidence path of one SubjectConfirmation's data attribute (1-based index, as XPath writes it). */
export function subjectConfirmationPath(index: number, attribute: string): string {
  return `/Response/Assertion/Subject/SubjectConfirmation[${index + 1}]/SubjectConfirmationData/@${attribute}`;
}
