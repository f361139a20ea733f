import { readFile, stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { LIVE_SOURCES, type LiveSource } from '../../core/jit/target-profile-schema.js';
import { ConnectorError } from '../../connectors/connector-error.js';
import { SecretError } from '../../connectors/secrets.js';
import { nodeTextFiles } from '../../io/node-text-files.js';
import { snapshotLiveInstance } from '../../usecases/snapshot.js';
import { UsageError, type CliCommand, parseCommandArgs } from '../command.js';
import { cliLiveReader } from '../simulation-target.js';

const USAGE = `samlscope snapshot --target PROFILE --out FILE [--users u1,u2 | --users FILE] [--source product|crowd] [--max-users N]

Reads users, groups, application access and licence from the live instance in the profile (instance.live), with GET
requests only, and writes a snapshot file that simulate can use offline or that can be attached to a support case.
--users      usernames or e-mail addresses, comma-separated, or a file with one per line; without it, every user the
             REST API can list (Jira: members of the groups granting application access), up to --max-users (10000).
--source     overrides the profile's instance.live.source (default product): crowd means the profile's baseUrl and
             basic credentials are a Crowd server and its application.
PROFILE      JSON or YAML; its IdP and SP metadata files need not exist for a snapshot.
Secrets come from the profile's env:NAME references; keychain:NAME references need the desktop app.
Exit status: 0 written, 1 the instance could not be read, 2 usage error.`;

function parse(argv: string[]) {
  return parseCommandArgs({
    args: argv,
    allowPositionals: false,
    options: {
      target: { type: 'string' },
      out: { type: 'string' },
      users: { type: 'string' },
      source: { type: 'string' },
      'max-users': { type: 'string' },
    },
  });
}

/** `--users a,b` or `--users FILE` (one per line or comma-separated; `#` starts a comment). */
async function readUserList(value: string, cwd: string): Promise<string[]> {
  const path = resolve(cwd, value);
  const isFile = await stat(path).then((s) => s.isFile(), () => false);
  const text = isFile ? await readFile(path, 'utf8') : value;
  const users = text
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, ''))
    .flatMap((line) => line.split(','))
    .map((u) => u.trim())
    .filter((u) => u !== '');
  if (users.length === 0) throw new UsageError(`--users ${value}: no usernames${isFile ? ' in that file' : ''}`);
  return users;
}

function isLiveSource(value: string): value is LiveSource {
  return (LIVE_SOURCES as readonly string[]).includes(value);
}

export const snapshotCommand: CliCommand = {
  name: 'snapshot',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parse(argv);
    if (!values.target) throw new UsageError('--target PROFILE is required');
    if (!values.out) throw new UsageError('--out FILE is required');
    const sourceOverride = values.source;
    if (sourceOverride !== undefined && !isLiveSource(sourceOverride)) throw new UsageError(`--source ${sourceOverride}: expected product or crowd`);
    let maxUsers: number | undefined;
    if (values['max-users'] !== undefined) {
      maxUsers = Number(values['max-users']);
      if (!Number.isInteger(maxUsers) || maxUsers < 1) throw new UsageError(`--max-users ${values['max-users']}: expected a positive whole number`);
    }
    const users = values.users !== undefined ? await readUserList(values.users, io.cwd) : 'all';

    try {
      const outcome = await snapshotLiveInstance({ profileFile: values.target, users, source: sourceOverride, maxUsers }, nodeTextFiles(io.cwd), cliLiveReader(io));
      if (!outcome.ok) {
        io.stderr(`samlscope snapshot: ${outcome.error}\n`);
        return 1;
      }
      const { snapshot, notFound, connector } = outcome;
      const outFile = resolve(io.cwd, values.out);
      // The snapshot holds names and e-mail addresses: readable by the owner only.
      await writeFile(outFile, JSON.stringify(snapshot, null, 2) + '\n', { encoding: 'utf8', mode: 0o600 });
      const version = snapshot.source.productVersion ? ` ${snapshot.source.productVersion}` : '';
      const lines = [`Wrote ${snapshot.users.length} user(s) from ${connector}${version} at ${snapshot.source.baseUrl} to ${outFile}.`];
      if (notFound.length > 0) lines.push(`Not found: ${notFound.join(', ')}`);
      if (snapshot.source.notes.length > 0) lines.push('What the snapshot does not contain:', ...snapshot.source.notes.map((n) => `  - ${n}`));
      io.stdout(lines.join('\n') + '\n');
      return 0;
    } catch (error) {
      if (error instanceof ConnectorError || error instanceof SecretError) {
        io.stderr(`samlscope snapshot: ${error.message}\n`);
        return 1;
      }
      throw error;
    }
  },
};
