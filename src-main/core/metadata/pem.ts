/**
 * Certificate text in the shapes people have it: metadata's bare base64 (X509Certificate), one PEM block,
 * several PEM blocks in one file (AWS rotation keeps two), or a base64 body pasted without its PEM lines.
 */

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;
const BASE64_BODY = /^[A-Za-z0-9+/]+={0,2}$/;

/** Raised when certificate text holds no usable certificate. */
export class PemError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PemError';
  }
}

/** Whitespace-free base64 body, or undefined when it is not base64. */
function cleanBody(text: string): string | undefined {
  const body = text.replace(/\s+/g, '');
  return body.length > 0 && body.length % 4 === 0 && BASE64_BODY.test(body) ? body : undefined;
}

/**
 * A PEM certificate from a base64 DER body (whitespace removed), wrapped at 64 characters as RFC 7468 requires.
 * Never throws: it is used on untrusted KeyInfo content too, where a broken body must surface later as an
 * unreadable certificate (X509Certificate refuses it), not crash the analysis. Use parsePemCertificates to validate.
 */
export function certificatePemFromBase64(b64: string): string {
  const body = b64.replace(/\s+/g, '');
  const lines = body.match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/**
 * Every certificate in `text` as normalized PEM, in order. Accepts PEM blocks (text around them is ignored,
 * as in `openssl x509 -text` output) or, when there is no PEM block, a bare base64 body.
 * Throws PemError when nothing usable is found, naming what was expected.
 */
export function parsePemCertificates(text: string): string[] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const pems: string[] = [];
  let blocks = 0;
  for (const match of input.matchAll(PEM_BLOCK)) {
    blocks++;
    // Headers such as "Proc-Type:" never occur in certificates; only the base64 body is kept.
    const body = cleanBody(match[1] ?? '');
    if (!body) throw new PemError(`Certificate block ${blocks} is not valid base64 between its BEGIN and END lines; it may be truncated.`);
    pems.push(certificatePemFromBase64(body));
  }
  if (blocks > 0) return pems;

  if (/-----BEGIN [A-Z ]+-----/.test(input)) {
    const kind = /-----BEGIN ([A-Z ]+)-----/.exec(input)?.[1] ?? '';
    throw new PemError(`Expected a certificate (-----BEGIN CERTIFICATE-----) but found -----BEGIN ${kind}-----.`);
  }
  const body = cleanBody(input);
  if (!body) throw new PemError('No certificate found: expected one or more -----BEGIN CERTIFICATE----- blocks, or the base64 body of a certificate.');
  return [certificatePemFromBase64(body)];
}
