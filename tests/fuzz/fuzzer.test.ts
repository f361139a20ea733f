/**
 * The fuzzer's own guarantees: inputs are a pure function of (seed, index), a replay prints the same
 * input, mutators change one region and keep the rest, and the oracles catch what they are for.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src-main/core/analyze.js';
import { judgeOutcome } from './campaign.js';
import { generateInput } from './generate.js';
import { minimise } from './minimise.js';
import { MUTATORS, MUTATOR_NAMES } from './mutators.js';
import { falseValid, verdictsOf } from './oracle.js';
import { randomFrom } from './random.js';
import { loadSeeds, optionsFor, type FuzzSeed } from './seed-set.js';
import { xmlsecAvailable, xmlsecRefusal } from './xmlsec.js';

const seeds = loadSeeds(null);
const seed = (id: string): FuzzSeed => seeds.find((s) => s.id === `aws/${id}`)!;

async function verdicts(xml: string, of: FuzzSeed) {
  return verdictsOf(await analyze({ source: 'fuzz test', content: xml }, optionsFor(of)));
}

describe('fuzz inputs', () => {
  it('are a pure function of (campaign seed, index)', () => {
    for (let index = 0; index < 200; index++) {
      const first = generateInput(seeds, 42, index);
      const again = generateInput(seeds, 42, index);
      expect(again.xml).toBe(first.xml);
      expect(again.mutators).toEqual(first.mutators);
      expect(again.seed.id).toBe(first.seed.id);
    }
    const distinct = new Set(Array.from({ length: 200 }, (_, index) => generateInput(seeds, 42, index).xml));
    expect(distinct.size).toBeGreaterThan(190);
    expect(generateInput(seeds, 43, 0).xml).not.toBe(generateInput(seeds, 42, 0).xml);
  });

  it('every mutator is deterministic and changes the document', () => {
    const base = seed('response-and-assertion-signed').xml;
    const donors = [seed('response-signed-error-no-assertion').xml];
    for (const name of MUTATOR_NAMES) {
      const outputs = new Set([1, 2, 3].map(() => MUTATORS[name]!(base, randomFrom(7), donors)));
      expect(outputs.size, name).toBe(1);
      const changed = [1, 2, 3, 4, 5, 6, 7, 8].some((k) => MUTATORS[name]!(base, randomFrom(k), donors) !== base);
      expect(changed, name).toBe(true);
    }
  });

  it('text, comment, reference, whitespace and algorithm mutators keep every byte outside one small region', () => {
    const base = seed('assertion-signed').xml;
    for (const name of ['text', 'comment', 'reference', 'whitespace', 'algorithm']) {
      for (let k = 0; k < 20; k++) {
        const out = MUTATORS[name]!(base, randomFrom(k), []);
        let prefix = 0;
        while (prefix < out.length && out[prefix] === base[prefix]) prefix++;
        let suffix = 0;
        while (suffix < out.length - prefix && out[out.length - 1 - suffix] === base[base.length - 1 - suffix]) suffix++;
        expect(base.length - prefix - suffix, `${name} #${k}`).toBeLessThan(400);
      }
    }
  });

  it('--seed S --index I replays exactly the input the campaign generated', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['scripts/run-ts.mjs', 'tests/fuzz/fuzz.ts', '--seed', '7', '--index', '11', '--no-corpus', '--no-xmlsec'], { maxBuffer: 64 * 1024 * 1024 }).catch((error: { stdout: string }) => error);
    const replayed = JSON.parse(stdout.slice(stdout.indexOf('{')));
    const expected = generateInput(seeds, 7, 11);
    expect(replayed).toMatchObject({ seed: 7, index: 11, seedDocument: expected.seed.id, mutators: expected.mutators, xml: expected.xml });
  }, 120_000);
});

describe('oracles', () => {
  it('the identity oracle accepts the seed itself and catches a valid result with another identity', async () => {
    const signed = seed('response-and-assertion-signed');
    const baseline = await verdicts(signed.xml, signed);
    expect(baseline[0]?.status).toBe('valid');
    expect(falseValid(baseline, baseline)).toBeUndefined();
    const planted = baseline.map((verdict) => ({ ...verdict, identity: { ...verdict.identity, nameId: 'mallory@example.com' } }));
    expect(falseValid(baseline, planted)).toMatch(/mallory@example\.com/);
    const unverified = baseline.map((verdict) => ({ ...verdict, identity: { ...verdict.identity, nameIdVerified: false } }));
    expect(falseValid(baseline, unverified)).toMatch(/not verified/);
  });

  it('a signed response without an assertion has no identity: a valid result with a NameID is a false valid', async () => {
    const empty = seed('response-signed-error-no-assertion');
    const baseline = await verdicts(empty.xml, empty);
    expect(baseline[0]?.status).toBe('valid');
    expect(baseline[0]?.identity.nameId).toBeUndefined();
    const planted = [{ status: 'valid', identity: { ...baseline[0]!.identity, nameId: 'jane.doe@example.com', nameIdVerified: false } }];
    expect(falseValid(baseline, planted)).toBeDefined();
    expect(falseValid(baseline, [{ ...planted[0]!, status: 'invalid' }])).toBeUndefined();
  });

  it('flags crashes, hangs and analyses over one second', async () => {
    const input = generateInput(seeds, 1, 0);
    expect((await judgeOutcome(input, { kind: 'crash', ms: 3, error: 'TypeError: x' }, [], false))?.kind).toBe('crash');
    expect((await judgeOutcome(input, { kind: 'hang', ms: 10_000 }, [], false))?.kind).toBe('hang');
    expect((await judgeOutcome(input, { kind: 'memory', ms: 50, error: 'heap' }, [], false))?.kind).toBe('memory');
    expect((await judgeOutcome(input, { kind: 'done', ms: 1500, verdicts: [] }, [], false))?.kind).toBe('slow');
    expect(await judgeOutcome(input, { kind: 'done', ms: 20, verdicts: [] }, [], false)).toBeUndefined();
  });

  it.skipIf(!xmlsecAvailable())('xmlsec1 verifies the seeds and refuses a changed NameID', async () => {
    const signed = seed('response-and-assertion-signed');
    expect(await xmlsecRefusal(signed.xml, signed.trustedPems[0]!)).toBeUndefined();
    const tampered = signed.xml.replace('jane.doe@example.com</saml2:NameID>', 'mallory@example.com</saml2:NameID>');
    expect(tampered).not.toBe(signed.xml);
    expect(await xmlsecRefusal(tampered, signed.trustedPems[0]!)).toMatch(/refuses signature/);
  });

  it.skipIf(!xmlsecAvailable())('counts only ds:Signature elements, also after a parser warning (seed 20261211, index 628526)', async () => {
    const signed = seed('response-and-assertion-signed');
    // XML 1.1 makes libxml2 warn first; the Response's Signature, rebound to another namespace, is no signature.
    const rebound = signed.xml.replace('<?xml version="1.0"', '<?xml version="1.1"').replace('<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#">', '<ds:Signature xmlns:ds="urn:fuzz">');
    expect(rebound.match(/<ds:Signature xmlns:ds="urn:fuzz">/g)).toHaveLength(1);
    expect(await xmlsecRefusal(rebound, signed.trustedPems[0]!)).toBeUndefined();
  });

  it.skipIf(!xmlsecAvailable())('xmlsec1 trusts the configured certificate only, not a garbled certificate in the unsigned KeyInfo (seed 7, index 3552)', async () => {
    const signed = seed('assertion-signed');
    const garbled = signed.xml.replace(/(<ds:X509Certificate>)MII/, '$1MIJ');
    expect(garbled).not.toBe(signed.xml);
    expect(await xmlsecRefusal(garbled, signed.trustedPems[0]!)).toBeUndefined();
    expect(await xmlsecRefusal(garbled.replace('jane.doe@example.com</saml2:NameID>', 'mallory@example.com</saml2:NameID>'), signed.trustedPems[0]!)).toMatch(/refuses signature/);
  });

  it.skipIf(!xmlsecAvailable())('xmlsec1 decrypts encrypted assertions with the SP key and verifies the signatures inside (seed 7, index 3445)', async () => {
    const encrypted = seed('encrypted-assertion-signed');
    const unsignedResponse = encrypted.xml.replace(/<ds:Signature[^]*?<\/ds:Signature>/, '');
    expect(unsignedResponse).not.toBe(encrypted.xml);
    expect(await xmlsecRefusal(unsignedResponse, encrypted.trustedPems[0]!, encrypted.spKeyPems)).toBeUndefined();
    expect(await xmlsecRefusal(unsignedResponse, encrypted.trustedPems[0]!)).toMatch(/finds no ds:Signature/);
  });

  it.skipIf(!xmlsecAvailable())('xmlsec1 decrypts the EncryptedData of the EncryptedAssertion, not one spliced in elsewhere (seed 20261210, index 34184)', async () => {
    const encrypted = seed('encrypted-assertion-signed');
    const unsignedResponse = encrypted.xml.replace(/<ds:Signature[^]*?<\/ds:Signature>/, '');
    const stray = /<(\w+:)?EncryptedData[^]*?<\/(\w+:)?EncryptedData>/.exec(unsignedResponse)![0];
    // A copy of the EncryptedData, first in the document, directly under the Response.
    const spliced = unsignedResponse.replace(/(<(\w+:)?Response[^>]*>)/, `$1${stray}`);
    expect(spliced).not.toBe(unsignedResponse);
    expect(await xmlsecRefusal(spliced, encrypted.trustedPems[0]!, encrypted.spKeyPems)).toBeUndefined();
  });

  it('minimisation keeps the failure and drops the rest', async () => {
    const text = `${'a'.repeat(500)}NEEDLE${'b'.repeat(500)}`;
    expect(await minimise(text, async (candidate) => candidate.includes('NEEDLE'))).toBe('NEEDLE');
  });
});
