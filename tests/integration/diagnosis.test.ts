/**
 * Diagnosis end to end (issue 3, "Tests and evidence"): AWS-shaped responses, signed as AWS signs them,
 * go through `analyze` with the SP's settings and the application's IdP metadata. Each misconfiguration
 * must raise its finding id with the expected verdict, and nothing else may raise an error or warning
 * except aws.groups-not-sent, which every correct AWS setup gets.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src-main/core/analyze.js';
import { parseIdpMetadata } from '../../src-main/core/metadata/idp-metadata.js';
import { certificatePemFromBase64 } from '../../src-main/core/metadata/pem.js';
import type { AnalysisOptions, AnalysisResult, Finding, MessageResult, Verdict } from '../../src-main/core/model/index.js';
import { defaultOptions } from '../../src-main/core/model/options.js';
import {
  DEFAULTS,
  NAMEID_FORMAT,
  awsIdpMetadata,
  awsIssuer,
  buildAuthnRequest,
  buildAwsResponse,
  encryptAssertion,
  signXml,
  signedAwsResponse,
  toPostBinding,
  type SignedAwsResponseOptions,
} from '../fixtures/aws-response.js';
import { IDP_KEY, ROTATED_IDP_KEY, SP_KEY, makeKeyPair, type TestKeyPair } from '../fixtures/keys.js';

const NOW = new Date(DEFAULTS.issueInstant.getTime() + 30_000);
const minutes = (n: number) => new Date(DEFAULTS.issueInstant.getTime() + n * 60_000);

/** The options a support agent gives: the AWS application's metadata (its certificates trusted) and Jira's SP settings. */
function options(overrides: Partial<AnalysisOptions> = {}, metadataCerts: TestKeyPair[] = [IDP_KEY]): AnalysisOptions {
  const idpMetadata = parseIdpMetadata(awsIdpMetadata({ certificates: metadataCerts.map((k) => k.certificateBase64) }));
  return defaultOptions(NOW, {
    idpMetadata,
    trustedCertificates: idpMetadata.signingCertificates.map((b64) => ({ pem: certificatePemFromBase64(b64), source: 'idp-metadata' as const, origin: 'aws-metadata.xml' })),
    sp: { entityId: DEFAULTS.audience, acsUrl: DEFAULTS.acsUrl },
    ...overrides,
  });
}

async function diagnose(xml: string, opts: AnalysisOptions = options()): Promise<{ result: AnalysisResult; message: MessageResult }> {
  const result = await analyze({ source: 'test', content: toPostBinding(xml) }, opts);
  const message = result.messages[0];
  if (!message) throw new Error(`no message: ${JSON.stringify(result.findings.map((f) => f.id))}`);
  return { result, message };
}

function allFindings(result: AnalysisResult): Finding[] {
  return [...result.findings, ...result.messages.flatMap((m) => m.findings)];
}

/** Error and warning ids, sorted and unique: what must match a scenario exactly. */
function problemIds(result: AnalysisResult): string[] {
  return [...new Set(allFindings(result).filter((f) => f.severity !== 'info').map((f) => f.id))].sort();
}

function summary(result: AnalysisResult): string {
  return JSON.stringify(allFindings(result).map((f) => `${f.severity}:${f.id}`));
}

interface Scenario {
  name: string;
  build: () => Promise<{ xml: string; opts?: AnalysisOptions }>;
  /** The finding under test. */
  id: string;
  verdict: Verdict;
  /** Every error/warning expected, besides aws.groups-not-sent (added automatically unless `groups` is false). */
  problems: string[];
  groups?: boolean;
}

const signed = (opts: SignedAwsResponseOptions = {}) => signedAwsResponse(opts);
const withKey = (key: TestKeyPair) => options({}, [key]);

