/**
 * Runs the JIT simulation of the workspace's login against a resolved target profile: the snapshot
 * file, or a read-only capture of the live instance limited to the users this login can match.
 */
import { captureLiveSnapshot } from '../connectors/live-snapshot.js';
import { EnvSecretResolver, SchemeSecretResolver, SecretError, type SecretResolver } from '../connectors/secrets.js';
import { simulateLogin } from '../core/jit/simulate-login.js';
import type { SimulationResult } from '../core/jit/simulation-types.js';
import { liveLookupCandidates, loginResponse } from '../core/jit/login-response.js';
import type { InstanceSnapshot } from '../core/jit/snapshot-schema.js';
import type { AnalysisResult } from '../core/model/result.js';
import type { SecretStore } from './ports.js';
import type { ResolvedTarget } from './target-profiles.js';

export { loginResponse } from '../core/jit/login-response.js';

/** `keychain:NAME` → the secret stored under NAME in the app's secret store. */
export function keychainResolver(secrets: SecretStore): SecretResolver {
  return {
    async resolve(ref) {
      const name = ref.replace(/^keychain:/, '');
      const value = await secrets.get(name);
      if (value === undefined) throw new SecretError(`No secret named "${name}" is saved in samlscope (referenced as ${ref}). Save it in the target profile's details first.`);
      return value;
    },
  };
}

export interface SimulationDeps {
  secrets: SecretStore;
  env: Record<string, string | undefined>;
  now: () => Date;
}

export type SimulationOutcome = { simulation: SimulationResult } | { simulationError: string };

export async function simulateTarget(results: readonly AnalysisResult[], target: ResolvedTarget, deps: SimulationDeps): Promise<SimulationOutcome> {
  const message = loginResponse(results);
  if (!message) return { simulationError: 'The input holds no SAML Response, so there is no login to simulate.' };
  let snapshot: InstanceSnapshot | undefined = target.snapshot;
  if (!snapshot && 'live' in target.profile.instance) {
    try {
      const live = await captureLiveSnapshot({
        product: target.profile.product,
        live: target.profile.instance.live,
        secrets: new SchemeSecretResolver({ env: new EnvSecretResolver(deps.env), keychain: keychainResolver(deps.secrets) }),
        users: liveLookupCandidates(message),
        now: deps.now,
      });
      snapshot = live.snapshot;
    } catch (error) {
      return { simulationError: `The live instance of ${target.summary.name} could not be read: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  if (!snapshot) return { simulationError: `The target profile ${target.summary.name} has no snapshot or live instance.` };
  return { simulation: simulateLogin(message, target.profile, snapshot) };
}
