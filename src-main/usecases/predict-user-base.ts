/**
 * Use case: predict every AWS user's next login against a target profile, from the output of
 * `aws identitystore list-users` and the application's attribute mappings. The instance must be a
 * snapshot: a live instance is read only for the users of one login.
 */
import { parseAwsMappings, parseAwsUsers } from '../core/jit/aws-users.js';
import { simulateUserBase } from '../core/jit/simulate-user-base.js';
import type { TextFiles } from './ports.js';
import { snapshotOf, type SimulationTarget } from './simulate.js';
import { loadDataFile, TargetFileError } from './target-profile.js';

export interface PredictUserBaseRequest {
  usersFile: string;
  mappingsFile: string;
  target: SimulationTarget;
}

export type PredictUserBaseOutcome = { prediction: ReturnType<typeof simulateUserBase> } | { error: string };

export async function predictUserBase(request: PredictUserBaseRequest, files: TextFiles): Promise<PredictUserBaseOutcome> {
  let users;
  let mappings;
  try {
    users = await loadDataFile(files, files.absolute(request.usersFile), 'AWS users file (--users)', parseAwsUsers);
    mappings = await loadDataFile(files, files.absolute(request.mappingsFile), 'AWS attribute mappings (--aws-mappings)', parseAwsMappings);
  } catch (error) {
    if (error instanceof TargetFileError) return { error: error.message };
    throw error;
  }
  const source = await snapshotOf(request.target, undefined);
  if ('error' in source) return source;
  return { prediction: simulateUserBase(users, mappings, request.target.profile, source.snapshot) };
}
