/**
 * Use case: read a target profile (YAML or JSON) and the files it names, for both front doors. Paths
 * inside a profile are relative to the profile file, so a profile and its snapshot can be moved or
 * attached together. Everything referenced is parsed here, once per content (TextMemo), and handed on
 * parsed: an analysis never re-reads metadata text.
 */
import { parse as parseYaml } from 'yaml';
import { parseInstanceSnapshot, type InstanceSnapshot } from '../core/jit/snapshot-schema.js';
import { parseTargetProfile, type TargetProfile } from '../core/jit/target-profile-schema.js';
import { parseIdpMetadata } from '../core/metadata/idp-metadata.js';
import { parseSpMetadata } from '../core/metadata/sp-metadata.js';
import type { TargetAnalysisSettings } from './analysis-options.js';
import type { TextFiles } from './ports.js';
import { stripBom } from './setup-texts.js';
import { TextMemo } from './text-memo.js';

/** Profiles and the metadata they reference are small; anything bigger is not one. */
export const MAX_PROFILE_BYTES = 1024 * 1024;
export const MAX_METADATA_BYTES = 4 * 1024 * 1024;
export const MAX_SNAPSHOT_BYTES = 512 * 1024 * 1024;

/** A file that could not be read or is not valid; `problems` has one `key.path: what is wrong` per line. */
export class TargetFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.length === 1 ? problems[0] : `\n  ${problems.join('\n  ')}`}`);
    this.name = 'TargetFileError';
  }
}

export interface LoadedTarget {
  profilePath: string;
  profile: TargetProfile;
  /** Paths of the files the profile names, resolved against the profile's folder. */
  paths: { idpMetadata: string; spMetadata?: string; snapshot?: string };
  /** The profile's IdP metadata (trust anchor) and SP settings, parsed; absent with `referencedFiles: 'resolve'`. */
  analysis?: TargetAnalysisSettings;
  /** Set when the profile's instance is a snapshot (or one was given instead), unless `referencedFiles: 'resolve'`. */
  snapshot?: InstanceSnapshot;
}

export interface LoadTargetOptions {
  /** Use this snapshot file instead of the profile's instance (relative to the adapter's working directory). */
  snapshotOverride?: string | undefined;
  /**
   * `read` (default): read the IdP/SP metadata and snapshot the profile names. `resolve`: validate the profile and
   * resolve those paths, read none of them (a live snapshot needs only instance.live).
   */
  referencedFiles?: 'read' | 'resolve';
  /** How evidence names the profile's IdP metadata (`Jira: idp.metadata (aws.xml)`); default the path. */
  label?: string;
}

function isJson(file: string): boolean {
  return /\.json$/i.test(file);
}

/** JSON for `.json`, YAML for anything else (YAML 1.2 also reads JSON). */
export function parseDataText(text: string, file: string): unknown {
  const body = stripBom(text);
  try {
    if (isJson(file)) return JSON.parse(body) as unknown;
    return parseYaml(body, { maxAliasCount: 100 }) as unknown;
  } catch (error) {
    throw new TargetFileError(file, [`not valid ${isJson(file) ? 'JSON' : 'YAML'}: ${(error as Error).message.split('\n')[0]}`]);
  }
}

type Outcome<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** Parsed once per content: profiles, metadata and snapshots are read on every request (edits show at once). */
const profileMemo = new TextMemo<Outcome<TargetProfile>>((text, file) => parseTargetProfile(parseDataText(text, file)));
const idpMetadataMemo = new TextMemo(parseIdpMetadata, 8);
const spMetadataMemo = new TextMemo(parseSpMetadata, 8);
const snapshotMemo = new TextMemo<Outcome<InstanceSnapshot>>((text, file) => parseInstanceSnapshot(parseDataText(text, file)), 8);

async function readText(files: TextFiles, file: string, what: string, maxBytes: number): Promise<string> {
  try {
    return await files.readText(file, maxBytes);
  } catch (error) {
    throw new TargetFileError(file, [`cannot read the ${what}: ${(error as Error).message}`]);
  }
}

/** Reads and validates a JSON or YAML data file with a parser that formats its own errors. */
export async function loadDataFile<T>(files: TextFiles, file: string, what: string, parse: (data: unknown) => Outcome<T>, maxBytes = MAX_SNAPSHOT_BYTES): Promise<T> {
  const parsed = parse(parseDataText(await readText(files, file, what, maxBytes), file));
  if (!parsed.ok) throw new TargetFileError(file, parsed.errors);
  return parsed.value;
}

/** `kind`: memo key; the file's extension decides JSON or YAML. */
function memoKey(file: string): string {
  return isJson(file) ? 'x.json' : 'x.yaml';
}

/** Reads and validates a snapshot file. */
export async function loadSnapshotFile(files: TextFiles, file: string): Promise<InstanceSnapshot> {
  const parsed = snapshotMemo.get(await readText(files, file, 'snapshot', MAX_SNAPSHOT_BYTES), memoKey(file));
  if (!parsed.ok) throw new TargetFileError(file, parsed.errors);
  return parsed.value;
}

async function loadMetadata<T>(files: TextFiles, file: string, what: string, memo: TextMemo<T>): Promise<T> {
  const text = await readText(files, file, what, MAX_METADATA_BYTES);
  try {
    return memo.get(stripBom(text).trim());
  } catch (error) {
    throw new TargetFileError(file, [`the ${what} cannot be read: ${(error as Error).message}`]);
  }
}

/** Loads the profile, its IdP (and SP) metadata, parsed, and its snapshot when it has one. */
export async function loadTargetProfile(profileFile: string, files: TextFiles, options: LoadTargetOptions = {}): Promise<LoadedTarget> {
  const profilePath = files.absolute(profileFile);
  const parsed = profileMemo.get(await readText(files, profilePath, 'target profile', MAX_PROFILE_BYTES), memoKey(profilePath));
  if (!parsed.ok) throw new TargetFileError(profilePath, parsed.errors);
  const profile = parsed.value;
  const beside = (p: string): string => files.resolveBeside(profilePath, p);

  const paths: LoadedTarget['paths'] = { idpMetadata: beside(profile.idp.metadata) };
  if (profile.sp.metadata) paths.spMetadata = beside(profile.sp.metadata);
  if (options.snapshotOverride) paths.snapshot = files.absolute(options.snapshotOverride);
  else if ('snapshot' in profile.instance) paths.snapshot = beside(profile.instance.snapshot);

  const loaded: LoadedTarget = { profilePath, profile, paths };
  if (options.referencedFiles === 'resolve') return loaded;
  const analysis: TargetAnalysisSettings = { sp: {}, idpMetadataOrigin: options.label ?? paths.idpMetadata };
  analysis.idpMetadata = await loadMetadata(files, paths.idpMetadata, 'IdP metadata (idp.metadata)', idpMetadataMemo);
  if (paths.spMetadata) analysis.spMetadata = await loadMetadata(files, paths.spMetadata, 'SP metadata (sp.metadata)', spMetadataMemo);
  if (profile.sp.entityId) analysis.sp.entityId = profile.sp.entityId;
  if (profile.sp.acsUrl) analysis.sp.acsUrl = profile.sp.acsUrl;
  loaded.analysis = analysis;
  if (paths.snapshot) loaded.snapshot = await loadSnapshotFile(files, paths.snapshot);
  return loaded;
}
