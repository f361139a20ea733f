/**
 * One user's login in full (steps, findings, mappings), for the row a person selects: the same engine run as
 * the bulk prediction, with the step log and findings turned on.
 */
import type { AwsIdentityStoreUser, AwsMappings } from '../jit/aws-users.js';
import { compileAwsMappings, factsForAwsUser } from '../jit/aws-users.js';
import { runEngine, snapshotIndexFor } from '../jit/simulate-login.js';
import type { InstanceSnapshot } from '../jit/snapshot-schema.js';
import type { SimulationStep } from '../jit/simulation-types.js';
import type { TargetProfile } from '../jit/target-profile-schema.js';
import type { Assignment, UserExplanation } from '../model/userbase.js';

export type { UserExplanation };

export function explainUserLogin(user: AwsIdentityStoreUser, groupIds: readonly string[], assignment: Assignment, awsMappings: AwsMappings, profile: TargetProfile, snapshot: InstanceSnapshot): UserExplanation {
  const assignStep: SimulationStep = {
    n: 1,
    title: 'Application assignment',
    detail: !assignment.known
      ? 'No assignments file: the user is assumed to be assigned to the application.'
      : assignment.assigned
        ? `Assigned ${[assignment.direct ? 'directly' : '', assignment.viaGroups.length ? `through ${assignment.viaGroups.map((g) => `"${g}"`).join(', ')}` : ''].filter(Boolean).join(' and ')}.`
        : 'Not assigned, directly or through a group: IAM Identity Center answers "No access" and sends no SAML response.',
    outcome: assignment.assigned ? (assignment.known ? 'pass' : 'info') : 'fail',
  };
  if (!assignment.assigned) return { steps: [assignStep], findings: [], mappings: [] };
  const facts = factsForAwsUser(user, compileAwsMappings(awsMappings), groupIds);
  const r = runEngine(facts, profile, snapshotIndexFor(snapshot));
  return { steps: [assignStep, ...r.steps.map((s, i) => ({ ...s, n: i + 2 }))], findings: r.findings, mappings: r.mappings };
}
