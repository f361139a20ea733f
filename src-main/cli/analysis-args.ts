import type { ParseArgsConfig } from 'node:util';
import type { AnalyzeInput } from '../core/model/input.js';
import { emptySetup, type AnalysisSetup } from '../usecases/analysis-options.js';
import { readIdpMetadata, readIdpTrust, readSpKey, readSpMetadata, SetupError, type GivenText } from '../usecases/setup-texts.js';
import { nodeTextFiles } from '../io/node-text-files.js';
import { UsageError, type CliIo } from './command.js';
import { readInputs } from './read-inputs.js';

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

/** Metadata, certificates and keys are small; anything bigger is the wrong file. */
const MAX_SETTING_BYTES = 16 * 1024 * 1024;

async function readText(io: CliIo, path: string, flag: string): Promise<string> {
  try {
    return await nodeTextFiles(io.cwd).readText(path, MAX_SETTING_BYTES);
  } catch (error) {
    throw new UsageError(`${flag} ${path}: cannot read the file (${(error as Error).message})`);
  }
}

/** Reads `path` and parses it with the shared setup reader; its refusal becomes a usage error naming the flag. */
async function readSetting<T>(io: CliIo, path: string, flag: string, read: (given: GivenText) => T): Promise<T> {
  const text = await readText(io, path, flag);
  try {
    return read({ text, name: path });
  } catch (error) {
    if (error instanceof SetupError) throw new UsageError(`${flag} ${error.message}`);
    throw error;
  }
}

/** Parses `--now`: an ISO-8601 instant with a time zone, so a report never depends on the machine's zone. */
export function parseNow(value: string, flag = '--now'): Date {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value)) {
    throw new UsageError(`${flag} ${value}: expected an ISO-8601 instant with a time zone, e.g. 2026-11-29T10:00:00Z`);
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new UsageError(`${flag} ${value}: not a valid date`);
  return date;
}

/** The shared flags as the use cases' setup, every referenced file read and parsed once. */
export async function loadAnalysisSetup(values: AnalysisArgValues, io: CliIo): Promise<AnalysisSetup> {
  const setup = emptySetup();
  if (values.now !== undefined) setup.evaluateAt = { mode: 'custom', instant: parseNow(values.now).toISOString() };
  const metadataPath = values['idp-metadata'];
  if (metadataPath) setup.idpTrust.push(await readSetting(io, metadataPath, '--idp-metadata', readIdpMetadata));
  for (const path of values['idp-cert'] ?? []) setup.idpTrust.push(await readSetting(io, path, '--idp-cert', readIdpTrust));
  for (const path of values['sp-key'] ?? []) setup.spKeys.push(await readSetting(io, path, '--sp-key', readSpKey));
  const spMetadataPath = values['sp-metadata'];
  if (spMetadataPath) setup.spMetadata = await readSetting(io, spMetadataPath, '--sp-metadata', readSpMetadata);
  if (values['sp-entity-id']) setup.sp.entityId = values['sp-entity-id'];
  if (values['acs-url']) setup.sp.acsUrl = values['acs-url'];
  if (values['authn-request']) {
    const value = values['authn-request'];
    // A path to a file, or the request itself (URL, base64, XML).
    setup.authnRequest = /^[<]|^https?:|SAMLRequest=|^[A-Za-z0-9+/=\s]{40,}$/.test(value) ? value : await readText(io, value, '--authn-request');
  }
  if (values['clock-skew'] !== undefined) {
    const skew = Number(values['clock-skew']);
    if (!Number.isInteger(skew) || skew < 0 || skew > 86_400) throw new UsageError(`--clock-skew ${values['clock-skew']}: expected whole seconds between 0 and 86400`);
    setup.clockSkewSeconds = skew;
  }
  if (values.profile !== undefined) {
    if (values.profile !== 'aws' && values.profile !== 'generic' && values.profile !== 'auto') throw new UsageError(`--profile ${values.profile}: expected aws, generic or auto`);
    setup.profile = values.profile;
  }
  return setup;
}

/** Everything a run of analyze (or report) works on. */
export async function loadAnalysisRun(values: AnalysisArgValues, positionals: string[], io: CliIo): Promise<{ inputs: AnalyzeInput[]; setup: AnalysisSetup }> {
  if (positionals.length === 0) throw new UsageError('give at least one INPUT (a file, a folder, or - for standard input)');
  const setup = await loadAnalysisSetup(values, io);
  const inputs = await readInputs(positionals, io);
  return { inputs, setup };
}
