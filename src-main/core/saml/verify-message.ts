import type { Document, Element } from '@xmldom/xmldom';
import type { Finding } from '../model/finding.js';
import type { SpPrivateKey } from '../model/options.js';
import { makeFinding } from '../findings/make-finding.js';
import type { TrustAnchor } from '../signature/check-signature.js';
import { verifyDocument, type DocumentVerification } from '../signature/verify-document.js';
import { insideSignature } from '../signature/uncovered-assertions.js';
import { SAML_NS, firstChildElement, isElement, nodePath } from '../xml/dom.js';
import { parseStrictXml } from '../xml/strict-parse.js';
import { obsoleteKeyTransportFinding } from './key-transport-finding.js';

export interface VerifiedMessage {
  verification: DocumentVerification;
  /** The assertion element to read identity data from, and whether signed content is its source. */
  assertion?: { element: Element; verified: boolean; path: string };
  /** The root element to read protocol fields from. */
  root: { element: Element; verified: boolean };
  encrypted: boolean;
  decryptedWith?: string;
  findings: Finding[];
}

const MARKER = 'samlscope-decrypted-assertion-marker';

/** Replaces the EncryptedAssertion with the decrypted Assertion, in context so inherited namespace prefixes resolve. */
function spliceDecrypted(doc: Document, encrypted: Element, assertionXml: string): string {
  const clone = doc.cloneNode(true) as Document;
  const path: number[] = [];
  for (let node: Element = encrypted; node.parentNode && isElement(node.parentNode); node = node.parentNode) {
    let i = 0;
    for (let s = node.previousSibling; s; s = s.previousSibling) i++;
    path.unshift(i);
  }
  let target = clone.documentElement as Element;
  for (const i of path) target = target.childNodes[i] as Element;
  target.parentNode!.replaceChild(clone.createComment(MARKER), target);
  // A function, not a string, as the replacement: `$'` and `$&` in the plaintext must stay literal text.
  const plaintext = assertionXml.replace(/^<\?xml[^>]*\?>/, '');
  return clone.toString().replace(`<!--${MARKER}-->`, () => plaintext);
}

/**
 * The decrypted assertion put back in place and verified, or what was wrong with it: the plaintext is as
 * untrusted as any input (one flipped ciphertext bit in CBC mode yields junk), so a refusal is a problem
 * of this message, never an exception that stops the run.
 */
