import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCaptureFile } from '../../../src-main/capture/capture-file.js';
import { analyze } from '../../../src-main/core/analyze.js';
import { decodeInput } from '../../../src-main/core/input/decode.js';
import { defaultOptions } from '../../../src-main/core/model/options.js';
import { DEFAULTS, defaultAttributes, signedAwsResponse } from '../../fixtures/aws-response.js';
import { IDP_KEY } from '../../fixtures/keys.js';

const RESPONSE_BODY = '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_r1" Version="2.0"><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status><samlp:Extensions>TEXT</samlp:Extensions></samlp:Response>';

const post = (bytes: Buffer) => `SAMLResponse=${encodeURIComponent(bytes.toString('base64'))}`;

function decodedXml(bytes: Buffer): string {
  const result = decodeInput(post(bytes));
  if (!result.ok) throw new Error(result.finding.message);
  return result.messages[0]!.xml;
}

function refusal(bytes: Buffer): string {
  const result = decodeInput(post(bytes));
  expect(result.ok).toBe(false);
  if (result.ok) return '';
  expect(result.finding.id).toBe('input.decode-failed');
  return result.finding.message;
}

const declared = (encoding: string, text: string) => `<?xml version="1.0" encoding="${encoding}"?>${RESPONSE_BODY.replace('TEXT', text)}`;

describe('declared encodings (XML 1.0 Appendix F: byte order mark, then the XML declaration)', () => {
  it('decodes ISO-8859-1 as declared (once refused as "not valid UTF-8")', () => {
    expect(decodedXml(Buffer.from(declared('ISO-8859-1', 'Renée Müller'), 'latin1'))).toContain('Renée Müller');
  });

  it('decodes windows-1252, where 0x80 is the euro sign', () => {
    const bytes = Buffer.concat([Buffer.from(declared('windows-1252', 'X').split('X')[0]!, 'latin1'), Buffer.from([0x80]), Buffer.from(declared('windows-1252', 'X').split('X')[1]!, 'latin1')]);
    expect(decodedXml(bytes)).toContain('<samlp:Extensions>€</samlp:Extensions>');
  });

  it('decodes UTF-16 big- and little-endian, with a byte order mark and (little-endian) without', () => {
    const text = declared('UTF-16', 'Zoë');
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    expect(decodedXml(Buffer.concat([Buffer.from([0xff, 0xfe]), le]))).toContain('Zoë');
    expect(decodedXml(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toContain('Zoë');
    expect(decodedXml(le)).toContain('Zoë');
    expect(decodedXml(be)).toContain('Zoë');
  });

  it('refuses an encoding it does not decode, naming it', () => {
    const message = refusal(Buffer.from(declared('Shift_JIS', 'x'), 'latin1'));
    expect(message).toContain('encoding="Shift_JIS"');
    expect(message).toContain('ISO-8859-1');
  });

  it('refuses bytes that contradict the declaration or are invalid in it', () => {
    expect(refusal(Buffer.from(declared('UTF-16', 'x'), 'latin1'))).toContain('not UTF-16');
    expect(refusal(Buffer.from(declared('US-ASCII', 'é'), 'latin1'))).toContain('US-ASCII');
    expect(refusal(Buffer.from(declared('UTF-8', 'é'), 'latin1'))).toContain('UTF-8');
  });

  it('a signed response sent as ISO-8859-1 verifies (the IdP signed characters, not bytes)', async () => {
    const xml = signedAwsResponse({ attributes: [...defaultAttributes(), { name: 'preferredName', values: ['Renée Müller'] }] });
    const latin1 = Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?>${xml.replace(/^<\?xml[^>]*\?>/, '')}`, 'latin1');
    const options = defaultOptions(new Date(DEFAULTS.issueInstant.getTime() + 30_000), { trustedCertificates: [{ pem: IDP_KEY.certificatePem, source: 'idp-cert', origin: 'idp.pem' }] });
    const m = (await analyze({ source: 'latin1', content: latin1.toString('base64') }, options)).messages[0]!;
    expect(m.signature.status).toBe('valid');
    expect(m.attributes.find((a) => a.name === 'preferredName')).toMatchObject({ values: ['Renée Müller'], verified: true });
  });

  it('an XML file in ISO-8859-1 is read as its declaration says, and its signature verifies', async () => {
    const xml = signedAwsResponse({ attributes: [...defaultAttributes(), { name: 'preferredName', values: ['Renée Müller'] }] });
    const dir = mkdtempSync(join(tmpdir(), 'samlscope-latin1-'));
    try {
      const file = join(dir, 'response.xml');
      writeFileSync(file, Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?>${xml.replace(/^<\?xml[^>]*\?>/, '')}`, 'latin1'));
      const input = await importCaptureFile(file);
      expect('content' in input && input.content).toContain('Renée Müller');
      const options = defaultOptions(new Date(DEFAULTS.issueInstant.getTime() + 30_000), { trustedCertificates: [{ pem: IDP_KEY.certificatePem, source: 'idp-cert', origin: 'idp.pem' }] });
      const m = (await analyze(input, options)).messages[0]!;
      expect(m.signature.status).toBe('valid');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
