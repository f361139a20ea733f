import type { Element } from '@xmldom/xmldom';
import type { CertificateInfo, TrustedCertificate } from '../model/certificate.js';
import type { SignatureDetail, SignedElement } from '../model/message.js';
import { SAMLP_NS, SAML_NS, nodePath } from '../xml/dom.js';
import {
  CANONICALIZATION_ALGORITHMS,
  DIGEST_ALGORITHMS,
  MAX_TRANSFORMS,
  SIGNATURE_ALGORITHMS,
  TRANSFORM_ALGORITHMS,
} from './algorithms.js';
import { certificatePemFromBase64 } from '../metadata/pem.js';
import type { DocumentStructure } from './inspect-structure.js';
import { readSignedInfo } from './signed-info.js';
import { signatureSchemaProblems } from './signature-schema.js';
import { prepareSignature, verifyPreparedWith } from './verify-crypto.js';
import { ownValue } from '../model/own.js';

/**
 * Why a signature is refused before or regardless of cryptography: `wrapping` is the shape of an attack
 * (duplicate IDs, hidden copies); `structure` and `malformed` are signatures that do not cover what a SAML
 * consumer reads (the wrong element, several References, nothing at all), refused with their own reason.
 */
export type StructuralProblem =
  | { kind: 'wrapping'; detail: string }
  | { kind: 'structure'; detail: string }
  | { kind: 'algorithm'; detail: string }
  | { kind: 'malformed'; detail: string };

/** A configured certificate with its description computed once per analysis. */
export interface TrustAnchor {
  cert: TrustedCertificate;
  info: CertificateInfo;
}

export interface CheckedSignature {
  element: Element;
  detail: SignatureDetail;
  /** The element this signature covers when it sits where SAML allows (root, or an Assertion directly under it). */
  covers?: Element;
  problems: StructuralProblem[];
  /** Canonical XML of the signed element, present only when the signature verified with a trusted certificate. */
  signedReference?: string;
  /** KeyInfo certificates as PEM, for reporting and the rotation diagnosis. */
  keyInfoPems: string[];
  weakAlgorithms: string[];
  /** What each Reference names, for people: `#id → /Response/Issuer`. */
  coverage: string[];
}

function rootKind(root: Element): SignedElement {
  return root.localName === 'AuthnRequest' || root.localName === 'LogoutRequest' ? 'Request' : 'Response';
}

/** Where this signature sits: the message root, an Assertion directly under a Response root, or elsewhere. */
function placementOf(signature: Element, root: Element): { parent: SignedElement | 'other'; covers?: Element } {
  const parent = signature.parentNode as Element | null;
  if (!parent) return { parent: 'other' };
  if (parent === root) return { parent: rootKind(root), covers: root };
  const grandParent = parent.parentNode as Element | null;
  const isAssertion = parent.namespaceURI === SAML_NS && parent.localName === 'Assertion';
  const rootIsResponse = root.namespaceURI === SAMLP_NS && root.localName === 'Response';
  // A bare Assertion document (some tools paste only the assertion) is its own root, handled above.
  if (isAssertion && grandParent === root && rootIsResponse) return { parent: 'Assertion', covers: parent };
  return { parent: 'other' };
}

