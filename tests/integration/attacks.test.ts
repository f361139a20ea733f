/**
 * The attack suite (issue 2, "Tests and evidence"): every attack goes through the engine's `analyze`
 * with IDP_KEY as the only trusted certificate. Each must fail with its finding id, and the attacker's
 * NameID must never be presented as verified, neither as the subject nor in a verified attribute.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src-main/core/analyze.js';
import { defaultOptions } from '../../src-main/core/model/options.js';
import type { AnalysisOptions, AnalysisResult, Finding } from '../../src-main/core/model/index.js';
import {
  ATTACKER_NAMEID,
  billionLaughs,
  COMMENT_ATTACK_NAMEID,
  deflateBomb,
  extraRoot,
  hideAssertionInSignature,
  injectComment,
  resignWithAttacker,
  stripSignatures,
  tamperNameId,
  withDoctype,
  xmlnsPrefixedAttribute,
  XSW,
} from '../fixtures/attacks.js';
import { DEFAULTS, encryptAssertion, signedAwsResponse, toPostBinding } from '../fixtures/aws-response.js';
import type { SignatureHidingPlace } from '../fixtures/attacks.js';
import { IDP_KEY, SP_KEY } from '../fixtures/keys.js';
import { pysaml2Available, pysaml2SignEncryptSign } from '../fixtures/pysaml2.js';

const NOW = new Date(DEFAULTS.issueInstant.getTime() + 30_000);

function options(): AnalysisOptions {
  return defaultOptions(NOW, {
    trustedCertificates: [{ pem: IDP_KEY.certificatePem, source: 'idp-cert', origin: 'test' }],
    sp: { entityId: DEFAULTS.audience, acsUrl: DEFAULTS.acsUrl },
  });
}

async function run(content: string, source = 'attack'): Promise<AnalysisResult> {
  return analyze({ source, content }, options());
}

function allFindings(result: AnalysisResult): Finding[] {
  return [...result.findings, ...result.messages.flatMap((m) => m.findings)];
}

function ids(result: AnalysisResult): string[] {
  return allFindings(result).map((f) => f.id);
}

/** Readable context for a failed expectation: what the engine said instead. */
function summary(result: AnalysisResult): string {
  return JSON.stringify({
    input: result.findings.map((f) => `${f.severity}:${f.id}`),
    messages: result.messages.map((m) => ({
      verdict: m.verdict,
      signature: m.signature.status,
      signed: m.signature.signedElements,
      subject: m.subject,
      findings: m.findings.map((f) => `${f.severity}:${f.id}`),
    })),
  });
}

/** The attacker's NameID is never shown as verified identity data. */
function expectAttackerNeverVerified(result: AnalysisResult): void {
  for (const m of result.messages) {
    if (m.subject?.nameId.includes(ATTACKER_NAMEID)) expect(m.subject.verified, summary(result)).not.toBe(true);
    for (const a of m.attributes) {
      if (a.verified) expect(a.values.join('\n'), `verified attribute ${a.name}`).not.toContain(ATTACKER_NAMEID);
    }
    if (m.issuerDetail?.verified) expect(m.issuer).not.toContain(ATTACKER_NAMEID);
  }
}

/** An attacked message: the first message fails (or, with no message, the input itself has an error) and carries `id`. */
async function expectRejected(content: string, id: string): Promise<AnalysisResult> {
  const result = await run(content);
  const context = summary(result);
  if (result.messages.length > 0) {
    expect(result.messages[0]!.verdict, context).toBe('fail');
  } else {
    expect(result.findings.some((f) => f.severity === 'error'), context).toBe(true);
  }
  expect(ids(result), context).toContain(id);
  const finding = allFindings(result).find((f) => f.id === id)!;
  expect(finding.severity, context).toBe('error');
  expectAttackerNeverVerified(result);
  return result;
}

const responseSigned = () => signedAwsResponse({ sign: { response: true } });
const assertionSigned = () => signedAwsResponse({ sign: { assertion: true } });
const bothSigned = () => signedAwsResponse();

