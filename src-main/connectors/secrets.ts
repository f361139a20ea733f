/**
 * Secrets are referenced from profiles, never stored in them: `env:NAME` (an environment variable)
 * or `keychain:NAME` (the OS keychain, which only the desktop app reads; it injects its resolver).
 * Errors name the reference, never the value.
 */
import type { LiveAuth } from '../core/jit/target-profile-schema.js';
import type { HttpAuth } from './http-client.js';
import { ownValue } from '../core/model/own.js';

export interface SecretResolver {
  /** The secret a reference such as `env:JIRA_TOKEN` points at; throws SecretError when it cannot. */
  resolve(ref: string): Promise<string>;
}

export class SecretError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretError';
  }
}

const REF = /^(env|keychain):([A-Za-z_][A-Za-z0-9_.-]*)$/;

function splitRef(ref: string): { scheme: 'env' | 'keychain'; name: string } {
  const m = REF.exec(ref);
  if (!m) throw new SecretError(`"${ref}" is not a secret reference; write env:NAME (environment variable) or keychain:NAME (OS keychain, desktop app).`);
  return { scheme: m[1] as 'env' | 'keychain', name: m[2] as string };
}

/** Resolves `env:NAME` from the given environment (a copy, so tests and the CLI pass their own). */
export class EnvSecretResolver implements SecretResolver {
  constructor(private readonly env: Record<string, string | undefined>) {}

  async resolve(ref: string): Promise<string> {
    const { scheme, name } = splitRef(ref);
    if (scheme !== 'env') throw new SecretError(`${ref} is not an environment-variable reference (env:NAME).`);
    const value = ownValue(this.env, name);
    if (value === undefined) {
      throw new SecretError(`The environment variable ${name} (referenced as ${ref}) is not set. Set it in the shell that runs samlscope, e.g. read -rs ${name} && export ${name}.`);
    }
    if (value.trim() === '') throw new SecretError(`The environment variable ${name} (referenced as ${ref}) is set but empty.`);
    return value;
  }
}

/** Dispatches on the scheme: `env:` to the env resolver, `keychain:` to the injected keychain resolver (desktop app). */
export class SchemeSecretResolver implements SecretResolver {
  constructor(private readonly resolvers: { env: SecretResolver; keychain?: SecretResolver }) {}

  async resolve(ref: string): Promise<string> {
    const { scheme, name } = splitRef(ref);
    if (scheme === 'env') return this.resolvers.env.resolve(ref);
    if (this.resolvers.keychain) return this.resolvers.keychain.resolve(ref);
    throw new SecretError(
      `${ref} refers to the OS keychain, which only the samlscope desktop app can read. On the command line, put the secret in an ` +
        `environment variable and reference it as env:NAME in the profile (e.g. tokenRef: env:${name.toUpperCase().replace(/[^A-Z0-9_]/g, '_')}).`,
    );
  }
}

/** The CLI's resolver: environment variables only; keychain references get an explanation. */
export function cliSecretResolver(env: Record<string, string | undefined>): SecretResolver {
  return new SchemeSecretResolver({ env: new EnvSecretResolver(env) });
}

/** The profile's auth section with its references resolved. */
export async function resolveLiveAuth(auth: LiveAuth, secrets: SecretResolver): Promise<HttpAuth> {
  if (auth.type === 'pat') return { type: 'pat', token: await secrets.resolve(auth.tokenRef) };
  return { type: 'basic', username: await secrets.resolve(auth.usernameRef), password: await secrets.resolve(auth.passwordRef) };
}
