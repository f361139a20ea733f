/** Turns a parsed SAML Response into the identity data the engines read. */
import { decodeAwsIssuer } from '../aws/issuer.js';
import type { MessageResult } from '../model/message.js';
import type { LoginFacts } from './simulation-types.js';

export const NAMEID_LOCATION = '/Response/Assertion/Subject/NameID';

export function attributeLocation(name: string): string {
  return `/Response/Assertion/AttributeStatement/Attribute[@Name="${name}"]`;
}

export function factsFromMessage(message: MessageResult): LoginFacts {
  const attributes = new Map<string, string[]>();
  // Several Attribute elements with one name act as one multi-valued attribute.
  for (const a of message.attributes) {
    const list = attributes.get(a.name);
    if (list) list.push(...a.values);
    else attributes.set(a.name, [...a.values]);
  }
  const facts: LoginFacts = {
    attributes,
    verified: message.signature.status === 'valid',
    nameIdLocation: NAMEID_LOCATION,
    attributeLocation,
  };
  if (message.subject?.nameId !== undefined) facts.nameId = message.subject.nameId;
  if (message.issuer !== undefined && decodeAwsIssuer(message.issuer) === undefined) facts.idp = 'generic';
  return facts;
}
