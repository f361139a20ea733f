import type { Document, Element } from '@xmldom/xmldom';
import { SAML_NS, elementText } from '../xml/dom.js';
import type { MessageType } from '../model/message.js';

/** What the direction depends on: the message type and its parsed document (a ParsedMessage has both). */
interface TypedDocument {
  type: MessageType;
  doc: Document;
}

/**
 * Responses come from the IdP. Logout messages go both ways: one whose Issuer is the configured IdP (or an
 * AWS portal URL) came from the IdP. AuthnRequests come from the SP.
 */
export function sentByIdp(parsed: TypedDocument, idpEntityId: string | undefined): boolean {
  if (parsed.type === 'Response') return true;
  if (parsed.type === 'AuthnRequest') return false;
  const root = parsed.doc.documentElement!;
  let issuer = '';
  for (let child = root.firstChild; child; child = child.nextSibling) {
    const el = child as Element;
    if (el.nodeType === 1 && el.namespaceURI === SAML_NS && el.localName === 'Issuer') {
      issuer = elementText(el).trim();
      break;
    }
  }
  if (idpEntityId) return issuer === idpEntityId;
  return /^https:\/\/portal\.sso\.[a-z0-9-]+\.amazonaws\.com\//.test(issuer);
}

