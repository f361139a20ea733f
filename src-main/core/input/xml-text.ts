import { InputDecodeError, safePrefix } from './decode-error.js';
import { decodeXmlBytes } from './declared-encoding.js';
import { declaredEncodingProblem, type ActualEncoding } from '../xml/declared-encoding.js';

const XML_START = /^\s*</;

/** The decoded bytes look like the start of an XML document (optional BOM, whitespace, then `<`; UTF-16 with or without a BOM). */
export function bytesLookLikeXml(bytes: Buffer): boolean {
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
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
