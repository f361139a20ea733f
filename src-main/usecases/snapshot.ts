/**
 * Use case: read a live instance named by a target profile (GET requests only) into a snapshot for
 * offline simulation or a support case. The profile's metadata files need not exist for this.
 */
import type { LiveSource } from '../core/jit/target-profile-schema.js';
import type { LiveInstanceReader, LiveSnapshotResult, TextFiles } from './ports.js';
import { loadTargetProfile, TargetFileError } from './target-profile.js';

export interface SnapshotRequest {
  profileFile: string;
  users: string[] | 'all';
  source?: LiveSource | undefined;
  maxUsers?: number | undefined;
}

export type SnapshotOutcome = ({ ok: true; profilePath: string } & LiveSnapshotResult) | { ok: false; error: string };

export async function snapshotLiveInstance(request: SnapshotRequest, files: TextFiles, readLive: LiveInstanceReader): Promise<SnapshotOutcome> {
  let loaded;
  try {
    loaded = await loadTargetProfile(request.profileFile, files, { referencedFiles: 'resolve' });
  } catch (error) {
    if (error instanceof TargetFileError) return { ok: false, error: `the profile ${error.message}` };
    throw error;
  }
  const { profile, profilePath } = loaded;
  if (!('live' in profile.instance)) {
    return { ok: false, error: `the profile ${profilePath} reads a snapshot file (instance.snapshot); add instance.live { baseUrl, auth } to read a live instance.` };
  }
  const result = await readLive({
    product: profile.product,
    live: profile.instance.live,
    users: request.users,
    ...(request.source !== undefined ? { source: request.source } : {}),
    ...(request.maxUsers !== undefined ? { maxUsers: request.maxUsers } : {}),
  });
  return { ok: true, profilePath, ...result };
}
