import type { CommandEntry } from '../command.js';

/**
 * The analyze command's entry, in a file of its own: the analyze-only CLI bundle (main-analyze.ts) imports it
 * without the other commands' entries, whose imports would bring their code into that bundle.
 */
export const ANALYZE_ENTRY: CommandEntry = {
  name: 'analyze',
  summary: 'Decode, verify and check SAML messages; print findings with fixes.',
  load: async () => (await import('./analyze.js')).analyzeCommand,
};
