/**
 * SAML 2.0 status codes (SAML core §3.2.2.2) in plain language, with what each usually means when
 * IAM Identity Center is the IdP.
 */
const PREFIX = 'urn:oasis:names:tc:SAML:2.0:status:';

export const STATUS_SUCCESS = `${PREFIX}Success`;

export const TOP_LEVEL_STATUS: Record<string, string> = {
  Success: 'the request succeeded',
  Requester: 'the IdP blames the request (the SP or the user), not itself',
  Responder: 'the IdP failed on its side or refused to answer',
  VersionMismatch: 'the IdP does not accept the SAML version of the request',
};

export const SECOND_LEVEL_STATUS: Record<string, string> = {
  AuthnFailed: 'the IdP could not authenticate the user',
  InvalidAttrNameOrValue: 'an attribute name or value in the request was not acceptable',
  InvalidNameIDPolicy: 'the IdP cannot produce the NameID format the request asked for (NameIDPolicy)',
  NoAuthnContext: 'the IdP cannot meet the authentication context the request asked for',
  NoAvailableIDP: 'no usable IdP was found (proxying)',
  NoPassive: 'the request asked for a passive login, but the user would have to interact',
  NoSupportedIDP: 'none of the IdPs the request allows are supported (proxying)',
  PartialLogout: 'logout did not reach every session participant',
  ProxyCountExceeded: 'the request cannot be proxied any further',
  RequestDenied: 'the IdP refused the request',
  RequestUnsupported: 'the IdP does not support this request',
  RequestVersionDeprecated: 'the request uses a deprecated SAML version',
  RequestVersionTooHigh: 'the request uses a SAML version the IdP does not support (too high)',
  RequestVersionTooLow: 'the request uses a SAML version the IdP does not support (too low)',
  ResourceNotRecognized: 'the IdP does not recognise a resource the request refers to',
  TooManyResponses: 'the response would contain more elements than the IdP can return',
  UnknownAttrProfile: 'the IdP does not know the attribute profile in the request',
  UnknownPrincipal: 'the IdP does not know the user the request names',
  UnsupportedBinding: 'the IdP cannot answer with the binding the request asked for',
};

/** `urn:…:status:Requester` → `Requester`; other URIs unchanged. */
export function shortStatus(code: string): string {
  return code.startsWith(PREFIX) ? code.slice(PREFIX.length) : code;
}
