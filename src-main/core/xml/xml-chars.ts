/**
 * Character-level rules of XML 1.0 that xmldom does not enforce (libxml2 under xmlsec1 does): the XML
 * declaration only at the very start, only legal characters (https://www.w3.org/TR/xml/#NT-Char), also
 * when written as character references (well-formedness constraint "Legal Character").
 */

/** An offset in the text and what is wrong there. */
export interface CharProblem {
  offset: number;
  problem: string;
}

function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

// eslint-disable-next-line no-control-regex
const ILLEGAL_RAW = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const CHARACTER_REFERENCE = /&#(?:x([0-9a-fA-F]+)|([0-9]+));/g;

/** The first character-level problem of `text` (BOM already removed), or undefined. */
export function xmlCharProblem(text: string): CharProblem | undefined {
  if (/^[\t\n\r ]+<\?xml[\t\n\r ?]/.test(text)) {
    return { offset: 0, problem: 'the XML declaration (<?xml …?>) must be the very first thing in the document, but whitespace comes before it' };
  }
  const raw = ILLEGAL_RAW.exec(text);
  if (raw) return { offset: raw.index, problem: `character ${hex(raw[0].charCodeAt(0))} is not allowed in XML` };

  CHARACTER_REFERENCE.lastIndex = 0;
  for (let m = CHARACTER_REFERENCE.exec(text); m; m = CHARACTER_REFERENCE.exec(text)) {
    const digits = m[1] ?? m[2]!;
    const code = digits.length > 8 ? Infinity : parseInt(digits, m[1] !== undefined ? 16 : 10);
    if (!isXmlChar(code)) return { offset: m.index, problem: `the character reference ${m[0]} names ${Number.isFinite(code) ? hex(code) : 'a number beyond Unicode'}, which is not allowed in XML` };
  }
  return undefined;
}
