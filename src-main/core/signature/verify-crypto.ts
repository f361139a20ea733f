import { constants, createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { Element } from '@xmldom/xmldom';
import { DS_NS, attr, childElements, elementText, firstChildElement } from '../xml/dom.js';
import { XmlInputError, parseStrictXml } from '../xml/strict-parse.js';
import { canonicalizeReference, canonicalizeSignedInfo } from './canonicalize.js';
import { decodeSignatureBase64 } from './strict-base64.js';

/**
 * The key-independent half of checking one ds:Signature, done once however many keys are tried:
 * canonical SignedInfo, the reference read back from it, and the reference digest checked.
 */
export type PreparedSignature =
  | { ok: true; signedInfo: Buffer; signatureValue: Buffer; signatureAlgorithm: string; signedReference: string }
  | { ok: false; error: string };

export interface CryptoCheck {
  ok: boolean;
  /** The canonical XML of the referenced element: the only content identity data may be read from. */
  signedReference?: string;
  error?: string;
}

const DIGESTS: Record<string, string> = {
  'http://www.w3.org/2000/09/xmldsig#sha1': 'sha1',
  'http://www.w3.org/2001/04/xmlenc#sha256': 'sha256',
  'http://www.w3.org/2001/04/xmlenc#sha512': 'sha512',
};

const SIGNATURES: Record<string, { hash: string; pss: boolean }> = {
  'http://www.w3.org/2000/09/xmldsig#rsa-sha1': { hash: 'sha1', pss: false },
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256': { hash: 'sha256', pss: false },
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512': { hash: 'sha512', pss: false },
  'http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1': { hash: 'sha256', pss: true },
};

/**
 * Canonicalises SignedInfo, reads the one Reference from that canonical form (what the signature value
 * covers, as xml-crypto does), and checks its digest over `target`: the element the reference names,
 * already resolved and checked unique through the strict parser's ID index by the caller.
 */
export function prepareSignature(signature: Element, target: Element, canonicalizationAlgorithm: string): PreparedSignature {
  try {
    const signedInfo = firstChildElement(signature, DS_NS, 'SignedInfo');
    if (!signedInfo) return { ok: false, error: 'the Signature has no SignedInfo' };
    const canonical = canonicalizeSignedInfo(signedInfo, canonicalizationAlgorithm);
    const verifiedInfo = parseStrictXml(canonical, 'canonical SignedInfo').documentElement!;
    const method = firstChildElement(verifiedInfo, DS_NS, 'SignatureMethod');
    const signatureAlgorithm = method ? attr(method, 'Algorithm') ?? '' : '';
    if (!Object.hasOwn(SIGNATURES, signatureAlgorithm)) return { ok: false, error: `signature algorithm ${signatureAlgorithm || '(missing)'} is not supported` };

    const references = childElements(verifiedInfo, DS_NS, 'Reference');
    if (references.length !== 1) return { ok: false, error: `the canonical SignedInfo holds ${references.length} References` };
    const reference = readReference(references[0]!, target);
    if ('error' in reference) return { ok: false, error: reference.error };

    const octets = canonicalizeReference(target, signature, reference);
    const digest = createHash(reference.digest).update(octets, 'utf8').digest();
    if (!digest.equals(reference.digestValue)) return { ok: false, error: 'a reference digest does not match the signed content' };

    const valueElement = firstChildElement(signature, DS_NS, 'SignatureValue');
    const value = decodeSignatureBase64(valueElement ? elementText(valueElement) : '');
    if (!value.ok) return { ok: false, error: `SignatureValue is not valid base64: ${value.problem}` };
    return { ok: true, signedInfo: Buffer.from(canonical, 'utf8'), signatureValue: value.bytes, signatureAlgorithm, signedReference: octets };
  } catch (error) {
    const message = error instanceof XmlInputError || error instanceof Error ? error.message : String(error);
    return { ok: false, error: message };
  }
}

interface ReadReference {
  digest: string;
  digestValue: Buffer;
  algorithms: string[];
  inclusiveNamespacesPrefixList: string[];
}

/** One Reference of the canonical SignedInfo: same-document, digest method, digest value, transforms. */
function readReference(reference: Element, target: Element): ReadReference | { error: string } {
  const uri = attr(reference, 'URI') ?? '';
  const id = uri.startsWith('#') ? uri.slice(1) : undefined;
  // URI="" is the whole document: its root element, with the enveloped signature removed.
  const pointsAtTarget = uri === '' ? target.ownerDocument?.documentElement === target : id !== undefined && target.getAttribute('ID') === id;
  if (!pointsAtTarget) return { error: `the signed Reference URI ${JSON.stringify(uri)} does not name the signed element` };
  const method = firstChildElement(reference, DS_NS, 'DigestMethod');
  const digestUri = method ? attr(method, 'Algorithm') ?? '' : '';
  const digest = Object.hasOwn(DIGESTS, digestUri) ? DIGESTS[digestUri] : undefined;
  if (!digest) return { error: 'the Reference has no supported DigestMethod' };
  const values = childElements(reference, DS_NS, 'DigestValue');
  if (values.length !== 1) return { error: `the Reference has ${values.length} DigestValue elements` };
  const digestValue = decodeSignatureBase64(elementText(values[0]!));
  if (!digestValue.ok) return { error: `DigestValue is not valid base64: ${digestValue.problem}` };
  const transformsElement = firstChildElement(reference, DS_NS, 'Transforms');
  const transforms = transformsElement ? childElements(transformsElement, DS_NS, 'Transform') : [];
  const last = transforms[transforms.length - 1];
  const inclusive = last ? childElements(last, 'http://www.w3.org/2001/10/xml-exc-c14n#', 'InclusiveNamespaces') : [];
  return {
    digest,
    digestValue: digestValue.bytes,
    algorithms: transforms.map((t) => attr(t, 'Algorithm') ?? ''),
    inclusiveNamespacesPrefixList: inclusive.flatMap((n) => (attr(n, 'PrefixList') ?? '').split(' ')).filter((p) => p.length > 0),
  };
}

/** Public keys per certificate PEM: parsing a certificate costs more than the RSA check itself. */
const keys = new Map<string, KeyObject>();
const MAX_CACHED_KEYS = 64;

function publicKeyOf(pem: string): KeyObject {
  let key = keys.get(pem);
  if (!key) {
    key = createPublicKey(pem);
    if (keys.size >= MAX_CACHED_KEYS) keys.delete(keys.keys().next().value!);
    keys.set(pem, key);
  }
  return key;
}

/** Checks the signature value of a prepared signature against one certificate. KeyInfo is never consulted here. */
export function verifyPreparedWith(prepared: PreparedSignature, publicCertPem: string): CryptoCheck {
  if (!prepared.ok) return { ok: false, error: prepared.error };
  try {
    const algorithm = SIGNATURES[prepared.signatureAlgorithm]!;
    const key = publicKeyOf(publicCertPem);
    const ok = verify(
      algorithm.hash,
      prepared.signedInfo,
      algorithm.pss ? { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST } : key,
      prepared.signatureValue,
    );
    return ok ? { ok: true, signedReference: prepared.signedReference } : { ok: false, error: 'the signature value is incorrect for this certificate' };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
