import type { CliIo } from './command.js';
import { COMMANDS } from './commands/index.js';
import { dispatch } from './dispatch.js';

/** Dispatches argv to a command. Returns the exit code; never calls process.exit itself. */
export function runCli(argv: string[], io: CliIo): Promise<number> {
  return dispatch(argv, io, COMMANDS);
}
