/**
 * The setup as the renderer sees it (`WorkspaceSetup`): read back from the AnalysisOptions the
 * engine actually used, so the Setup panel shows what the findings were judged against. Secrets
 * never appear: the SP key is described (`RSA 2048`), the snapshot counted.
 */
import type { AnalyzeRequestOptions, EvaluateAt, WorkspaceSetup } from '../ipc/contract.js';
import { expectedAcsUrls, expectedSpEntityId } from '../core/checks/expected-values.js';
import type { CertificateInfo } from '../core/model/certificate.js';
import type { AnalysisOptions } from '../core/model/options.js';
import { describeCertificate } from '../core/signature/certificate-info.js';
import type { SetupState } from './setup-state.js';
import type { ResolvedTarget } from './target-profiles.js';

export interface SetupSummaryInput {
  setup: SetupState;
  /** The analysis's own options and who set them (`the demo case`). */
  overlay?: AnalyzeRequestOptions;
  overlayOrigin?: string;
  target?: ResolvedTarget;
  /** Why the selected target profile could not be read. */
  targetError?: string;
  /** The options the engine used. */
  options: AnalysisOptions;
  /** Set once a message was analysed. */
  effectiveNow?: Date;
  timeNote?: string;
}

function certificatesOf(options: AnalysisOptions): CertificateInfo[] {
  const out: CertificateInfo[] = [];
  for (const cert of options.trustedCertificates) {
    try {
      out.push(describeCertificate(cert.pem, cert.source));
    } catch {
      // The engine reports an unreadable trusted certificate as a finding; the summary lists the readable ones.
    }
  }
  return out;
}

function idpSummary(input: SetupSummaryInput): WorkspaceSetup['idp'] {
  const { overlay, setup, target, options } = input;
  const base = { certificates: certificatesOf(options), ...(options.idpMetadata ? { entityId: options.idpMetadata.entityId } : {}) };
  const overlayOrigin = input.overlayOrigin ?? 'this analysis';
  if (overlay?.idpMetadataXml) return { ...base, source: 'metadata', origin: overlayOrigin, userGiven: false };
  if (overlay?.idpCertificatePem) return { ...base, source: 'certificate', origin: overlayOrigin, userGiven: false };
  if (setup.idpTrust) return { ...base, source: setup.idpTrust.kind, origin: setup.idpTrust.origin, userGiven: true };
  if (target?.analysis.idpMetadata) return { ...base, source: 'profile', origin: target.analysis.idpMetadataOrigin ?? target.summary.name, userGiven: false };
  return { ...base, source: 'none', userGiven: false, ...(input.targetError ? { problem: input.targetError } : {}) };
}

function spSummary(input: SetupSummaryInput): WorkspaceSetup['sp'] {
  const { setup, overlay, target, options } = input;
  const entityId = expectedSpEntityId(options);
  const sp: WorkspaceSetup['sp'] = {
    acsUrls: expectedAcsUrls(options),
    overrides: { ...setup.sp, ...overlay?.sp },
    profile: { ...(target?.analysis.sp ?? {}) },
  };
  if (entityId) sp.entityId = entityId;
  if (setup.spMetadata) {
    const m = setup.spMetadata.metadata;
    sp.metadata = { entityId: m.entityId, acsUrls: m.assertionConsumerServices.map((a) => a.location), origin: setup.spMetadata.origin };
  }
  return sp;
}

function timeSummary(input: SetupSummaryInput): WorkspaceSetup['time'] {
  const { overlay, setup, options } = input;
  const evaluateAt: EvaluateAt = overlay?.now ? { mode: 'custom', instant: overlay.now } : setup.evaluateAt;
  const time: WorkspaceSetup['time'] = { evaluateAt, clockSkewSeconds: options.clockSkewSeconds };
  if (input.effectiveNow) time.effectiveNow = input.effectiveNow.toISOString();
  const note = overlay?.now ? `Set by ${input.overlayOrigin ?? 'this analysis'}; choose an option to replace it.` : input.timeNote;
  if (note) time.note = note;
  return time;
}

function snapshotUse(setup: SetupState, target: ResolvedTarget | undefined): string {
  const snapshot = setup.snapshot?.snapshot;
  if (!target) return 'Not used yet: pick a target profile to simulate logins against this snapshot.';
  const own = 'live' in target.profile.instance ? 'live instance' : 'snapshot';
  const mismatch = snapshot && snapshot.product !== target.profile.product ? ` It is from ${snapshot.product}, the profile targets ${target.profile.product}: results may not apply.` : '';
  return `Used instead of the ${own} of ${target.summary.name}.${mismatch}`;
}

export function summarizeSetup(input: SetupSummaryInput): WorkspaceSetup {
  const { setup } = input;
  const summary: WorkspaceSetup = {
    idp: idpSummary(input),
    sp: spSummary(input),
    time: timeSummary(input),
    spKey: setup.spKey ? { loaded: true, description: setup.spKey.description, origin: setup.spKey.origin } : { loaded: false },
  };
  if (setup.snapshot) {
    const s = setup.snapshot.snapshot;
    summary.snapshot = { origin: setup.snapshot.origin, product: s.product, capturedAt: s.capturedAt, users: s.users.length, use: snapshotUse(setup, input.target) };
  }
  return summary;
}

/** The free-text origins (file names) in a summary, in a fixed order, for presentation-mode sweeping. */
export function setupOrigins(setup: WorkspaceSetup): string[] {
  return [setup.idp.origin ?? '', setup.sp.metadata?.origin ?? '', setup.spKey.loaded ? setup.spKey.origin : '', setup.snapshot?.origin ?? ''];
}

/** The summary with its origins replaced by `origins` (same order as `setupOrigins`). */
export function withSetupOrigins(setup: WorkspaceSetup, origins: readonly string[]): WorkspaceSetup {
  const [idp, spMetadata, spKey, snapshot] = origins;
  const out: WorkspaceSetup = { ...setup, idp: { ...setup.idp }, sp: { ...setup.sp } };
  if (setup.idp.origin !== undefined) out.idp.origin = idp ?? '';
  if (setup.sp.metadata) out.sp.metadata = { ...setup.sp.metadata, origin: spMetadata ?? '' };
  if (setup.spKey.loaded) out.spKey = { ...setup.spKey, origin: spKey ?? '' };
  if (setup.snapshot) out.snapshot = { ...setup.snapshot, origin: snapshot ?? '' };
  return out;
}
