/**
 * How the workspace setup and per-analysis options combine. An analysis may carry its own options
 * (the demo case's reference time, a saved workspace's settings, an API caller's request): they
 * apply to that analysis on top of the setup. When the user then changes a setting, the setting
 * they touched takes effect, so the analysis's own value for it is dropped.
 */
import type { AnalyzeRequestOptions, SetupPatch } from '../ipc/contract.js';

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
