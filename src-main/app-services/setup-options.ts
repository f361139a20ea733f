/**
 * How the workspace setup and per-analysis options combine. An analysis may carry its own options
 * (the demo case's reference time, a saved workspace's settings, an API caller's request): they
 * apply to that analysis on top of the setup. When the user then changes a setting, the setting
 * they touched takes effect, so the analysis's own value for it is dropped.
 */
import type { AnalyzeRequestOptions, SetupPatch } from '../ipc/contract.js';
import type { SetupExtras } from './analysis-options.js';
import type { SetupState } from './setup-state.js';

/** The setup in the request form `buildAnalysisOptions` reads (the instant is resolved separately). */
export function setupRequestOptions(setup: SetupState): AnalyzeRequestOptions {
  const out: AnalyzeRequestOptions = { clockSkewSeconds: setup.clockSkewSeconds };
  if (setup.idpTrust?.kind === 'metadata') out.idpMetadataXml = setup.idpTrust.text;
  if (setup.idpTrust?.kind === 'certificate') out.idpCertificatePem = setup.idpTrust.text;
  if (setup.sp.entityId || setup.sp.acsUrl) out.sp = { ...setup.sp };
  return out;
}

/** What the setup adds that the request form cannot carry. */
export function setupExtras(setup: SetupState, idpOrigin: string | undefined): SetupExtras {
  const extras: SetupExtras = {};
  if (setup.spMetadata) extras.spMetadata = setup.spMetadata;
  if (setup.spKey) extras.spPrivateKeys = [{ pem: setup.spKey.pem, origin: setup.spKey.origin }];
  if (idpOrigin) extras.idpOrigin = idpOrigin;
  return extras;
}

/** `overlay` on top of `base`; a trust anchor in the overlay replaces the base's (one source at a time). */
export function mergeRequestOptions(base: AnalyzeRequestOptions, overlay: AnalyzeRequestOptions | undefined): AnalyzeRequestOptions {
  if (!overlay) return base;
  const out: AnalyzeRequestOptions = { ...base, ...overlay };
  if (overlay.idpMetadataXml || overlay.idpCertificatePem) {
    if (!overlay.idpMetadataXml) delete out.idpMetadataXml;
    if (!overlay.idpCertificatePem) delete out.idpCertificatePem;
  }
  if (base.sp || overlay.sp) out.sp = { ...base.sp, ...overlay.sp };
  return out;
}

/** The analysis's own options without those the patch sets; `undefined` when nothing is left. */
export function dropTouched(overlay: AnalyzeRequestOptions | undefined, patch: SetupPatch): AnalyzeRequestOptions | undefined {
  if (!overlay) return undefined;
  const out: AnalyzeRequestOptions = { ...overlay };
  if (patch.idpTrust !== undefined) {
    delete out.idpMetadataXml;
    delete out.idpCertificatePem;
  }
  if (patch.evaluateAt !== undefined) delete out.now;
  if (patch.clockSkewSeconds !== undefined) delete out.clockSkewSeconds;
  if (patch.sp && out.sp) {
    const sp = { ...out.sp };
    if ('entityId' in patch.sp) delete sp.entityId;
    if ('acsUrl' in patch.sp) delete sp.acsUrl;
    if (sp.entityId || sp.acsUrl) out.sp = sp;
    else delete out.sp;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
