import { describe, expect, it } from 'vitest';
import { readMessage } from '../../../src-main/core/saml/analyze-message.js';
import { trustAnchorsOf } from '../../../src-main/core/signature/trust-anchors.js';
import { defaultOptions } from '../../../src-main/core/model/options.js';
import { parseStrictXml } from '../../../src-main/core/xml/strict-parse.js';
import { signedAwsResponse, buildAwsResponse, signXml } from '../../fixtures/aws-response.js';
import { IDP_KEY, ATTACKER_KEY } from '../../fixtures/keys.js';
import { XSW, ATTACKER_NAMEID, stripSignatures, tamperNameId, resignWithAttacker } from '../../fixtures/attacks.js';

const NOW = new Date('2026-11-29T10:01:00Z');

async function read(xml: string, certs = [IDP_KEY.certificatePem]) {
  const options = defaultOptions(NOW, { trustedCertificates: certs.map((pem) => ({ pem, source: 'idp-cert' as const, origin: 'test' })) });
  const { anchors } = trustAnchorsOf(options);
  const doc = parseStrictXml(xml);
  return readMessage({ decoded: { xml, binding: 'XML', origin: 'test' }, doc, xml, type: 'Response' }, 0, anchors, []);
}

const ids = (m: Awaited<ReturnType<typeof read>>) => m.findings.map((f) => f.id);

describe('signature verification', () => {
  it.each([
    ['both', { response: true, assertion: true }, ['Response', 'Assertion']],
    ['response only', { response: true, assertion: false }, ['Response']],
    ['assertion only', { response: false, assertion: true }, ['Assertion']],
  ] as const)('accepts an AWS response signed on %s', async (_name, sign, elements) => {
    const m = await read(signXml(buildAwsResponse(), IDP_KEY, sign));
    expect(m.signature.status).toBe('valid');
    expect(m.signature.signedElements).toEqual(elements);
    expect(m.subject).toMatchObject({ nameId: 'jane.doe@example.com', verified: true });
    expect(m.signature.certificate?.keySize).toBe(2048);
    expect(m.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it.each(Object.entries(XSW))('rejects %s as signature wrapping and never verifies the attacker', async (_name, attack) => {
    const m = await read(attack(signedAwsResponse({ sign: { response: _name <= 'xsw2', assertion: _name > 'xsw2' } })));
    expect(m.signature.status).toBe('invalid');
    expect(ids(m)).toContain('signature.wrapping');
    if (m.subject?.nameId === ATTACKER_NAMEID) expect(m.subject.verified).toBe(false);
  });

  it('reports stripped, tampered and re-signed responses', async () => {
    const signed = signedAwsResponse();
    const stripped = await read(stripSignatures(signed));
    expect(stripped.signature.status).toBe('unsigned');
    expect(ids(stripped)).toContain('signature.missing');
    const tampered = await read(tamperNameId(signed));
    expect(tampered.signature.status).toBe('invalid');
    expect(ids(tampered)).toContain('signature.invalid');
    expect(tampered.subject?.verified).toBe(false);
    const resigned = await read(resignWithAttacker(signed));
    expect(resigned.signature.status).toBe('untrusted');
    expect(ids(resigned)).toContain('signature.untrusted-key');
    expect(resigned.subject?.verified).toBe(false);
  });

  it('treats a response as untrusted when no certificate is configured', async () => {
    const m = await read(signedAwsResponse(), []);
    expect(m.signature.status).toBe('untrusted');
    expect(ids(m)).toContain('signature.no-trust-anchor');
    expect(m.subject?.verified).toBe(false);
  });

  it('does not trust an attacker certificate given only in KeyInfo', async () => {
    const m = await read(signedAwsResponse({ key: ATTACKER_KEY } as never));
    expect(m.signature.status).not.toBe('valid');
  });
});
