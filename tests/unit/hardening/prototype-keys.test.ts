/**
 * Names from the analysed input that are also Object.prototype members (`constructor`, `toString`,
 * `__proto__`, …) must behave like any other unknown name: no crash, no "function Object() { [native code] }"
 * in a message, and the same outcome as for an ordinary name nobody has heard of.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src-main/core/analyze.js';
import { describeDifference } from '../../../src-main/core/checks/url-difference.js';
import { decodeEntities } from '../../../src-main/core/flow/page-text.js';
import type { AnalysisResult } from '../../../src-main/core/model/result.js';
import { defaultOptions } from '../../../src-main/core/model/options.js';
import { redactAnalysis } from '../../../src-main/core/report/redact.js';
import { recogniseAwsExport } from '../../../src-main/core/userbase/aws-exports.js';
import { predictUserBase } from '../../../src-main/core/userbase/predict.js';
import { buildAwsResponse, defaultAttributes, signXml, toPostBinding, type AwsResponseOptions } from '../../fixtures/aws-response.js';
import { IDP_KEY } from '../../fixtures/keys.js';
import { atlassianSso, inputs } from '../userbase/fixtures.js';

const NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];
const ORDINARY = 'zzunknownname';
const NOW = new Date('2026-11-29T10:01:00Z');

/** One AWS-shaped, signed response whose NameID Format, status codes, an attribute and an extra element carry `name`. */
function response(name: string, what: 'format' | 'status' | 'attribute' | 'element'): string {
  const opts: AwsResponseOptions = {};
  if (what === 'format') opts.nameIdFormat = name;
  if (what === 'status') Object.assign(opts, { statusCode: name, secondLevelStatusCode: name, statusMessage: 'refused' });
  if (what === 'attribute' || what === 'element') opts.attributes = [...defaultAttributes(), { name, values: ['value'] }, { name: `urn:oid:${name}`, values: ['v'] }];
  let xml = buildAwsResponse(opts);
  if (what === 'element') xml = xml.replace('<saml2:AttributeValue', `<x:${name} xmlns:x="urn:example:ext" ID="${name}">text</x:${name}><saml2:AttributeValue`);
  return signXml(xml, IDP_KEY, { response: true, assertion: xml.includes('<saml2:Assertion ') });
}

async function analyseResponse(xml: string): Promise<AnalysisResult> {
  const options = defaultOptions(NOW, { trustedCertificates: [{ pem: IDP_KEY.certificatePem, source: 'idp-cert', origin: 'idp.pem' }] });
  return analyze({ source: 'response.txt', content: toPostBinding(xml) }, options);
}

/** Finding ids and messages, with the name replaced so two runs can be compared. */
function outcome(result: AnalysisResult, name: string): string[] {
  const all = [...result.findings, ...result.messages.flatMap((m) => m.findings)];
  return all.map((f) => `${f.id}: ${f.message.split(name).join('NAME')}`).sort();
}

function expectNoPrototypeText(value: unknown): void {
  const text = JSON.stringify(value);
  expect(text).not.toContain('[native code]');
  expect(text).not.toMatch(/function \w*\(/);
}

describe('input names that are Object.prototype members', () => {
  describe.each(['format', 'status', 'attribute', 'element'] as const)('analyze(): a %s named like one', (what) => {
    it.each(NAMES)('%s: no crash, no prototype text, the same outcome as an ordinary unknown name', async (name) => {
      const ordinary = await analyseResponse(response(ORDINARY, what));
      const result = await analyseResponse(response(name, what));
      expectNoPrototypeText(result);
      expect(outcome(result, name)).toEqual(outcome(ordinary, ORDINARY));
      // The report redaction walks the same XML (element and attribute names are looked up in its tables).
      const redacted = redactAnalysis([result]);
      const redactedOrdinary = redactAnalysis([ordinary]);
      expectNoPrototypeText(redacted.results);
      const xml = redacted.results[0]!.messages[0]!.xml ?? '';
      const ordinaryXml = redactedOrdinary.results[0]!.messages[0]!.xml ?? '';
      expect(xml.includes('[removed') || xml.includes('«')).toBe(ordinaryXml.includes('[removed') || ordinaryXml.includes('«'));
      expect(xml.split(name).length).toBe(ordinaryXml.split(ORDINARY).length);
    });
  });

  it.each(NAMES)('the answer-page decoder leaves &%s; as it is', (name) => {
    expect(decodeEntities(`a &${name}; b &amp; c`)).toBe(`a &${name}; b & c`);
  });

  // `__proto__` is no URL scheme at all (no underscore in a scheme); the others are well-formed ones.
  it.each(NAMES.filter((n) => n !== '__proto__'))('URL comparison with a %s: scheme', (name) => {
    const expected = `https://jira.example.com/plugins/servlet/samlconsumer`;
    const d = describeDifference(`${name}://jira.example.com/plugins/servlet/samlconsumer`, expected);
    const o = describeDifference(`${ORDINARY}://jira.example.com/plugins/servlet/samlconsumer`, expected);
    expectNoPrototypeText(d);
    expect(d?.kinds).toEqual(o?.kinds);
    expect(d?.nearMiss).toEqual(o?.nearMiss);
  });

  it('a group mapping file and AWS groups named constructor / __proto__ map like any other group', () => {
    // Written by hand: an object literal's __proto__ key would set its prototype, not make an entry.
    const text = '{"groupMapping": {"constructor": ["x"], "__proto__": ["y"], "zzunknownname": ["z"]}}';
    const parsed = recogniseAwsExport('mapping.json', text);
    if (!parsed.ok || parsed.value.kind !== 'group-mapping') throw new Error(JSON.stringify(parsed));
    const mapping = parsed.value.mapping;
    expect(Object.entries(mapping).sort()).toEqual([['__proto__', ['y']], ['constructor', ['x']], [ORDINARY, ['z']]]);

    const base = inputs(atlassianSso());
    const groups = ['constructor', '__proto__', ORDINARY, 'toString'].map((n, i) => ({ GroupId: `g-${i}`, DisplayName: n }));
    const prediction = predictUserBase({
      ...base,
      groups: [...(base.groups ?? []), ...groups],
      memberships: [...(base.memberships ?? []), ...groups.map((g) => ({ GroupId: g.GroupId, MemberId: { UserId: 'id-jdoe' } }))],
      groupMapping: mapping,
    });
    if (!prediction) throw new Error('stopped');
    expectNoPrototypeText(prediction);
    const jdoe = prediction.users.find((u) => u.awsUserName === 'jdoe')!;
    expect(jdoe.expectedGroups).toEqual(expect.arrayContaining(['x', 'y', 'z']));
    // toString has no mapping: unmapped, like any unknown group; the mapped ones are not.
    const notes = prediction.notes.join(' ');
    expect(notes).toContain('"toString"');
    expect(notes).not.toContain('"constructor"');
    expect(notes).not.toContain('"__proto__"');
  });
});
