import type { CommandEntry } from '../command.js';
import { ANALYZE_ENTRY } from './analyze-entry.js';


/** Every CLI command, in the order `samlscope --help` lists them. Each lives in its own file. */
export const COMMANDS: CommandEntry[] = [
  ANALYZE_ENTRY,
  { name: 'report', summary: 'Write an HTML, Markdown or JSON report of the analysis, redacted for sharing.', load: async () => (await import('./report.js')).reportCommand },
  { name: 'snapshot', summary: 'Read a live instance (GET only) and write a snapshot file for offline simulation.', load: async () => (await import('./snapshot.js')).snapshotCommand },
  { name: 'simulate', summary: "Predict what an SSO login (or every AWS user's login) does to the Atlassian instance.", load: async () => (await import('./simulate.js')).simulateCommand },
];