describe('positive cases: AWS-shaped responses signed with the trusted key', () => {
  const cases = [
    { name: 'Response only', xml: responseSigned, signed: ['Response'] },
    { name: 'Assertion only', xml: assertionSigned, signed: ['Assertion'] },
    { name: 'Response and Assertion', xml: bothSigned, signed: ['Response', 'Assertion'] },
  ] as const;

  for (const c of cases) {
    it(`${c.name}: valid, verified subject, no error findings`, async () => {
      for (const content of [c.xml(), toPostBinding(c.xml())]) {
        const result = await run(content, c.name);
        const context = summary(result);
        expect(result.messages, context).toHaveLength(1);
        const m = result.messages[0]!;
        expect(m.type).toBe('Response');
        expect(m.signature.status, context).toBe('valid');
        expect([...m.signature.signedElements].sort(), context).toEqual([...c.signed].sort());
        expect(allFindings(result).filter((f) => f.severity === 'error').map((f) => f.id), context).toEqual([]);
        expect(m.verdict).not.toBe('fail');
        expect(m.subject, context).toMatchObject({ nameId: 'jane.doe@example.com', verified: true });
        const email = m.attributes.find((a) => a.name === 'email');
        expect(email, context).toMatchObject({ values: ['jane.doe@example.com'], verified: true });
      }
    });
  }
});

describe('XML Signature Wrapping (SAML Raider XSW1–XSW8)', () => {
  // SAML Raider: XSW1–2 apply to signed responses, XSW3–8 to signed assertions.
  const targets = { xsw1: responseSigned, xsw2: responseSigned, xsw3: assertionSigned, xsw4: assertionSigned,
    xsw5: assertionSigned, xsw6: assertionSigned, xsw7: assertionSigned, xsw8: assertionSigned } as const;

  for (const [name, attack] of Object.entries(XSW) as Array<[keyof typeof XSW, (xml: string) => string]>) {
    it(`${name.toUpperCase()} → signature.wrapping`, async () => {
      await expectRejected(attack(targets[name]()), 'signature.wrapping');
    });

    it(`${name.toUpperCase()} on a response with both signed: fails, attacker never verified`, async () => {
      const result = await run(attack(bothSigned()));
      expect(result.messages[0]?.verdict, summary(result)).toBe('fail');
      expectAttackerNeverVerified(result);
    });
  }
});

describe('encrypted assertions: IDs judged per signature and per signed document', () => {
  const withSpKey = () => ({ ...options(), spPrivateKeys: [{ pem: SP_KEY.privateKeyPem, origin: 'sp-key.pem' }] });
  /** Gives every ds:Signature Id="Signature1", as pysaml2 does; Signature attributes are outside what either signature covers. */
  const signatureIds = (xml: string) => xml.replace(/<ds:Signature (?!Id=)/g, '<ds:Signature Id="Signature1" ');

  it('sign-encrypt-sign with both signatures Id="Signature1" is valid (the duplicate exists only once decrypted)', async () => {
    const xml = signatureIds(await encryptAssertion(signatureIds(bothSigned()), SP_KEY.certificatePem));
    const result = await analyze({ source: 'sign-encrypt-sign', content: xml }, withSpKey());
    const m = result.messages[0]!;
    expect(m.signature.status, summary(result)).toBe('valid');
    expect(ids(result), summary(result)).not.toContain('signature.wrapping');
    expect(m.subject, summary(result)).toMatchObject({ nameId: 'jane.doe@example.com', verified: true });
  });

  it.skipIf(!pysaml2Available())('pysaml2 sign-encrypt-sign (both ds:Signature Id="Signature1") is valid', async () => {
    const xml = pysaml2SignEncryptSign(IDP_KEY, SP_KEY);
    const issued = Date.parse(/IssueInstant="([^"]+)"/.exec(xml)![1]!);
    const result = await analyze({ source: 'pysaml2', content: xml }, { ...withSpKey(), now: new Date(issued + 30_000) });
    expect(result.messages[0]!.signature.status, summary(result)).toBe('valid');
    expect(ids(result), summary(result)).not.toContain('signature.wrapping');
  });

  for (const name of ['xsw4', 'xsw6', 'xsw8'] as const) {
    for (const [label, signed] of [['Assertion signed', assertionSigned], ['both signed', bothSigned]] as const) {
      it(`${name.toUpperCase()} inside an encrypted assertion (${label}) fails; attacker never verified`, async () => {
        const xml = await encryptAssertion(XSW[name](signed()), SP_KEY.certificatePem);
        const result = await analyze({ source: name, content: xml }, withSpKey());
        expect(result.messages[0]!.verdict, summary(result)).toBe('fail');
        expect(ids(result), summary(result)).toContain('signature.wrapping');
        expectAttackerNeverVerified(result);
      });
    }
  }

  it('a decrypted assertion whose signed ID also names an element outside it is refused', async () => {
    const plain = assertionSigned();
    const assertionId = /<saml2:Assertion [^>]*ID="([^"]+)"/.exec(plain)![1]!;
    const xml = (await encryptAssertion(plain, SP_KEY.certificatePem)).replace(/(<saml2p:Response [^>]*?)ID="[^"]+"/, `$1ID="${assertionId}"`);
    const result = await analyze({ source: 'duplicate', content: xml }, withSpKey());
    expect(result.messages[0]!.verdict, summary(result)).toBe('fail');
    expect(ids(result), summary(result)).toContain('signature.wrapping');
  });
});

