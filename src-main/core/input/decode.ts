/**
 * Turns whatever the user pasted or loaded into SAML message XML text, auto-detecting the encoding.
 * No XML parsing happens here (analyze does that with the strict parser); this only removes transport
 * encodings, with every size bounded before the step that could blow it up.
 */
import { makeFinding } from '../findings/make-finding.js';
import type { Finding, Fix } from '../model/finding.js';
import type { DetectedInput } from '../model/result.js';
import type { DecodedMessage } from '../model/input.js';
import type { Binding } from '../model/message.js';
import { decodeBase64Strict } from './base64.js';
import { InputDecodeError, safePrefix } from './decode-error.js';
import { detectShape } from './detect.js';
import { inflateMessage } from './inflate.js';
import { resolveInputLimits, type InputLimits } from './limits.js';
import { base64FromFormValue, parseParams, queryOfUrl, type RawParam } from './query.js';
import { bytesLookLikeXml, bytesToXmlText, checkDeclaredEncoding, checkXmlTextEdges } from './xml-text.js';

export type { InputLimits } from './limits.js';
export { DEFAULT_INPUT_LIMITS } from './limits.js';

export type DecodeResult =
  | { ok: true; detected: DetectedInput; messages: DecodedMessage[] }
  | { ok: false; detected: DetectedInput; finding: Finding };

const EXPECTED =
  'a SAML message as XML (starting with <), its base64 text (HTTP-POST), a form body such as SAMLResponse=…&RelayState=…, or a URL or query string carrying SAMLRequest or SAMLResponse (HTTP-Redirect)';

const SAML_PARAM_NAMES = new Set(['SAMLRequest', 'SAMLResponse']);

export function decodeInput(content: string, limits?: Partial<InputLimits>): DecodeResult {
  const lim = resolveInputLimits(limits);
  if (content.length > lim.maxInputChars) {
    return failure('unrecognized', new InputDecodeError('input.too-large', `The input is ${content.length} characters long, more than the limit of ${lim.maxInputChars} characters. A SAML message is a few kilobytes; check that a single message was pasted, not a whole log or capture.`, [
      { location: 'input', value: `${content.length} characters`, expected: `at most ${lim.maxInputChars}` },
    ]));
  }

  const shape = detectShape(content);
  let detected: DetectedInput = 'unrecognized';
  try {
    switch (shape.kind) {
      case 'xml':
        detected = 'xml';
        checkXmlTextEdges(content.charCodeAt(0) === 0xfeff ? content.slice(1) : content, 'the XML text', content.charCodeAt(0) === 0xfeff ? 1 : 0);
        checkDeclaredEncoding(shape.text, 'utf-8', 'the XML text');
        return success(detected, [{ xml: shape.text, binding: 'XML', origin: 'XML text' }]);
      case 'base64': {
        detected = 'base64';
        return success(detected, [decodeBareBase64(shape.text, lim)]);
      }
      case 'url': {
        detected = 'url';
        const query = queryOfUrl(shape.text);
        if (query === undefined) {
          throw new InputDecodeError('input.unrecognized', `The input is a URL without a query string, so it carries no SAML message. Expected ${EXPECTED}. The input starts with "${safePrefix(shape.text)}".`, [
            { location: 'input', value: safePrefix(shape.text), expected: 'a URL with ?SAMLRequest=… or ?SAMLResponse=…' },
          ]);
        }
        return success(detected, [decodeParams(query, 'query parameter', lim).message]);
      }
      case 'params': {
        const { message, kind } = decodeParams(shape.text, undefined, lim);
        detected = kind;
        return success(detected, [message]);
      }
      case 'unknown':
        throw unrecognized(shape.text);
    }
  } catch (err) {
    if (err instanceof InputDecodeError) return failure(detected, err);
    throw err;
  }
}

function success(detected: DetectedInput, messages: DecodedMessage[]): DecodeResult {
  return { ok: true, detected, messages };
}

function failure(detected: DetectedInput, err: InputDecodeError): DecodeResult {
  return { ok: false, detected, finding: makeFinding(err.findingId, { message: err.message, fix: fixFor(err.findingId), evidence: err.evidence }) };
}

function unrecognized(text: string): InputDecodeError {
  const problem = text === '' ? 'The input is empty.' : `The input starts with "${safePrefix(text)}", which samlscope does not recognise.`;
  return new InputDecodeError('input.unrecognized', `${problem} Expected ${EXPECTED}.`, [
    { location: 'input', value: safePrefix(text), expected: 'XML, base64, SAMLResponse=… form body, or a URL with SAMLRequest/SAMLResponse' },
  ]);
}

/** Base64 on its own: normally HTTP-POST; DEFLATE-compressed base64 (a Redirect value without its URL) is accepted too. */
function decodeBareBase64(text: string, lim: InputLimits): DecodedMessage {
  const what = 'The base64 input';
  const bytes = decodeBase64Strict(text, what, lim.maxDecodedBytes);
  if (bytesLookLikeXml(bytes)) return { xml: bytesToXmlText(bytes, what), binding: 'HTTP-POST', origin: 'base64 text' };
  if (bytes[0] === 0x30 && (bytes[1] === 0x82 || bytes[1] === 0x81)) {
    throw new InputDecodeError('input.unrecognized', `The base64 input decodes to DER-encoded binary data, most likely a certificate or key, not a SAML message. Certificates belong in --idp-cert; the message to analyse is the SAMLResponse or SAMLRequest value.`, [
      { location: 'input', value: safePrefix(text), expected: 'base64 of a SAML message' },
    ]);
  }
  let inflated: Buffer;
  try {
    inflated = inflateMessage(bytes, what, lim.maxDecodedBytes);
  } catch (err) {
    if (err instanceof InputDecodeError && err.findingId === 'input.decode-failed') {
      throw new InputDecodeError('input.unrecognized', `The input is valid base64, but it decodes to binary data that is neither XML nor DEFLATE-compressed XML. Expected ${EXPECTED}.`, [
        { location: 'input', value: safePrefix(text), expected: 'base64 of a SAML message' },
      ]);
    }
    throw err;
  }
  return { xml: bytesToXmlText(inflated, `${what} (after DEFLATE decompression)`), binding: 'HTTP-Redirect', origin: 'base64 text (DEFLATE-compressed)' };
}

