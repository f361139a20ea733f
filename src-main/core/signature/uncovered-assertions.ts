import type { Element } from '@xmldom/xmldom';
import { DS_NS, SAML_NS, nodePath } from '../xml/dom.js';
import { isWithin } from './inspect-structure.js';

/** True when `el` lies inside a ds:Signature: content the enveloped-signature transform never lets a digest cover. */
export function insideSignature(el: Element): boolean {
  for (let node = el.parentNode as Element | null; node && node.nodeType === 1; node = node.parentNode as Element | null) {
    if (node.namespaceURI === DS_NS && node.localName === 'Signature') return true;
  }
  return false;
}

/** True when `el` lies inside a saml:Advice element that is itself inside `assertion`. */
export function insideAdviceOf(el: Element, assertion: Element): boolean {
  for (let node = el.parentNode as Element | null; node && node !== assertion; node = node.parentNode as Element | null) {
    if (node.namespaceURI === SAML_NS && node.localName === 'Advice') return isWithin(node, assertion);
  }
  return false;
}

/**
 * Every Assertion or EncryptedAssertion that no accepted signature covers, described with its location.
 * Covered means: the one Assertion directly under the root when an accepted signature covers it or the root,
 * and assertions in that assertion's Advice (signed as its content). Anything inside a ds:Signature is never
 * covered, whatever signs the element around it.
 */
export function uncoveredAssertions(all: Element[], covered: Element | undefined, alreadyReported: Element[]): string[] {
  const out: string[] = [];
  for (const assertion of all) {
    if (alreadyReported.includes(assertion)) continue;
    const hidden = insideSignature(assertion);
    if (!hidden && covered && (assertion === covered || insideAdviceOf(assertion, covered))) continue;
    const where = hidden ? ', inside a ds:Signature, whose content no signature covers' : '';
    out.push(`the ${assertion.localName} at ${nodePath(assertion)}${where} is not covered by any accepted signature; only signed assertions may be read`);
  }
  return out;
}
