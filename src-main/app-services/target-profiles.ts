/**
 * Target profiles the workspace can pick: the bundled examples (`<assets>/examples/<dir>/*.yaml`,
 * read-only) and the user's own (`<userData>/profiles/<dir>/*.yaml`, one folder per profile so
 * the files it references travel with it). A profile is any YAML/JSON file in such a folder that
 * has `provisioning` and `instance` keys. Ids are only ever resolved by listing, so an id cannot
 * name a path outside those folders.
 */
import path from 'node:path';
import { TextMemo } from '../usecases/text-memo.js';
import { loadTargetProfile, parseDataText, TargetFileError } from '../usecases/target-profile.js';
import type { TargetAnalysisSettings } from '../usecases/analysis-options.js';
import { fileAccessTextFiles } from './file-access-text-files.js';
import { stringify as stringifyYaml } from 'yaml';
import type { ProfileDetails, ProfileSummary } from '../ipc/contract.js';
import { parseTargetProfile, type TargetProfile } from '../core/jit/target-profile-schema.js';
import type { InstanceSnapshot } from '../core/jit/snapshot-schema.js';
import { decodeFileText } from '../io/decode-file-text.js';
import type { FileAccess } from './ports.js';

const PROFILE_FILE = /\.(ya?ml|json)$/i;
/** Profiles and the files they reference are small; anything bigger is not a profile. */
const MAX_PROFILE_BYTES = 1024 * 1024;

interface ProfileEntry {
  summary: ProfileSummary;
  file: string;
  content: string;
  profile?: TargetProfile;
}

/** A profile ready for analysis and simulation: everything it references read and parsed. */
export interface ResolvedTarget {
  summary: ProfileSummary;
  profile: TargetProfile;
  analysis: TargetAnalysisSettings;
  /** Set for `instance.snapshot`; live instances are read on demand. */
  snapshot?: InstanceSnapshot;
}

export class ProfileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProfileError';
  }
}

/** JSON or YAML by extension, as the target-profile use case reads it (one reader for both doors). */
function parseData(text: string, file: string): unknown {
  try {
    return parseDataText(text, file);
  } catch (error) {
    throw new Error(error instanceof TargetFileError ? (error.problems[0] ?? error.message) : String(error), { cause: error });
  }
}

