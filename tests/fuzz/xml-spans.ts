/**
 * Finds where tags, elements and text runs sit in an XML string, without parsing it into a tree: the
 * mutators edit those spans in place, so every byte they do not target stays as the IdP signed it
 * (a serialiser round trip would rewrite the whole document). Tolerant of broken input: it only reports
 * what it can match.
 */

export interface Span { start: number; end: number }
export interface ElementSpan extends Span {
  /** Qualified name as written, e.g. `saml2:Assertion`. */
  name: string;
  /** End of the start tag (index after `>`). */
  openEnd: number;
  /** Start of the end tag (or `end` for an empty element). */
  closeStart: number;
}

const TAG = /<(\/?)([A-Za-z_][\w.:-]*)([^<>]*?)(\/?)>/g;

export function elementSpans(xml: string): ElementSpan[] {
  const out: ElementSpan[] = [];
  const stack: { name: string; start: number; openEnd: number }[] = [];
  for (const match of xml.matchAll(TAG)) {
    const [text, closing, name, , selfClosing] = match;
    const start = match.index;
    const end = start + text.length;
    if (selfClosing) out.push({ name: name!, start, end, openEnd: end, closeStart: end });
    else if (!closing) stack.push({ name: name!, start, openEnd: end });
    else {
      // The innermost open element of that name: nearly always the top of the stack, so searched from there
      // (mapping the whole stack per end tag was quadratic in the nesting depth the mutators create).
      let at = stack.length - 1;
      while (at >= 0 && stack[at]!.name !== name) at -= 1;
      if (at < 0) continue;
      const open = stack[at]!;
      stack.length = at;
      out.push({ name: name!, start: open.start, end, openEnd: open.openEnd, closeStart: start });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Non-empty text runs between tags (element content, not inside markup). */
export function textSpans(xml: string): Span[] {
  const out: Span[] = [];
  let position = 0;
  for (const match of xml.matchAll(/<[^<>]*>/g)) {
    if (match.index > position && xml.slice(position, match.index).trim()) out.push({ start: position, end: match.index });
    position = match.index + match[0].length;
  }
  return out;
}

export interface AttributeSpan extends Span { name: string; valueStart: number; valueEnd: number }

/** Attributes inside start tags: name="value" with either quote. */
export function attributeSpans(xml: string): AttributeSpan[] {
  const out: AttributeSpan[] = [];
  for (const tag of xml.matchAll(/<[A-Za-z_][^<>]*>/g)) {
    for (const attr of tag[0].matchAll(/\s([\w.:-]+)\s*=\s*(["'])([^"']*)\2/g)) {
      const start = tag.index + attr.index + 1;
      const valueStart = start + attr[0].length - 1 - attr[3]!.length - 1;
      out.push({ name: attr[1]!, start, end: start + attr[0].length - 1, valueStart, valueEnd: valueStart + attr[3]!.length });
    }
  }
  return out;
}

export function localName(qualified: string): string {
  return qualified.slice(qualified.indexOf(':') + 1);
}

export function replaceSpan(xml: string, span: Span, text: string): string {
  return xml.slice(0, span.start) + text + xml.slice(span.end);
}

export function insertAt(xml: string, index: number, text: string): string {
  return xml.slice(0, index) + text + xml.slice(index);
}
