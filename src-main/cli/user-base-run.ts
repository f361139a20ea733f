/**
 * `samlscope simulate --users …`: translates the flags into the predict-user-base use case and its result into
 * output. Adds no behaviour: reading files, the target and the progress line are the use case's ports.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { AwsExportKind } from '../core/userbase/aws-exports.js';
import { renderPredictionCsv, renderPredictionJson, renderPredictionText } from '../core/userbase/render.js';
import { predictUserBaseUseCase, type PredictUserBasePorts, type UserBaseFile } from '../usecases/predict-user-base.js';
import type { CliIo } from './command.js';
import { snapshotFor, type SimulationTarget } from './simulation-target.js';

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

async function readText(file: UserBaseFile, maxBytes: number): Promise<string> {
  try {
    const size = (await stat(file.ref)).size;
    if (size > maxBytes) throw new Error(`${size} bytes, more than the ${maxBytes} samlscope reads`);
    return await readFile(file.ref, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error('cannot read it: no such file', { cause: error });
    if (code) throw new Error(`cannot read it (${code})`, { cause: error });
    throw error;
  }
}

export async function runUserBase(io: CliIo, target: SimulationTarget, flags: UserBaseFlags): Promise<number> {
  const tty = io.stderrIsTTY === true;
  const ports: PredictUserBasePorts = {
    readText,
    loadTarget: async () => {
      const source = await snapshotFor(target, io);
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
    await writeFile(planPath, result.planCsv, 'utf8');
    io.stderr(`samlscope simulate: wrote the local group plan (${prediction.plan.rows.length} memberships) to ${basename(planPath)}\n`);
  }
  return prediction.summary.canLogIn === prediction.summary.assigned ? 0 : 1;
}
