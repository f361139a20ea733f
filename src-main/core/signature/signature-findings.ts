import type { Finding, Fix } from '../model/finding.js';
import type { CertificateInfo } from '../model/certificate.js';
import type { SignatureDetail, SignatureReport } from '../model/message.js';
import { makeFinding } from '../findings/make-finding.js';
import { algorithmName } from './algorithms.js';
import { awsConsolePath } from '../fixes/aws-console.js';
import type { DocumentVerification } from './verify-document.js';

const AWS_CERT_PATH = awsConsolePath('Manage certificate');

const FIX_TRUST_ANCHOR: Fix = {
  summary: 'Give samlscope the IdP metadata or certificate that your Atlassian SSO configuration trusts: on the command line with --idp-metadata FILE or --idp-cert PEM; in the app, paste or drop the metadata file (or certificate), or pick a target profile.',
  where: 'samlscope-input',
  path: AWS_CERT_PATH,
  field: 'IAM Identity Center SAML metadata file / IAM Identity Center certificate',
  steps: [
    'Download the metadata file (or the certificate) from the AWS console path above.',
    'Command line: add --idp-metadata FILE (or --idp-cert PEM) to samlscope analyze.',
    'App: paste or drop the metadata file or certificate anywhere in the window (or use Setup → IdP trust), or pick a target profile whose IdP metadata is the one your Atlassian SSO configuration trusts.',
  ],
};

const FIX_REAL_CERT: Fix = {
  summary: 'Make the Atlassian SSO configuration trust the certificate AWS signs with, and make sure nothing rewrites the response on its way.',
  where: 'atlassian-sso',
  path: 'Administration → System → SSO 2.0 → SAML single sign-on (or resolution SAML SSO → Identity Providers → your IdP)',
  field: 'Public x509 certificate (resolution: IdP signing certificate / metadata)',
  steps: [
    `Download the active certificate from ${AWS_CERT_PATH}.`,
    'Paste it into the certificate field (or re-import the IdP metadata) and save.',
    'If the certificate already matches, a proxy or browser extension changed the response after AWS signed it: capture the login again without it.',
  ],
};

const FIX_ATTACK: Fix = {
  summary: 'Treat this response as forged: do not accept it. Capture a fresh login directly from AWS IAM Identity Center and analyse that instead.',
  where: 'none',
  steps: ['If this came from a real login, something between the browser and the SP is rewriting SAML responses: investigate it as a security incident.'],
};

function certLabel(info: CertificateInfo): string {
  return `${info.subject} (SHA-256 ${info.sha256Fingerprint}, valid ${info.notBefore.slice(0, 10)} to ${info.notAfter.slice(0, 10)})`;
}

