/**
 * Runs the JIT simulation of the workspace's login against a resolved target profile: the snapshot
 * file, or a read-only capture of the live instance limited to the users this login can match.
 */
import { captureLiveSnapshot } from '../connectors/live-snapshot.js';
import { EnvSecretResolver, SchemeSecretResolver, SecretError, type SecretResolver } from '../connectors/secrets.js';
import { simulateLogin } from '../core/jit/simulate-login.js';
import type { SimulationResult } from '../core/jit/simulation-types.js';
import type { InstanceSnapshot } from '../core/jit/snapshot-schema.js';
import type { MessageResult } from '../core/model/message.js';
import type { AnalysisResult } from '../core/model/result.js';
import type { SecretStore } from './ports.js';
import type { ResolvedTarget } from './target-profiles.js';

/** The login to simulate: the last Response of the workspace (in a captured flow, the one that logged in). */
export function loginResponse(results: readonly AnalysisResult[]): MessageResult | undefined {
  const responses = results.flatMap((r) => r.messages).filter((m) => m.type === 'Response');
  return responses[responses.length - 1];
}

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

/** Who the live capture should look up: the NameID and every short single value the response carries (usernames, e-mails). */
export function lookupCandidates(message: MessageResult): string[] {
  const values = new Set<string>();
  if (message.subject?.nameId) values.add(message.subject.nameId.trim());
  for (const a of message.attributes) {
    if (a.values.length === 1 && a.values[0] && a.values[0].length <= 255) values.add(a.values[0].trim());
  }
  return [...values].filter((v) => v !== '').slice(0, 10);
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
        users: lookupCandidates(message),
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