function readDecrypted(doc: Document, encrypted: Element, assertionXml: string, trusted: TrustAnchor[]): { root: Element; verification: DocumentVerification } | { problem: string } {
  try {
    const xml = spliceDecrypted(doc, encrypted, assertionXml);
    const decrypted = parseStrictXml(xml, 'decrypted assertion');
    return { root: decrypted.documentElement!, verification: verifyDocument(decrypted, xml, trusted, 'assertion') };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Verifies a parsed message and decides where identity data may be read from (node-saml 5.x's
 * getVerifiedXml design): from the canonical XML a trusted, structurally sound signature covers, or,
 * when there is none, from the document as it arrived, marked unverified.
 */
export async function verifyMessage(
  doc: Document,
  xml: string,
  trusted: TrustAnchor[],
  spKeys: SpPrivateKey[],
): Promise<VerifiedMessage> {
  const findings: Finding[] = [];
  let verification = verifyDocument(doc, xml, trusted);
  let encrypted = false;
  let decryptedWith: string | undefined;
  let decryptedRoot: Element | undefined;

  const direct = verification.assertion;
  if (direct && direct.localName === 'EncryptedAssertion') {
    encrypted = true;
    if (spKeys.length === 0) {
      findings.push(makeFinding('assertion.decryption-failed', {
        severity: 'warning',
        title: 'Encrypted assertion: SP private key needed',
        message: 'The assertion is encrypted for the SP. Without the SP\'s private key samlscope cannot read the user, the attributes or the conditions.',
        fix: { summary: 'Give samlscope the SP\'s private key (--sp-key PEM, or the SP key field in the app). It never leaves this machine.', where: 'samlscope-input', field: '--sp-key' },
        evidence: [{ location: nodePath(direct), value: 'EncryptedAssertion' }],
      }));
    } else {
      // Loaded on first use: xml-encryption and node-forge are needed only for an encrypted assertion.
      const { decryptAssertion } = await import('./decrypt-assertion.js');
      const outcome = await decryptAssertion(direct, spKeys);
      if (!outcome.ok) {
        findings.push(makeFinding('assertion.decryption-failed', {
          message: `The encrypted assertion could not be decrypted with the SP key(s) given: ${outcome.errors.join('; ')}.`,
          fix: { summary: 'Use the private key that belongs to the encryption certificate in the SP metadata given to the IdP.', where: 'samlscope-input', field: '--sp-key' },
          evidence: [{ location: nodePath(direct), value: 'EncryptedAssertion' }],
        }));
      } else {
        const inner = readDecrypted(doc, direct, outcome.assertionXml, trusted);
        if ('problem' in inner) {
          findings.push(makeFinding('assertion.decryption-failed', {
            message: `The encrypted assertion decrypts with ${outcome.keyOrigin}, but what it decrypts to is not a readable assertion: ${inner.problem}. Either the ciphertext was changed on the way, or someone who has the SP's public certificate encrypted something else.`,
            fix: { summary: 'Capture the login again directly from AWS IAM Identity Center; if it happens again, check for a proxy that rewrites the response.', where: 'none' },
            evidence: [{ location: nodePath(direct), value: inner.problem }],
          }));
        } else {
          decryptedWith = outcome.keyOrigin;
          if (outcome.obsoleteKeyTransport) findings.push(obsoleteKeyTransportFinding(direct));
          decryptedRoot = inner.root;
          const innerAssertionSignatures = inner.verification.signatures.filter((s) => inner.verification.assertion && s.element.parentNode === inner.verification.assertion);
          // The Response signature covers the ciphertext and is judged on the original document; the
          // assertion's own signature can only be judged on the decrypted one.
          verification = {
            structure: verification.structure,
            signatures: [...verification.signatures, ...innerAssertionSignatures],
            wrapping: [...verification.wrapping, ...inner.verification.wrapping.filter((w) => !verification.wrapping.includes(w))],
            ...(verification.rootSignature ? { rootSignature: verification.rootSignature } : {}),
            ...(inner.verification.assertionSignature ? { assertionSignature: inner.verification.assertionSignature } : {}),
            ...(inner.verification.assertion ? { assertion: inner.verification.assertion } : {}),
          };
        }
      }
    }
  }

  const result: VerifiedMessage = {
    verification,
    root: { element: verification.structure.root, verified: false },
    encrypted,
    findings,
  };
  if (decryptedWith) result.decryptedWith = decryptedWith;

  const covered = verification.wrapping.length === 0 && (verification.rootSignature || verification.assertionSignature);
  const rawAssertion = verification.assertion ?? firstAssertion(verification);
  const assertionPath = rawAssertion && !encrypted ? nodePath(rawAssertion) : `/${verification.structure.root.localName}/Assertion`;

  if (covered && verification.rootSignature?.signedReference) {
    const signedRoot = parseStrictXml(verification.rootSignature.signedReference, 'signed content').documentElement!;
    result.root = { element: signedRoot, verified: true };
    const signedAssertion = firstChildElement(signedRoot, SAML_NS, 'Assertion');
    if (signedAssertion) result.assertion = { element: signedAssertion, verified: true, path: assertionPath };
  }
  if (covered && !result.assertion && verification.assertionSignature?.signedReference) {
    const signedAssertion = parseStrictXml(verification.assertionSignature.signedReference, 'signed content').documentElement!;
    result.assertion = { element: signedAssertion, verified: true, path: assertionPath };
  }
  if (covered && !result.assertion && encrypted && verification.rootSignature && verification.assertion && decryptedRoot) {
    // The Response signature covers the ciphertext, so the plaintext it decrypts to is what the IdP signed.
    result.assertion = { element: verification.assertion, verified: true, path: assertionPath };
  }
  if (!result.assertion && rawAssertion && rawAssertion.localName === 'Assertion') {
    result.assertion = { element: rawAssertion, verified: false, path: assertionPath };
  }
  return result;
}

function firstAssertion(v: DocumentVerification): Element | undefined {
  // Never one hidden inside a ds:Signature: no signature can cover it, and a reader must not mistake it for the message's.
  return v.structure.assertions.find((a) => a.localName === 'Assertion' && !insideSignature(a));
}
