import type { CliCommand } from '../command.js';

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

/** Every CLI command, in the order `samlscope --help` lists them. Each lives in its own file. */
export const COMMANDS: CommandEntry[] = [
  { name: 'analyze', summary: 'Decode, verify and check SAML messages; print findings with fixes.', load: async () => (await import('./analyze.js')).analyzeCommand },
  { name: 'report', summary: 'Write an HTML, Markdown or JSON report of the analysis, redacted for sharing.', load: async () => (await import('./report.js')).reportCommand },
  { name: 'snapshot', summary: 'Read a live instance (GET only) and write a snapshot file for offline simulation.', load: async () => (await import('./snapshot.js')).snapshotCommand },
  { name: 'simulate', summary: "Predict what an SSO login (or every AWS user's login) does to the Atlassian instance.", load: async () => (await import('./simulate.js')).simulateCommand },
];
