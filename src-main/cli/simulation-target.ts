/**
 * What `simulate` and `report --target` share: loading a target profile with a snapshot, using the profile's IdP
 * metadata (the trust anchor) and SP settings for the analysis, and simulating the login (the last Response).
 */
import { simulateLogin } from '../core/jit/simulate-login.js';
import type { InstanceSnapshot } from '../core/jit/snapshot-schema.js';
import type { SimulationResult } from '../core/jit/simulation-types.js';
import type { MessageResult } from '../core/model/message.js';
import type { AnalysisResult } from '../core/model/result.js';
import { liveLookupCandidates, loginResponse } from '../core/jit/login-response.js';
import { captureLiveSnapshot } from '../connectors/live-snapshot.js';
import { cliSecretResolver } from '../connectors/secrets.js';
import { loadTargetProfile, TargetFileError, type LoadedTarget } from '../io/target-profile.js';
import type { AnalysisArgValues } from './analysis-args.js';
import type { CliIo } from './command.js';

/** A loaded profile; `snapshot` is absent when the profile names a live instance (read when the login is known). */
export type SimulationTarget = LoadedTarget;

/**
 * Loads `--target PROFILE` (`--snapshot FILE` overrides its instance). Problems are printed for `command` and
 * give `undefined`.
 */
export async function loadSimulationTarget(io: CliIo, command: string, target: string, snapshot: string | undefined): Promise<SimulationTarget | undefined> {
  try {
    return await loadTargetProfile(target, snapshot ? { cwd: io.cwd, snapshotOverride: snapshot } : { cwd: io.cwd });
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

/**
 * The snapshot to simulate against: the profile's (or --snapshot) file, or a read-only capture of the live
 * instance limited to the users this login can match, with secrets from environment variables.
 */
export async function snapshotFor(target: SimulationTarget, io: CliIo, message?: MessageResult): Promise<{ snapshot: InstanceSnapshot } | { error: string }> {
  if (target.snapshot) return { snapshot: target.snapshot };
  const instance = target.profile.instance;
  if (!('live' in instance)) return { error: 'the profile has neither a snapshot nor a live instance.' };
  if (!message) return { error: 'a live instance is read only for the users of one login: give a SAML Response, or take a snapshot first (samlscope snapshot).' };
  try {
    const live = await captureLiveSnapshot({
      product: target.profile.product,
      live: instance.live,
      secrets: cliSecretResolver(io.env),
      users: liveLookupCandidates(message),
      now: io.now,
    });
    return { snapshot: live.snapshot };
  } catch (error) {
    return { error: `the live instance ${instance.live.baseUrl} could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Simulates the login (the last Response) against the target, or says why it cannot. */
export async function simulateLoginOf(results: readonly AnalysisResult[], target: SimulationTarget, io: CliIo): Promise<{ simulation: SimulationResult; message: MessageResult } | { error: string }> {
  const message = loginResponse(results);
  if (!message) {
    return { error: results.flatMap((r) => r.findings.map((f) => f.message)).join(' ') || 'it contains no SAML Response.' };
  }
  const source = await snapshotFor(target, io, message);
  if ('error' in source) return source;
  return { simulation: simulateLogin(message, target.profile, source.snapshot), message };
}
