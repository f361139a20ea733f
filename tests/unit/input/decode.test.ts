import { deflateRawSync, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeInput, DEFAULT_INPUT_LIMITS, type DecodeResult } from '../../../src-main/core/input/decode.js';

const RESPONSE = '<?xml version="1.0" encoding="UTF-8"?><samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_r1" Version="2.0"><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status></samlp:Response>';
const REQUEST = '<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_q1" Version="2.0" AssertionConsumerServiceURL="https://jira.example.com/plugins/servlet/samlconsumer"/>';

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
const deflated = (s: string) => deflateRawSync(Buffer.from(s)).toString('base64');

function ok(result: DecodeResult) {
  if (!result.ok) throw new Error(`expected success, got ${result.finding.id}: ${result.finding.message}`);
  expect(result.messages).toHaveLength(1);
  return { detected: result.detected, message: result.messages[0]! };
}

function refused(result: DecodeResult, id: string) {
  if (result.ok) throw new Error('expected a refusal');
  expect(result.finding.id).toBe(id);
  expect(result.finding.severity).toBe('error');
  expect(result.finding.fix.where).toBe('samlscope-input');
  expect(result.finding.fix.summary.length).toBeGreaterThan(10);
  expect(result.finding.evidence.length).toBeGreaterThan(0);
  return result.finding;
}

describe('decodeInput: detection', () => {
  it('raw XML, with BOM and surrounding whitespace', () => {
    const { detected, message } = ok(decodeInput(`\ufeff${RESPONSE}\n`));
    expect(detected).toBe('xml');
    expect(message.binding).toBe('XML');
    expect(message.xml).toBe(RESPONSE);
    expect(ok(decodeInput(`\ufeff\n  ${REQUEST}\n`)).message.xml).toBe(REQUEST);
  });

  it('raw XML whose XML declaration follows whitespace is refused (XML allows the declaration only at the very start)', () => {
    const result = decodeInput(`\ufeff\n  ${RESPONSE}\n`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.finding).toMatchObject({ id: 'xml.malformed', message: expect.stringMatching(/"<\?xml" is at position 5, after 3 whitespace characters/) });
  });

  it('base64 (HTTP-POST) with line breaks', () => {
    const wrapped = b64(RESPONSE).replace(/.{1,76}/g, '$&\r\n');
    const { detected, message } = ok(decodeInput(wrapped));
    expect(detected).toBe('base64');
    expect(message.binding).toBe('HTTP-POST');
    expect(message.xml).toBe(RESPONSE);
  });

  it('base64 of XML that starts with a UTF-8 BOM', () => {
    const { message } = ok(decodeInput(b64(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(RESPONSE)]))));
    expect(message.xml).toBe(RESPONSE);
  });

  it('base64 of UTF-16 XML with a byte order mark', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(RESPONSE, 'utf16le')]);
    expect(ok(decodeInput(b64(utf16))).message.xml).toBe(RESPONSE);
  });

  it('base64 copied out of a query string, still percent-encoded', () => {
    const encoded = encodeURIComponent(b64(RESPONSE + ' '));
    expect(encoded).toMatch(/%2B|%2F|%3D/);
    expect(ok(decodeInput(encoded)).message.xml).toBe(RESPONSE + ' ');
  });

  it('deflated base64 outside a URL is treated as HTTP-Redirect encoding', () => {
    const { detected, message } = ok(decodeInput(deflated(REQUEST)));
    expect(detected).toBe('base64');
    expect(message.binding).toBe('HTTP-Redirect');
    expect(message.xml).toBe(REQUEST);
  });

  it('zlib-wrapped DEFLATE (sent by some tools) is accepted', () => {
    expect(ok(decodeInput(deflateSync(Buffer.from(REQUEST)).toString('base64'))).message.xml).toBe(REQUEST);
  });

  it('form body SAMLResponse=…&RelayState=… (HTTP-POST)', () => {
    const body = `SAMLResponse=${encodeURIComponent(b64(RESPONSE))}&RelayState=${encodeURIComponent('/secure/Dashboard.jspa?a=1&b=2')}`;
    const { detected, message } = ok(decodeInput(body));
    expect(detected).toBe('form-body');
    expect(message.binding).toBe('HTTP-POST');
    expect(message.relayState).toBe('/secure/Dashboard.jspa?a=1&b=2');
    expect(message.origin).toBe('SAMLResponse form field');
    expect(message.xml).toBe(RESPONSE);
    expect(message.redirectSignature).toBeUndefined();
  });

  it('form body with RelayState first and base64 "+" not percent-encoded', () => {
    // '>>>' at a 3-byte boundary encodes as 'Pj4+'; pick the padding that puts it there.
    const xml = [0, 1, 2].map((n) => `${RESPONSE}${' '.repeat(n)}<!-- >>> -->`).find((x) => b64(x).includes('+'))!;
    const value = b64(xml);
    expect(value).toContain('+');
    const { message } = ok(decodeInput(`RelayState=abc&SAMLResponse=${value}\n`));
    expect(message.xml).toBe(xml);
    expect(message.relayState).toBe('abc');
  });

  it('full HTTP-Redirect URL with RelayState and signature parameters', () => {
    const samlRequest = encodeURIComponent(deflated(REQUEST));
    const relay = encodeURIComponent('https://jira.example.com/browse/ABC-1');
    const sigAlg = encodeURIComponent('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256');
    const signature = encodeURIComponent('c2lnbmF0dXJlK2J5dGVz/w==');
    const url = `https://portal.sso.eu-west-1.amazonaws.com/saml/assertion/MTIz?SAMLRequest=${samlRequest}&RelayState=${relay}&SigAlg=${sigAlg}&Signature=${signature}#frag`;
    const { detected, message } = ok(decodeInput(url));
    expect(detected).toBe('url');
    expect(message.binding).toBe('HTTP-Redirect');
    expect(message.xml).toBe(REQUEST);
    expect(message.relayState).toBe('https://jira.example.com/browse/ABC-1');
    expect(message.origin).toBe('SAMLRequest query parameter');
    expect(message.redirectSignature).toEqual({
      sigAlg: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
      signature: 'c2lnbmF0dXJlK2J5dGVz/w==',
      signedQuery: `SAMLRequest=${samlRequest}&RelayState=${relay}&SigAlg=${sigAlg}`,
    });
  });

  it('signed query keeps the binding order even when the URL orders parameters differently', () => {
    const samlRequest = encodeURIComponent(deflated(REQUEST));
    const { message } = ok(decodeInput(`https://idp.example.com/sso?Signature=AAAA&SigAlg=x&SAMLRequest=${samlRequest}`));
    expect(message.redirectSignature?.signedQuery).toBe(`SAMLRequest=${samlRequest}&SigAlg=x`);
  });

  it('bare query string, with or without a leading "?"', () => {
    const query = `SAMLResponse=${encodeURIComponent(deflated(RESPONSE))}&RelayState=r`;
    for (const input of [query, `?${query}`]) {
      const { detected, message } = ok(decodeInput(input));
      expect(detected).toBe('query-string');
      expect(message.binding).toBe('HTTP-Redirect');
      expect(message.xml).toBe(RESPONSE);
      expect(message.relayState).toBe('r');
    }
  });
});

