/**
 * Which bodies are worth keeping as text, and how to turn a captured body (possibly base64) into
 * bounded text. Scripts, styles, images and fonts never explain a failed login, so they are dropped.
 */
import { ownCopy } from './own-copy.js';

const STATIC_MIME = /^(image|font|audio|video)\/|^(text|application)\/(javascript|ecmascript|x-javascript|css)\b|^text\/css\b|^application\/(wasm|octet-stream|font|x-font)/i;
const TEXT_MIME = /^text\/|[/+](json|xml|html|x-www-form-urlencoded)\b|^application\/(json|xml|xhtml)/i;

/** True for content types whose bodies can carry an answer page or a form (HTML, JSON, XML, text). */
export function isTextContentType(contentType: string | undefined): boolean {
  if (contentType === undefined || contentType.trim() === '') return true;
  return TEXT_MIME.test(contentType.trim()) && !STATIC_MIME.test(contentType.trim());
}

/** True for scripts, styles, images, fonts and media: never an answer page. */
export function isStaticContentType(contentType: string | undefined): boolean {
  return contentType !== undefined && STATIC_MIME.test(contentType.trim());
}

/** Chrome's resource types that are never answer pages. */
const STATIC_RESOURCE_TYPES = new Set(['image', 'stylesheet', 'script', 'font', 'media', 'manifest', 'texttrack', 'ping', 'cspviolationreport', 'websocket']);

export function isStaticResourceType(type: string | undefined): boolean {
  return type !== undefined && STATIC_RESOURCE_TYPES.has(type.toLowerCase());
}

export interface BoundedText {
  text: string;
  truncated: boolean;
}

/** The first `max` characters, as a string of their own: a kept body must not hold the whole original. */
export function boundText(text: string, max: number): BoundedText {
  return text.length > max ? { text: ownCopy(text, max), truncated: true } : { text, truncated: false };
}

/**
 * A body as text: base64 bodies are decoded (only as much as `max` characters need), other bodies are
 * cut at `max`. Undefined when the body is binary.
 */
export function bodyAsText(body: string, base64: boolean, contentType: string | undefined, max: number): BoundedText | undefined {
  if (!isTextContentType(contentType)) return undefined;
  if (!base64) return boundText(body, max);
  // UTF-8 needs at most 4 bytes per character; decode only the prefix that can matter.
  const maxBase64 = Math.ceil((max * 4) / 3 / 4) * 4 * 4;
  const slice = body.length > maxBase64 ? body.slice(0, maxBase64) : body;
  const text = Buffer.from(slice, 'base64').toString('utf8');
  const bounded = boundText(text, max);
  return { text: bounded.text, truncated: bounded.truncated || slice.length < body.length };
}

/** A header's value, case-insensitively; the last one wins (what a browser does with Location and Content-Type). */
export function headerValue(headers: Array<{ name: string; value: string }> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const lower = name.toLowerCase();
  let found: string | undefined;
  for (const h of headers) if (h.name.toLowerCase() === lower) found = h.value;
  return found;
}
