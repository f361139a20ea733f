/**
 * NameID format URIs and the short names AWS's Subject "Format" menu shows
 * (https://docs.aws.amazon.com/solutions/latest/innovation-sandbox-on-aws/map-application-attributes.html).
 */
import { ownValue } from '../model/own.js';

export const NAMEID_UNSPECIFIED = 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified';

/** The only Subject formats IAM Identity Center supports (AWS Support, quoted in djangosaml2 #265). */
export const AWS_NAMEID_FORMATS: Record<string, string> = {
  'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified': 'unspecified',
  'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress': 'emailAddress',
  'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent': 'persistent',
  'urn:oasis:names:tc:SAML:2.0:nameid-format:transient': 'transient',
};

/** `urn:…:nameid-format:emailAddress` → `emailAddress`. */
export function shortNameIdFormat(format: string): string {
  return ownValue(AWS_NAMEID_FORMATS, format) ?? format.replace(/^urn:oasis:names:tc:SAML:\d\.\d:nameid-format:/, '');
}

export function isAwsSupportedNameIdFormat(format: string): boolean {
  return ownValue(AWS_NAMEID_FORMATS, format) !== undefined;
}

/** Both SAML versions define "unspecified"; either means "the SP does not care". */
export function isUnspecifiedFormat(format: string): boolean {
  return /:nameid-format:unspecified$/.test(format);
}