describe('other signature attacks', () => {
  it('signature stripping → signature.missing', async () => {
    const result = await expectRejected(stripSignatures(bothSigned()), 'signature.missing');
    expect(result.messages[0]!.signature.status).toBe('unsigned');
  });

  for (const [name, xml] of [['both signed', bothSigned], ['Response signed', responseSigned], ['Assertion signed', assertionSigned]] as const) {
    it(`content tampering after signing (${name}) → signature.invalid`, async () => {
      const result = await expectRejected(tamperNameId(xml()), 'signature.invalid');
      expect(result.messages[0]!.signature.status).toBe('invalid');
    });
  }

  it('re-signing with an attacker key (attacker cert in KeyInfo) → signature.untrusted-key', async () => {
    const result = await expectRejected(resignWithAttacker(bothSigned()), 'signature.untrusted-key');
    expect(result.messages[0]!.signature.status).toBe('untrusted');
  });

  it('comment injection in NameID → nameid.comment warning, full NameID read from signed content', async () => {
    const result = await run(injectComment(signedAwsResponse({ nameId: COMMENT_ATTACK_NAMEID })));
    const context = summary(result);
    const m = result.messages[0]!;
    expect(m.signature.status, context).toBe('valid');
    const finding = m.findings.find((f) => f.id === 'nameid.comment');
    expect(finding?.severity, context).toBe('warning');
    expect(allFindings(result).filter((f) => f.severity === 'error').map((f) => f.id), context).toEqual([]);
    expect(m.verdict, context).toBe('warn');
    expect(m.subject, context).toMatchObject({ nameId: COMMENT_ATTACK_NAMEID, verified: true });
  });
});

