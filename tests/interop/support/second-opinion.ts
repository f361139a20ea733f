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
  /** Whether each signature verified, by the element that carries it (an encrypted Assertion's once decrypted). */
  signatures: SignatureVerdicts;
  /** One line per signature (or decryption step), for the failure message. */
  steps: string[];
}

export type SignatureVerdicts = Partial<Record<'Response' | 'Assertion', boolean>>;

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
  const signatures: SignatureVerdicts = {};
  const verify = (name: string, element: 'Response' | 'Assertion', path: string, xpath: string) => {
    const run = xmlsecVerify(path, certificatePath, xpath);
    runs.push([name, run]);
    signatures[element] = run.ok;
  };
  if (signed(response)) verify('Response signature', 'Response', file, RESPONSE_SIGNATURE);
  if (signed(childrenOf(response, SAML, 'Assertion')[0])) verify('Assertion signature', 'Assertion', file, ASSERTION_SIGNATURE);
  if (childrenOf(response, SAML, 'EncryptedAssertion').length > 0) {
    const decryptedPath = `${file}.xmlsec-decrypted.xml`;
    const decrypted = xmlsecDecrypt(file, spKeyPath, decryptedPath);
    if (!decrypted.ok || !existsSync(decryptedPath)) runs.push(['decryption of EncryptedAssertion', decrypted]);
    else if (signed(childrenOf(childrenOf(responseOf(decryptedPath), SAML, 'EncryptedAssertion')[0], SAML, 'Assertion')[0])) {
      verify('decrypted Assertion signature', 'Assertion', decryptedPath, `${DECRYPTED_ASSERTION}/*[local-name()='Signature']`);
    }
  }
  const steps = runs.map(([name, run]) => step(name, run));
  if (runs.length === 0) steps.push('no signature found');
  return { valid: runs.length > 0 && runs.every(([, run]) => run.ok), signatures, steps };
}