const SCENARIOS: Scenario[] = [
  {
    name: 'status.failure: AWS "No access"',
    build: async () => ({ xml: signed({ statusCode: 'urn:oasis:names:tc:SAML:2.0:status:Responder', secondLevelStatusCode: 'urn:oasis:names:tc:SAML:2.0:status:RequestDenied', statusMessage: 'No access' }) }),
    id: 'status.failure',
    verdict: 'fail',
    problems: ['status.failure'],
    groups: false,
  },
  {
    name: 'issuer.mismatch: another application of the same account',
    build: async () => ({ xml: signed({ instanceId: 'ins-00000000000000aa' }) }),
    id: 'issuer.mismatch',
    verdict: 'fail',
    problems: ['issuer.mismatch'],
  },
  {
    name: 'destination.mismatch and recipient.mismatch: http instead of https',
    build: async () => ({ xml: signed({ acsUrl: DEFAULTS.acsUrl.replace('https:', 'http:') }) }),
    id: 'destination.mismatch',
    verdict: 'fail',
    problems: ['destination.mismatch', 'recipient.mismatch'],
  },
  {
    name: 'recipient.mismatch alone: another path on the same host',
    build: async () => ({ xml: signed({ recipient: 'https://jira.example.com/plugins/servlet/samlsso' }) }),
    id: 'recipient.mismatch',
    verdict: 'fail',
    problems: ['recipient.mismatch'],
  },
  {
    name: 'audience.mismatch: trailing slash',
    build: async () => ({ xml: signed({ audience: `${DEFAULTS.audience}/` }) }),
    id: 'audience.mismatch',
    verdict: 'fail',
    problems: ['audience.mismatch'],
  },
  {
    name: 'time.expired: analysed two hours later',
    build: async () => ({ xml: signed(), opts: options({ now: minutes(120) }) }),
    id: 'time.expired',
    verdict: 'fail',
    problems: ['time.expired'],
  },
  {
    name: 'time.not-yet-valid: SP clock 15 minutes behind',
    build: async () => ({ xml: signed(), opts: options({ now: minutes(-15) }) }),
    id: 'time.not-yet-valid',
    verdict: 'fail',
    problems: ['time.not-yet-valid'],
  },
  {
    name: 'flow.in-response-to-mismatch: answers another request',
    build: async () => ({ xml: signed({ inResponseTo: '_request-B' }), opts: options({ authnRequest: toPostBinding(buildAuthnRequest({ id: '_request-A' })) }) }),
    id: 'flow.in-response-to-mismatch',
    verdict: 'fail',
    problems: ['flow.in-response-to-mismatch'],
  },
  {
    name: 'flow.unsolicited: AWS portal tile (information only)',
    build: async () => ({ xml: signed() }),
    id: 'flow.unsolicited',
    verdict: 'warn',
    problems: [],
  },
  {
    name: 'subject.confirmation: no bearer confirmation',
    build: async () => ({ xml: signXml(buildAwsResponse().replace(':cm:bearer', ':cm:sender-vouches'), IDP_KEY, { response: true, assertion: true }) }),
    id: 'subject.confirmation',
    verdict: 'fail',
    problems: ['subject.confirmation'],
  },
  {
    name: 'nameid.format-mismatch: SP asks for persistent',
    build: async () => ({
      xml: signed({ inResponseTo: '_request-A' }),
      opts: options({ authnRequest: toPostBinding(buildAuthnRequest({ id: '_request-A', nameIdPolicyFormat: NAMEID_FORMAT.persistent })) }),
    }),
    id: 'nameid.format-mismatch',
    verdict: 'warn',
    problems: ['nameid.format-mismatch'],
  },
  {
    name: 'assertion.encrypted: decrypted with the SP key (information only)',
    build: async () => ({
      xml: await encryptAssertion(signed(), SP_KEY.certificatePem),
      opts: options({ spPrivateKeys: [{ pem: SP_KEY.privateKeyPem, origin: 'sp-key.pem' }] }),
    }),
    id: 'assertion.encrypted',
    verdict: 'warn',
    problems: [],
  },
  {
    name: 'cert.expired',
    build: async () => {
      const key = makeKeyPair({ label: 'diag-expired', notBefore: new Date('2020-01-01T00:00:00Z'), notAfter: new Date('2025-01-01T00:00:00Z') });
      return { xml: signed({ key }), opts: withKey(key) };
    },
    id: 'cert.expired',
    verdict: 'warn',
    problems: ['cert.expired'],
  },
  {
    name: 'cert.expiring: within 90 days',
    build: async () => {
      const key = makeKeyPair({ label: 'diag-expiring', notBefore: new Date('2022-01-15T00:00:00Z'), notAfter: new Date('2027-01-15T00:00:00Z') });
      return { xml: signed({ key }), opts: withKey(key) };
    },
    id: 'cert.expiring',
    verdict: 'warn',
    problems: ['cert.expiring'],
  },
  {
    name: 'cert.weak-key: 1024-bit RSA',
    build: async () => {
      const key = makeKeyPair({ label: 'diag-weak', bits: 1024 });
      return { xml: signed({ key }), opts: withKey(key) };
    },
    id: 'cert.weak-key',
    verdict: 'warn',
    // The signature module also flags the short key on the signature itself.
    problems: ['cert.weak-key', 'signature.weak-algorithm'],
  },
  {
    name: 'cert.rotation: AWS signs with a new certificate the SP does not have yet',
    build: async () => ({ xml: signed({ key: ROTATED_IDP_KEY }) }),
    id: 'cert.rotation',
    verdict: 'fail',
    problems: ['cert.rotation', 'signature.untrusted-key'],
  },
  {
    name: 'aws.groups-are-ids: ${user:groups}',
    build: async () => ({
      xml: signed({ attributes: [{ name: 'email', values: [DEFAULTS.nameId] }, { name: 'groups', values: ['4478b4b8-d001-7026-61d3-ad652a11b0db', 'b4e8f4a8-4041-70c2-5d2e-1b6c0a3f9e11'] }] }),
    }),
    id: 'aws.groups-are-ids',
    verdict: 'warn',
    problems: ['aws.groups-are-ids'],
    groups: false,
  },
  {
    name: 'aws.empty-attribute-statement: no mappings',
    build: async () => ({ xml: signed({ attributes: null }) }),
    id: 'aws.empty-attribute-statement',
    verdict: 'warn',
    problems: ['aws.empty-attribute-statement'],
  },
  {
    name: 'aws.nameid-format-unsupported: entity format',
    build: async () => ({ xml: signed({ nameIdFormat: NAMEID_FORMAT.entity }) }),
    id: 'aws.nameid-format-unsupported',
    verdict: 'warn',
    problems: ['aws.nameid-format-unsupported'],
  },
  {
    name: 'aws.unresolved-variable: ${user:mail}',
    build: async () => ({ xml: signed({ attributes: [{ name: 'email', values: ['${user:mail}'] }, { name: 'displayName', values: ['Jane Doe'] }] }) }),
    id: 'aws.unresolved-variable',
    verdict: 'fail',
    problems: ['aws.unresolved-variable'],
  },
  {
    name: 'aws.attribute-name-suspicious: "Email "',
    build: async () => ({ xml: signed({ attributes: [{ name: 'Email ', values: [DEFAULTS.nameId] }, { name: 'displayName', values: ['Jane Doe'] }] }) }),
    id: 'aws.attribute-name-suspicious',
    verdict: 'warn',
    problems: ['aws.attribute-name-suspicious'],
  },
];

