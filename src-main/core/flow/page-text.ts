/**
 * The readable text of an answer page (HTML, JSON or plain text), for matching the error sentences
 * Atlassian and AWS show. Not an HTML parser: markup is dropped, the common entities are decoded and
 * whitespace is collapsed, which is all a sentence match needs. Bodies are bounded by the importers.
 */
import { ownValue } from '../model/own.js';
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', hellip: '…', ndash: '–', mdash: '—',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ownValue(NAMED_ENTITIES, name.toLowerCase()) ?? whole;
  });
}

function looksLikeHtml(body: string, contentType?: string): boolean {
  if (contentType && /html|xml/i.test(contentType)) return true;
  return /^\s*(<!doctype|<html|<head|<body|<div|<p\b)/i.test(body);
}

/** Visible text of the body, whitespace collapsed. */
export function pageText(body: string, contentType?: string): string {
  let text = body;
  if (looksLikeHtml(body, contentType)) {
    text = text
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<[^>]*>/g, ' ');
    text = decodeEntities(text);
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** The page's <title>, when it has one. */
export function pageTitle(body: string): string | undefined {
  const m = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(body);
  const title = m ? decodeEntities(m[1]!).replace(/\s+/g, ' ').trim() : '';
  return title === '' ? undefined : title;
}

/** The first `max` characters of a text, cut at a word boundary when possible. */
export function excerpt(text: string, max = 200): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max);
  return `${text.slice(0, cut > max / 2 ? cut : max)}…`;
}
