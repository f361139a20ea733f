import { readFile } from 'node:fs/promises';
import type { ParseArgsConfig } from 'node:util';
import type { AnalyzeInput } from '../core/model/input.js';
import type { AnalysisOptions, SpPrivateKey } from '../core/model/options.js';
import { DEFAULT_CLOCK_SKEW_SECONDS } from '../core/model/options.js';
import type { TrustedCertificate } from '../core/model/certificate.js';
import { parseIdpMetadata } from '../core/metadata/idp-metadata.js';
import { parseSpMetadata } from '../core/metadata/sp-metadata.js';
import { certificatePemFromBase64, parsePemCertificates } from '../core/metadata/pem.js';
import { UsageError, type CliIo } from './command.js';
import { readInputs } from './read-inputs.js';
import { resolve } from 'node:path';

/** The flags every command that analyses messages shares (analyze, report, simulate). */
export const ANALYSIS_ARG_SPEC = {
  'idp-metadata': { type: 'string' },
  'idp-cert': { type: 'string', multiple: true },
  'sp-key': { type: 'string', multiple: true },
  'sp-metadata': { type: 'string' },
  'sp-entity-id': { type: 'string' },
  'acs-url': { type: 'string' },
  'authn-request': { type: 'string' },
  now: { type: 'string' },
  'clock-skew': { type: 'string' },
  profile: { type: 'string' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

export interface AnalysisArgValues {
  'idp-metadata'?: string;
  'idp-cert'?: string[];
  'sp-key'?: string[];
  'sp-metadata'?: string;
  'sp-entity-id'?: string;
  'acs-url'?: string;
  'authn-request'?: string;
  now?: string;
  'clock-skew'?: string;
  profile?: string;
}

async function readText(io: CliIo, path: string, flag: string): Promise<string> {
  try {
    return await readFile(resolve(io.cwd, path), 'utf8');
  } catch (error) {
    throw new UsageError(`${flag} ${path}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Parses `--now`: an ISO-8601 instant with a time zone, so a report never depends on the machine's zone. */
export function parseNow(value: string | undefined, io: CliIo): Date {
  if (value === undefined) return io.now();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value)) {
    throw new UsageError(`--now ${value}: expected an ISO-8601 instant with a time zone, e.g. 2026-11-29T10:00:00Z`);
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new UsageError(`--now ${value}: not a valid date`);
  return date;
}

/** Builds AnalysisOptions from the shared flags, reading every referenced file. */
export async function loadAnalysisOptions(values: AnalysisArgValues, io: CliIo): Promise<AnalysisOptions> {
  const trusted: TrustedCertificate[] = [];
  const options: AnalysisOptions = {
    trustedCertificates: trusted,
    sp: {},
    spPrivateKeys: [],
    now: parseNow(values.now, io),
    nowIsExplicit: values.now !== undefined,
    clockSkewSeconds: DEFAULT_CLOCK_SKEW_SECONDS,
    profile: 'auto',
  };
  const metadataPath = values['idp-metadata'];
  if (metadataPath) {
    const text = await readText(io, metadataPath, '--idp-metadata');
    try {
      options.idpMetadata = parseIdpMetadata(text);
    } catch (error) {
      throw new UsageError(`--idp-metadata ${metadataPath}: ${describe(error)}`);
    }
    for (const body of options.idpMetadata.signingCertificates) {
      trusted.push({ pem: certificatePemFromBase64(body), source: 'idp-metadata', origin: metadataPath });
    }
  }
  for (const path of values['idp-cert'] ?? []) {
    const text = await readText(io, path, '--idp-cert');
    let pems: string[];
    try {
      pems = parsePemCertificates(text);
    } catch (error) {
      throw new UsageError(`--idp-cert ${path}: ${describe(error)}`);
    }
    for (const pem of pems) trusted.push({ pem, source: 'idp-cert', origin: path });
  }
  for (const path of values['sp-key'] ?? []) {
    const pem = await readText(io, path, '--sp-key');
    if (!/-----BEGIN (RSA |ENCRYPTED )?PRIVATE KEY-----/.test(pem)) throw new UsageError(`--sp-key ${path}: not a PEM private key`);
    options.spPrivateKeys.push({ pem, origin: path } satisfies SpPrivateKey);
  }
  const spMetadataPath = values['sp-metadata'];
  if (spMetadataPath) {
    const text = await readText(io, spMetadataPath, '--sp-metadata');
    try {
      options.spMetadata = parseSpMetadata(text);
    } catch (error) {
      throw new UsageError(`--sp-metadata ${spMetadataPath}: ${describe(error)}`);
    }
  }
  if (values['sp-entity-id']) options.sp.entityId = values['sp-entity-id'];
  if (values['acs-url']) options.sp.acsUrl = values['acs-url'];
  if (values['authn-request']) {
    const value = values['authn-request'];
    // A path to a file, or the request itself (URL, base64, XML).
    options.authnRequest = /^[<]|^https?:|SAMLRequest=|^[A-Za-z0-9+/=\s]{40,}$/.test(value) ? value : await readText(io, value, '--authn-request');
  }
  if (values['clock-skew'] !== undefined) {
    const skew = Number(values['clock-skew']);
    if (!Number.isInteger(skew) || skew < 0 || skew > 86_400) throw new UsageError(`--clock-skew ${values['clock-skew']}: expected whole seconds between 0 and 86400`);
    options.clockSkewSeconds = skew;
  }
  if (values.profile !== undefined) {
    if (values.profile !== 'aws' && values.profile !== 'generic' && values.profile !== 'auto') throw new UsageError(`--profile ${values.profile}: expected aws, generic or auto`);
    options.profile = values.profile;
  }
  return options;
}

/** Everything a run of analyze (or report) works on. */
export async function loadAnalysisRun(values: AnalysisArgValues, positionals: string[], io: CliIo): Promise<{ inputs: AnalyzeInput[]; options: AnalysisOptions }> {
  if (positionals.length === 0) throw new UsageError('give at least one INPUT (a file, a folder, or - for standard input)');
  const options = await loadAnalysisOptions(values, io);
  const inputs = await readInputs(positionals, io);
  return { inputs, options };
}
