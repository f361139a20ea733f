import type { Finding } from '../model/finding.js';
import type { CertificateInfo } from '../model/certificate.js';
import type { SignatureReport } from '../model/message.js';
import { makeFinding } from '../findings/make-finding.js';
import { algorithmName } from './algorithms.js';
import { signatureFixes, type SignatureIdp } from './signature-fixes.js';
import { isStructuralRefusal, structuralRefusalFinding } from './structure-finding.js';
import type { DocumentVerification } from './verify-document.js';

function certLabel(info: CertificateInfo): string {
  return `${info.subject} (SHA-256 ${info.sha256Fingerprint}, valid ${info.notBefore.slice(0, 10)} to ${info.notAfter.slice(0, 10)})`;
}

/** Turns a document verification into the signature findings of the analyze contract. */
export function signatureFindings(
  v: DocumentVerification,
  report: SignatureReport,
  hasTrustAnchor: boolean,
  keyInfoCerts: CertificateInfo[],
  idp: SignatureIdp = 'aws',
): Finding[] {
  const findings: Finding[] = [];
  const fixes = signatureFixes(idp);

  if (v.wrapping.length > 0) {
    findings.push(makeFinding('signature.wrapping', {
      message: 'The document is shaped like an XML Signature Wrapping attack: a signature is valid, but the content around it has been rearranged so that a consumer could read unsigned data as if it were signed. Identity data is read only from the signed content; the response is rejected.',
      fix: fixes.attack,
      evidence: v.wrapping.map((detail) => ({ location: 'document structure', value: detail })),
    }));
  }

  if (!hasTrustAnchor && v.signatures.length > 0) {
    findings.push(makeFinding('signature.no-trust-anchor', {
      message: `No IdP certificate was configured, so samlscope cannot say whether ${idp === 'aws' ? 'AWS' : 'the IdP'} signed this message. Everything read from it is shown as unverified.`,
      fix: fixes.trustAnchor,
    }));
  }

  for (const s of v.signatures) {
    const d = s.detail;
    if (d.accepted) continue;
    if (d.parent === 'other' && s.problems.length === 0) continue; // Advice-nested, not ours to judge
    if (isStructuralRefusal(s)) {
      // In an attack-shaped document the wrapping finding already says what to do.
      if (v.wrapping.length === 0) findings.push(structuralRefusalFinding(s, fixes));
      continue;
    }
    const algorithmProblems = s.problems.filter((p) => p.kind === 'algorithm');
    if (algorithmProblems.length > 0) {
      findings.push(makeFinding('signature.unsupported-algorithm', {
        message: `The signature at ${d.location} uses an algorithm samlscope does not accept, so it was not checked: ${algorithmProblems.map((p) => p.detail).join('; ')}.`,
        fix: fixes.algorithm,
        evidence: [{ location: d.location, value: d.signatureAlgorithm ?? '(none)' }],
      }));
      continue;
    }
    if (d.verifiesWithKeyInfoOnly && hasTrustAnchor) {
      const keyInfo = keyInfoCerts[0];
      findings.push(makeFinding('signature.untrusted-key', {
        message: `The signature at ${d.location} is mathematically valid, but only with the certificate embedded in the message itself${keyInfo ? ` (${certLabel(keyInfo)})` : ''}, not with any certificate you configured. Anyone can sign a message with their own key, so this proves nothing. Either ${fixes.idpName} rotated its signing certificate and your SP still has the old one, or the message was re-signed by someone else.`,
        fix: fixes.realCert,
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
      fix: fixes.realCert,
      evidence: [{ location: d.location, value: d.problem ?? '' }],
    }));
  }

  if (report.status === 'unsigned') {
    findings.push(makeFinding('signature.missing', {
      message: idp === 'aws'
        ? 'Nothing in this message is signed. Anyone could have written it; an SP must reject it. AWS IAM Identity Center always signs its responses, so this one did not come straight from AWS or was stripped on the way.'
        : 'Nothing in this message is signed. Anyone could have written it; an SP must reject it.',
      fix: idp === 'aws'
        ? { summary: 'Capture the login again directly from AWS IAM Identity Center; if the response really arrives unsigned, check for a proxy that rewrites it.', where: 'none' }
        : { summary: 'Configure the IdP to sign its responses (or their assertions) for this SP; if it already does, check for a proxy that rewrites them.', where: 'idp-configuration', field: 'Sign response / sign assertion' },
      evidence: [{ location: '/', value: 'no ds:Signature on the Response or its Assertion' }],
    }));
  }

  const weak = v.signatures.filter((s) => s.detail.accepted && s.weakAlgorithms.length > 0);
  if (weak.length > 0) {
    findings.push(makeFinding('signature.weak-algorithm', {
      message: `The message is signed with ${[...new Set(weak.flatMap((s) => s.weakAlgorithms))].join(' and ')}, which is deprecated: SHA-1 collisions are practical. It still verifies today.`,
      fix: fixes.weakAlgorithm,
      evidence: weak.map((s) => ({ location: s.detail.location, value: `${algorithmName(s.detail.signatureAlgorithm)}, ${algorithmName(s.detail.digestAlgorithm)}` })),
    }));
  }
  const cert = report.certificate;
  if (cert && cert.keyType === 'rsa' && cert.keySize !== undefined && cert.keySize < 2048) {
    findings.push(makeFinding('signature.weak-algorithm', {
      title: 'Signing key shorter than 2048 bits',
      message: `The signing key is RSA ${cert.keySize} bits; anything below 2048 bits is considered breakable.`,
      fix: fixes.weakKey,
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
        fix: { summary: `Nothing to change in ${idp === 'aws' ? 'AWS' : 'the IdP'}. Make sure your SP verifies against the configured certificate, not the one in the message.`, where: 'none' },
        evidence: differing.map((k) => ({ location: 'Signature/KeyInfo/X509Data/X509Certificate', value: k.sha256Fingerprint })),
      }));
    }
  }
  return findings;
}
