import type { Finding } from '../model/finding.js';
import type { AnalysisOptions } from '../model/options.js';
import { makeFinding } from '../findings/make-finding.js';
import type { TrustAnchor } from './check-signature.js';
import { describeCertificate } from './certificate-info.js';

/**
 * Describes each configured certificate; an unreadable one becomes a finding, not a crash.
 * Options objects are reused across many analyze() calls (a folder, a capture, the benchmark): describe
 * their certificates once. Keyed weakly by the certificate list, so nothing outlives the options.
 */
const described = new WeakMap<AnalysisOptions['trustedCertificates'], { anchors: TrustAnchor[]; findings: Finding[] }>();

export function trustAnchorsOf(options: AnalysisOptions): { anchors: TrustAnchor[]; findings: Finding[] } {
  const cached = described.get(options.trustedCertificates);
  if (cached) return cached;
  const result = describeAnchors(options);
  described.set(options.trustedCertificates, result);
  return result;
}

function describeAnchors(options: AnalysisOptions): { anchors: TrustAnchor[]; findings: Finding[] } {
  const anchors: TrustAnchor[] = [];
  const findings: Finding[] = [];
  for (const cert of options.trustedCertificates) {
    try {
      anchors.push({ cert, info: describeCertificate(cert.pem, cert.source) });
    } catch (error) {
      findings.push(makeFinding('metadata.invalid', {
        message: `The trusted certificate from ${cert.origin} cannot be read: ${error instanceof Error ? error.message : String(error)}.`,
        fix: { summary: 'Load the certificate exactly as AWS provides it (PEM) or the IAM Identity Center metadata file.', where: 'samlscope-input', field: '--idp-cert / --idp-metadata' },
        evidence: [{ location: cert.origin }],
      }));
    }
  }
  return { anchors, findings };
}

