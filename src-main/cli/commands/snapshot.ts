import { readFile, stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { LIVE_SOURCES, type LiveSource, type TargetProfile } from '../../core/jit/target-profile-schema.js';
import { loadTargetProfile, TargetFileError } from '../../io/target-profile.js';
import { ConnectorError } from '../../connectors/connector-error.js';
import { captureLiveSnapshot } from '../../connectors/live-snapshot.js';
import { cliSecretResolver, SecretError } from '../../connectors/secrets.js';
import { UsageError, type CliCommand, type CliIo, parseCommandArgs } from '../command.js';

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

/** The profile alone: snapshot needs instance.live, not the metadata or snapshot files the profile also names. */
async function loadProfile(file: string, io: CliIo): Promise<TargetProfile | undefined> {
  try {
    return (await loadTargetProfile(file, { cwd: io.cwd, referencedFiles: 'resolve' })).profile;
  } catch (error) {
    if (!(error instanceof TargetFileError)) throw error;
    io.stderr(`samlscope snapshot: the profile ${error.message}\n`);
    return undefined;
  }
}

function isLiveSource(value: string): value is LiveSource {
  return (LIVE_SOURCES as readonly string[]).includes(value);
}

export const snapshotCommand: CliCommand = {
  name: 'snapshot',
  summary: 'Read a live instance (GET only) and write a snapshot file for offline simulation.',
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

    const profileFile = resolve(io.cwd, values.target);
    const profile = await loadProfile(profileFile, io);
    if (!profile) return 1;
    if (!('live' in profile.instance)) {
      io.stderr(`samlscope snapshot: the profile ${profileFile} reads a snapshot file (instance.snapshot); add instance.live { baseUrl, auth } to read a live instance.\n`);
      return 1;
    }

    try {
      const { snapshot, notFound, connector } = await captureLiveSnapshot({
        product: profile.product,
        live: profile.instance.live,
        secrets: cliSecretResolver(io.env),
        ...(sourceOverride !== undefined ? { source: sourceOverride } : {}),
        users,
        ...(maxUsers ? { maxUsers } : {}),
        now: io.now,
      });
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
