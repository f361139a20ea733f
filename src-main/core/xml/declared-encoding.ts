/**
 * The encoding an XML declaration names, compared with how the text was actually decoded. xmldom never
 * looks at the label; libxml2 (under xmlsec1) decodes by it, so a label that does not describe the bytes
 * makes the two read different documents, a parser differential. Labels samlscope never decodes by
 * (EBCDIC, UTF-32) and labels that contradict the decoding (UTF-16 on UTF-8 bytes, US-ASCII on non-ASCII
 * text) are refused, and so are labels samlscope does not know at all (libxml2: "Unsupported encoding"),
 * which decodeXmlBytes refuses for bytes too. Single-byte Latin labels are left to the decoder that honours
 * them (for a string, which is characters already, they describe nothing to decode).
 */

/** How the text was decoded from bytes (a pasted or typed string counts as UTF-8). */
export type ActualEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

const DECLARATION = /^<\?xml[\t\n\r ][^>]*?\bencoding[\t\n\r ]*=[\t\n\r ]*(["'])([^"']*)\1/;
const UTF8 = /^utf-?8$/i;
const UTF16 = /^(utf-?16(le|be)?|ucs-?2|iso-10646-ucs-2|unicode)$/i;
const UTF32 = /^(utf-?32(le|be)?|ucs-?4|iso-10646-ucs-4)$/i;
const EBCDIC = /^(ebcdic.*|ibm-?0?(37|273|277|278|280|284|285|290|297|420|424|500|870|871|875|1026|1047|1140|1141|1142|1143|1144|1145|1146|1147|1148|1149)|cp-?0?(37|273|500|875|1026|1047|1140)|csibm.*)$/i;
const LATIN = /^(iso-8859-1|iso_8859-1|iso8859-1|latin-?1|l1|windows-1252|cp1252)$/i;
const ASCII = /^(us-ascii|ascii|iso-ir-6|ansi_x3\.4-1968|iso646-us|us|ibm367|cp367|csascii)$/i;

/** What is wrong with the declared encoding of `text` (BOM removed) decoded as `actual`, or undefined. */
export function declaredEncodingProblem(text: string, actual: ActualEncoding): string | undefined {
  const label = DECLARATION.exec(text)?.[2];
  if (label === undefined) return undefined;
  const read = actual === 'utf-8' ? 'UTF-8' : 'UTF-16';
  // A UTF-16 byte order mark is authoritative (XML 1.0 Appendix F); a UTF-8 label under it changes nothing.
  if (UTF8.test(label)) return undefined;
  if (UTF16.test(label)) return actual === 'utf-8' ? `the XML declaration says encoding="${label}", but the text is UTF-8; a parser that follows the declaration reads a different document` : undefined;
  if (UTF32.test(label) || EBCDIC.test(label)) {
    return `the XML declaration says encoding="${label}", which SAML messages never use, but the text was read as ${read}; a parser that follows the declaration reads a different document`;
  }
  if (ASCII.test(label)) {
    // eslint-disable-next-line no-control-regex
    const nonAscii = /[^\u0000-\u007f]/.exec(text);
    if (nonAscii) return `the XML declaration says encoding="${label}", but the text contains the non-ASCII character U+${nonAscii[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} at position ${nonAscii.index + 1}`;
    return undefined;
  }
  if (LATIN.test(label)) return undefined;
  return `the XML declaration says encoding="${label}", an encoding samlscope does not know (it reads UTF-8, UTF-16, ISO-8859-1, windows-1252 and US-ASCII); a parser that follows the declaration cannot read the document, or reads a different one`;
}
