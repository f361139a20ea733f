import { renderSimulationText } from '../../core/jit/render-simulation-text.js';
import { analyzeInputs } from '../../usecases/analyze.js';
import { simulateOneLogin } from '../../usecases/simulate.js';
import type { LoadedTarget } from '../../usecases/target-profile.js';
import { loadAnalysisSetup } from '../analysis-args.js';
import { UsageError, type CliCommand, type CliIo, parseCommandArgs } from '../command.js';
import { readInputs } from '../read-inputs.js';
import { cliLiveReader, loadSimulationTarget, simulationTargetOf } from '../simulation-target.js';
import { runUserBase } from '../user-base-run.js';

const USAGE = `samlscope simulate INPUT --target PROFILE [--snapshot FILE] [--now ISO-8601] [--format text|json]
samlscope simulate --target PROFILE --users FILE --aws-mappings FILE [--groups FILE] [--memberships FILE ...]
                   [--assignments FILE] [--group-mapping FILE] [--snapshot FILE] [--format text|json|csv] [--plan FILE]

Predicts what a login does to the Atlassian instance described by PROFILE (engine settings and a snapshot of its
users, groups, application access and licence).
INPUT           a SAML Response (file, folder, URL, base64 or XML; - for standard input). It is verified against the
                profile's IdP metadata first: an unverified response is never simulated as a real login.
--users         the output of \`aws identitystore list-users\` (JSON): predicts every user's next login.
--aws-mappings  the application's attribute mappings, {"Subject": "\${user:email}", "email": "\${user:email}", ...}.
--groups        \`aws identitystore list-groups\`: names the groups in the memberships.
--memberships   \`aws identitystore list-group-memberships --group-id …\` (one file per group, or concatenated) or
                \`list-group-memberships-for-member\`; repeatable. Gives each user's AWS groups.
--assignments   \`aws sso-admin list-application-assignments\`: only assigned users (directly or through a group)
                can log in; without it every user is assumed assigned.
--group-mapping {"groupMapping": {"AWS group name": ["atlassian-group", ...]}}; without it an AWS group maps to the
                instance group of the same name (case-insensitive).
--plan          write the local group plan (username,group,action CSV): the memberships to grant or keep by hand.
Every file is recognised by its shape and validated; a file of another kind than its flag is refused.
--snapshot      use this snapshot instead of the profile's instance. A live instance is read with GET requests only,
                for the users this login can match (secrets from the profile's env:NAME references).
Exit status: 0 the user can log in (every user, with --users), 1 not, or the input is unreadable, 2 usage error.`;

function parse(argv: string[]) {
  return parseCommandArgs({
    args: argv,
    allowPositionals: true,
    options: {
      target: { type: 'string' },
      snapshot: { type: 'string' },
      users: { type: 'string', multiple: true },
      'aws-mappings': { type: 'string' },
      groups: { type: 'string', multiple: true },
      memberships: { type: 'string', multiple: true },
      assignments: { type: 'string', multiple: true },
      'group-mapping': { type: 'string', multiple: true },
      plan: { type: 'string' },
      now: { type: 'string' },
      format: { type: 'string', default: 'text' },
    },
  });
}

async function simulateInput(io: CliIo, target: LoadedTarget, input: string, now: string | undefined, format: string): Promise<number> {
  // The profile's IdP metadata is the only trust anchor; its SP settings are what the response must match.
  const setup = await loadAnalysisSetup(now !== undefined ? { now } : {}, io);
  const [first] = await readInputs([input], io);
  if (!first) throw new UsageError(`${input}: nothing to read`);
  const { results } = await analyzeInputs({ inputs: [first], setup, target: target.analysis, wallClock: io.now() });
  const simulated = await simulateOneLogin(results, simulationTargetOf(target), cliLiveReader(io));
  if ('error' in simulated) {
    io.stderr(`samlscope simulate: ${input}: cannot simulate: ${simulated.error}\n`);
    return 1;
  }
  const { simulation, message } = simulated;
  if (format === 'json') io.stdout(JSON.stringify({ simulation }, null, 2) + '\n');
  else {
    const errors = message.findings.filter((f) => f.severity === 'error');
    io.stdout(`Response ${first.source}: signature ${message.signature.status}, verdict ${message.verdict}${errors.length ? `; errors: ${errors.map((f) => f.id).join(', ')}` : ''} (details: samlscope analyze).\n\n`);
    io.stdout(renderSimulationText(simulation));
  }
  return simulation.canLogIn ? 0 : 1;
}

export const simulateCommand: CliCommand = {
  name: 'simulate',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parse(argv);
    const format = values.format;
    if (!values.target) throw new UsageError('--target PROFILE is required');
    const bulkOnly = [values.groups, values.memberships, values.assignments, values['group-mapping'], values.plan].some((v) => v !== undefined);
    const bulk = values.users !== undefined || values['aws-mappings'] !== undefined || bulkOnly;
    if (bulk) {
      if (!values.users || !values['aws-mappings']) throw new UsageError('--users and --aws-mappings go together');
      if (positionals.length > 0) throw new UsageError('give either INPUT or --users, not both');
      if (format !== 'text' && format !== 'json' && format !== 'csv') throw new UsageError(`--format ${format}: expected text, json or csv`);
    } else {
      if (positionals.length !== 1) throw new UsageError('give exactly one INPUT (a SAML Response), or --users with --aws-mappings');
      if (format !== 'text' && format !== 'json') throw new UsageError(`--format ${format}: expected text or json`);
    }
    const target = await loadSimulationTarget(io, 'simulate', values.target, values.snapshot);
    if (!target) return 1;
    if (bulk) {
      return runUserBase(io, target, {
        users: values.users ?? [],
        groups: values.groups ?? [],
        memberships: values.memberships ?? [],
        assignments: values.assignments ?? [],
        groupMapping: values['group-mapping'] ?? [],
        awsMappings: values['aws-mappings'] ? [values['aws-mappings']] : [],
        format: format === 'csv' || format === 'json' ? format : 'text',
        plan: values.plan,
      });
    }
    return simulateInput(io, target, positionals[0] as string, values.now, format);
  },
};
