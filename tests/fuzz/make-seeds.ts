/**
 * Writes the fuzzer's AWS-shaped signed seeds into tests/fuzz/seeds/ with the test fixtures: one IdP key,
 * one SP key, and a signed document per shape. They are committed so that (campaign seed, index) names
 * the same input on every machine (test keys are generated per process, so regenerating changes them).
 * Nothing here is a secret: the keys exist only for these seeds.
 * Run: node scripts/run-ts.mjs tests/fuzz/make-seeds.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { encryptAssertion, signedAwsResponse } from '../fixtures/aws-response.js';
import { IDP_KEY, SP_KEY } from '../fixtures/keys.js';
import type { SeedManifest } from './seed-set.js';

const dir = path.resolve('tests/fuzz/seeds');
mkdirSync(dir, { recursive: true });

const NOW = '2026-11-29T10:01:00Z';
const shapes: Record<string, () => Promise<string> | string> = {
  'assertion-signed': () => signedAwsResponse({ sign: { assertion: true, response: false } }),
  'response-and-assertion-signed': () => signedAwsResponse({ sign: { assertion: true, response: true } }),
  'response-signed': () => signedAwsResponse({ sign: { assertion: false, response: true } }),
  'response-signed-error-no-assertion': () => signedAwsResponse({ statusCode: 'urn:oasis:names:tc:SAML:2.0:status:Responder', statusMessage: 'No access', sign: { response: true } }),
  'response-signed-success-no-assertion': () => signedAwsResponse({ includeAssertion: false, sign: { response: true } }),
  'encrypted-assertion-signed': () => encryptAssertion(signedAwsResponse({ sign: { assertion: true, response: true } }), SP_KEY.certificatePem, { algorithm: 'aes256-cbc' }),
};

const manifest: SeedManifest = { now: NOW, idpCert: 'idp-cert.pem', spKey: 'sp-key.pem', seeds: [] };
writeFileSync(path.join(dir, manifest.idpCert), IDP_KEY.certificatePem);
writeFileSync(path.join(dir, manifest.spKey), SP_KEY.privateKeyPem);
for (const [name, make] of Object.entries(shapes)) {
  const file = `${name}.xml`;
  writeFileSync(path.join(dir, file), await make());
  manifest.seeds.push({ id: name, file });
}
writeFileSync(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`wrote ${manifest.seeds.length} seeds to ${dir}`);
