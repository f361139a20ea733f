import type { Document } from '@xmldom/xmldom';
import type { CertificateInfo } from '../model/certificate.js';
import type { Finding } from '../model/finding.js';
import type { DecodedMessage } from '../model/input.js';
import type { MessageResult, MessageType, SignatureReport } from '../model/message.js';
import type { SpPrivateKey } from '../model/options.js';
import { makeFinding } from '../findings/make-finding.js';
import type { TrustAnchor } from '../signature/check-signature.js';
import { describeCertificate } from '../signature/certificate-info.js';
import { signatureFindings } from '../signature/signature-findings.js';
import { signatureStatusOf, signedElementsOf } from '../signature/verify-document.js';
import { checkRedirectSignature } from '../signature/redirect-signature.js';
import { redirectSignatureFindings } from '../signature/redirect-findings.js';
import { signatureFixes, signatureIdpOf } from '../signature/signature-fixes.js';
import type { SpSigningKey } from '../signature/sp-signing-keys.js';
import { commentInjectionFindings } from './comment-injection.js';
import { sentByIdp } from './message-direction.js';
import { signedPathsOf } from './signed-paths.js';
import { readAssertion } from './read-assertion.js';
import { readAuthnRequest, readLogoutSubject, readProtocolFields } from './read-protocol.js';
import { verifyMessage } from './verify-message.js';

/** Describes KeyInfo certificates; the usual case, a copy of a trusted certificate, reuses its description. */
function describeKeyInfo(pems: string[], trusted: TrustAnchor[]): CertificateInfo[] {
  const out: CertificateInfo[] = [];
  const body = (pem: string) => pem.replace(/-----[^-]+-----|\s+/g, '');
  for (const pem of pems) {
    const same = trusted.find((t) => body(t.cert.pem) === body(pem));
    if (same) {
      out.push({ ...same.info, source: 'keyinfo' });
      continue;
    }
    try {
      out.push(describeCertificate(pem, 'keyinfo'));
    } catch {
      // An unreadable KeyInfo certificate is only informational; the signature outcome already says enough.
    }
  }
  return out;
}

/** What readMessage needs besides the IdP trust anchors and SP decryption keys. */
export interface ReadContext {
  /** The SP's signing certificates (SP metadata): what the SP's own query-string signatures verify against. */
  spSigningKeys?: SpSigningKey[];
  /** The profile the user chose; `auto` names the IdP from the issuer. */
  profile?: 'auto' | 'aws' | 'generic';
}

export interface ParsedMessage {
  decoded: DecodedMessage;
  doc: Document;
  /** The exact text `doc` was parsed from (BOM removed). */
  xml: string;
  type: MessageType;
}

/**
 * Verifies and reads one parsed SAML message into the analyze contract's MessageResult, with the
 * signature and injection findings. Protocol and profile checks run afterwards (checks/).
 */
