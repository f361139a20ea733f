import { describe, expect, it } from 'vitest';
import { readMessage } from '../../../src-main/core/saml/analyze-message.js';
import { trustAnchorsOf } from '../../../src-main/core/signature/trust-anchors.js';
import { defaultOptions } from '../../../src-main/core/model/options.js';
import { parseStrictXml } from '../../../src-main/core/xml/strict-parse.js';
import { buildAwsResponse, signXml, signedAwsResponse } from '../../fixtures/aws-response.js';
import { IDP_KEY } from '../../fixtures/keys.js';
import { XSW, resignWithAttacker, tamperNameId } from '../../fixtures/attacks.js';

const NOW = new Date('2026-11-29T10:01:00Z');

async function read(xml: string) {
  const options = defaultOptions(NOW, { trustedCertificates: [{ pem: IDP_KEY.certificatePem, source: 'idp-cert', origin: 'test' }] });
  const { anchors } = trustAnchorsOf(options);
  return readMessage({ decoded: { xml, binding: 'XML', origin: 'test' }, doc: parseStrictXml(xml), xml, type: 'Response' }, 0, anchors, []);
}

describe('signature coverage paths (what the message view marks as signed)', () => {
  it.each([
    ['both', { response: true, assertion: true }, ['/Response', '/Response/Assertion']],
    ['the response', { response: true, assertion: false }, ['/Response']],
    ['the assertion', { response: false, assertion: true }, ['/Response/Assertion']],
  ] as const)('names the elements an accepted signature on %s covers', async (_name, sign, paths) => {
    const m = await read(signXml(buildAwsResponse(), IDP_KEY, sign));
    expect([...m.signature.signedPaths].sort()).toEqual([...paths].sort());
    expect(m.signature.rejectedSignedPaths).toEqual([]);
  });

  it('names a tampered or re-signed element as signed but not accepted, never as signed', async () => {
    for (const xml of [tamperNameId(signedAwsResponse()), resignWithAttacker(signedAwsResponse())]) {
      const m = await read(xml);
      expect(m.signature.signedPaths).toEqual([]);
      expect(m.signature.rejectedSignedPaths.length).toBeGreaterThan(0);
    }
  });

  it('never covers the unsigned copy a wrapping attack inserts (XSW3: evil assertion before the signed one)', async () => {
    const m = await read(XSW.xsw3(signedAwsResponse({ sign: { response: false, assertion: true } })));
    // The evil copy is the first Assertion; only the untouched second one carries the accepted signature.
    expect(m.signature.signedPaths).not.toContain('/Response/Assertion[1]');
    expect(m.signature.signedPaths).toEqual(['/Response/Assertion[2]']);
  });
});
