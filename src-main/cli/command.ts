import { parseArgs, type ParseArgsConfig } from 'node:util';

/** What every CLI command receives: parsed argv and the streams, so commands are testable without a process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Working directory relative paths are resolved against. */
  cwd: string;
  /** Wall clock; commands pass it to the engine unless `--now` is given. */
  now: () => Date;
  env: Record<string, string | undefined>;
  /** Standard input as text (for `-` as INPUT). */
  readStdin: () => Promise<string>;
  /** Standard error is a terminal: long commands then draw a progress line there. */
  stderrIsTTY?: boolean;
}

/** A loaded command; its name and one-line summary are listed in commands/index.ts, which loads it. */
export interface CliCommand {
  name: string;
  usage: string;
  /** Returns the process exit code: 0 ok, 1 a message failed or input unreadable, 2 usage error. */
  run(argv: string[], io: CliIo): Promise<number>;
}

/** A command as the dispatcher sees it before it runs: its name, its one-line summary, and how to load it. */
export interface CommandEntry {
  name: string;
  summary: string;
  /**
   * Loads the command's module. Each command is imported only when it runs (or its --help is asked for),
   * so a run pays only for its own code and dependencies: `analyze` never loads undici, yaml or the
   * connectors.
   */
  load: () => Promise<CliCommand>;
}

/** Thrown for bad command-line usage; the CLI prints it with the usage text and exits 2. */
export class UsageError extends Error {}

/** node:util parseArgs in strict mode, with its errors turned into usage errors (exit 2 with the usage text). */
export function parseCommandArgs<const T extends Omit<ParseArgsConfig, 'strict'>>(config: T): ReturnType<typeof parseArgs<T & { strict: true }>> {
  try {
    const strictConfig: T & { strict: true } = { ...config, strict: true as const };
    return parseArgs(strictConfig);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
