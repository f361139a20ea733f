import { decodeXmlBytes } from '../core/input/declared-encoding.js';
import { bytesLookLikeXml } from '../core/input/xml-text.js';

/**
 * The text of a message file: an XML file is decoded the way XML says (byte order mark, then the encoding
 * its declaration names, e.g. ISO-8859-1), anything else (base64, URLs) as UTF-8. When the XML bytes do not
 * decode, they are handed on as UTF-8 so the engine reports what is wrong with the message.
 */
export function messageFileText(bytes: Buffer): string {
  if (!bytesLookLikeXml(bytes)) return bytes.toString('utf8');
  try {
    return decodeXmlBytes(bytes, 'file').text;
  } catch {
    return bytes.toString('utf8');
  }
}
