/**
 * Use case: simulate one login (the last Response of the analysed inputs) against a target profile:
 * its snapshot, a snapshot the user gave instead, or a read-only capture of its live instance limited
 * to the users this login can match.
 */
import { liveLookupCandidates, loginResponse } from '../core/jit/login-response.js';
import { simulateLogin } from '../core/jit/simulate-login.js';
import type { InstanceSnapshot } from '../core/jit/snapshot-schema.js';
import type { SimulationResult } from '../core/jit/simulation-types.js';
import type { TargetProfile } from '../core/jit/target-profile-schema.js';
import type { MessageResult } from '../core/model/message.js';
import type { AnalysisResult } from '../core/model/result.js';
import type { LiveInstanceReader } from './ports.js';

export interface SimulationTarget {
  /** How messages name the profile (`Jira (example)`, a file path). */
  name: string;
  profile: TargetProfile;
  /** The profile's snapshot, or one given instead of its instance; absent for a live instance. */
  snapshot?: InstanceSnapshot | undefined;
}

export type SimulateOutcome = { simulation: SimulationResult; message: MessageResult } | { error: string };

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The snapshot to simulate against; a live instance is read only for the users of one login. */
export async function snapshotOf(target: SimulationTarget, readLive: LiveInstanceReader | undefined, message?: MessageResult): Promise<{ snapshot: InstanceSnapshot } | { error: string }> {
  if (target.snapshot || !('live' in target.profile.instance)) return readInstance(target, readLive, 'all');
  if (!message) return { error: 'A live instance is read only for the users of one login: give a SAML Response, or take a snapshot first (samlscope snapshot).' };
  return readInstance(target, readLive, liveLookupCandidates(message));
}

/**
 * The whole instance, for predicting every user's login: the profile's snapshot, or every user of its live
 * instance, read with GET requests only (the same read as `samlscope snapshot`).
 */
export function wholeInstanceOf(target: SimulationTarget, readLive: LiveInstanceReader | undefined): Promise<{ snapshot: InstanceSnapshot } | { error: string }> {
  return readInstance(target, readLive, 'all');
}

/** The target's snapshot, or the given users of its live instance (GET requests only), or why neither. */
async function readInstance(target: SimulationTarget, readLive: LiveInstanceReader | undefined, users: string[] | 'all'): Promise<{ snapshot: InstanceSnapshot } | { error: string }> {
  if (target.snapshot) return { snapshot: target.snapshot };
  const instance = target.profile.instance;
  if (!('live' in instance)) return { error: `The target profile ${target.name} has neither a snapshot nor a live instance.` };
  if (!readLive) return { error: `The live instance of ${target.name} cannot be read here: take a snapshot first (samlscope snapshot).` };
  try {
    const live = await readLive({ product: target.profile.product, live: instance.live, users });
    return { snapshot: live.snapshot };
  } catch (error) {
    return { error: `The live instance of ${target.name} (${instance.live.baseUrl}) could not be read: ${describe(error)}` };
  }
}

/** Simulates the login (the last Response) against the target, or says why it cannot. */
export async function simulateOneLogin(results: readonly AnalysisResult[], target: SimulationTarget, readLive: LiveInstanceReader | undefined): Promise<SimulateOutcome> {
  const message = loginResponse(results);
  if (!message) return { error: 'The input holds no SAML Response, so there is no login to simulate.' };
  const source = await snapshotOf(target, readLive, message);
  if ('error' in source) return source;
  return { simulation: simulateLogin(message, target.profile, source.snapshot), message };
}