/** Turns a document verification into the signature findings of the analyze contract. */
export function signatureFindings(
  v: DocumentVerification,
  report: SignatureReport,
  hasTrustAnchor: boolean,
  keyInfoCerts: CertificateInfo[],
  redirect?: SignatureDetail,
): Finding[] {
  const findings: Finding[] = [];
  if (redirect && !redirect.accepted && hasTrustAnchor) {
    findings.push(makeFinding(redirect.signatureAlgorithm && !redirect.problem?.includes('not allowed') ? 'signature.invalid' : 'signature.unsupported-algorithm', {
      message: `The HTTP-Redirect query-string signature does not verify: ${redirect.problem ?? 'unknown reason'}.`,
      fix: FIX_REAL_CERT,
      evidence: [{ location: redirect.location, value: redirect.signatureAlgorithm ?? '(no SigAlg)' }],
    }));
  }

  if (v.wrapping.length > 0) {
    findings.push(makeFinding('signature.wrapping', {
      message: 'The document is shaped like an XML Signature Wrapping attack: a signature is valid, but the content around it has been rearranged so that a consumer could read unsigned data as if it were signed. Identity data is read only from the signed content; the response is rejected.',
      fix: FIX_ATTACK,
      evidence: v.wrapping.map((detail) => ({ location: 'document structure', value: detail })),
    }));
  }

  if (!hasTrustAnchor && v.signatures.length > 0) {
    findings.push(makeFinding('signature.no-trust-anchor', {
      message: 'No IdP certificate was configured, so samlscope cannot say whether AWS signed this message. Everything read from it is shown as unverified.',
      fix: FIX_TRUST_ANCHOR,
    }));
  }

  for (const s of v.signatures) {
    const d = s.detail;
    if (d.accepted) continue;
    if (d.parent === 'other' && s.problems.length === 0) continue; // Advice-nested, not ours to judge
    const algorithmProblems = s.problems.filter((p) => p.kind === 'algorithm');
    if (algorithmProblems.length > 0) {
      findings.push(makeFinding('signature.unsupported-algorithm', {
        message: `The signature at ${d.location} uses an algorithm samlscope does not accept, so it was not checked: ${algorithmProblems.map((p) => p.detail).join('; ')}.`,
        fix: {
          summary: 'Sign with RSA-SHA256. In AWS, generate a new certificate with algorithm SHA-256 and set it as active.',
          where: 'aws-console',
          path: AWS_CERT_PATH,
          field: 'Algorithm',
          value: 'SHA-256',
        },
        evidence: [{ location: d.location, value: d.signatureAlgorithm ?? '(none)' }],
      }));
      continue;
    }
    if (d.verifiesWithKeyInfoOnly && hasTrustAnchor) {
      const keyInfo = keyInfoCerts[0];
      findings.push(makeFinding('signature.untrusted-key', {
        message: `The signature at ${d.location} is mathematically valid, but only with the certificate embedded in the message itself${keyInfo ? ` (${certLabel(keyInfo)})` : ''}, not with any certificate you configured. Anyone can sign a message with their own key, so this proves nothing. Either AWS rotated its signing certificate and your SP still has the old one, or the message was re-signed by someone else.`,
        fix: FIX_REAL_CERT,
        evidence: [
          { location: `${d.location}/KeyInfo/X509Data/X509Certificate`, value: keyInfo?.sha256Fingerprint ?? '(unreadable)' },
        ],
      }));
      continue;
    }
    if (!hasTrustAnchor) continue;
    if (d.cryptoValid) continue; // verified but structurally refused: reported as wrapping
    findings.push(makeFinding('signature.invalid', {
      message: `The signature at ${d.location} does not verify: ${d.problem ?? 'unknown reason'}. Either the message was changed after it was signed, or it was signed with a key whose certificate is not the one configured.`,
      fix: FIX_REAL_CERT,
      evidence: [{ location: d.location, value: d.problem ?? '' }],
    }));
  }

  if (report.status === 'unsigned') {
    findings.push(makeFinding('signature.missing', {
      message: 'Nothing in this message is signed. Anyone could have written it; an SP must reject it. AWS IAM Identity Center always signs its responses, so this one did not come straight from AWS or was stripped on the way.',
      fix: {
        summary: 'Capture the login again directly from AWS IAM Identity Center; if the response really arrives unsigned, check for a proxy that rewrites it.',
        where: 'none',
      },
      evidence: [{ location: '/', value: 'no ds:Signature on the Response or its Assertion' }],
    }));
  }

  const weak = v.signatures.filter((s) => s.detail.accepted && s.weakAlgorithms.length > 0);
  if (weak.length > 0) {
    findings.push(makeFinding('signature.weak-algorithm', {
      message: `The message is signed with ${[...new Set(weak.flatMap((s) => s.weakAlgorithms))].join(' and ')}, which is deprecated: SHA-1 collisions are practical. It still verifies today.`,
      fix: {
        summary: 'Generate a new AWS signing certificate with algorithm SHA-256 and 2048-bit key, upload it to the Atlassian SSO settings, then set it as active in AWS.',
        where: 'aws-console',
        path: `${AWS_CERT_PATH} → Generate new certificate`,
        field: 'Algorithm / Key size',
        value: 'SHA-256 / 2048',
      },
      evidence: weak.map((s) => ({ location: s.detail.location, value: `${algorithmName(s.detail.signatureAlgorithm)}, ${algorithmName(s.detail.digestAlgorithm)}` })),
    }));
  }
  const cert = report.certificate;
  if (cert && cert.keyType === 'rsa' && cert.keySize !== undefined && cert.keySize < 2048) {
    findings.push(makeFinding('signature.weak-algorithm', {
      title: 'Signing key shorter than 2048 bits',
      message: `The signing key is RSA ${cert.keySize} bits; anything below 2048 bits is considered breakable.`,
      fix: {
        summary: 'Generate a new AWS signing certificate with a 2048-bit key, upload it to the Atlassian SSO settings, then set it as active in AWS.',
        where: 'aws-console',
        path: `${AWS_CERT_PATH} → Generate new certificate`,
        field: 'Key size',
        value: '2048-bit RSA',
      },
      evidence: [{ location: 'signing certificate', value: `${cert.keySize}-bit RSA, SHA-256 ${cert.sha256Fingerprint}` }],
    }));
  }

  if (report.status === 'valid' && report.certificate) {
    const trustedFp = report.certificate.sha256Fingerprint;
    const differing = keyInfoCerts.filter((k) => k.sha256Fingerprint !== trustedFp);
    if (differing.length > 0) {
      findings.push(makeFinding('signature.keyinfo-mismatch', {
        severity: 'info',
        message: `The message embeds a certificate (${differing.map(certLabel).join('; ')}) that is not the one that verified it. samlscope never trusts embedded certificates, so this is harmless here, but an SP that does would be open to forgery.`,
        fix: { summary: 'Nothing to change in AWS. Make sure your SP verifies against the configured certificate, not the one in the message.', where: 'none' },
        evidence: differing.map((k) => ({ location: 'Signature/KeyInfo/X509Data/X509Certificate', value: k.sha256Fingerprint })),
      }));
    }
  }
  return findings;
}
