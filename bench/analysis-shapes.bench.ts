/**
 * Benchmark of the worst input shapes for the parser and the signature check, each analysed
 * end to end. Baseline: the same analysis of one ordinary AWS-shaped response (both signed), measured in the
 * same run. Target: every shape analysed in under 1 s (time is linear in the number of nodes).
 */
import { analyze } from '../src-main/core/analyze.js';
import { defaultOptions } from '../src-main/core/model/options.js';
import { DEFAULTS, signedAwsResponse } from '../tests/fixtures/aws-response.js';
import { IDP_KEY } from '../tests/fixtures/keys.js';
import { median } from './bench-util.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const LIMIT_CHARS = 2_000_000;
const options = defaultOptions(new Date(DEFAULTS.issueInstant.getTime() + 30_000), {
  trustedCertificates: [{ pem: IDP_KEY.certificatePem, source: 'idp-cert', origin: 'bench' }],
  sp: { entityId: DEFAULTS.audience, acsUrl: DEFAULTS.acsUrl },
});

const signed = signedAwsResponse();
/** Puts `content` inside the signed NameID, after its text: the signatures no longer verify, but everything is parsed and checked. */
const inNameId = (content: string) => signed.replace(/(<saml2:NameID[^>]*>[^<]*)/, `$1${content}`);
const padTo = (xml: string, chars: number) => xml.replace('</saml2p:Response>', `<!--${'x'.repeat(Math.max(0, chars - xml.length - 30))}--></saml2p:Response>`);

const shapes: Array<[string, string]> = [
  ['ordinary response (baseline)', signed],
  ['20,000 comments in the NameID', inNameId('<!---->'.repeat(20_000))],
  ['~50,000 elements (flat, in the NameID)', inNameId('<a/>'.repeat(49_000))],
  ['100,000 comments in the NameID', inNameId('<!---->'.repeat(100_000))],
  ['at the child limit: 9,900 comments in the NameID', inNameId('<!---->'.repeat(9_900))],
  ['at the node limit: 6,000 comments in each of 3 elements, signed', signedAwsResponse().replace(/(<saml2:Audience>[^<]*)/, `$1${'<!---->'.repeat(6_000)}`).replace(/(<saml2:NameID[^>]*>[^<]*)/, `$1${'<!---->'.repeat(6_000)}`).replace(/(<saml2:Issuer[^>]*>[^<]*)/, `$1${'<!---->'.repeat(6_000)}`)],
  ['100,000 comments, signed', signedAwsResponse({ nameId: 'jane.doe@example.com' }).replace('</saml2p:Response>', `${'<!---->'.repeat(100_000)}</saml2p:Response>`)],
  // Many siblings that each get a finding naming where they are (fuzzer seed 20261210, index 10568: 2.3 s before).
  ['9,000 unsigned Assertions beside the signed one', signed.replace(/(<\/saml2:Issuer>)/, `$1${'<saml2:Assertion xmlns:saml2="urn:oasis:names:tc:SAML:2.0:assertion" ID="x" Version="2.0"/>'.repeat(9_000)}`)],
  ['9,000 elements sharing one ID', signed.replace(/(<\/saml2:Issuer>)/, `$1${'<f:e xmlns:f="urn:fuzz" ID="dup"/>'.repeat(9_000)}`)],
  ['9,000 unexpected elements in a signature', signed.replace(/(<\/ds:SignedInfo>)/, `${'<f:e xmlns:f="urn:fuzz"/>'.repeat(9_000)}$1`)],
  ['size limit: one 2,000,000-character comment', padTo(signed, LIMIT_CHARS)],
  ['size limit: 2,000,000 characters of text nodes split by comments', inNameId('a<!---->'.repeat(Math.floor((LIMIT_CHARS - signed.length) / 8)))],
  ['size limit: 2,000,000 characters of attributes', inNameId(`<a ${Array.from({ length: 250 }, (_, i) => `a${i}="${'v'.repeat(30)}"`).join(' ')}/>`.repeat(Math.floor((LIMIT_CHARS - signed.length) / 9_300)))],
];

async function time(xml: string): Promise<{ ms: number; outcome: string }> {
  const started = performance.now();
  const result = await analyze({ source: 'bench', content: xml }, options);
  const ms = performance.now() - started;
  const m = result.messages[0];
  return { ms, outcome: m ? `${m.signature.status}, ${m.verdict}` : result.findings.map((f) => f.id).join(',') };
}

await time(signed); // warm-up: the first analysis in a process compiles the engine
console.log(`\nanalysis of hostile shapes: min/median/max of ${ROUNDS} runs; target each < 1000 ms`);
let baseline = 0;
let misses = 0;
for (const [name, xml] of shapes) {
  const runs: number[] = [];
  let outcome = '';
  for (let i = 0; i < ROUNDS; i++) ({ ms: runs[i], outcome } = await time(xml));
  const [min, med, max] = [Math.min(...runs), median(runs), Math.max(...runs)];
  if (name.endsWith('(baseline)')) baseline = med;
  const ok = max < 1000;
  if (!ok) misses++;
  console.log(`  ${name.padEnd(62)} ${(xml.length / 1000).toFixed(0).padStart(5)} KB  ${min.toFixed(0).padStart(5)}/${med.toFixed(0).padStart(5)}/${max.toFixed(0).padStart(5)} ms  ×${(med / baseline).toFixed(0).padStart(4)} baseline  ${ok ? 'OK' : 'MISS'}  (${outcome})`);
}
console.log(misses === 0 ? '  every shape under 1 s: OK' : `  ${misses} shape(s) over 1 s: MISS`);
