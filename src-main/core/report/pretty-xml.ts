/**
 * Indents a SAML document for reading in a report (AWS sends it on one line). Text content is kept as is; only
 * whitespace between elements is changed, so the report's copy is for reading, not for verifying.
 */
import type { Element, Node } from '@xmldom/xmldom';
import { parseStrictXml } from '../xml/strict-parse.js';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const PROCESSING_INSTRUCTION_NODE = 7;
const COMMENT_NODE = 8;

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

function isBlankText(node: Node): boolean {
  return node.nodeType === TEXT_NODE && (node.nodeValue ?? '').trim() === '';
}

function renderNode(node: Node, depth: number, out: string[]): void {
  const pad = '  '.repeat(depth);
  switch (node.nodeType) {
    case ELEMENT_NODE: {
      const el = node as Element;
      const attrs: string[] = [];
      for (let i = 0; i < el.attributes.length; i++) {
        const a = el.attributes.item(i);
        if (a) attrs.push(`${a.name}="${escapeAttribute(a.value)}"`);
      }
      const open = `<${el.tagName}${attrs.length ? ' ' + attrs.join(' ') : ''}`;
      const children: Node[] = [];
      for (let c = el.firstChild; c; c = c.nextSibling) if (!isBlankText(c)) children.push(c);
      if (children.length === 0) {
        out.push(`${pad}${open}/>`);
      } else if (children.every((c) => c.nodeType !== ELEMENT_NODE)) {
        // Text-only content (with any comment injected into it) stays on the element's line, exactly as sent.
        out.push(`${pad}${open}>${children.map(inline).join('')}</${el.tagName}>`);
      } else {
        out.push(`${pad}${open}>`);
        for (const c of children) renderNode(c, depth + 1, out);
        out.push(`${pad}</${el.tagName}>`);
      }
      return;
    }
    case PROCESSING_INSTRUCTION_NODE:
    case COMMENT_NODE:
    case TEXT_NODE:
    case CDATA_SECTION_NODE:
      out.push(pad + inline(node));
      return;
    default:
      return;
  }
}

function inline(node: Node): string {
  const value = node.nodeValue ?? '';
  switch (node.nodeType) {
    case CDATA_SECTION_NODE:
      return `<![CDATA[${value}]]>`;
    case COMMENT_NODE:
      return `<!--${value}-->`;
    case PROCESSING_INSTRUCTION_NODE:
      return `<?${node.nodeName} ${value}?>`;
    default:
      return escapeText(value);
  }
}

/** The document indented by two spaces per level; the input unchanged when it does not parse. */
export function prettyXml(xml: string): string {
  if (xml.trim() === '') return xml;
  try {
    const doc = parseStrictXml(xml, 'SAML message');
    const out: string[] = [];
    for (let c = doc.firstChild; c; c = c.nextSibling) renderNode(c, 0, out);
    return out.join('\n');
  } catch {
    return xml;
  }
}