describe('hostile XML and encodings', () => {
  it('DOCTYPE with an entity declaration → xml.dtd', async () => {
    await expectRejected(withDoctype(bothSigned()), 'xml.dtd');
  });

  it('billion laughs → xml.dtd, quickly', async () => {
    const started = performance.now();
    await expectRejected(billionLaughs(bothSigned()), 'xml.dtd');
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('an xmlns-prefixed attribute that is no namespace declaration on the signed NameID → xml.malformed', async () => {
    for (const signed of [bothSigned(), assertionSigned(), responseSigned()]) {
      const result = await expectRejected(xmlnsPrefixedAttribute(signed), 'xml.malformed');
      expect(JSON.stringify(result.findings), summary(result)).toContain('xmlnsEvil');
    }
  });

  it('a second root element → xml.malformed', async () => {
    await expectRejected(extraRoot(bothSigned()), 'xml.malformed');
  });

  it('DEFLATE bomb over HTTP-Redirect → input.too-large, refused in well under a second', async () => {
    const url = deflateBomb();
    const started = performance.now();
    await expectRejected(url, 'input.too-large');
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('an unsigned Assertion hidden inside the ds:Signature of a signed Response without one', () => {
  const places: SignatureHidingPlace[] = ['Signature', 'KeyInfo', 'X509Data', 'X509Certificate', 'SignatureValue'];
  const responses = {
    'success without an Assertion': () => signedAwsResponse({ sign: { response: true }, includeAssertion: false }),
    'IdP error response': () => signedAwsResponse({ sign: { response: true }, statusCode: 'urn:oasis:names:tc:SAML:2.0:status:Responder' }),
  } as const;

  for (const [kind, response] of Object.entries(responses)) {
    for (const place of places) {
      it(`${kind}, Assertion in ${place}: not valid, fails, names where it is, never read`, async () => {
        const result = await run(hideAssertionInSignature(response(), place));
        const context = summary(result);
        const m = result.messages[0]!;
        expect(m.signature.status, context).not.toBe('valid');
        expect(m.verdict, context).toBe('fail');
        const located = allFindings(result).filter((f) => f.severity === 'error' && JSON.stringify(f).includes('/Response/Signature'));
        expect(located.map((f) => f.id), context).not.toEqual([]);
        expect(JSON.stringify(located), context).toContain('Assertion');
        expect(m.subject, context).toBeUndefined();
        if (kind === 'success without an Assertion') expect(ids(result), context).toContain('assertion.missing');
        expectAttackerNeverVerified(result);
      });
    }
  }

  it('the same responses without the hidden Assertion stay valid', async () => {
    for (const response of Object.values(responses)) {
      const result = await run(response());
      expect(result.messages[0]!.signature.status, summary(result)).toBe('valid');
    }
  });
});

describe('ds:Signature children against the schema sequence (fuzzer seed 7, indexes 3404 and 5047)', () => {
  const duplicate = (xml: string, name: string): string => xml.replace(new RegExp(`<ds:${name}>[^]*?</ds:${name}>`), (element) => element + element);
  const cases: [string, (xml: string) => string, RegExp][] = [
    ['a second SignatureValue', (xml) => duplicate(xml, 'SignatureValue'), /<ds:SignatureValue> occurs more than once in \/Response\/Signature/],
    ['a second KeyInfo', (xml) => duplicate(xml, 'KeyInfo'), /<ds:KeyInfo> occurs more than once in \/Response\/Signature/],
    ['KeyInfo before SignatureValue', (xml) => xml.replace(/(<ds:SignatureValue>[^]*?<\/ds:SignatureValue>)(<ds:KeyInfo>[^]*?<\/ds:KeyInfo>)/, '$2$1'), /<ds:KeyInfo> at \/Response\/Signature\/KeyInfo comes before <ds:SignatureValue>, out of the order/],
    ['a second DigestValue', (xml) => duplicate(xml, 'DigestValue'), /<ds:DigestValue> occurs more than once in \/Response\/Signature\/SignedInfo\/Reference/],
  ];
  for (const [name, mutate, message] of cases) {
    it(`${name} in a Response signature → signature.malformed, naming the element`, async () => {
      const xml = mutate(signedAwsResponse({ sign: { response: true }, includeAssertion: false }));
      const result = await run(xml);
      const context = summary(result);
      expect(result.messages[0]!.signature.status, context).not.toBe('valid');
      expect(result.messages[0]!.verdict, context).toBe('fail');
      const errors = allFindings(result).filter((f) => f.severity === 'error');
      expect(JSON.stringify(errors), context).toMatch(message);
    });
  }
});

describe('EncryptedData and EncryptedKey against the XML Encryption schema (fuzz:ci seed 20261206, index 932)', () => {
  const withSpKey = () => ({ ...options(), spPrivateKeys: [{ pem: SP_KEY.privateKeyPem, origin: 'sp-key.pem' }] });
  const cipherData = /<(\w+:)?CipherData>[^]*?<\/(\w+:)?CipherData>/g;

  it('a second CipherData in the EncryptedData or the EncryptedKey is refused, naming it; the assertion is not read', async () => {
    const encrypted = await encryptAssertion(assertionSigned(), SP_KEY.certificatePem);
    const valid = await analyze({ source: 'encrypted', content: encrypted }, withSpKey());
    expect(valid.messages[0]!.signature.status, summary(valid)).toBe('valid');
    const blocks = [...encrypted.matchAll(cipherData)];
    expect(blocks.length).toBe(2);
    for (const block of blocks) {
      const xml = encrypted.slice(0, block.index + block[0].length) + block[0] + encrypted.slice(block.index + block[0].length);
      const result = await analyze({ source: 'duplicated CipherData', content: xml }, withSpKey());
      const context = summary(result);
      expect(result.messages[0]!.signature.status, context).not.toBe('valid');
      expect(result.messages[0]!.subject, context).toBeUndefined();
      expect(JSON.stringify(allFindings(result).filter((f) => f.severity === 'error')), context).toMatch(/CipherData> occurs more than once in \/Response\/EncryptedAssertion\/EncryptedData/);
    }
  });

  it('lax base64 in a CipherValue, an unknown OAEP DigestMethod and a stray element in EncryptionMethod are refused (indexes 1611, 3352, 1808)', async () => {
    const encrypted = await encryptAssertion(assertionSigned(), SP_KEY.certificatePem);
    const cases: [(xml: string) => string, RegExp][] = [
      [(xml) => xml.replace(/(<(\w+:)?CipherValue>[^<]*?)(<\/)/, '$1=$3'), /CipherValue at \/Response\/EncryptedAssertion\/EncryptedData.* is not valid base64/],
      [(xml) => xml.replace(/(<(\w+:)?DigestMethod Algorithm=")[^"]*/, '$1http://www.w3.org/TR/1999/REC-xpath-19991116'), /DigestMethod at .* names .*REC-xpath-19991116.*, which is not a digest algorithm/],
      [(xml) => xml.replace(/(<(\w+:)?DigestMethod )/, '<f:Wrap xmlns:f="urn:fuzz"/>$1'), /unexpected element <f:Wrap> \(namespace urn:fuzz\)/],
      // Seed 20261210, index 851343: a second DigestMethod in the key's EncryptionMethod.
      [(xml) => xml.replace(/(<(\w+:)?DigestMethod [^>]*\/>)/, '$1$1'), /DigestMethod> occurs more than once in \/Response\/EncryptedAssertion\/.*EncryptionMethod/],
    ];
    for (const [mutate, message] of cases) {
      const xml = mutate(encrypted);
      expect(xml).not.toBe(encrypted);
      const result = await analyze({ source: 'encryption schema', content: xml }, withSpKey());
      const context = summary(result);
      expect(result.messages[0]!.signature.status, context).not.toBe('valid');
      expect(JSON.stringify(allFindings(result).filter((f) => f.severity === 'error')), context).toMatch(message);
    }
  });

  it('a KeyInfo moved out of the EncryptedData, beside it in the EncryptedAssertion, is refused (seed 20261209, index 7481)', async () => {
    const encrypted = await encryptAssertion(assertionSigned(), SP_KEY.certificatePem);
    // The outer KeyInfo (it holds the EncryptedKey, whose own KeyInfo closes first) carries its namespace declaration.
    const start = encrypted.indexOf('<KeyInfo xmlns="http://www.w3.org/2000/09/xmldsig#">');
    const end = encrypted.lastIndexOf('</KeyInfo>') + '</KeyInfo>'.length;
    expect(start).toBeGreaterThan(0);
    const keyInfo = encrypted.slice(start, end);
    const xml = (encrypted.slice(0, start) + encrypted.slice(end)).replace('</xenc:EncryptedData>', `</xenc:EncryptedData>${keyInfo}`);
    expect(xml).not.toBe(encrypted);
    const result = await analyze({ source: 'KeyInfo beside EncryptedData', content: xml }, withSpKey());
    const context = summary(result);
    expect(result.messages[0]!.signature.status, context).not.toBe('valid');
    expect(result.messages[0]!.subject, context).toBeUndefined();
    expect(JSON.stringify(allFindings(result).filter((f) => f.severity === 'error')), context).toMatch(/unexpected element <KeyInfo> at \/Response\/EncryptedAssertion\/KeyInfo, where SAML allows only EncryptedKey elements after the EncryptedData/);
  });

  it('an EncryptedKey whose xenc prefix is rebound to another namespace is refused, not decrypted by its local name (seed 5, index 2672)', async () => {
    const encrypted = await encryptAssertion(assertionSigned(), SP_KEY.certificatePem);
    // The fixture writes <e:EncryptedKey xmlns:e="…xmlenc#">: the declaration on it names another namespace.
    const xml = encrypted.replace(/(<(\w+):EncryptedKey xmlns:\2=")[^"]*/, '$1urn:oasis:names:tc:SAML:2.0:protocol');
    expect(xml).not.toBe(encrypted);
    const result = await analyze({ source: 'foreign EncryptedKey', content: xml }, withSpKey());
    const context = summary(result);
    expect(result.messages[0]!.signature.status, context).not.toBe('valid');
    expect(result.messages[0]!.subject, context).toBeUndefined();
    expect(JSON.stringify(allFindings(result).filter((f) => f.severity === 'error')), context).toMatch(/<e:\w+> at \/Response\/EncryptedAssertion.* is in the namespace \\"urn:oasis:names:tc:SAML:2.0:protocol\\", not XML Encryption's/);
  });
});
