import type { CertificateInfo } from './certificate.js';
import type { Finding, Verdict } from './finding.js';

export type MessageType = 'Response' | 'AuthnRequest' | 'LogoutRequest' | 'LogoutResponse';
export type Binding = 'HTTP-POST' | 'HTTP-Redirect' | 'XML';
export type SignatureStatus = 'valid' | 'invalid' | 'unsigned' | 'untrusted';
/** The element a signature covers: the Response, its Assertion, or the root of a request message. */
export type SignedElement = 'Response' | 'Assertion' | 'Request';

/** One ds:Signature found in the message, and what became of it. */
export interface SignatureDetail {
  /** Path of the Signature element, e.g. `/Response/Assertion/Signature`. */
  location: string;
  /** What the signature's parent element is. */
  parent: SignedElement | 'other';
  referenceUri: string;
  signatureAlgorithm?: string;
  digestAlgorithm?: string;
  canonicalizationAlgorithm?: string;
  transforms: string[];
  /** True when it verified with a trusted certificate and passed every structural check. */
  accepted: boolean;
  /** True when the cryptography verified with a trusted certificate (structure aside). */
  cryptoValid: boolean;
  /** SHA-256 fingerprint of the trusted certificate that verified it. */
  verifiedBy?: string;
  /** True when it verifies only with the certificate in its own KeyInfo. */
  verifiesWithKeyInfoOnly?: boolean;
  /** Why it was not accepted. */
  problem?: string;
}

export interface SignatureReport {
  status: SignatureStatus;
  /** Elements covered by an accepted signature. */
  signedElements: SignedElement[];
  /**
   * Paths into `MessageResult.xml` (`/Response/Assertion`, `[n]` where siblings share a name) of the
   * elements an accepted signature covers; everything inside them is covered too. The message view
   * marks exactly these: it never matches signature references to IDs itself.
   */
  signedPaths: string[];
  /** Paths of the elements that carry a signature that was not accepted. */
  rejectedSignedPaths: string[];
  signatures: SignatureDetail[];
  /** The trusted certificate that verified the accepted signature(s). */
  certificate?: CertificateInfo;
  /** Certificates carried in KeyInfo (informational; never trusted). */
  keyInfoCertificates: CertificateInfo[];
}

/** A value read from the message, and whether a trusted signature covers it. */
export interface ReadValue {
  value: string;
  verified: boolean;
  location: string;
}

export interface SubjectInfo {
  nameId: string;
  format?: string;
  nameQualifier?: string;
  spNameQualifier?: string;
  verified: boolean;
}

export interface SubjectConfirmationInfo {
  method: string;
  recipient?: string;
  notBefore?: string;
  notOnOrAfter?: string;
  inResponseTo?: string;
  address?: string;
}

export interface ConditionsInfo {
  notBefore?: string;
  notOnOrAfter?: string;
  audiences: string[];
  oneTimeUse: boolean;
}

export interface AuthnStatementInfo {
  authnInstant?: string;
  sessionIndex?: string;
  sessionNotOnOrAfter?: string;
  authnContextClassRef?: string;
}

export interface AttributeInfo {
  name: string;
  nameFormat?: string;
  friendlyName?: string;
  values: string[];
  verified: boolean;
  /** Which AWS IAM Identity Center mapping this attribute most likely came from (`${user:email}`), when recognisable. */
  likelyAwsSource?: string;
}

export interface StatusInfo {
  code: string;
  secondLevelCode?: string;
  message?: string;
}

export interface AssertionInfo {
  id?: string;
  issueInstant?: string;
  /** The assertion arrived as EncryptedAssertion. */
  encrypted: boolean;
  /** Origin of the SP key that decrypted it. */
  decryptedWith?: string;
  /** The assertion has an AttributeStatement with no Attribute in it. */
  emptyAttributeStatement: boolean;
}

/** Fields only an AuthnRequest carries. */
export interface AuthnRequestInfo {
  assertionConsumerServiceUrl?: string;
  protocolBinding?: string;
  nameIdPolicyFormat?: string;
  forceAuthn?: boolean;
  isPassive?: boolean;
}

/** Everything samlscope read from one SAML protocol message. */
export interface MessageResult {
  index: number;
  type: MessageType;
  binding: Binding;
  verdict: Verdict;
  id?: string;
  inResponseTo?: string;
  destination?: string;
  issueInstant?: string;
  relayState?: string;
  status?: StatusInfo;
  signature: SignatureReport;
  /** The Issuer the message speaks for: the assertion's, or the message root's when there is no assertion. */
  issuer?: string;
  /** The same Issuer with where it was read and whether a trusted signature covers it. */
  issuerDetail?: ReadValue;
  /** Issuer of the Response element when it differs in position from the assertion issuer. */
  responseIssuer?: ReadValue;
  subject?: SubjectInfo;
  conditions?: ConditionsInfo;
  subjectConfirmations: SubjectConfirmationInfo[];
  authnStatement?: AuthnStatementInfo;
  attributes: AttributeInfo[];
  assertion?: AssertionInfo;
  request?: AuthnRequestInfo;
  findings: Finding[];
  /** The instant the validity windows were judged at: the analysis's `now`, or when a capture recorded the message. */
  judgedAt?: string;
  /** The decoded document, untouched, for the message view. */
  xml: string;
}
