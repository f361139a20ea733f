import { analyzeInputs } from '../../usecases/analyze.js';
import { ANALYSIS_ARG_SPEC, loadAnalysisRun } from '../analysis-args.js';
import { UsageError, type CliCommand, parseCommandArgs } from '../command.js';
import { formatAnalysisText } from '../format-text.js';

const USAGE = `samlscope analyze INPUT... [--idp-metadata FILE] [--idp-cert PEM]... [--sp-key PEM] [--sp-metadata FILE]
                 [--sp-entity-id ID] [--acs-url URL] [--authn-request INPUT] [--now ISO-8601] [--clock-skew SECONDS]
                 [--profile auto|aws|generic] [--format text|json|jsonl]

INPUT is a file (raw XML, base64, form body, URL with SAMLRequest/SAMLResponse), a folder of such files, or - for standard input.
Exit status: 0 no message fails, 1 a message fails or an input is not readable as SAML, 2 usage error.`;

function parse(argv: string[]) {
  return parseCommandArgs({ args: argv, allowPositionals: true, options: { ...ANALYSIS_ARG_SPEC, format: { type: 'string', default: 'text' } } });
}

export const analyzeCommand: CliCommand = {
  name: 'analyze',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parse(argv);
    const format = values.format;
    if (format !== 'text' && format !== 'json' && format !== 'jsonl') throw new UsageError(`--format ${format}: expected text, json or jsonl`);
    const { inputs, setup } = await loadAnalysisRun(values, positionals, io);
    const { results, failed } = await analyzeInputs({ inputs, setup, wallClock: io.now() }, (result) => {
      if (format === 'jsonl') io.stdout(JSON.stringify(result) + '\n');
      else if (format === 'text') io.stdout(formatAnalysisText(result));
    });
    if (format === 'json') io.stdout(JSON.stringify(results.length === 1 ? results[0] : results, null, 2) + '\n');
    return failed ? 1 : 0;
  },
};
