/** Factories for JIT simulation tests: MessageResult shapes and the example profiles and snapshots. */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../../../src-main/core/model/finding.js';
import type { MessageResult, SignatureStatus } from '../../../src-main/core/model/message.js';
import type { InstanceSnapshot } from '../../../src-main/core/jit/snapshot-schema.js';
import type { TargetProfile } from '../../../src-main/core/jit/target-profile-schema.js';
import { loadTargetProfile } from '../../../src-main/io/target-profile.js';

export const EXAMPLES = fileURLToPath(new URL('../../../assets/examples', import.meta.url));
export const DEMO = fileURLToPath(new URL('../../../assets/demo', import.meta.url));

export const GROUP_ID_A = '93670a8e2c-4b1d2f6e-1a2b-4c3d-8e9f-0a1b2c3d4e5f';
export const GROUP_ID_B = '93670a8e2c-77d0c1e2-5f6a-4b7c-9d8e-1f2a3b4c5d6e';

export interface MessageSpec {
  nameId?: string | null;
  attributes?: Record<string, string[]>;
  signature?: SignatureStatus;
  findings?: Finding[];
  type?: MessageResult['type'];
}

/** A Response as analyze() would report it, with only the fields the simulation reads filled in. */
export function makeMessage(spec: MessageSpec = {}): MessageResult {
  const status = spec.signature ?? 'valid';
  const verified = status === 'valid';
  const message: MessageResult = {
    index: 0,
    type: spec.type ?? 'Response',
    binding: 'HTTP-POST',
    verdict: verified ? 'pass' : 'fail',
    signature: {
      status,
      signedElements: verified ? ['Response', 'Assertion'] : [],
      signedPaths: verified ? ['/Response'] : [],
      rejectedSignedPaths: verified || status === 'unsigned' ? [] : ['/Response'],
      signatures: status === 'unsigned' ? [] : [{ location: '/Response/Signature', parent: 'Response', referenceUri: '#_r', transforms: [], accepted: verified, cryptoValid: verified, ...(verified ? {} : { problem: 'digest mismatch' }) }],
      keyInfoCertificates: [],
    },
    subjectConfirmations: [],
    attributes: Object.entries(spec.attributes ?? {}).map(([name, values]) => ({ name, values, verified })),
    findings: spec.findings ?? [],
    xml: '<Response/>',
  };
  if (spec.nameId !== null) message.subject = { nameId: spec.nameId ?? 'jane.doe@example.com', verified };
  return message;
}

/** The Jira demo response's identity: username, display name, e-mail, and optional groups. */
export function jiraAttributes(overrides: Record<string, string[] | undefined> = {}): Record<string, string[]> {
  const base: Record<string, string[] | undefined> = {
    username: ['jdoe'],
    displayName: ['Jane Doe'],
    email: ['jane.doe@example.com'],
    groups: ['jira-software-users', 'developers', 'project-alpha'],
    ...overrides,
  };
  return Object.fromEntries(Object.entries(base).filter((e): e is [string, string[]] => e[1] !== undefined));
}

export interface Example {
  profile: TargetProfile;
  snapshot: InstanceSnapshot;
}

const cache = new Map<string, Example>();

/** Loads assets/examples/<name>/profile.yaml and its snapshot; returns deep copies tests may modify. */
export async function loadExample(name: 'jira-atlassian-sso' | 'confluence-resolution' | 'bitbucket-atlassian-sso' | 'bamboo-resolution'): Promise<Example> {
  let ex = cache.get(name);
  if (!ex) {
    const loaded = await loadTargetProfile(resolve(EXAMPLES, name, 'profile.yaml'));
    if (!loaded.snapshot) throw new Error(`${name} has no snapshot`);
    ex = { profile: loaded.profile, snapshot: loaded.snapshot };
    cache.set(name, ex);
  }
  return structuredClone(ex);
}

export function ids(findings: readonly Finding[]): string[] {
  return findings.map((f) => f.id);
}

export function finding(findings: readonly Finding[], id: string): Finding {
  const f = findings.find((x) => x.id === id);
  if (!f) throw new Error(`no ${id} in ${ids(findings).join(', ') || '(none)'}`);
  return f;
}