describe('decodeInput: refusals', () => {
  it('unrecognised text names what was expected and what the input starts with', () => {
    const finding = refused(decodeInput('hello, this is not SAML at all but a sentence that goes on'), 'input.unrecognized');
    expect(finding.message).toContain('starts with "hello, this is not SAML at all but a sen…"');
    expect(finding.message).toContain('base64');
    expect(finding.message).toContain('SAMLRequest');
  });

  it('empty input', () => {
    expect(refused(decodeInput('   '), 'input.unrecognized').message).toContain('empty');
  });

  it('control characters in the quoted prefix are made safe', () => {
    const finding = refused(decodeInput('\u0007\u001b[31m hello'), 'input.unrecognized');
    expect([...finding.message].some((c) => c.charCodeAt(0) < 0x20)).toBe(false);
  });

  it('a URL without any SAML parameter', () => {
    const finding = refused(decodeInput('https://jira.example.com/login.jsp?os_destination=x'), 'input.unrecognized');
    expect(finding.message).toContain('no SAMLRequest or SAMLResponse');
  });

  it('a URL without a query string', () => {
    refused(decodeInput('https://jira.example.com/plugins/servlet/samlconsumer'), 'input.unrecognized');
  });

  it('a certificate pasted as the message', () => {
    const der = Buffer.from([0x30, 0x82, 0x03, 0x10, ...Array.from({ length: 40 }, (_, i) => i)]);
    expect(refused(decodeInput(der.toString('base64')), 'input.unrecognized').message).toContain('certificate');
  });

  it('base64 of binary that is neither XML nor DEFLATE', () => {
    refused(decodeInput(Buffer.from(Array.from({ length: 48 }, (_, i) => (i * 37 + 5) % 256)).toString('base64')), 'input.unrecognized');
  });

  it('input longer than maxInputChars', () => {
    const finding = refused(decodeInput('A'.repeat(101), { maxInputChars: 100 }), 'input.too-large');
    expect(finding.message).toContain('limit of 100 characters');
  });

  it('base64 whose length alone exceeds the decoded-size limit is refused before decoding', () => {
    const finding = refused(decodeInput(b64(RESPONSE), { maxDecodedBytes: 30 }), 'input.too-large');
    expect(finding.message).toContain('30-byte limit');
  });

  it('a DEFLATE bomb is stopped by the inflater output limit', () => {
    const bomb = deflateRawSync(Buffer.alloc(50_000_000, 0x3c), { level: 9 }).toString('base64');
    // The compressed text is well under the pre-decoding check, so only the inflater limit can stop it.
    expect(bomb.length).toBeLessThan((DEFAULT_INPUT_LIMITS.maxDecodedBytes / 3) * 4);
    const finding = refused(decodeInput(`https://idp.example.com/sso?SAMLRequest=${encodeURIComponent(bomb)}`), 'input.too-large');
    expect(finding.message).toContain(`decompresses to more than ${DEFAULT_INPUT_LIMITS.maxDecodedBytes} bytes`);
    expect(finding.message).toContain('decompression was stopped at the limit');
    expect(finding.evidence[0]?.location).toContain('DEFLATE output');
  });

  it('a DEFLATE bomb as bare base64 is refused the same way', () => {
    const bomb = deflateRawSync(Buffer.alloc(5_000_000, 0x20)).toString('base64');
    refused(decodeInput(bomb), 'input.too-large');
  });

  it('respects a custom decoded-size limit for DEFLATE output', () => {
    const big = '<r>' + 'x'.repeat(5_000) + '</r>';
    refused(decodeInput(`SAMLRequest=${encodeURIComponent(deflated(big))}`, { maxDecodedBytes: 2_000 }), 'input.too-large');
    expect(ok(decodeInput(`SAMLRequest=${encodeURIComponent(deflated(big))}`, { maxDecodedBytes: 6_000 })).message.xml).toBe(big);
  });

  it('broken base64 in a parameter', () => {
    const finding = refused(decodeInput('SAMLResponse=PHI+*broken*'), 'input.decode-failed');
    expect(finding.message).toContain('not valid base64');
    expect(finding.message).toContain('"*"');
  });

  it('truncated base64 (impossible length)', () => {
    refused(decodeInput(`SAMLResponse=${b64(RESPONSE).slice(0, 41)}`), 'input.decode-failed');
  });

  it('broken DEFLATE in a redirect URL', () => {
    const truncated = deflateRawSync(Buffer.from(REQUEST)).subarray(0, 20).toString('base64');
    const finding = refused(decodeInput(`https://idp.example.com/sso?SAMLRequest=${encodeURIComponent(truncated)}`), 'input.decode-failed');
    expect(finding.message).toContain('not valid DEFLATE');
  });

  it('broken percent-encoding', () => {
    refused(decodeInput('SAMLResponse=%ZZabc'), 'input.decode-failed');
  });

  it('decoded bytes that are not UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from('<r>'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('</r>')]);
    expect(refused(decodeInput(`SAMLResponse=${encodeURIComponent(b64(bytes))}`), 'input.decode-failed').message).toContain('UTF-8');
  });

  it('decoded text that is not XML', () => {
    const finding = refused(decodeInput(`SAMLRequest=${encodeURIComponent(deflated('{"json": true}'))}`), 'input.decode-failed');
    expect(finding.message).toContain('starts with "{"json": true}"');
  });

  it('two SAML message parameters', () => {
    refused(decodeInput(`SAMLResponse=${b64(RESPONSE)}&SAMLResponse=${b64(RESPONSE)}`), 'input.decode-failed');
    refused(decodeInput(`SAMLRequest=${deflated(REQUEST)}&SAMLResponse=${b64(RESPONSE)}`), 'input.decode-failed');
  });

  it('a repeated RelayState or Signature is ambiguous', () => {
    expect(refused(decodeInput(`SAMLResponse=${b64(RESPONSE)}&RelayState=a&RelayState=b`), 'input.decode-failed').message).toContain('RelayState');
  });
});