function algorithmProblems(info: ReturnType<typeof readSignedInfo>): { problems: StructuralProblem[]; weak: string[] } {
  const problems: StructuralProblem[] = [];
  const weak: string[] = [];
  const sigAlg = info.signatureAlgorithm;
  const signature = sigAlg ? ownValue(SIGNATURE_ALGORITHMS, sigAlg) : undefined;
  if (!signature) {
    const hint = sigAlg && /hmac/i.test(sigAlg) ? ' (HMAC signatures can be forged with the public key: never accepted)' : '';
    problems.push({ kind: 'algorithm', detail: `signature algorithm ${sigAlg ?? '(missing)'} is not allowed${hint}` });
  } else if (signature.weak) weak.push(signature.name);
  const digest = info.digestAlgorithm;
  const digestAlgorithm = digest ? ownValue(DIGEST_ALGORITHMS, digest) : undefined;
  if (!digestAlgorithm) {
    problems.push({ kind: 'algorithm', detail: `digest algorithm ${digest ?? '(missing)'} is not allowed` });
  } else if (digestAlgorithm.weak) weak.push(`${digestAlgorithm.name} digest`);
  const c14n = info.canonicalizationAlgorithm;
  if (!c14n || !CANONICALIZATION_ALGORITHMS.has(c14n)) {
    problems.push({ kind: 'algorithm', detail: `canonicalization algorithm ${c14n ?? '(missing)'} is not allowed` });
  }
  if (info.transforms.length > MAX_TRANSFORMS) {
    problems.push({ kind: 'algorithm', detail: `${info.transforms.length} transforms; at most ${MAX_TRANSFORMS} are allowed (denial-of-service guard, CVE-2021-39171)` });
  }
  for (const t of info.transforms) {
    if (!TRANSFORM_ALGORITHMS.has(t)) problems.push({ kind: 'algorithm', detail: `transform ${t || '(missing)'} is not allowed` });
  }
  return { problems, weak };
}

