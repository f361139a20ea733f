/**
 * The command line's target profiles: the shared use case over the local file system, paths relative to
 * the working directory (or `cwd`).
 */
import { loadTargetProfile as loadWith, type LoadedTarget, type LoadTargetOptions } from '../usecases/target-profile.js';
import { nodeTextFiles } from './node-text-files.js';

export { TargetFileError, parseDataText, type LoadedTarget } from '../usecases/target-profile.js';

export function loadTargetProfile(profileFile: string, options: LoadTargetOptions & { cwd?: string } = {}): Promise<LoadedTarget> {
  const { cwd, ...rest } = options;
  return loadWith(profileFile, nodeTextFiles(cwd ?? process.cwd()), rest);
}
