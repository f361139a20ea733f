import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { SimulationResult } from '../../core/jit/simulation-types.js';
import { analyzeInputs } from '../../usecases/analyze.js';
import { renderTextReport, type TextReportFormat } from '../../usecases/report.js';
import { simulateOneLogin } from '../../usecases/simulate.js';
import { ANALYSIS_ARG_SPEC, loadAnalysisRun } from '../analysis-args.js';
import { UsageError, type CliCommand, parseCommandArgs } from '../command.js';
import { cliLiveReader, loadSimulationTarget, simulationTargetOf } from '../simulation-target.js';

const USAGE = `samlscope report INPUT... [--idp-metadata FILE] [--idp-cert PEM]... [--sp-key PEM] [--sp-metadata FILE]
                [--sp-entity-id ID] [--acs-url URL] [--authn-request INPUT] [--now ISO-8601] [--clock-skew SECONDS]
                [--profile auto|aws|generic] [--format html|md|json] [--out FILE] [--title TEXT] [--no-redact]
                [--target PROFILE [--snapshot FILE]]

Analyses the inputs like \`analyze\` and writes one report: a self-contained HTML file (no external requests,
prints on A4 and Letter), Markdown to paste into a ticket, or the analyze JSON with the list of redactions.
--format     default: from the --out extension (.html/.htm, .md/.markdown, .json), else html.
--out        the file to write; - or no --out writes to standard output.
--no-redact  keep NameIDs, e-mail addresses, names, attribute values and IDs. By default they become stable
             placeholders (the same value, the same placeholder), and signature values and certificate bytes are dropped.
--target     a target profile: the report adds the Just-in-Time provisioning simulation of the login (the last Response) (as
             \`simulate\`). The profile's IdP metadata and SP settings are used where the flags above give none.
             Redaction covers the simulation too: usernames, e-mail addresses and display names; group names are kept.
--snapshot   use this snapshot instead of the profile's instance (needed when the profile points at a live instance).
Exit status: 0 no message fails, 1 a message fails or an input is not readable as SAML, 2 usage error.`;


function parse(argv: string[]) {
  return parseCommandArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...ANALYSIS_ARG_SPEC,
      format: { type: 'string' },
      out: { type: 'string' },
      title: { type: 'string' },
      'no-redact': { type: 'boolean', default: false },
      target: { type: 'string' },
      snapshot: { type: 'string' },
    },
  });
}

/** The format asked for, or the one the output file's extension names. */
export function reportFormat(format: string | undefined, out: string | undefined): TextReportFormat {
  if (format !== undefined) {
    if (format === 'html' || format === 'md' || format === 'json') return format;
    if (format === 'markdown') return 'md';
    throw new UsageError(`--format ${format}: expected html, md or json`);
  }
  const ext = /\.([A-Za-z]+)$/.exec(out ?? '')?.[1]?.toLowerCase();
  if (ext === 'md' || ext === 'markdown') return 'md';
  if (ext === 'json') return 'json';
  return 'html';
}


export const reportCommand: CliCommand = {
  name: 'report',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parse(argv);
    const format = reportFormat(values.format, values.out);
    if (values.snapshot !== undefined && values.target === undefined) throw new UsageError('--snapshot needs --target PROFILE');
    const target = values.target === undefined ? undefined : await loadSimulationTarget(io, 'report', values.target, values.snapshot);
    if (values.target !== undefined && !target) return 1;
    const { inputs, setup } = await loadAnalysisRun(values, positionals, io);
    const { results, failed } = await analyzeInputs({ inputs, setup, target: target?.analysis, wallClock: io.now() });
    let simulation: SimulationResult | undefined;
    if (target) {
      const simulated = await simulateOneLogin(results, simulationTargetOf(target), cliLiveReader(io));
      // The analysis is still worth a report when there is no login to simulate.
      if ('error' in simulated) io.stderr(`samlscope report: --target ${values.target}: cannot simulate: ${simulated.error}\n`);
      else simulation = simulated.simulation;
    }
    const redact = !values['no-redact'];
    const text = renderTextReport(format, { title: values.title, results, simulation, redact, generatedAt: io.now() });
    const out = values.out;
    if (out === undefined || out === '-') {
      io.stdout(text);
    } else {
      const path = resolve(io.cwd, out);
      try {
        await writeFile(path, text, 'utf8');
      } catch (error) {
        throw new UsageError(`--out ${out}: cannot write the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      }
      const messages = results.reduce((n, r) => n + r.messages.length, 0);
      io.stdout(`samlscope report: wrote ${format} report of ${results.length} input(s), ${messages} message(s) to ${out}${redact ? ' (redacted)' : ' (NOT redacted)'}\n`);
    }
    return failed ? 1 : 0;
  },
};
