import { InputDecodeError } from './decode-error.js';
import { ownValue } from '../model/own.js';

/**
 * Turns the bytes of an XML document into text the way XML 1.0 Appendix F describes
 * (https://www.w3.org/TR/xml/#sec-guessing): a byte order mark decides first, then the first bytes
 * (UTF-16 without a mark), then the encoding the XML declaration names. Every decoder is fatal: bytes
 * that are not valid in the encoding are refused, never replaced, so what is shown is what arrived.
 */
export interface DecodedXmlText {
  text: string;
  /** The encoding the text was decoded from, as samlscope names it. */
  encoding: 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'ISO-8859-1' | 'windows-1252' | 'US-ASCII';
}

type Encoding = DecodedXmlText['encoding'];

/** Declared names (lower case, IANA names and common aliases) samlscope decodes. */
const DECLARED: Record<string, Encoding | 'UTF-16'> = {
  'utf-8': 'UTF-8',
  utf8: 'UTF-8',
  'utf-16': 'UTF-16',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  'iso-8859-1': 'ISO-8859-1',
  'iso_8859-1': 'ISO-8859-1',
  'iso8859-1': 'ISO-8859-1',
  latin1: 'ISO-8859-1',
  'latin-1': 'ISO-8859-1',
  l1: 'ISO-8859-1',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  'us-ascii': 'US-ASCII',
  ascii: 'US-ASCII',
};

const SUPPORTED = 'UTF-8, UTF-16 (LE/BE), ISO-8859-1, windows-1252 and US-ASCII';

// The declaration must be at the very start (after a byte order mark); XML 1.0 production [23].
const DECLARATION = /^<\?xml\s+version\s*=\s*(["'])[^"']*\1(?:\s+encoding\s*=\s*(["'])([^"']*)\2)?/;

function declaredEncoding(head: string): string | undefined {
  return DECLARATION.exec(head)?.[3];
}

function byteOrderMark(bytes: Uint8Array): { encoding: Encoding; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'UTF-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    if (bytes[2] === 0 && bytes[3] === 0) return undefined; // UTF-32LE, refused below
    return { encoding: 'UTF-16LE', length: 2 };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'UTF-16BE', length: 2 };
  return undefined;
}

/** UTF-16 without a byte order mark, recognised by `<` (and `?`) encoded in two bytes. */
function utf16WithoutMark(bytes: Uint8Array): Encoding | undefined {
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] !== 0x00) return 'UTF-16LE';
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[3] !== 0x00) return 'UTF-16BE';
  return undefined;
}

/**
 * windows-1252 differs from ISO-8859-1 only in 0x80–0x9F (https://www.unicode.org/Public/MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1252.TXT).
 * Decoded by table: Node's TextDecoder decodes this label as ISO-8859-1 in some builds. The five
 * unassigned bytes are refused.
 */
const CP1252_HIGH = '€\u0000‚ƒ„…†‡ˆ‰Š‹Œ\u0000Ž\u0000\u0000‘’“”•–—˜™š›œ\u0000žŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) {
    if (b < 0x80 || b > 0x9f) out += String.fromCharCode(b);
    else {
      const c = CP1252_HIGH[b - 0x80]!;
      if (c === '\u0000') throw new Error(`byte 0x${b.toString(16)} is not assigned in windows-1252`);
      out += c;
    }
  }
  return out;
}

function decodeAs(bytes: Uint8Array, encoding: Encoding, what: string): string {
  try {
    switch (encoding) {
      case 'UTF-8':
        return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
      case 'UTF-16LE':
        return new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }).decode(bytes);
      case 'UTF-16BE':
        return new TextDecoder('utf-16be', { fatal: true, ignoreBOM: true }).decode(bytes);
      case 'windows-1252':
        return decodeWindows1252(bytes);
      case 'ISO-8859-1':
        // Every byte is a character; TextDecoder's "iso-8859-1" label means windows-1252, so not used here.
        return Buffer.from(bytes).toString('latin1');
      case 'US-ASCII': {
        const bad = bytes.findIndex((b) => b > 0x7f);
        if (bad !== -1) throw new Error(`byte 0x${bytes[bad]!.toString(16)} at offset ${bad}`);
        return Buffer.from(bytes).toString('latin1');
      }
    }
  } catch {
    throw new InputDecodeError('input.decode-failed', `${what} decodes to bytes that are not valid ${encoding} text${encoding === 'UTF-8' ? '. SAML messages are UTF-8 XML unless their XML declaration names another encoding' : ''}; the value may be corrupted or encrypted by something other than SAML.`, [
      { location: what, value: `${bytes.length} bytes, starting ${Buffer.from(bytes.subarray(0, 8)).toString('hex')}`, expected: `valid ${encoding}` },
    ]);
  }
}

function refuse(what: string, message: string, value: string, expected: string): never {
  throw new InputDecodeError('input.decode-failed', `${what} ${message}`, [{ location: `${what}, XML declaration`, value, expected }]);
}

/** Decodes XML bytes by byte order mark, then by the XML declaration; refuses unknown or contradictory encodings. */
export function decodeXmlBytes(bytes: Uint8Array, what: string): DecodedXmlText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) {
    refuse(what, 'is UTF-32, which samlscope does not decode (SAML messages are UTF-8).', 'UTF-32 byte order mark', SUPPORTED);
  }
  const mark = byteOrderMark(bytes);
  const found = mark?.encoding ?? utf16WithoutMark(bytes);
  if (found) {
    // The byte order mark (or UTF-16's two-byte '<') decides; whether a contradicting declaration is
    // refused is the strict XML parser's decision, not the decoder's.
    const text = decodeAs(bytes.subarray(mark?.length ?? 0), found, what);
    if (mark && text.charCodeAt(0) === 0xfeff) {
      throw new InputDecodeError('input.decode-failed', `${what} starts with two byte order marks; the second one (U+FEFF after the ${found} mark) is a character before the first tag, which XML does not allow.`, [
        { location: `${what}, start`, value: 'two byte order marks', expected: 'one byte order mark at most' },
      ]);
    }
    return { text, encoding: found };
  }

  // ASCII-compatible bytes: the declaration can be read before knowing the encoding.
  const head = Buffer.from(bytes.subarray(0, 256)).toString('latin1');
  const declared = declaredEncoding(head);
  if (declared === undefined) return { text: decodeAs(bytes, 'UTF-8', what), encoding: 'UTF-8' };
  const known = ownValue(DECLARED, declared.toLowerCase());
  if (!known) {
    refuse(what, `declares encoding="${declared}", which samlscope does not decode (it decodes ${SUPPORTED}).`, `encoding="${declared}"`, SUPPORTED);
  }
  if (known === 'UTF-16' || known === 'UTF-16LE' || known === 'UTF-16BE') {
    refuse(what, `declares encoding="${declared}", but its bytes are not UTF-16 (no byte order mark, one byte per character). A document whose bytes and declaration disagree is not well-formed XML.`, `encoding="${declared}"`, 'UTF-16 bytes, or a declaration naming the real encoding');
  }
  return { text: decodeAs(bytes, known, what), encoding: known };
}
