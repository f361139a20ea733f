import type { CliCommand } from '../command.js';

/** Every CLI command, in the order `samlscope --help` lists them. Each lives in its own file. */
export const COMMANDS: CliCommand[] = [];
