/**
 * The analysis options, assembled in one place for both front doors: the parsed setup both doors build
 * from what a caller gives (the IPC request and saved workspace, validated by the one schema in
 * analysis-options-schema.ts, or the command line's files), and the one function that turns that setup
 * plus a target profile into the engine's AnalysisOptions.
 *
 * Precedence: what the user gave wins. IdP metadata or certificates given replace the target profile's
 * IdP metadata (the trust anchor is one source); SP metadata given replaces the profile's SP metadata and
 * SP settings; typed SP values win over everything.
 */
import type { TrustedCertificate } from '../core/model/certificate.js';
import { certificatePemFromBase64 } from '../core/metadata/pem.js';
import { DEFAULT_CLOCK_SKEW_SECONDS, type AnalysisOptions, type IdpMetadata, type SpMetadata, type SpPrivateKey } from '../core/model/options.js';
import { readIdpMetadata, readIdpTrust, type IdpTrust, type ParsedSpMetadata } from './setup-texts.js';
import type { AnalyzeRequestOptions, EvaluateAt } from './analysis-options-schema.js';

/** What a resolved target profile contributes to an analysis (parsed once, when the profile is read). */
export interface TargetAnalysisSettings {
  idpMetadata?: IdpMetadata;
  /** File the metadata came from, for evidence (`profile: idp.metadata (aws-metadata.xml)`). */
  idpMetadataOrigin?: string;
  spMetadata?: SpMetadata;
  sp: { entityId?: string; acsUrl?: string };
}

/** Everything the user set besides the message, parsed: what both doors hand to `buildAnalysisOptions`. */
export interface AnalysisSetup {
  /** Trust anchors given by the user; when empty, the target profile's IdP metadata is the trust anchor. */
  idpTrust: IdpTrust[];
  spMetadata?: ParsedSpMetadata;
  /** Typed SP settings; they win over SP metadata and the profile. */
  sp: { entityId?: string; acsUrl?: string };
  spKeys: SpPrivateKey[];
  evaluateAt: EvaluateAt;
  clockSkewSeconds: number;
  profile: 'auto' | 'aws' | 'generic';
  authnRequest?: string;
}

export function emptySetup(): AnalysisSetup {
  return { idpTrust: [], sp: {}, spKeys: [], evaluateAt: { mode: 'now' }, clockSkewSeconds: DEFAULT_CLOCK_SKEW_SECONDS, profile: 'auto' };
}

/**
 * The request options read into a partial setup, each text parsed here once. `origin` names who gave
 * them (`the saved workspace`), for evidence and the Setup panel.
 */
export function setupFromRequest(request: AnalyzeRequestOptions, origin: string): Partial<AnalysisSetup> {
  const out: Partial<AnalysisSetup> = {};
  const trust: IdpTrust[] = [];
  if (request.idpMetadataXml) trust.push(readIdpMetadata({ text: request.idpMetadataXml, name: `IdP metadata given in ${origin}` }));
  if (request.idpCertificatePem) trust.push(readIdpTrust({ text: request.idpCertificatePem, name: `IdP certificate given in ${origin}` }));
  if (trust.length > 0) out.idpTrust = trust;
  if (request.sp?.entityId || request.sp?.acsUrl) out.sp = { ...request.sp };
  if (request.now) out.evaluateAt = { mode: 'custom', instant: request.now };
  if (request.clockSkewSeconds !== undefined) out.clockSkewSeconds = request.clockSkewSeconds;
  if (request.profile) out.profile = request.profile;
  if (request.authnRequest) out.authnRequest = request.authnRequest;
  return out;
}

/** `overlay` on top of `base`: a trust anchor in the overlay replaces the base's (one source at a time); SP values merge. */
export function overlaySetup(base: AnalysisSetup, overlay: Partial<AnalysisSetup> | undefined): AnalysisSetup {
  if (!overlay) return base;
  const out: AnalysisSetup = { ...base, ...overlay, sp: { ...base.sp, ...overlay.sp } };
  if (!overlay.idpTrust?.length) out.idpTrust = base.idpTrust;
  return out;
}

/** The setup in the request form a saved workspace keeps (texts; never the SP key). */
export function requestOptionsOf(setup: AnalysisSetup, explicitNow: Date | undefined): AnalyzeRequestOptions {
  const out: AnalyzeRequestOptions = { clockSkewSeconds: setup.clockSkewSeconds };
  const metadata = setup.idpTrust.find((t) => t.kind === 'metadata');
  const certificates = setup.idpTrust.filter((t) => t.kind === 'certificate');
  if (metadata) out.idpMetadataXml = metadata.text;
  if (certificates.length > 0) out.idpCertificatePem = certificates.map((c) => c.text).join('\n');
  if (setup.sp.entityId || setup.sp.acsUrl) out.sp = { ...setup.sp };
  if (setup.profile !== 'auto') out.profile = setup.profile;
  if (setup.authnRequest) out.authnRequest = setup.authnRequest;
  if (explicitNow) out.now = explicitNow.toISOString();
  return out;
}

function trustOf(trust: IdpTrust): TrustedCertificate[] {
  if (trust.kind === 'certificate') return trust.pems.map((pem) => ({ pem, source: 'idp-cert', origin: trust.origin }));
  return trust.metadata.signingCertificates.map((body) => ({ pem: certificatePemFromBase64(body), source: 'idp-metadata', origin: trust.origin }));
}

function metadataTrust(metadata: IdpMetadata, origin: string): IdpTrust {
  return { kind: 'metadata', text: '', metadata, origin };
}

/** The instant and clock policy the setup asks for; `wallClock` is used when it names none. */
function clockOf(evaluateAt: EvaluateAt, wallClock: Date): Pick<AnalysisOptions, 'now' | 'nowIsExplicit' | 'clockPolicy'> {
  if (evaluateAt.mode === 'custom') return { now: new Date(evaluateAt.instant), nowIsExplicit: true };
  if (evaluateAt.mode === 'issue-instant') return { now: wallClock, nowIsExplicit: true, clockPolicy: 'issue-instant' };
  return { now: wallClock, nowIsExplicit: false };
}

/** The engine's options for one request: the setup over the target profile, judged at the setup's clock. */
export function buildAnalysisOptions(setup: AnalysisSetup, target: TargetAnalysisSettings | undefined, wallClock: Date): AnalysisOptions {
  const profileTrust = target?.idpMetadata ? [metadataTrust(target.idpMetadata, target.idpMetadataOrigin ?? 'target profile IdP metadata')] : [];
  const trust = setup.idpTrust.length > 0 ? setup.idpTrust : profileTrust;
  const options: AnalysisOptions = {
    trustedCertificates: trust.flatMap(trustOf),
    sp: { ...(setup.spMetadata ? {} : (target?.sp ?? {})) },
    spPrivateKeys: setup.spKeys.map((k) => ({ pem: k.pem, origin: k.origin })),
    clockSkewSeconds: setup.clockSkewSeconds,
    profile: setup.profile,
    ...clockOf(setup.evaluateAt, wallClock),
  };
  const idpMetadata = trust.find((t) => t.kind === 'metadata');
  if (idpMetadata?.kind === 'metadata') options.idpMetadata = idpMetadata.metadata;
  const spMetadata = setup.spMetadata?.metadata ?? target?.spMetadata;
  if (spMetadata) options.spMetadata = spMetadata;
  if (setup.sp.entityId) options.sp.entityId = setup.sp.entityId;
  if (setup.sp.acsUrl) options.sp.acsUrl = setup.sp.acsUrl;
  if (setup.authnRequest) options.authnRequest = setup.authnRequest;
  return options;
}
