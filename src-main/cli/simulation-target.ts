/**
 * What `simulate` and `report --target` share: `--target PROFILE` (and `--snapshot FILE`) read through the
 * target-profile use case, and the live-instance reader with secrets from environment variables.
 */
import { cliSecretResolver } from '../connectors/secrets.js';
import { liveInstanceReader } from '../connectors/live-instance-reader.js';
import { nodeTextFiles } from '../io/node-text-files.js';
import type { LiveInstanceReader } from '../usecases/ports.js';
import type { SimulationTarget } from '../usecases/simulate.js';
import { loadTargetProfile, TargetFileError, type LoadedTarget } from '../usecases/target-profile.js';
import type { CliIo } from './command.js';

/**
 * Loads `--target PROFILE` (`--snapshot FILE` overrides its instance). Problems are printed for `command` and
 * give `undefined`.
 */
export async function loadSimulationTarget(io: CliIo, command: string, target: string, snapshot: string | undefined): Promise<LoadedTarget | undefined> {
  try {
    return await loadTargetProfile(target, nodeTextFiles(io.cwd), snapshot ? { snapshotOverride: snapshot } : {});
  } catch (error) {
    if (error instanceof TargetFileError) {
      io.stderr(`samlscope ${command}: ${error.message}\n`);
      return undefined;
    }
    throw error;
  }
}

/** The loaded profile as the simulation use case names it. */
export function simulationTargetOf(loaded: LoadedTarget): SimulationTarget {
  return { name: loaded.profile.name ?? loaded.profilePath, profile: loaded.profile, snapshot: loaded.snapshot };
}

export function cliLiveReader(io: CliIo): LiveInstanceReader {
  return liveInstanceReader(cliSecretResolver(io.env), io.now);
}