/**
 * A query string or form body. Exactly one SAMLRequest/SAMLResponse is accepted: duplicates are how
 * parameter-pollution attacks make two components see different messages.
 * @param origin `query parameter` for URLs; undefined lets the encoding decide between form field and query parameter.
 */
function decodeParams(text: string, origin: 'query parameter' | undefined, lim: InputLimits): { message: DecodedMessage; kind: 'form-body' | 'query-string' } {
  const params = parseParams(text);
  if (!params) {
    throw new InputDecodeError('input.decode-failed', 'The parameters are not valid URL encoding (a % is not followed by two hexadecimal digits). The value may have been cut off or edited when copied.', [
      { location: 'input', value: safePrefix(text) },
    ]);
  }
  const samlParams = params.filter((p) => SAML_PARAM_NAMES.has(p.name));
  if (samlParams.length === 0) {
    throw new InputDecodeError('input.unrecognized', `The ${origin ? 'URL' : 'parameters'} contain no SAMLRequest or SAMLResponse parameter (found: ${params.map((p) => p.name).join(', ') || 'none'}). Expected ${EXPECTED}.`, [
      { location: 'input', value: safePrefix(text), expected: 'SAMLRequest=… or SAMLResponse=…' },
    ]);
  }
  if (samlParams.length > 1) {
    throw new InputDecodeError('input.decode-failed', `The input carries ${samlParams.length} SAML message parameters (${samlParams.map((p) => p.name).join(', ')}); one HTTP request carries exactly one. Paste each message separately.`, [
      { location: 'input', value: samlParams.map((p) => p.name).join(', '), expected: 'exactly one SAMLRequest or SAMLResponse' },
    ]);
  }
  const saml = samlParams[0]!;
  const relayState = single(params, 'RelayState');
  const sigAlg = single(params, 'SigAlg');
  const signature = single(params, 'Signature');

  const what = `The ${saml.name} parameter`;
  const bytes = decodeBase64Strict(base64FromFormValue(saml.value), what, lim.maxDecodedBytes);
  let xml: string;
  let binding: Binding;
  if (bytesLookLikeXml(bytes)) {
    xml = bytesToXmlText(bytes, what);
    binding = 'HTTP-POST';
  } else {
    xml = bytesToXmlText(inflateMessage(bytes, what, lim.maxDecodedBytes), `${what} (after DEFLATE decompression)`);
    binding = 'HTTP-Redirect';
  }

  const kind = binding === 'HTTP-Redirect' || signature || sigAlg ? 'query-string' : 'form-body';
  const where = origin ?? (kind === 'form-body' ? 'form field' : 'query parameter');
  const message: DecodedMessage = { xml, binding, origin: `${saml.name} ${where}` };
  if (relayState) message.relayState = relayState.value;
  if (signature) {
    // The signed octets are the parameters as sent, in the order the binding defines (SAML bindings §3.4.4.1).
    const signedQuery = [saml, relayState, sigAlg].filter((p): p is RawParam => !!p).map((p) => `${p.name}=${p.raw}`).join('&');
    message.redirectSignature = {
      sigAlg: sigAlg?.value ?? '',
      signature: base64FromFormValue(signature.value).replace(/\s+/g, ''),
      signedQuery,
    };
  }
  return { message, kind };
}

/** The one parameter called `name`, or undefined; a repeated one is refused as ambiguous. */
function single(params: RawParam[], name: string): RawParam | undefined {
  const found = params.filter((p) => p.name === name);
  if (found.length > 1) {
    throw new InputDecodeError('input.decode-failed', `The ${name} parameter appears ${found.length} times; it must appear at most once, otherwise different systems may read different values.`, [
      { location: name, value: `${found.length} occurrences`, expected: 'at most one' },
    ]);
  }
  return found[0];
}

function fixFor(id: InputDecodeError['findingId']): Fix {
  const capture = [
    'Open the browser developer tools (Network tab, "Preserve log" on) and sign in again.',
    'For a response: select the POST to the Atlassian URL ending in /plugins/servlet/samlconsumer and copy the SAMLResponse form value.',
    'For a request: select the redirect to portal.sso.<region>.amazonaws.com and copy the whole URL.',
  ];
  switch (id) {
    case 'input.too-large':
      return { summary: 'Paste one SAML message only: the SAMLResponse or SAMLRequest value, not a whole log file.', where: 'samlscope-input', steps: capture };
    case 'input.decode-failed':
      return { summary: 'Copy the SAMLResponse or SAMLRequest value again, completely and unchanged (no added or removed characters).', where: 'samlscope-input', steps: capture };
    case 'xml.malformed':
      return { summary: 'Copy the message again exactly as it was sent: nothing may come before its first "<" or its XML declaration, and nothing but whitespace after its last ">".', where: 'samlscope-input', steps: capture };
    case 'input.unrecognized':
      return { summary: 'Paste the SAML message itself: its XML, its base64 value, the form body, or the whole redirect URL.', where: 'samlscope-input', steps: capture };
  }
}
