/**
 * `simulateLogin`: what one SAML Response would do to the target instance. A response that is not
 * verified, or that the product would reject anyway, is never simulated as real: the outcome is
 * `fail`, and the engine's run is kept only as clearly marked hypothetical detail.
 */
import { decidesOrExplainsLogin, rejectsLogin, type FindingId } from '../findings/catalog.js';
import type { Finding } from '../model/finding.js';
import type { MessageResult } from '../model/message.js';
import type { EngineResult } from './engine-common.js';
import { simulateAtlassianSso, type EngineOptions } from './engine-atlassian-sso.js';
import { simulateResolution } from './engine-resolution.js';
import { factsFromMessage } from './login-facts.js';
import { indexSnapshot, type SnapshotIndex } from './snapshot-index.js';
import type { InstanceSnapshot } from './snapshot-schema.js';
import type { LoginFacts, SimulationResult, SimulationStep } from './simulation-types.js';
import type { TargetProfile } from './target-profile-schema.js';

export interface SimulateOptions extends EngineOptions {
  /** A prebuilt index of the same snapshot (bulk runs build it once). */
  index?: SnapshotIndex;
}

const indexes = new WeakMap<InstanceSnapshot, SnapshotIndex>();

/** The snapshot's lookup tables, built once per snapshot object. */
export function snapshotIndexFor(snapshot: InstanceSnapshot): SnapshotIndex {
  let index = indexes.get(snapshot);
  if (!index) {
    index = indexSnapshot(snapshot);
    indexes.set(snapshot, index);
  }
  return index;
}

/** Findings the "Verify the response" step already reports through the signature status. */
const SIGNATURE_STATUS_FINDINGS: ReadonlySet<FindingId> = new Set<FindingId>(['signature.missing', 'signature.invalid', 'signature.untrusted-key', 'signature.wrapping', 'signature.unsupported-algorithm']);

/** Findings that make the product reject the response before any provisioning, besides the signature status. */
function rejectingFindings(message: MessageResult): Finding[] {
  return message.findings.filter((f) => rejectsLogin(f) && !SIGNATURE_STATUS_FINDINGS.has(f.id));
}

/** Runs the profile's engine on identity facts. Shared by simulateLogin and simulateUserBase. */
export function runEngine(facts: LoginFacts, profile: TargetProfile, index: SnapshotIndex, options: EngineOptions = {}): EngineResult {
  const settings = profile.provisioning;
  return settings.engine === 'atlassian-sso'
    ? simulateAtlassianSso(facts, settings, index, profile.product, options)
    : simulateResolution(facts, settings, index, profile.product, options);
}

export function simulateLogin(message: MessageResult, profile: TargetProfile, snapshot: InstanceSnapshot, options: SimulateOptions = {}): SimulationResult {
  const engine = profile.provisioning.engine;
  const index = options.index ?? snapshotIndexFor(snapshot);
  const pre: Array<Omit<SimulationStep, 'n'>> = [];
  const verified = message.signature.status === 'valid';

  if (message.type !== 'Response') {
    return {
      engine,
      product: profile.product,
      outcome: 'fail',
      canLogIn: false,
      reason: `The message is a ${message.type}, not a Response: there is no login to simulate.`,
      username: null,
      verified,
      hypothetical: false,
      user: { before: null, after: null },
      groups: { before: [], after: [], added: [], removed: [], created: [] },
      steps: [{ n: 1, title: 'Message type', detail: `${message.type} carries no user identity.`, outcome: 'fail' }],
      findings: [],
      mappings: [],
    };
  }

  pre.push(
    verified
      ? { title: 'Verify the response', detail: `Signature verified with the trusted IdP certificate${message.signature.certificate ? ` ${message.signature.certificate.sha256Fingerprint}` : ''}.`, outcome: 'pass' }
      : { title: 'Verify the response', detail: `Signature status "${message.signature.status}": ${describeSignature(message)} The product rejects it; what follows is hypothetical.`, outcome: 'fail' },
  );
  const rejecting = rejectingFindings(message);
  if (rejecting.length > 0) {
    pre.push({ title: 'Product accepts the response', detail: `Rejected before provisioning: ${rejecting.map((f) => f.title).join('; ')}.`, outcome: 'fail' });
  }
  if (snapshot.product !== profile.product) {
    pre.push({ title: 'Snapshot', detail: `The snapshot is from ${snapshot.product}, the profile targets ${profile.product}; results may not apply.`, outcome: 'info' });
  }

  // findingIds and the account only serve bulk runs; the single-login result carries the findings and users themselves.
  const { findingIds: _ids, account: _account, ...result } = runEngine(factsFromMessage(message), profile, index, options);
  const hypothetical = !verified || rejecting.length > 0;
  if (result.outcome === 'create' && snapshot.source.usersIncluded === 'selected') {
    result.steps.push({ n: 0, title: 'Snapshot coverage', detail: 'The snapshot holds selected users only: the user may exist in the instance after all.', outcome: 'info', inferred: true });
  }
  const steps: SimulationStep[] = [
    ...pre.map((s, i) => ({ ...s, n: i + 1 })),
    ...result.steps.map((s, i) => {
      const step: SimulationStep = { ...s, n: pre.length + i + 1 };
      if (hypothetical) step.hypothetical = true;
      return step;
    }),
  ];

  const messageFindings = message.findings.filter(decidesOrExplainsLogin);
  const base = { engine, product: profile.product, verified, steps, messageFindings } as const;
  if (!hypothetical) {
    return { ...base, ...result, steps, hypothetical: false };
  }
  const reason = !verified
    ? `The response is not verified (signature ${message.signature.status}), so it is not simulated as a real login: the product would reject it.`
    : `The product rejects the response before provisioning: ${rejecting.map((f) => f.title).join('; ')}.`;
  const findings = result.findings.map((f) => ({ ...f, message: `If this response were accepted: ${f.message}` }));
  return {
    ...base,
    outcome: 'fail',
    canLogIn: false,
    reason,
    username: result.username,
    hypothetical: true,
    hypotheticalOutcome: { outcome: result.outcome, canLogIn: result.canLogIn, reason: result.reason },
    user: result.user,
    groups: result.groups,
    findings,
    mappings: result.mappings,
  };
}

function describeSignature(message: MessageResult): string {
  const problems = message.signature.signatures.map((s) => s.problem).filter((p): p is string => Boolean(p));
  switch (message.signature.status) {
    case 'unsigned':
      return 'nothing covering the assertion is signed.';
    case 'untrusted':
      return `it is signed with a certificate that is not the IdP's${problems.length ? ` (${problems.join('; ')})` : ''}.`;
    case 'invalid':
      return `the signature does not verify${problems.length ? ` (${problems.join('; ')})` : ''}.`;
    default:
      return '';
  }
}