/** The reference must point, by a unique ID, at the very element the signature sits in (invariant 3). */
function referenceProblems(
  signature: Element,
  info: ReturnType<typeof readSignedInfo>,
  structure: DocumentStructure,
): StructuralProblem[] {
  const problems: StructuralProblem[] = [];
  if (info.signedInfoCount !== 1) {
    problems.push({ kind: 'malformed', detail: info.signedInfoCount === 0 ? 'the Signature has no SignedInfo' : `the Signature has ${info.signedInfoCount} SignedInfo elements (CVE-2025-29774)` });
    return problems;
  }
  if (info.referenceUris.length !== 1) {
    problems.push({ kind: 'malformed', detail: `SignedInfo has ${info.referenceUris.length} References; exactly one is allowed` });
    return problems;
  }
  if (info.objectCount > 0) {
    problems.push({ kind: 'wrapping', detail: 'the Signature carries ds:Object content, where XSW8 hides a copy of the signed element' });
  }
  const uri = info.referenceUris[0]!;
  const parent = signature.parentNode as Element | null;
  if (uri === '') {
    // URI="" means the whole document; legitimate only for a signature on the root element.
    if (parent !== structure.root) problems.push({ kind: 'structure', detail: 'its Reference URI="" names the whole document, but the signature is not on the root element' });
    return problems;
  }
  if (!uri.startsWith('#') || /["']/.test(uri)) {
    problems.push({ kind: 'malformed', detail: `Reference URI ${JSON.stringify(uri)} is not a same-document #ID reference` });
    return problems;
  }
  const targets = structure.ids.get(uri.slice(1)) ?? [];
  if (targets.length === 0) {
    problems.push({ kind: 'malformed', detail: `Reference URI ${uri} names no element in the document` });
  } else if (targets.length > 1) {
    problems.push({ kind: 'wrapping', detail: `${targets.length} elements carry the ID ${uri.slice(1)} (${targets.map((t) => nodePath(t)).join(', ')}); IDs must be unique` });
  } else if (targets[0] !== parent) {
    problems.push({ kind: 'structure', detail: `the signature sits in ${parent ? nodePath(parent) : 'nothing'} but its Reference names ${nodePath(targets[0]!)}, not the element it sits in` });
  }
  return problems;
}

/** What each Reference of a signature names in the document, for the structural-refusal finding. */
function coverageOf(uris: string[], structure: DocumentStructure): string[] {
  return uris.map((uri) => {
    if (uri === '') return 'URI="" → the whole document';
    if (!uri.startsWith('#')) return `${JSON.stringify(uri)} → nothing in this document`;
    const targets = structure.ids.get(uri.slice(1)) ?? [];
    if (targets.length === 0) return `${uri} → no element`;
    return `${uri} → ${targets.map((t) => nodePath(t)).join(' and ')}`;
  });
}

/** The one element whose ID attribute the same-document reference names (duplicates are refused as wrapping). */
function referencedElement(uri: string, structure: DocumentStructure): Element | undefined {
  if (uri === '') return structure.root;
  if (!uri.startsWith('#')) return undefined;
  const id = uri.slice(1);
  const targets = (structure.ids.get(id) ?? []).filter((el) => el.getAttribute('ID') === id);
  return targets.length === 1 ? targets[0] : undefined;
}

/**
 * Checks one ds:Signature: placement, reference, algorithms, then the cryptography against each
 * trusted certificate in turn (xml-crypto takes one key per instance). KeyInfo certificates are tried
 * only to explain a failure (rotation, attacker re-signing); they never make a signature accepted.
 */
export function checkSignature(
  signature: Element,
  structure: DocumentStructure,
  trusted: TrustAnchor[],
): CheckedSignature {
  const info = readSignedInfo(signature);
  const placement = placementOf(signature, structure.root);
  const problems: StructuralProblem[] = [];
  if (placement.parent === 'other') {
    problems.push({ kind: 'structure', detail: `it sits at ${nodePath(signature)}, where SAML signatures never sit (only on the root or on an Assertion directly under the Response)` });
  }
  for (const detail of signatureSchemaProblems(signature)) problems.push({ kind: 'malformed', detail });
  problems.push(...referenceProblems(signature, info, structure));
  const algorithms = algorithmProblems(info);
  problems.push(...algorithms.problems);

  const detail: SignatureDetail = {
    location: nodePath(signature),
    parent: placement.parent,
    referenceUri: info.referenceUris[0] ?? '',
    transforms: info.transforms,
    accepted: false,
    cryptoValid: false,
  };
  if (info.signatureAlgorithm) detail.signatureAlgorithm = info.signatureAlgorithm;
  if (info.digestAlgorithm) detail.digestAlgorithm = info.digestAlgorithm;
  if (info.canonicalizationAlgorithm) detail.canonicalizationAlgorithm = info.canonicalizationAlgorithm;

  const keyInfoPems = info.keyInfoCertificates.map(certificatePemFromBase64);
  const checked: CheckedSignature = { element: signature, detail, problems, keyInfoPems, weakAlgorithms: algorithms.weak, coverage: coverageOf(info.referenceUris, structure) };
  if (placement.covers) checked.covers = placement.covers;

  // Malformed signatures and forbidden algorithms never reach the cryptography.
  if (problems.some((p) => p.kind === 'algorithm' || p.kind === 'malformed')) {
    detail.problem = problems.map((p) => p.detail).join('; ');
    return checked;
  }

  const target = referencedElement(info.referenceUris[0]!, structure);
  const prepared = target
    ? prepareSignature(signature, target, info.canonicalizationAlgorithm!)
    : { ok: false as const, error: `the signature references an element with uri ${info.referenceUris[0]} but could not find such element` };
  let lastError: string | undefined;
  for (const anchor of trusted) {
    const result = verifyPreparedWith(prepared, anchor.cert.pem);
    if (result.ok) {
      detail.cryptoValid = true;
      detail.verifiedBy = anchor.info.sha256Fingerprint;
      checked.signedReference = result.signedReference!;
      break;
    }
    lastError = result.error;
  }
  if (!detail.cryptoValid) {
    for (const pem of keyInfoPems) {
      if (verifyPreparedWith(prepared, pem).ok) {
        detail.verifiesWithKeyInfoOnly = true;
        break;
      }
    }
  }
  detail.accepted = detail.cryptoValid && problems.length === 0;
  if (!detail.accepted) {
    const reasons = problems.map((p) => p.detail);
    if (!detail.cryptoValid) {
      if (trusted.length === 0) reasons.unshift('no trusted IdP certificate is configured');
      else if (detail.verifiesWithKeyInfoOnly) reasons.unshift('it verifies only with the certificate in its own KeyInfo, which is not a trusted IdP certificate');
      else reasons.unshift(`it does not verify with any trusted certificate (${lastError ?? 'unknown error'})`);
    }
    detail.problem = reasons.join('; ');
  }
  return checked;
}
