/**
 * xmlsec1's opinion of a SAML Response, signature by signature, on the document each signature was made
 * over: the Response's signature on the file as sent; the Assertion's on the file as sent, or, when the
 * assertion is encrypted, on the document xmlsec1 decrypted with the SP key (as the SP does).
 */
import { existsSync, readFileSync } from 'node:fs';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { ASSERTION_SIGNATURE, DECRYPTED_ASSERTION, RESPONSE_SIGNATURE, failureReason, xmlsecDecrypt, xmlsecVerify, type XmlsecRun } from './xmlsec1.js';

const SAMLP = 'urn:oasis:names:tc:SAML:2.0:protocol';
const SAML = 'urn:oasis:names:tc:SAML:2.0:assertion';
const DS = 'http://www.w3.org/2000/09/xmldsig#';

export interface XmlsecOpinion {
  /** Every signature the message carries verified with the configured certificate. */
  valid: boolean;
  /** One line per signature (or decryption step), for the failure message. */
  steps: string[];
}

function childrenOf(parent: Element | undefined, ns: string, name: string): Element[] {
  const found: Element[] = [];
  for (let node = parent?.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).namespaceURI === ns && (node as Element).localName === name) found.push(node as Element);
  }
  return found;
}

/** The Response element of a file (read as Latin-1: only the element structure matters here). */
function responseOf(file: string): Element | undefined {
  const root = new DOMParser().parseFromString(readFileSync(file, 'latin1'), 'text/xml').documentElement;
  return root && root.namespaceURI === SAMLP && root.localName === 'Response' ? root : undefined;
}

const signed = (element: Element | undefined) => childrenOf(element, DS, 'Signature').length > 0;

function step(name: string, run: XmlsecRun): string {
  return `${name}: ${run.ok ? 'OK' : `FAIL (${failureReason(run.output)})`}`;
}

export function xmlsecOpinion(file: string, certificatePath: string, spKeyPath: string): XmlsecOpinion {
  const response = responseOf(file);
  const runs: Array<[string, XmlsecRun]> = [];
  if (signed(response)) runs.push(['Response signature', xmlsecVerify(file, certificatePath, RESPONSE_SIGNATURE)]);
  if (signed(childrenOf(response, SAML, 'Assertion')[0])) runs.push(['Assertion signature', xmlsecVerify(file, certificatePath, ASSERTION_SIGNATURE)]);
  if (childrenOf(response, SAML, 'EncryptedAssertion').length > 0) {
    const decryptedPath = `${file}.xmlsec-decrypted.xml`;
    const decrypted = xmlsecDecrypt(file, spKeyPath, decryptedPath);
    if (!decrypted.ok || !existsSync(decryptedPath)) runs.push(['decryption of EncryptedAssertion', decrypted]);
    else if (signed(childrenOf(childrenOf(responseOf(decryptedPath), SAML, 'EncryptedAssertion')[0], SAML, 'Assertion')[0])) {
      runs.push(['decrypted Assertion signature', xmlsecVerify(decryptedPath, certificatePath, `${DECRYPTED_ASSERTION}/*[local-name()='Signature']`)]);
    }
  }
  const steps = runs.map(([name, run]) => step(name, run));
  if (runs.length === 0) steps.push('no signature found');
  return { valid: runs.length > 0 && runs.every(([, run]) => run.ok), steps };
}
