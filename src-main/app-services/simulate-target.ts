/**
 * The desktop app's live-instance reader for the simulation use case: secrets from `env:NAME` references
 * (the app's environment) and `keychain:NAME` references (the app's secret store).
 */
import { EnvSecretResolver, SchemeSecretResolver, SecretError, type SecretResolver } from '../connectors/secrets.js';
import { liveInstanceReader } from '../connectors/live-instance-reader.js';
import type { LiveInstanceReader } from '../usecases/ports.js';
import type { Clock, SecretStore } from './ports.js';

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

export function appLiveReader(secrets: SecretStore, env: Record<string, string | undefined>, now: Clock): LiveInstanceReader {
  return liveInstanceReader(new SchemeSecretResolver({ env: new EnvSecretResolver(env), keychain: keychainResolver(secrets) }), now);
}
