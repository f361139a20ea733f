import { InputDecodeError, safePrefix } from './decode-error.js';
import { decodeXmlBytes } from './declared-encoding.js';
import { declaredEncodingProblem, type ActualEncoding } from '../xml/declared-encoding.js';

const XML_START = /^\s*</;

/** The decoded bytes look like the start of an XML document (optional BOM, whitespace, then `<`; UTF-16 with or without a BOM). */
export function bytesLookLikeXml(bytes: Buffer): boolean {
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    // A second mark is refused by decodeXmlBytes with its own message, not taken for binary data.
    if (bytes[3] === 0xef && bytes[4] === 0xbb && bytes[5] === 0xbf) return true;
    i = 3;
  }
  else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  else if (bytes[0] === 0x00 && bytes[1] === 0x3c) return true;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x3c;
}

/**
 * Turns decoded bytes into XML text: by byte order mark, then by the XML declaration's encoding (UTF-8 when
 * none is declared); must start with `<`. Bytes invalid in their encoding are refused rather than replaced,
 * so what is shown is exactly what arrived.
 */
export function bytesToXmlText(bytes: Buffer, what: string): string {
  const decoded = decodeXmlBytes(bytes, what);
  checkXmlTextEdges(decoded.text, what, 0);
  let text = decoded.text;
  const actual: ActualEncoding = decoded.encoding === 'UTF-16LE' ? 'utf-16le' : decoded.encoding === 'UTF-16BE' ? 'utf-16be' : 'utf-8';
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!XML_START.test(text)) {
    throw new InputDecodeError('input.decode-failed', `${what} decodes to text that is not XML: it starts with "${safePrefix(text)}" instead of "<".`, [
      { location: what, value: safePrefix(text), expected: 'XML starting with <' },
    ]);
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text)) {
    throw new InputDecodeError('input.decode-failed', `${what} contains control characters that XML does not allow; the decoded message is corrupted.`, [
      { location: what, value: 'control characters' },
    ]);
  }
  checkDeclaredEncoding(text, actual, what);
  return text;
}

/** Refuses an XML declaration whose encoding label does not describe how the text was decoded. */
export function checkDeclaredEncoding(text: string, actual: ActualEncoding, what: string): void {
  const problem = declaredEncodingProblem(text, actual);
  if (problem) throw new InputDecodeError('input.decode-failed', `${what}: ${problem}.`, [{ location: what, value: problem }]);
}

const XML_WHITESPACE = /^[\t\n\r ]$/;
/** Characters String.prototype.trim removes: XML whitespace plus the Unicode spaces, line separators and U+FEFF. */
const TRIMMED = /^\s$/;

function describeCharacter(c: string): string {
  const code = `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  return c === '\ufeff' ? `${code} (a second byte order mark)` : `${code}, which is not XML whitespace`;
}

/**
 * What may surround a document's element (XML 1.0 productions [1], [22], [27]): before the first `<` only
 * spaces, tabs and line breaks, and none at all before an XML declaration, which must be the very first
 * thing (after one byte order mark, already removed: `offset` counts it for positions). libxml2 refuses
 * both ("Start tag expected", "XML declaration allowed only at the start of the document"); samlscope
 * used to trim them away and read a document a strict parser refuses.
 */
export function checkXmlTextEdges(text: string, what: string, offset: number): void {
  let start = 0;
  while (start < text.length && TRIMMED.test(text[start]!)) {
    if (!XML_WHITESPACE.test(text[start]!)) {
      const problem = `character ${describeCharacter(text[start]!)}${text[start] === '\ufeff' ? '' : ','} at position ${start + offset + 1}, before the first tag`;
      throw new InputDecodeError('xml.malformed', `${what} is not well-formed XML: it has ${problem}; only spaces, tabs and line breaks may come before it.`, [
        { location: `${what}, position ${start + offset + 1}`, value: describeCharacter(text[start]!), expected: 'the first tag (or the XML declaration) after at most spaces, tabs and line breaks' },
      ]);
    }
    start++;
  }
  if (start > 0 && /^<\?xml[\t\n\r ?]/.test(text.slice(start, start + 6))) {
    throw new InputDecodeError('xml.malformed', `${what} is not well-formed XML: its XML declaration "<?xml" is at position ${start + offset + 1}, after ${start} whitespace character${start === 1 ? '' : 's'}; XML allows the declaration only at the very start of the document, so a strict parser refuses it.`, [
      { location: `${what}, position ${start + offset + 1}`, value: `${start} whitespace character${start === 1 ? '' : 's'} before <?xml`, expected: '<?xml as the very first characters' },
    ]);
  }
  let end = text.length;
  while (end > start && TRIMMED.test(text[end - 1]!)) {
    if (!XML_WHITESPACE.test(text[end - 1]!)) {
      const problem = `character ${describeCharacter(text[end - 1]!)}${text[end - 1] === '\ufeff' ? '' : ','} at position ${end + offset}, after the last tag`;
      throw new InputDecodeError('xml.malformed', `${what} is not well-formed XML: it has ${problem}; only spaces, tabs and line breaks may follow it.`, [
        { location: `${what}, position ${end + offset}`, value: describeCharacter(text[end - 1]!), expected: 'nothing but whitespace after the last tag' },
      ]);
    }
    end--;
  }
}
