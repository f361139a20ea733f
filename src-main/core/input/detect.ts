import { looksLikeBase64 } from './base64.js';

/** What an input looks like before anything is decoded. */
export type InputShape =
  | { kind: 'xml'; text: string }
  | { kind: 'url'; text: string }
  | { kind: 'params'; text: string }
  | { kind: 'base64'; text: string }
  | { kind: 'unknown'; text: string };

const SAML_PARAM = /(?:^|[?&\s])SAML(?:Request|Response)=/;
const URL_START = /^https?:\/\//i;
const PERCENT_ENCODED_BASE64 = /%(?:2B|2F|3D)/i;

/**
 * Classifies trimmed input. Order matters: XML first (cheapest and most common), then URLs and parameter
 * strings (they contain base64 but are not base64), then bare base64 (possibly percent-encoded once, as
 * people copy it out of a query string).
 */
export function detectShape(content: string): InputShape {
  const text = (content.charCodeAt(0) === 0xfeff ? content.slice(1) : content).trim();
  if (text.startsWith('<')) return { kind: 'xml', text };
  if (URL_START.test(text)) return { kind: 'url', text };
  if (SAML_PARAM.test(text)) return { kind: 'params', text: text.startsWith('?') ? text.slice(1) : text };
  if (looksLikeBase64(text)) return { kind: 'base64', text };
  if (PERCENT_ENCODED_BASE64.test(text)) {
    let decoded: string | undefined;
    try {
      decoded = decodeURIComponent(text);
    } catch {
      decoded = undefined;
    }
    if (decoded !== undefined && looksLikeBase64(decoded)) return { kind: 'base64', text: decoded };
  }
  return { kind: 'unknown', text };
}
