import type { CliCommand } from '../command.js';
import { analyzeCommand } from './analyze.js';
import { reportCommand } from './report.js';
import { simulateCommand } from './simulate.js';
import { snapshotCommand } from './snapshot.js';

/** Every CLI command, in the order `samlscope --help` lists them. Each lives in its own file. */
export const COMMANDS: CliCommand[] = [analyzeCommand, reportCommand, snapshotCommand, simulateCommand];