export async function readMessage(
  parsed: ParsedMessage,
  index: number,
  trusted: TrustAnchor[],
  spKeys: SpPrivateKey[],
  idpEntityId?: string,
  context: ReadContext = {},
): Promise<MessageResult> {
  const { decoded, doc, xml, type } = parsed;
  // Only messages the IdP sends are verified against IdP certificates; an AuthnRequest (and a logout
  // message the SP sends) is signed, if at all, with the SP's key, which is not ours to judge.
  const fromIdp = sentByIdp(parsed, idpEntityId);
  const anchors = fromIdp ? trusted : [];
  const verified = await verifyMessage(doc, xml, anchors, spKeys);
  const v = verified.verification;
  const spSigningKeys = context.spSigningKeys ?? [];
  const redirectKeys = fromIdp ? anchors.map((a) => ({ pem: a.cert.pem, sha256Fingerprint: a.info.sha256Fingerprint })) : spSigningKeys;
  const redirect = checkRedirectSignature(decoded, redirectKeys, fromIdp ? 'IdP' : 'SP');
  let status = signatureStatusOf(v, anchors.length > 0);
  const redirectCovers = redirect?.accepted === true && v.wrapping.length === 0 && v.signatures.length === 0;
  if (redirectCovers) status = 'valid';
  else if (redirect && status === 'unsigned') status = redirectKeys.length > 0 ? 'invalid' : 'untrusted';

  const keyInfoPems = [...new Set(v.signatures.flatMap((s) => s.keyInfoPems))];
  const keyInfoCertificates = describeKeyInfo(keyInfoPems, trusted);
  const report: SignatureReport = {
    status,
    signedElements: status !== 'valid' ? [] : redirectCovers ? [type === 'AuthnRequest' || type === 'LogoutRequest' ? 'Request' : 'Response'] : signedElementsOf(v),
    signatures: [...v.signatures.map((s) => s.detail), ...(redirect ? [redirect] : [])],
    ...signedPathsOf(v.signatures, doc, redirectCovers),
    keyInfoCertificates,
  };
  const verifier = (redirect?.accepted ? redirect : v.signatures.find((s) => s.detail.accepted)?.detail)?.verifiedBy;
  const verifiedWith = verifier ? (fromIdp ? trusted.find((t) => t.info.sha256Fingerprint === verifier) : spSigningKeys.find((k) => k.sha256Fingerprint === verifier)) : undefined;
  if (verifiedWith) report.certificate = verifiedWith.info;

  // Identity data counts as verified only when the whole message passed; otherwise it is shown as it arrived.
  const trustworthy = status === 'valid';
  const rootVerified = trustworthy && (verified.root.verified || redirectCovers);
  const rootElement = trustworthy ? verified.root.element : v.structure.root;
  const protocol = readProtocolFields(rootElement, rootVerified);

  const message: MessageResult = {
    index,
    type,
    binding: decoded.binding,
    verdict: 'pass',
    signature: report,
    subjectConfirmations: [],
    attributes: [],
    findings: [],
    xml,
  };
  if (protocol.id) message.id = protocol.id;
  if (protocol.inResponseTo) message.inResponseTo = protocol.inResponseTo;
  if (protocol.destination) message.destination = protocol.destination;
  if (protocol.issueInstant) message.issueInstant = protocol.issueInstant;
  if (protocol.status) message.status = protocol.status;
  if (decoded.relayState !== undefined) message.relayState = decoded.relayState;
  if (protocol.issuer) message.responseIssuer = protocol.issuer;

  if (type === 'AuthnRequest') message.request = readAuthnRequest(rootElement);
  if (type === 'LogoutRequest') {
    const subject = readLogoutSubject(rootElement, rootVerified);
    if (subject) message.subject = subject;
  }

  const assertionSource = verified.assertion;
  if (assertionSource) {
    const content = readAssertion(assertionSource.element, trustworthy && (assertionSource.verified || redirectCovers), assertionSource.path);
    if (content.issuer) message.issuerDetail = content.issuer;
    if (content.subject) message.subject = content.subject;
    if (content.conditions) message.conditions = content.conditions;
    if (content.authnStatement) message.authnStatement = content.authnStatement;
    message.subjectConfirmations = content.subjectConfirmations;
    message.attributes = content.attributes;
    message.assertion = { encrypted: verified.encrypted, emptyAttributeStatement: content.emptyAttributeStatement };
    if (content.id) message.assertion.id = content.id;
    if (content.issueInstant) message.assertion.issueInstant = content.issueInstant;
    if (verified.decryptedWith) message.assertion.decryptedWith = verified.decryptedWith;
  } else if (verified.encrypted) {
    message.assertion = { encrypted: true, emptyAttributeStatement: false };
  }
  if (!message.issuerDetail && protocol.issuer) message.issuerDetail = protocol.issuer;
  if (message.issuerDetail) message.issuer = message.issuerDetail.value;

  const idp = signatureIdpOf(message.issuer ?? protocol.issuer?.value ?? idpEntityId, context.profile);
  const findings: Finding[] = [...verified.findings];
  if (fromIdp) findings.push(...signatureFindings(v, report, anchors.length > 0, keyInfoCertificates, idp));
  else findings.push(...signatureFindings({ ...v, signatures: [] }, { ...report, status: 'valid' }, true, [], idp));
  if (redirect) {
    findings.push(...redirectSignatureFindings({
      detail: redirect,
      signer: fromIdp ? 'IdP' : 'SP',
      type,
      keysConfigured: redirectKeys.length > 0,
      ...(report.certificate && redirect.accepted ? { certificate: report.certificate } : {}),
      idpCertificateFix: signatureFixes(idp).realCert,
    }));
  }
  findings.push(...commentInjectionFindings(doc));
  if (type === 'Response' && !assertionSource && !verified.encrypted && message.status?.code.endsWith(':Success')) {
    findings.push(makeFinding('assertion.missing', {
      message: 'The Response reports success but carries no Assertion, so there is nobody to log in.',
      fix: { summary: 'Capture the complete response; if AWS really sends none, check the application\'s attribute mappings and assignment.', where: 'aws-console' },
      evidence: [{ location: `/${type}`, value: 'no Assertion element' }],
    }));
  }
  message.findings = findings;
  return message;
}
