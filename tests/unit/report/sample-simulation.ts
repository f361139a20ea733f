/**
 * A JIT simulation of the sample response (sample-result.ts) against a copy of the Jira example snapshot that
 * holds the person under older details, so the report shows their account before and after the login:
 * renamed details, groups stripped and replaced by the AWS group ID, no application access left.
 */
import { resolve } from 'node:path';
import { simulateLogin } from '../../../src-main/core/jit/simulate-login.js';
import type { InstanceSnapshot } from '../../../src-main/core/jit/snapshot-schema.js';
import type { SimulationResult } from '../../../src-main/core/jit/simulation-types.js';
import type { TargetProfile } from '../../../src-main/core/jit/target-profile-schema.js';
import type { MessageResult } from '../../../src-main/core/model/message.js';
import { loadTargetProfile } from '../../../src-main/io/target-profile.js';
import { EXAMPLES } from '../jit/helpers.js';
import { PERSON } from './sample-result.js';

/** The person's account as the snapshot has it: values the response does not carry, so only the snapshot can leak them. */
export const SNAPSHOT_PERSON = {
  username: PERSON.username,
  key: 'JIRAUSER20777',
  displayName: 'Maggie Oyelaran-Oldname',
  email: 'maggie.oldname@corp.example.net',
  groups: ['jira-software-users', 'developers'],
} as const;

export interface SampleTarget {
  profile: TargetProfile;
  snapshot: InstanceSnapshot;
}

/** The Jira example profile and its snapshot with the person added to the internal directory. */
export async function sampleTarget(): Promise<SampleTarget> {
  const loaded = await loadTargetProfile(resolve(EXAMPLES, 'jira-atlassian-sso', 'profile.yaml'));
  const snapshot = structuredClone(loaded.snapshot!);
  snapshot.users.push({
    username: SNAPSHOT_PERSON.username,
    key: SNAPSHOT_PERSON.key,
    displayName: SNAPSHOT_PERSON.displayName,
    email: SNAPSHOT_PERSON.email,
    active: true,
    directoryId: '1',
    groups: [...SNAPSHOT_PERSON.groups],
    attributes: {},
  });
  return { profile: loaded.profile, snapshot };
}

export async function sampleSimulation(message: MessageResult): Promise<SimulationResult> {
  const { profile, snapshot } = await sampleTarget();
  return simulateLogin(message, profile, snapshot);
}

/** Values a redacted report must not show: the person's identity from the response and from the snapshot. */
export const SIMULATION_PERSONAL: readonly string[] = [
  PERSON.nameId,
  PERSON.username,
  PERSON.displayName,
  PERSON.firstName,
  PERSON.lastName,
  SNAPSHOT_PERSON.key,
  SNAPSHOT_PERSON.displayName,
  SNAPSHOT_PERSON.email,
];