function looksLikeProfile(data: unknown): data is Record<string, unknown> {
  return typeof data === 'object' && data !== null && 'provisioning' in data && 'instance' in data;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The relative paths a profile references (IdP metadata, SP metadata, snapshot). */
export function referencedPaths(profile: TargetProfile): Array<{ key: string; value: string }> {
  const refs = [{ key: 'idp.metadata', value: profile.idp.metadata }];
  if (profile.sp.metadata) refs.push({ key: 'sp.metadata', value: profile.sp.metadata });
  if ('snapshot' in profile.instance) refs.push({ key: 'instance.snapshot', value: profile.instance.snapshot });
  return refs;
}

/** `keychain:NAME` references of a live profile (names only). */
export function keychainRefs(profile: TargetProfile): string[] {
  if (!('live' in profile.instance)) return [];
  const auth = profile.instance.live.auth;
  const refs = auth.type === 'pat' ? [auth.tokenRef] : [auth.usernameRef, auth.passwordRef];
  return refs.filter((r) => r.startsWith('keychain:'));
}

function stayInside(dir: string, relative: string): string | null {
  if (path.isAbsolute(relative)) return null;
  const target = path.resolve(dir, relative);
  const rel = path.relative(dir, target);
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? null : target;
}

/** Profile and snapshot files, by extension: parsed once per content (see TextMemo). */
const dataMemo = new TextMemo<unknown>((text, ext) => parseData(text, `file${ext}`));
const profileMemo = new TextMemo<ReturnType<typeof parseTargetProfile>>((text, ext) => parseTargetProfile(dataMemo.get(text, ext)));

function extensionOf(file: string): string {
  return path.extname(file).toLowerCase();
}

export class TargetProfiles {
  constructor(
    private readonly fs: FileAccess,
    private readonly roots: { examples: string; user: string },
  ) {}

  private async readText(file: string, limit: number, what: string): Promise<string> {
    const info = await this.fs.stat(file);
    if (!info || !info.isFile) throw new ProfileError(`${what} ${file} does not exist.`);
    if (info.size > limit) throw new ProfileError(`${what} ${file} is ${info.size} bytes, more than the ${limit} bytes samlscope reads.`);
    return decodeFileText(await this.fs.readFile(file));
  }

  private async scan(root: string, kind: 'example' | 'user'): Promise<ProfileEntry[]> {
    const entries: ProfileEntry[] = [];
    for (const dir of (await this.fs.listDir(root)).filter((d) => d.isDirectory).sort((a, b) => a.name.localeCompare(b.name))) {
      const folder = path.join(root, dir.name);
      for (const f of (await this.fs.listDir(folder)).filter((e) => !e.isDirectory && PROFILE_FILE.test(e.name)).sort((a, b) => a.name.localeCompare(b.name))) {
        const file = path.join(folder, f.name);
        let content: string;
        let data: unknown;
        try {
          content = await this.readText(file, MAX_PROFILE_BYTES, 'Profile');
          data = dataMemo.get(content, extensionOf(file));
        } catch {
          continue; // not readable as YAML/JSON: not a profile (snapshots and metadata live here too)
        }
        if (!looksLikeProfile(data)) continue;
        const parsed = profileMemo.get(content, extensionOf(file));
        const summary: ProfileSummary = {
          id: `${kind}:${dir.name}/${f.name}`,
          name: (parsed.ok && parsed.value.name) || (typeof data.name === 'string' && data.name) || `${dir.name}/${f.name}`,
          builtIn: kind === 'example',
          valid: parsed.ok,
        };
        if (parsed.ok) {
          summary.product = parsed.value.product;
          summary.engine = parsed.value.provisioning.engine;
          summary.instance = 'live' in parsed.value.instance ? 'live' : 'snapshot';
        } else {
          summary.errors = parsed.errors;
        }
        entries.push({ summary, file, content, ...(parsed.ok ? { profile: parsed.value } : {}) });
      }
    }
    return entries;
  }

  private async all(): Promise<ProfileEntry[]> {
    return [...(await this.scan(this.roots.examples, 'example')), ...(await this.scan(this.roots.user, 'user'))];
  }

  async list(): Promise<ProfileSummary[]> {
    return (await this.all()).map((e) => e.summary);
  }

  private async entry(id: string): Promise<ProfileEntry> {
    const found = (await this.all()).find((e) => e.summary.id === id);
    if (!found) throw new ProfileError(`There is no target profile "${id}". Pick one from the list or import it with File → Import Target Profile….`);
    return found;
  }

  async details(id: string, storedSecrets: readonly string[]): Promise<ProfileDetails> {
    const e = await this.entry(id);
    const refs = e.profile ? keychainRefs(e.profile) : [];
    return { ...e.summary, content: e.content, secretRefs: refs.map((ref) => ({ ref, stored: storedSecrets.includes(ref.slice('keychain:'.length)) })) };
  }

  /** The profile itself, without reading the files it references (the login capture needs only its SP URLs). */
  async profile(id: string): Promise<{ summary: ProfileSummary; profile: TargetProfile }> {
    const e = await this.validEntry(id);
    return { summary: e.summary, profile: e.profile };
  }

  private async validEntry(id: string): Promise<ProfileEntry & { profile: TargetProfile }> {
    const e = await this.entry(id);
    if (!e.profile) throw new ProfileError(`The target profile ${e.summary.name} is not valid:\n${(e.summary.errors ?? []).join('\n')}`);
    return { ...e, profile: e.profile };
  }

  /** Reads and parses everything the profile references (the target-profile use case); errors name the profile and the file. */
  async resolve(id: string): Promise<ResolvedTarget> {
    const e = await this.validEntry(id);
    try {
      const loaded = await loadTargetProfile(e.file, fileAccessTextFiles(this.fs), { label: `${e.summary.name}: idp.metadata (${e.profile.idp.metadata})` });
      const resolved: ResolvedTarget = { summary: e.summary, profile: loaded.profile, analysis: loaded.analysis ?? { sp: {} } };
      if (loaded.snapshot) resolved.snapshot = loaded.snapshot;
      return resolved;
    } catch (error) {
      if (error instanceof TargetFileError) throw new ProfileError(`The target profile ${e.summary.name}, ${error.message}`);
      throw error;
    }
  }

  /**
   * Copies a profile file and the files it references into a new folder under the user's profiles.
   * References that leave the profile's folder (`../shared/idp.xml`) are copied next to it and the
   * copy's paths rewritten, so the imported profile is self-contained.
   */
  async importFrom(sourceFile: string): Promise<ProfileSummary> {
    const content = await this.readText(sourceFile, MAX_PROFILE_BYTES, 'Profile');
    let data: unknown;
    try {
      data = parseData(content, sourceFile);
    } catch (error) {
      throw new ProfileError(`${path.basename(sourceFile)}: ${message(error)}`);
    }
    const parsed = parseTargetProfile(data);
    if (!parsed.ok) throw new ProfileError(`${path.basename(sourceFile)} is not a valid target profile:\n${parsed.errors.join('\n')}`);
    const sourceDir = path.dirname(sourceFile);
    const base = path.basename(sourceFile).replace(PROFILE_FILE, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '') || 'profile';
    const existing = new Set((await this.fs.listDir(this.roots.user)).map((d) => d.name));
    let folderName = base;
    for (let n = 2; existing.has(folderName); n++) folderName = `${base}-${n}`;
    const folder = path.join(this.roots.user, folderName);

    let rewritten = false;
    const record = data as Record<string, Record<string, unknown>>;
    const usedNames = new Set<string>();
    for (const ref of referencedPaths(parsed.value)) {
      const from = path.resolve(sourceDir, ref.value);
      const bytes = await this.fs.readFile(from).catch((error: unknown) => {
        throw new ProfileError(`${path.basename(sourceFile)}, ${ref.key} "${ref.value}": cannot read ${from} (${message(error)})`);
      });
      const inside = stayInside(sourceDir, ref.value);
      let relTarget = inside ? path.relative(sourceDir, inside) : path.basename(from);
      if (!inside) {
        for (let n = 2; usedNames.has(relTarget); n++) relTarget = `${n}-${path.basename(from)}`;
        const [section, key] = ref.key.split('.') as [string, string];
        const holder = record[section];
        if (holder) holder[key] = relTarget;
        rewritten = true;
      }
      usedNames.add(relTarget);
      await this.fs.writeFile(path.join(folder, relTarget), bytes);
    }
    const fileName = path.basename(sourceFile);
    const out = rewritten ? (/\.json$/i.test(fileName) ? `${JSON.stringify(data, null, 2)}\n` : stringifyYaml(data)) : content;
    await this.fs.writeFile(path.join(folder, fileName), out);
    const summary = (await this.list()).find((s) => s.id === `user:${folderName}/${fileName}`);
    if (!summary) throw new ProfileError(`The imported profile was written to ${folder} but cannot be read back.`);
    return summary;
  }
}
