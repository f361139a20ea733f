import type { Element } from '@xmldom/xmldom';
import type { AuthnRequestInfo, MessageType, ReadValue, StatusInfo, SubjectInfo } from '../model/message.js';
import { SAMLP_NS, SAML_NS, attr, elementText, firstChildElement } from '../xml/dom.js';

const MESSAGE_TYPES: readonly MessageType[] = ['Response', 'AuthnRequest', 'LogoutRequest', 'LogoutResponse'];

/** The SAML protocol message type of a root element, or undefined when it is not one. */
export function messageTypeOf(root: Element): MessageType | undefined {
  if (root.namespaceURI !== SAMLP_NS) return undefined;
  return MESSAGE_TYPES.find((t) => t === root.localName);
}

/** Fields every protocol message carries on its root element. */
export interface ProtocolFields {
  id?: string;
  inResponseTo?: string;
  destination?: string;
  issueInstant?: string;
  issuer?: ReadValue;
  status?: StatusInfo;
}

export function readProtocolFields(root: Element, verified: boolean): ProtocolFields {
  const fields: ProtocolFields = {};
  const set = <K extends keyof ProtocolFields>(key: K, value: ProtocolFields[K] | undefined): void => {
    if (value !== undefined && value !== '') fields[key] = value;
  };
  set('id', attr(root, 'ID'));
  set('inResponseTo', attr(root, 'InResponseTo'));
  set('destination', attr(root, 'Destination'));
  set('issueInstant', attr(root, 'IssueInstant'));
  const issuer = firstChildElement(root, SAML_NS, 'Issuer');
  if (issuer) fields.issuer = { value: elementText(issuer).trim(), verified, location: `/${root.localName}/Issuer` };
  const status = firstChildElement(root, SAMLP_NS, 'Status');
  if (status) {
    const code = firstChildElement(status, SAMLP_NS, 'StatusCode');
    const info: StatusInfo = { code: code ? (attr(code, 'Value') ?? '') : '' };
    const second = code ? firstChildElement(code, SAMLP_NS, 'StatusCode') : undefined;
    const secondValue = second ? attr(second, 'Value') : undefined;
    if (secondValue) info.secondLevelCode = secondValue;
    const message = firstChildElement(status, SAMLP_NS, 'StatusMessage');
    if (message) info.message = elementText(message).trim();
    fields.status = info;
  }
  return fields;
}

export function readAuthnRequest(root: Element): AuthnRequestInfo {
  const info: AuthnRequestInfo = {};
  const acs = attr(root, 'AssertionConsumerServiceURL');
  if (acs) info.assertionConsumerServiceUrl = acs;
  const binding = attr(root, 'ProtocolBinding');
  if (binding) info.protocolBinding = binding;
  const policy = firstChildElement(root, SAMLP_NS, 'NameIDPolicy');
  const format = policy ? attr(policy, 'Format') : undefined;
  if (format) info.nameIdPolicyFormat = format;
  const force = attr(root, 'ForceAuthn');
  if (force) info.forceAuthn = force === 'true' || force === '1';
  const passive = attr(root, 'IsPassive');
  if (passive) info.isPassive = passive === 'true' || passive === '1';
  return info;
}

/** The NameID of a LogoutRequest. */
export function readLogoutSubject(root: Element, verified: boolean): SubjectInfo | undefined {
  const nameId = firstChildElement(root, SAML_NS, 'NameID');
  if (!nameId) return undefined;
  const info: SubjectInfo = { nameId: elementText(nameId).trim(), verified };
  const format = attr(nameId, 'Format');
  if (format) info.format = format;
  return info;
}
