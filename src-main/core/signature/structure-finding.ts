import type { Finding } from '../model/finding.js';
import { makeFinding } from '../findings/make-finding.js';
import type { CheckedSignature } from './check-signature.js';
import type { SignatureFixes } from './signature-fixes.js';

/** True when the signature is refused for what it covers (not for an attack shape, an algorithm or its cryptography). */
export function isStructuralRefusal(s: CheckedSignature): boolean {
  return s.problems.some((p) => p.kind === 'structure' || p.kind === 'malformed');
}

/**
 * The finding for a signature refused for its structure: what it covers, and why that is not enough for
 * a SAML consumer. Its cryptography is beside the point (it may even verify), so this is not the
 * "changed after signing / wrong certificate" finding.
 */
export function structuralRefusalFinding(s: CheckedSignature, fixes: SignatureFixes): Finding {
  const d = s.detail;
  const covers = s.coverage.length === 0 ? 'nothing (its SignedInfo has no Reference)' : s.coverage.join('; ');
  const why = s.problems.filter((p) => p.kind === 'structure' || p.kind === 'malformed').map((p) => p.detail);
  const crypto = d.cryptoValid ? ' Its cryptography verifies with the trusted certificate, so the signed part is genuine; what it signs is the problem.' : '';
  return makeFinding('signature.structure-refused', {
    message:
      `The signature at ${d.location} covers ${covers}. That is not enough: ${why.join('; ')}. ` +
      'A SAML consumer reads the Response and its Assertion, so it accepts only a signature that sits inside the Response or the Assertion and has exactly one Reference naming that very element; anything else leaves what the SP reads unsigned.' +
      crypto,
    fix: fixes.structure,
    evidence: [
      { location: d.location, value: covers, expected: 'one Reference naming the element the signature sits in (the Response or its Assertion)' },
    ],
  });
}
