/**
 * `samlscope simulate --users …`: translates the flags into the predict-user-base use case and its result into
 * output. Adds no behaviour: reading files, the target and the progress line are the use case's ports.
 */
import { writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { AwsExportKind } from '../core/userbase/aws-exports.js';
import { renderPredictionCsv, renderPredictionJson, renderPredictionText } from '../core/userbase/render.js';
import { renderGroupPlanCsv } from '../core/userbase/group-plan.js';
import { nodeTextFiles } from '../io/node-text-files.js';
import { predictUserBaseUseCase, type PredictUserBasePorts, type UserBaseFile } from '../usecases/predict-user-base.js';
import { wholeInstanceOf } from '../usecases/simulate.js';
import type { LoadedTarget } from '../usecases/target-profile.js';
import type { CliIo } from './command.js';
import { cliLiveReader, simulationTargetOf } from './simulation-target.js';

export interface UserBaseFlags {
  users: string[];
  groups: string[];
  memberships: string[];
  assignments: string[];
  groupMapping: string[];
  awsMappings: string[];
  format: 'text' | 'json' | 'csv';
  plan: string | undefined;
}

function filesOf(io: CliIo, flags: UserBaseFlags): UserBaseFile[] {
  const list: Array<[string[], AwsExportKind]> = [
    [flags.users, 'users'],
    [flags.groups, 'groups'],
    [flags.memberships, 'memberships'],
    [flags.assignments, 'assignments'],
    [flags.groupMapping, 'group-mapping'],
    [flags.awsMappings, 'aws-mappings'],
  ];
  return list.flatMap(([paths, kind]) => paths.map((p) => ({ ref: resolve(io.cwd, p), name: p, expect: kind })));
}

export async function runUserBase(io: CliIo, target: LoadedTarget, flags: UserBaseFlags): Promise<number> {
  const tty = io.stderrIsTTY === true;
  const files = nodeTextFiles(io.cwd);
  const ports: PredictUserBasePorts = {
    readText: (file, maxBytes) => files.readText(file.ref, maxBytes),
    loadTarget: async () => {
      const source = await wholeInstanceOf(simulationTargetOf(target), cliLiveReader(io));
      return 'error' in source ? source : { profile: target.profile, snapshot: source.snapshot };
    },
    // A progress line only on a terminal, rewritten in place; logs and pipes stay clean.
    progress: tty ? (p) => io.stderr(`\r\x1b[K${p.label} (${p.done + 1}/${p.total})`) : undefined,
  };
  const result = await predictUserBaseUseCase({ files: filesOf(io, flags), target: target.profilePath }, ports);
  if (tty) io.stderr('\r\x1b[K');
  if (result.status === 'cancelled') return 1;
  if (result.status === 'invalid') {
    for (const e of result.errors) io.stderr(`samlscope simulate: ${e}\n`);
    return 1;
  }
  const { prediction } = result;
  if (flags.format === 'csv') io.stdout(renderPredictionCsv(prediction));
  else if (flags.format === 'json') io.stdout(renderPredictionJson(prediction));
  else io.stdout(renderPredictionText(prediction));
  if (flags.plan) {
    const planPath = resolve(io.cwd, flags.plan);
    await writeFile(planPath, renderGroupPlanCsv(prediction.users), 'utf8');
    io.stderr(`samlscope simulate: wrote the local group plan (${prediction.plan.memberships} memberships) to ${basename(planPath)}\n`);
  }
  return prediction.summary.canLogIn === prediction.summary.assigned ? 0 : 1;
}
