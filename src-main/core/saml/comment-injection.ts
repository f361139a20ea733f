import type { Document, Element } from '@xmldom/xmldom';
import type { EvidenceSite, Finding } from '../model/finding.js';
import { makeFinding } from '../findings/make-finding.js';
import { SAML_NS, attr, elementText, hasSuspiciousChildNodes, isElement, nodePath } from '../xml/dom.js';

/** Elements whose text identifies someone or something; comments or CDATA inside them split what naive readers see. */
const IDENTITY_ELEMENTS = new Set(['NameID', 'AttributeValue', 'Issuer', 'Audience']);

function suspiciousIdentityNodes(doc: Document): Element[] {
  const out: Element[] = [];
  const walk = (el: Element): void => {
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== 1) continue;
      const c = child as Element;
      if (c.namespaceURI === SAML_NS && IDENTITY_ELEMENTS.has(c.localName ?? '')) {
        if (hasSuspiciousChildNodes(c)) out.push(c);
      } else walk(c);
    }
  };
  if (doc.documentElement) walk(doc.documentElement);
  return out;
}

/** What kind of personal value the element holds, for the placeholder reports give it. */
function siteOf(el: Element): EvidenceSite {
  if (el.localName === 'NameID') return { personalKind: 'nameid' };
  const parent = el.parentNode;
  const attributeName = el.localName === 'AttributeValue' && parent && isElement(parent) ? attr(parent, 'Name') : undefined;
  return attributeName !== undefined ? { attributeName } : {};
}

/** `nameid.comment`: identity values split by comments, CDATA or PIs in the document as it arrived (CVE-2017-11427 class). */
export function commentInjectionFindings(doc: Document): Finding[] {
  return suspiciousIdentityNodes(doc).map((el) =>
    makeFinding('nameid.comment', {
      message: `<${el.localName}> at ${nodePath(el)} contains a comment, CDATA section or processing instruction. Signatures ignore comments, so a reader that stops at the first text fragment sees a different value than the one that was signed (CVE-2017-11427 class). samlscope reads the whole value from the signed content: "${elementText(el).trim()}".`,
      fix: {
        summary: 'AWS never sends comments inside values: find what rewrote this response. Make sure the SP runs a SAML library with the comment-injection fix (e.g. Atlassian SSO and resolution SAML SSO current versions).',
        where: 'none',
      },
      evidence: [{ location: nodePath(el), site: siteOf(el), value: elementText(el).trim(), personal: el.localName !== 'Issuer' && el.localName !== 'Audience' }],
    }),
  );
}