describe('diagnosis of a correct AWS IAM Identity Center → Jira setup', () => {
  it('passes every check but aws.groups-not-sent, decodes the issuer and annotates the attributes', async () => {
    const { result, message } = await diagnose(signed());
    expect(problemIds(result), summary(result)).toEqual(['aws.groups-not-sent']);
    expect(message.verdict).toBe('warn');
    expect(message.signature.status).toBe('valid');
    expect(result.context).toMatchObject({ profile: 'aws', aws: { region: 'eu-west-1', accountId: '123456789012', applicationInstanceId: 'ins-3f5a2b1c4d6e7f80' } });
    expect(message.attributes.map((a) => a.likelyAwsSource)).toEqual(['${user:email}', '${user:givenName}', '${user:familyName}', '${user:name}']);
  });

  it('has no flow.unsolicited for an SP-initiated login answering the given request', async () => {
    const { result } = await diagnose(signed({ inResponseTo: '_request-A' }), options({ authnRequest: toPostBinding(buildAuthnRequest({ id: '_request-A' })) }));
    expect(allFindings(result).map((f) => f.id), summary(result)).toEqual(['aws.groups-not-sent']);
  });
});

describe('diagnosis of misconfigurations', () => {
  it.each(SCENARIOS)('$name', async (scenario) => {
    const { xml, opts } = await scenario.build();
    const { result, message } = await diagnose(xml, opts ?? options());
    const found = allFindings(result);
    const finding = found.find((f) => f.id === scenario.id);
    expect(finding, summary(result)).toBeDefined();
    expect(message.verdict, summary(result)).toBe(scenario.verdict);
    const expected = [...scenario.problems, ...(scenario.groups === false ? [] : ['aws.groups-not-sent'])].sort();
    expect(problemIds(result), summary(result)).toEqual([...new Set(expected)].sort());
    // Every finding tells the agent where to act.
    expect(finding!.evidence.length).toBeGreaterThan(0);
    expect(finding!.fix.summary).not.toBe('');
  });
});

describe('AWS issuer in an issuer mismatch', () => {
  it('names both application instances', async () => {
    const { message } = await diagnose(signed({ instanceId: 'ins-00000000000000aa' }));
    const f = message.findings.find((x) => x.id === 'issuer.mismatch')!;
    expect(f.message).toContain('ins-00000000000000aa');
    expect(f.message).toContain('ins-3f5a2b1c4d6e7f80');
    expect(f.fix.steps?.join(' ')).toContain(awsIssuer('eu-west-1', '123456789012', 'ins-00000000000000aa').replace('/assertion/', '/metadata/'));
  });
});
