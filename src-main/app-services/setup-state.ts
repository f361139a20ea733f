/**
 * The workspace setup as main keeps it: what the user gave besides the message (IdP trust anchor,
 * SP metadata and settings, evaluation time, SP private key, instance snapshot). Everything is read
 * with the engine's own parsers when it is given, so a broken file is refused at once with the
 * parser's explanation instead of surfacing later as a puzzling finding.
 *
 * Memory only: nothing here is written to disk, and the SP key's PEM never leaves this module's
 * state except into the engine's AnalysisOptions.
 */
import { createPrivateKey } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import type { EvaluateAt, SetupPatch, SetupText } from '../ipc/contract.js';
import { parseInstanceSnapshot, type InstanceSnapshot } from '../core/jit/snapshot-schema.js';
import { parseIdpMetadata } from '../core/metadata/idp-metadata.js';
import { parsePemCertificates } from '../core/metadata/pem.js';
import { parseSpMetadata } from '../core/metadata/sp-metadata.js';
import { DEFAULT_CLOCK_SKEW_SECONDS, type IdpMetadata, type SpMetadata } from '../core/model/options.js';

export type IdpTrustSetting =
  | { kind: 'metadata'; text: string; metadata: IdpMetadata; origin: string }
  | { kind: 'certificate'; text: string; pems: string[]; origin: string };

export interface SetupState {
  /** Replaces the target profile's IdP metadata as trust anchor. */
  idpTrust?: IdpTrustSetting;
  /** Wins over the target profile's SP settings; typed values win over it. */
  spMetadata?: { metadata: SpMetadata; origin: string };
  /** Typed SP settings (trimmed, never empty). */
  sp: { entityId?: string; acsUrl?: string };
  evaluateAt: EvaluateAt;
  clockSkewSeconds: number;
  spKey?: { pem: string; origin: string; description: string };
  /** Replaces the selected target profile's own snapshot (or live instance). */
  snapshot?: { snapshot: InstanceSnapshot; origin: string };
}

/** A setting that cannot be used; the message says what was expected and what the parser found. */
export class SetupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SetupError';
  }
}

export function initialSetup(): SetupState {
  return { sp: {}, evaluateAt: { mode: 'now' }, clockSkewSeconds: DEFAULT_CLOCK_SKEW_SECONDS };
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function originOf(given: SetupText): string {
  return given.name?.trim() || 'Pasted text';
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** XML is metadata; anything else must be PEM certificate(s) (or a bare base64 certificate body). */
export function readIdpTrust(given: SetupText): IdpTrustSetting {
  const text = stripBom(given.text).trim();
  const origin = originOf(given);
  if (text.startsWith('<')) {
    try {
      return { kind: 'metadata', text, metadata: parseIdpMetadata(text), origin };
    } catch (error) {
      throw new SetupError(`${origin} cannot be used as IdP metadata: ${reason(error)}`, { cause: error });
    }
  }
  try {
    return { kind: 'certificate', text, pems: parsePemCertificates(text), origin };
  } catch (error) {
    throw new SetupError(`${origin} cannot be used as the IdP certificate: ${reason(error)}`, { cause: error });
  }
}

export function readSpMetadata(given: SetupText): NonNullable<SetupState['spMetadata']> {
  const origin = originOf(given);
  try {
    return { metadata: parseSpMetadata(stripBom(given.text).trim()), origin };
  } catch (error) {
    throw new SetupError(`${origin} cannot be used as SP metadata: ${reason(error)}`, { cause: error });
  }
}

const KEY_BLOCK = /-----BEGIN ((?:RSA |EC |ENCRYPTED )?PRIVATE KEY)-----[\s\S]*?-----END \1-----/;

/** `RSA 2048`, `EC prime256v1`: enough to recognise the key, nothing that reveals it. */
function describeKey(pem: string): string {
  const key = createPrivateKey(pem);
  const details = key.asymmetricKeyDetails ?? {};
  const type = (key.asymmetricKeyType ?? 'unknown').toUpperCase();
  if (details.modulusLength) return `${type} ${details.modulusLength}`;
  if (details.namedCurve) return `${type} ${details.namedCurve}`;
  return type;
}

/** Only the key block is kept: a combined PEM file's certificate is the SP's own, not an IdP trust anchor. */
export function readSpKey(given: SetupText): NonNullable<SetupState['spKey']> {
  const origin = originOf(given);
  const block = KEY_BLOCK.exec(stripBom(given.text));
  if (!block) throw new SetupError(`${origin} holds no PEM private key (-----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----).`);
  if (block[1] === 'ENCRYPTED PRIVATE KEY') {
    throw new SetupError(`${origin} is protected by a passphrase. Export it without one for samlscope (openssl pkey -in key.pem -out plain-key.pem); it stays in memory only.`);
  }
  const pem = `${block[0]}\n`;
  try {
    return { pem, origin, description: describeKey(pem) };
  } catch (error) {
    throw new SetupError(`${origin} is not a readable private key: ${reason(error)}`, { cause: error });
  }
}

/** JSON, or YAML when the file name says so (snapshots written by hand often are). */
export function readSnapshot(given: SetupText): NonNullable<SetupState['snapshot']> {
  const origin = originOf(given);
  const yaml = /\.ya?ml$/i.test(given.name ?? '');
  let data: unknown;
  try {
    data = yaml ? parseYaml(stripBom(given.text)) : JSON.parse(stripBom(given.text));
  } catch (error) {
    throw new SetupError(`${origin} is not valid ${yaml ? 'YAML' : 'JSON'}: ${reason(error)}`, { cause: error });
  }
  const parsed = parseInstanceSnapshot(data);
  if (!parsed.ok) throw new SetupError(`${origin} is not a valid instance snapshot:\n${parsed.errors.join('\n')}`);
  return { snapshot: parsed.value, origin };
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
