/**
 * Issue 2 benchmark: samlscope's full analysis of N AWS-shaped responses (Response and Assertion both
 * signed) against @node-saml/node-saml's validatePostResponseAsync over the same base64 inputs, in one
 * process and one run. Baseline: node-saml. Target: ratio ≤ 1.0.
 */
import { SAML } from '@node-saml/node-saml';
import { analyze } from '../src-main/core/analyze.js';
import { defaultOptions } from '../src-main/core/model/options.js';
import { awsIssuer, signedAwsResponse, toPostBinding, DEFAULTS } from '../tests/fixtures/aws-response.js';
import { IDP_KEY } from '../tests/fixtures/keys.js';
import { median, printTable, ratio } from './bench-util.js';

const N = Number(process.env.BENCH_N ?? 400);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

const issueInstant = new Date(Date.now() - 30_000);
const inputs = Array.from({ length: N }, (_, i) =>
  toPostBinding(signedAwsResponse({ issueInstant, nameId: `user${i}@example.com`, responseId: `_r${i}`, assertionId: `_a${i}` })),
);

const options = defaultOptions(new Date(), {
  trustedCertificates: [{ pem: IDP_KEY.certificatePem, source: 'idp-cert', origin: 'bench' }],
  sp: { entityId: DEFAULTS.audience, acsUrl: DEFAULTS.acsUrl },
});
options.idpMetadata = { entityId: awsIssuer(), signingCertificates: [IDP_KEY.certificateBase64], ssoServices: [], sloServices: [], nameIdFormats: [] };

const saml = new SAML({
  idpCert: IDP_KEY.certificatePem,
  issuer: DEFAULTS.audience,
  audience: DEFAULTS.audience,
  callbackUrl: DEFAULTS.acsUrl,
  idpIssuer: awsIssuer(),
  wantAssertionsSigned: true,
  wantAuthnResponseSigned: true,
  acceptedClockSkewMs: 180_000,
  validateInResponseTo: 'never' as never,
});

async function runSamlscope(): Promise<number> {
  const start = performance.now();
  for (const content of inputs) {
    const result = await analyze({ source: 'bench', content }, options);
    if (result.messages[0]?.signature.status !== 'valid') throw new Error(`samlscope did not verify a bench response: ${JSON.stringify(result.messages[0]?.findings.map((f) => f.id))}`);
  }
  return performance.now() - start;
}

async function runNodeSaml(): Promise<number> {
  const start = performance.now();
  for (const SAMLResponse of inputs) {
    const { profile } = await saml.validatePostResponseAsync({ SAMLResponse });
    if (!profile) throw new Error('node-saml did not accept a bench response');
  }
  return performance.now() - start;
}

await runSamlscope();
await runNodeSaml();
const ours: number[] = [];
const theirs: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  // Alternate the order so neither side always runs on a warmer heap.
  if (round % 2 === 0) {
    ours.push(await runSamlscope());
    theirs.push(await runNodeSaml());
  } else {
    theirs.push(await runNodeSaml());
    ours.push(await runSamlscope());
  }
}
printTable(`analyze: ${N} AWS-shaped responses (Response + Assertion signed), median of ${ROUNDS} rounds`, [
  ['@node-saml/node-saml validatePostResponseAsync (baseline)', median(theirs)],
  ['samlscope analyze (full analysis)', median(ours)],
], ratio(median(ours), median(theirs)), 1.0);
