/**
 * Reads a target profile (YAML or JSON) and the files it points to. Paths inside the profile are
 * relative to the profile file, so a profile and its snapshot can be moved or attached together.
 */
import { readFile } from 'node:fs/promises';
import { dirname, extname, isAbsolute, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseInstanceSnapshot, type InstanceSnapshot } from '../core/jit/snapshot-schema.js';
import { parseTargetProfile, type TargetProfile } from '../core/jit/target-profile-schema.js';

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
  /** Absolute paths of the files the profile names. */
  paths: { idpMetadata: string; spMetadata?: string; snapshot?: string };
  /** Absent only when loaded with `referencedFiles: 'resolve'`. */
  idpMetadataXml?: string;
  spMetadataXml?: string;
  /** Loaded when the profile's instance is a snapshot (or one was given explicitly), unless `referencedFiles: 'resolve'`. */
  snapshot?: InstanceSnapshot;
}

async function readText(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new TargetFileError(file, [`cannot read the ${what}${code === 'ENOENT' ? ': no such file' : ` (${code ?? (error as Error).message})`}`]);
  }
}

/** JSON for `.json`, YAML for anything else (YAML 1.2 also reads JSON). */
export function parseDataText(text: string, file: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    if (extname(file).toLowerCase() === '.json') return JSON.parse(body) as unknown;
    return parseYaml(body, { maxAliasCount: 100 }) as unknown;
  } catch (error) {
    throw new TargetFileError(file, [`not valid ${extname(file).toLowerCase() === '.json' ? 'JSON' : 'YAML'}: ${(error as Error).message.split('\n')[0]}`]);
  }
}

/** Reads and validates a snapshot file. */
export async function loadSnapshotFile(file: string): Promise<InstanceSnapshot> {
  const data = parseDataText(await readText(file, 'snapshot'), file);
  const parsed = parseInstanceSnapshot(data);
  if (!parsed.ok) throw new TargetFileError(file, parsed.errors);
  return parsed.value;
}

/** Reads and validates a JSON or YAML data file with a parser that formats its own errors. */
export async function loadDataFile<T>(file: string, what: string, parse: (data: unknown) => { ok: true; value: T } | { ok: false; errors: string[] }): Promise<T> {
  const parsed = parse(parseDataText(await readText(file, what), file));
  if (!parsed.ok) throw new TargetFileError(file, parsed.errors);
  return parsed.value;
}

export interface LoadTargetOptions {
  /** Directory a relative profile path is resolved against. */
  cwd?: string;
  /** Use this snapshot file instead of the profile's instance (absolute or relative to cwd). */
  snapshotOverride?: string;
  /**
   * `read` (default): read the IdP/SP metadata and snapshot the profile names. `resolve`: validate the profile and
   * resolve those paths, read none of them (e.g. `samlscope snapshot` needs only instance.live).
   */
  referencedFiles?: 'read' | 'resolve';
}

/** Loads the profile (JSON or YAML), its IdP (and SP) metadata text, and its snapshot when it has one. */
export async function loadTargetProfile(profileFile: string, options: LoadTargetOptions = {}): Promise<LoadedTarget> {
  const profilePath = isAbsolute(profileFile) ? profileFile : resolve(options.cwd ?? '.', profileFile);
  const data = parseDataText(await readText(profilePath, 'target profile'), profilePath);
  const parsed = parseTargetProfile(data);
  if (!parsed.ok) throw new TargetFileError(profilePath, parsed.errors);
  const profile = parsed.value;
  const base = dirname(profilePath);
  const rel = (p: string): string => resolve(base, p);

  const paths: LoadedTarget['paths'] = { idpMetadata: rel(profile.idp.metadata) };
  if (profile.sp.metadata) paths.spMetadata = rel(profile.sp.metadata);
  if (options.snapshotOverride) paths.snapshot = resolve(options.cwd ?? '.', options.snapshotOverride);
  else if ('snapshot' in profile.instance) paths.snapshot = rel(profile.instance.snapshot);

  const loaded: LoadedTarget = { profilePath, profile, paths };
  if (options.referencedFiles === 'resolve') return loaded;
  loaded.idpMetadataXml = await readText(paths.idpMetadata, 'IdP metadata (idp.metadata)');
  if (paths.spMetadata) loaded.spMetadataXml = await readText(paths.spMetadata, 'SP metadata (sp.metadata)');
  if (paths.snapshot) loaded.snapshot = await loadSnapshotFile(paths.snapshot);
  return loaded;
}
