/**
 * The workspace setup as main keeps it: what the user gave besides the message (IdP trust anchor,
 * SP metadata and settings, evaluation time, SP private key, instance snapshot). Everything is read
 * with the engine's own parsers when it is given, so a broken file is refused at once with the
 * parser's explanation instead of surfacing later as a puzzling finding.
 *
 * Memory only: nothing here is written to disk, and the SP key's PEM never leaves this module's
 * state except into the engine's AnalysisOptions.
 */
import type { EvaluateAt, SetupPatch } from '../ipc/contract.js';
import { DEFAULT_CLOCK_SKEW_SECONDS } from '../core/model/options.js';
import type { AnalysisSetup } from '../usecases/analysis-options.js';
import { readSnapshot, type GivenSnapshot } from '../usecases/setup-snapshot.js';
import { readIdpTrust, readSpKey, readSpMetadata, SetupError, type IdpTrust, type ParsedSpMetadata, type SpKey } from '../usecases/setup-texts.js';

export { SetupError };
export type IdpTrustSetting = IdpTrust;

export interface SetupState {
  /** Replaces the target profile's IdP metadata as trust anchor. */
  idpTrust?: IdpTrustSetting;
  /** Wins over the target profile's SP settings; typed values win over it. */
  spMetadata?: ParsedSpMetadata;
  /** Typed SP settings (trimmed, never empty). */
  sp: { entityId?: string; acsUrl?: string };
  evaluateAt: EvaluateAt;
  clockSkewSeconds: number;
  spKey?: SpKey;
  /** Replaces the selected target profile's own snapshot (or live instance). */
  snapshot?: GivenSnapshot;
}

export function initialSetup(): SetupState {
  return { sp: {}, evaluateAt: { mode: 'now' }, clockSkewSeconds: DEFAULT_CLOCK_SKEW_SECONDS };
}

/** The setup as the analysis use case reads it (everything already parsed). */
export function analysisSetupOf(setup: SetupState): AnalysisSetup {
  return {
    idpTrust: setup.idpTrust ? [setup.idpTrust] : [],
    ...(setup.spMetadata ? { spMetadata: setup.spMetadata } : {}),
    sp: { ...setup.sp },
    spKeys: setup.spKey ? [{ pem: setup.spKey.pem, origin: setup.spKey.origin }] : [],
    evaluateAt: setup.evaluateAt,
    clockSkewSeconds: setup.clockSkewSeconds,
    profile: 'auto',
  };
}

function trimmed(value: string | null | undefined): string | undefined {
  const t = value?.trim();
  return t ? t : undefined;
}

/**
 * The setup after `patch`. Every given text is parsed before anything changes, so a patch that
 * fails leaves the setup as it was.
 */
export function applySetupPatch(state: SetupState, patch: SetupPatch): SetupState {
  const next: SetupState = { ...state, sp: { ...state.sp } };
  const set = <K extends 'idpTrust' | 'spMetadata' | 'spKey' | 'snapshot'>(key: K, value: SetupState[K] | undefined): void => {
    if (value === undefined) delete next[key];
    else next[key] = value;
  };
  if (patch.idpTrust !== undefined) set('idpTrust', patch.idpTrust === null ? undefined : readIdpTrust(patch.idpTrust));
  if (patch.spMetadata !== undefined) set('spMetadata', patch.spMetadata === null ? undefined : readSpMetadata(patch.spMetadata));
  if (patch.spKey !== undefined) set('spKey', patch.spKey === null ? undefined : readSpKey(patch.spKey));
  if (patch.snapshot !== undefined) set('snapshot', patch.snapshot === null ? undefined : readSnapshot(patch.snapshot));
  if (patch.sp) {
    for (const key of ['entityId', 'acsUrl'] as const) {
      if (!(key in patch.sp)) continue;
      const value = trimmed(patch.sp[key]);
      if (value === undefined) delete next.sp[key];
      else next.sp[key] = value;
    }
  }
  if (patch.evaluateAt) {
    if (patch.evaluateAt.mode === 'custom' && Number.isNaN(Date.parse(patch.evaluateAt.instant))) {
      throw new SetupError(`"${patch.evaluateAt.instant}" is not a date-time; write it like 2025-01-31T12:00:00Z.`);
    }
    next.evaluateAt = patch.evaluateAt;
  }
  if (patch.clockSkewSeconds !== undefined) next.clockSkewSeconds = patch.clockSkewSeconds;
  return next;
}
