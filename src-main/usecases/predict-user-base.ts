/**
 * Use case: predict the whole user base from AWS exports against a target profile. Reads each file through the
 * ports, recognises it by shape (never by name), validates it, runs the prediction in phases that report
 * progress and can be cancelled, and returns the prediction with the local group plan as CSV.
 * Imports only core and its own ports: the CLI and the app's IPC handler translate to and from it.
 */
import { z } from 'zod';
import type { AwsIdentityStoreUser, AwsMappings } from '../core/jit/aws-users.js';
import type { InstanceSnapshot } from '../core/jit/snapshot-schema.js';
import type { TargetProfile } from '../core/jit/target-profile-schema.js';
import { AWS_EXPORT_KINDS, AWS_EXPORT_LABEL, recogniseAwsExport, type AwsAssignment, type AwsExport, type AwsExportKind, type AwsGroup, type AwsMembership, type GroupMapping } from '../core/userbase/aws-exports.js';
import { indexAwsDirectory } from '../core/userbase/aws-directory.js';
import { predictUserBase, type PredictionPhase } from '../core/userbase/predict.js';
import type { UserBasePrediction } from '../core/model/userbase.js';

/** Largest export read (bytes): about four million memberships as the AWS CLI prints them. */
export const MAX_EXPORT_BYTES = 768 * 1024 * 1024;
/** Bounds on what one prediction takes in. */
export const MAX_USERS = 1_000_000;
export const MAX_MEMBERSHIPS = 10_000_000;

export const userBaseFileSchema = z.strictObject({
  /** What the file-reading port understands: a path (CLI) or an id of a dropped file (app). */
  ref: z.string().min(1),
  /** Shown in messages: the file name. */
  name: z.string().min(1),
  /** The kind the caller asked for (`--groups FILE`); absent = any kind, recognised by shape. */
  expect: z.enum(AWS_EXPORT_KINDS).optional(),
});

export const predictUserBaseInputSchema = z.strictObject({
  files: z.array(userBaseFileSchema).min(1).max(10_000),
  /** The target profile, as the target-loading port understands it. */
  target: z.string().min(1),
});

export type PredictUserBaseInput = z.infer<typeof predictUserBaseInputSchema>;
export type UserBaseFile = z.infer<typeof userBaseFileSchema>;

export type UserBaseProgressPhase = 'read' | PredictionPhase;
export interface UserBaseProgress {
  phase: UserBaseProgressPhase;
  /** Steps done of `total` (files for `read`, phases afterwards). */
  done: number;
  total: number;
  /** Plain words for a progress line. */
  label: string;
}

export interface PredictUserBasePorts {
  /** The file's text; rejects with a plain message when it cannot be read or is larger than maxBytes. */
  readText(file: UserBaseFile, maxBytes: number): Promise<string>;
  loadTarget(target: string): Promise<{ profile: TargetProfile; snapshot: InstanceSnapshot } | { error: string }>;
  progress?(progress: UserBaseProgress): void;
  /** True once the person asked to stop. */
  cancelled?(): boolean;
  /** Lets the event loop run between steps (progress paints, a cancel click arrives). */
  yieldNow?(): Promise<void>;
}

export interface RecognisedFile {
  name: string;
  kind: AwsExportKind;
  label: string;
  /** Records read (users, groups, memberships, assignments, mapping rows). */
  count: number;
}

export type PredictUserBaseResult =
  | {
      status: 'ok';
      prediction: UserBasePrediction;
      files: RecognisedFile[];
      awsMappings: AwsMappings;
      /** A user's AWS group ids (what `${user:groups}` sends), for explaining one login later. */
      groupIdsOf: (userId: string) => readonly string[];
    }
  | { status: 'invalid'; errors: string[]; files: RecognisedFile[] }
  | { status: 'cancelled' };

interface Collected {
  users: AwsIdentityStoreUser[];
  groups?: AwsGroup[];
  memberships?: AwsMembership[];
  assignments?: AwsAssignment[];
  groupMapping?: GroupMapping;
  awsMappings?: AwsMappings;
}

const PHASE_LABEL: Record<PredictionPhase, string> = {
  logins: 'Predicting every user\'s next login',
  claims: 'Working out missing group claims',
  accounts: 'Finding accounts JIT left behind',
  plan: 'Building the local group plan',
};
const PHASES: PredictionPhase[] = ['logins', 'claims', 'accounts', 'plan'];

