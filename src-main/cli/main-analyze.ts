/**
 * The analyze-only CLI bundle (dist/cli/samlscope-analyze.cjs), which the bin runs for `samlscope analyze`: the
 * same dispatcher with the analyze command alone, so that bundle holds none of the other commands' code. Its
 * text and its code cache are about a third smaller than the full bundle's, and the bin reads, hashes and
 * deserialises both on every run (bench/cli-start.bench.ts).
 */
import { ANALYZE_ENTRY } from './commands/analyze-entry.js';
import { dispatch } from './dispatch.js';
import { runAsProcess } from './process-cli.js';

runAsProcess((argv, io) => dispatch(argv, io, [ANALYZE_ENTRY]));
