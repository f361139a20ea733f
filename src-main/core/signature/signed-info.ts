import type { Element } from '@xmldom/xmldom';
import { DS_NS, attr, childElements, elementText, firstChildElement } from '../xml/dom.js';

/** What a ds:Signature declares, read with our strict DOM before any cryptography runs. */
export interface SignedInfoSummary {
  signedInfoCount: number;
  referenceUris: string[];
  signatureAlgorithm?: string;
  canonicalizationAlgorithm?: string;
  digestAlgorithm?: string;
  transforms: string[];
  /** Base64 bodies of X509Certificate elements in KeyInfo (never trusted; reported and compared). */
  keyInfoCertificates: string[];
  /** ds:Object children: never needed by SAML, and the hiding place of XSW8. */
  objectCount: number;
}

export function readSignedInfo(signature: Element): SignedInfoSummary {
  const signedInfos = childElements(signature, DS_NS, 'SignedInfo');
  const signedInfo = signedInfos[0];
  const summary: SignedInfoSummary = {
    signedInfoCount: signedInfos.length,
    referenceUris: [],
    transforms: [],
    keyInfoCertificates: [],
    objectCount: childElements(signature, DS_NS, 'Object').length,
  };
  if (signedInfo) {
    const c14n = firstChildElement(signedInfo, DS_NS, 'CanonicalizationMethod');
    const method = firstChildElement(signedInfo, DS_NS, 'SignatureMethod');
    if (c14n) summary.canonicalizationAlgorithm = attr(c14n, 'Algorithm');
    if (method) summary.signatureAlgorithm = attr(method, 'Algorithm');
    const references = childElements(signedInfo, DS_NS, 'Reference');
    summary.referenceUris = references.map((r) => attr(r, 'URI') ?? '');
    const first = references[0];
    if (first) {
      const digest = firstChildElement(first, DS_NS, 'DigestMethod');
      if (digest) summary.digestAlgorithm = attr(digest, 'Algorithm');
      const transforms = firstChildElement(first, DS_NS, 'Transforms');
      if (transforms) summary.transforms = childElements(transforms, DS_NS, 'Transform').map((t) => attr(t, 'Algorithm') ?? '');
    }
  }
  const keyInfo = firstChildElement(signature, DS_NS, 'KeyInfo');
  if (keyInfo) {
    for (const data of childElements(keyInfo, DS_NS, 'X509Data')) {
      for (const cert of childElements(data, DS_NS, 'X509Certificate')) {
        const body = elementText(cert).replace(/\s+/g, '');
        if (body) summary.keyInfoCertificates.push(body);
      }
    }
  }
  return summary;
}
