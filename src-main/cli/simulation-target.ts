/**
 * What `simulate` and `report --target` share: loading a target profile with a snapshot, using the profile's IdP
 * metadata (the trust anchor) and SP settings for the analysis, and simulating the login of the first Response.
 */
import { simulateLogin } from '../core/jit/simulate-login.js';
import type { InstanceSnapshot } from '../core/jit/snapshot-schema.js';
import type { SimulationResult } from '../core/jit/simulation-types.js';
import type { MessageResult } from '../core/model/message.js';
import type { AnalysisResult } from '../core/model/result.js';
import { loadTargetProfile, TargetFileError, type LoadedTarget } from '../io/target-profile.js';
import type { AnalysisArgValues } from './analysis-args.js';
import type { CliIo } from './command.js';

/** A loaded profile with the snapshot the simulation runs against. */
export type SimulationTarget = LoadedTarget & { snapshot: InstanceSnapshot };

/**
 * Loads `--target PROFILE` (`--snapshot FILE` overrides its instance). Problems are printed for `command` and
 * give `undefined`: a profile that cannot be read, or a live profile without a snapshot.
 */
export async function loadSimulationTarget(io: CliIo, command: string, target: string, snapshot: string | undefined): Promise<SimulationTarget | undefined> {
  try {
    const loaded = await loadTargetProfile(target, snapshot ? { cwd: io.cwd, snapshotOverride: snapshot } : { cwd: io.cwd });
    if (!loaded.snapshot) {
      io.stderr(`samlscope ${command}: the profile ${target} points at a live instance; run \`samlscope snapshot --target ${target} --out FILE\` first and pass --snapshot FILE.\n`);
      return undefined;
    }
    return { ...loaded, snapshot: loaded.snapshot };
  } catch (error) {
    if (error instanceof TargetFileError) {
      io.stderr(`samlscope ${command}: ${error.message}\n`);
      return undefined;
    }
    throw error;
  }
}

/**
 * The analysis flags with the profile's IdP metadata and SP settings filled in where the command line gives none:
 * the profile's IdP metadata is then the only trust anchor, and its SP settings are what the response must match.
 */
export function withTargetAnalysisValues(values: AnalysisArgValues, target: LoadedTarget): AnalysisArgValues {
  const out: AnalysisArgValues = { ...values };
  if (!out['idp-metadata'] && !(out['idp-cert']?.length)) out['idp-metadata'] = target.paths.idpMetadata;
  if (!out['sp-metadata'] && target.paths.spMetadata) out['sp-metadata'] = target.paths.spMetadata;
  if (!out['sp-entity-id'] && target.profile.sp.entityId) out['sp-entity-id'] = target.profile.sp.entityId;
  if (!out['acs-url'] && target.profile.sp.acsUrl) out['acs-url'] = target.profile.sp.acsUrl;
  return out;
}

/** The login to simulate: the first SAML Response, in input order. */
export function firstResponse(results: readonly AnalysisResult[]): MessageResult | undefined {
  for (const r of results) {
    const response = r.messages.find((m) => m.type === 'Response');
    if (response) return response;
  }
  return undefined;
}

/** Simulates the first Response's login against the target, or says why there is no Response to simulate. */
export function simulateFirstResponse(results: readonly AnalysisResult[], target: SimulationTarget): { simulation: SimulationResult; message: MessageResult } | { error: string } {
  const message = firstResponse(results);
  if (!message) {
    return { error: results.flatMap((r) => r.findings.map((f) => f.message)).join(' ') || 'it contains no SAML Response.' };
  }
  return { simulation: simulateLogin(message, target.profile, target.snapshot), message };
}