export async function predictUserBaseUseCase(input: PredictUserBaseInput, ports: PredictUserBasePorts): Promise<PredictUserBaseResult> {
  const stopped = (): boolean => ports.cancelled?.() ?? false;
  const pause = async (): Promise<void> => {
    if (ports.yieldNow) await ports.yieldNow();
  };
  const errors: string[] = [];
  const files: RecognisedFile[] = [];
  const collected: Collected = { users: [] };

  for (const [i, file] of input.files.entries()) {
    ports.progress?.({ phase: 'read', done: i, total: input.files.length, label: `Reading ${file.name}` });
    await pause();
    if (stopped()) return { status: 'cancelled' };
    let text: string;
    try {
      text = await ports.readText(file, MAX_EXPORT_BYTES);
    } catch (error) {
      errors.push(`${file.name}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const r = recogniseAwsExport(file.name, text, file.expect);
    if (!r.ok) {
      errors.push(...r.errors);
      continue;
    }
    const count = collect(collected, r.value);
    files.push({ name: file.name, kind: r.value.kind, label: AWS_EXPORT_LABEL[r.value.kind], count });
  }
  errors.push(...completeness(collected));
  if (errors.length) return { status: 'invalid', errors, files };

  const target = await ports.loadTarget(input.target);
  if ('error' in target) return { status: 'invalid', errors: [target.error], files };
  await pause();
  if (stopped()) return { status: 'cancelled' };

  // Indexed once: the prediction reads it, and the result keeps it to explain one user's login later.
  const aws = indexAwsDirectory(collected);
  const prediction = predictUserBase(
    { ...collected, aws, awsMappings: collected.awsMappings ?? {}, profile: target.profile, snapshot: target.snapshot },
    {
      phase: (phase) => {
        ports.progress?.({ phase, done: PHASES.indexOf(phase), total: PHASES.length, label: PHASE_LABEL[phase] });
        return !stopped();
      },
    },
  );
  if (!prediction) return { status: 'cancelled' };
  return { status: 'ok', prediction, files, awsMappings: collected.awsMappings ?? {}, groupIdsOf: aws.groupIdsOf };
}

function collect(c: Collected, value: AwsExport): number {
  switch (value.kind) {
    case 'users':
      for (const u of value.users) c.users.push(u);
      return value.users.length;
    case 'groups':
      c.groups = (c.groups ?? []).concat(value.groups);
      return value.groups.length;
    case 'memberships':
      c.memberships = (c.memberships ?? []).concat(value.memberships);
      return value.memberships.length;
    case 'assignments':
      c.assignments = (c.assignments ?? []).concat(value.assignments);
      return value.assignments.length;
    case 'group-mapping':
      c.groupMapping = { ...c.groupMapping, ...value.mapping };
      return Object.keys(value.mapping).length;
    case 'aws-mappings':
      c.awsMappings = { ...c.awsMappings, ...value.mappings };
      return Object.keys(value.mappings).length;
  }
}

function completeness(c: Collected): string[] {
  const errors: string[] = [];
  if (c.users.length === 0) errors.push(`No users: give the output of ${AWS_EXPORT_LABEL.users} (it has no users, or no such file was given).`);
  if (!c.awsMappings) errors.push(`No attribute mappings: give the application's ${AWS_EXPORT_LABEL['aws-mappings']} ({"Subject": "\${user:email}", "email": "\${user:email}", ...}).`);
  if (c.users.length > MAX_USERS) errors.push(`${c.users.length} users: more than the ${MAX_USERS} samlscope predicts at once.`);
  if ((c.memberships?.length ?? 0) > MAX_MEMBERSHIPS) errors.push(`${c.memberships?.length ?? 0} memberships: more than the ${MAX_MEMBERSHIPS} samlscope reads at once.`);
  const ids = new Set<string>();
  let duplicates = 0;
  for (const u of c.users) {
    if (ids.has(u.UserId)) duplicates += 1;
    ids.add(u.UserId);
  }
  if (duplicates > 0) errors.push(`${duplicates} user(s) appear twice (same UserId) across the users files: give each list-users page once.`);
  return errors;
}
