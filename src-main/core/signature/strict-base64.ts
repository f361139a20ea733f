/**
 * Base64 as XML Signature content (SignatureValue, DigestValue, X509Certificate): the base64 alphabet,
 * XML whitespace between characters, and correct padding. Node's decoder skips anything else silently;
 * xmlsec1 refuses it, so a value only a lax decoder reads is refused here too, with the reason.
 */
const BODY = /^[A-Za-z0-9+/]*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export type Base64Result = { ok: true; bytes: Buffer } | { ok: false; problem: string };

export function decodeSignatureBase64(text: string): Base64Result {
  const bad = /[^A-Za-z0-9+/=\t\n\r ]/.exec(text);
  if (bad) {
    const code = bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    return { ok: false, problem: `character U+${code} at position ${bad.index + 1} is not base64` };
  }
  const compact = text.replace(/[\t\n\r ]+/g, '');
  if (compact.length === 0) return { ok: false, problem: 'it is empty' };
  if (compact.length % 4 !== 0) return { ok: false, problem: `its length (${compact.length} base64 characters) is not a multiple of 4` };
  if (!BODY.test(compact)) return { ok: false, problem: 'padding (=) appears before the end or is malformed' };
  return { ok: true, bytes: Buffer.from(compact, 'base64') };
}
