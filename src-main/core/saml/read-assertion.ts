import type { Element } from '@xmldom/xmldom';
import type {
  AttributeInfo,
  AuthnStatementInfo,
  ConditionsInfo,
  ReadValue,
  SubjectConfirmationInfo,
  SubjectInfo,
} from '../model/message.js';
import { SAML_NS, attr, childElements, elementText, firstChildElement } from '../xml/dom.js';

/** Everything identity-related an Assertion carries. */
export interface AssertionContent {
  id?: string;
  issueInstant?: string;
  issuer?: ReadValue;
  subject?: SubjectInfo;
  subjectConfirmations: SubjectConfirmationInfo[];
  conditions?: ConditionsInfo;
  authnStatement?: AuthnStatementInfo;
  attributes: AttributeInfo[];
  emptyAttributeStatement: boolean;
}

function setIf<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined && value !== '') target[key] = value;
}

/**
 * Reads an Assertion element. `verified` says whether the element came from signed content
 * (the canonical XML a trusted signature covers); `basePath` is its location in the original message.
 */
export function readAssertion(assertion: Element, verified: boolean, basePath: string): AssertionContent {
  const content: AssertionContent = { subjectConfirmations: [], attributes: [], emptyAttributeStatement: false };
  setIf(content, 'id', attr(assertion, 'ID'));
  setIf(content, 'issueInstant', attr(assertion, 'IssueInstant'));

  const issuer = firstChildElement(assertion, SAML_NS, 'Issuer');
  if (issuer) content.issuer = { value: elementText(issuer).trim(), verified, location: `${basePath}/Issuer` };

  const subject = firstChildElement(assertion, SAML_NS, 'Subject');
  if (subject) {
    const nameId = firstChildElement(subject, SAML_NS, 'NameID');
    if (nameId) {
      const info: SubjectInfo = { nameId: elementText(nameId).trim(), verified };
      setIf(info, 'format', attr(nameId, 'Format'));
      setIf(info, 'nameQualifier', attr(nameId, 'NameQualifier'));
      setIf(info, 'spNameQualifier', attr(nameId, 'SPNameQualifier'));
      content.subject = info;
    }
    for (const sc of childElements(subject, SAML_NS, 'SubjectConfirmation')) {
      const confirmation: SubjectConfirmationInfo = { method: attr(sc, 'Method') ?? '' };
      const data = firstChildElement(sc, SAML_NS, 'SubjectConfirmationData');
      if (data) {
        setIf(confirmation, 'recipient', attr(data, 'Recipient'));
        setIf(confirmation, 'notBefore', attr(data, 'NotBefore'));
        setIf(confirmation, 'notOnOrAfter', attr(data, 'NotOnOrAfter'));
        setIf(confirmation, 'inResponseTo', attr(data, 'InResponseTo'));
        setIf(confirmation, 'address', attr(data, 'Address'));
      }
      content.subjectConfirmations.push(confirmation);
    }
  }

  const conditions = firstChildElement(assertion, SAML_NS, 'Conditions');
  if (conditions) {
    const info: ConditionsInfo = {
      audiences: childElements(conditions, SAML_NS, 'AudienceRestriction').flatMap((r) =>
        childElements(r, SAML_NS, 'Audience').map((a) => elementText(a).trim()),
      ),
      oneTimeUse: childElements(conditions, SAML_NS, 'OneTimeUse').length > 0,
    };
    setIf(info, 'notBefore', attr(conditions, 'NotBefore'));
    setIf(info, 'notOnOrAfter', attr(conditions, 'NotOnOrAfter'));
    content.conditions = info;
  }

  const authn = firstChildElement(assertion, SAML_NS, 'AuthnStatement');
  if (authn) {
    const info: AuthnStatementInfo = {};
    setIf(info, 'authnInstant', attr(authn, 'AuthnInstant'));
    setIf(info, 'sessionIndex', attr(authn, 'SessionIndex'));
    setIf(info, 'sessionNotOnOrAfter', attr(authn, 'SessionNotOnOrAfter'));
    const context = firstChildElement(authn, SAML_NS, 'AuthnContext');
    const classRef = context ? firstChildElement(context, SAML_NS, 'AuthnContextClassRef') : undefined;
    if (classRef) info.authnContextClassRef = elementText(classRef).trim();
    content.authnStatement = info;
  }

  for (const statement of childElements(assertion, SAML_NS, 'AttributeStatement')) {
    const attributes = childElements(statement, SAML_NS, 'Attribute');
    if (attributes.length === 0) content.emptyAttributeStatement = true;
    for (const a of attributes) {
      const info: AttributeInfo = {
        name: attr(a, 'Name') ?? '',
        values: childElements(a, SAML_NS, 'AttributeValue').map((v) => elementText(v)),
        verified,
      };
      setIf(info, 'nameFormat', attr(a, 'NameFormat'));
      setIf(info, 'friendlyName', attr(a, 'FriendlyName'));
      content.attributes.push(info);
    }
  }
  return content;
}
