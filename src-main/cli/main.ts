/** The CLI bundle (dist/cli/samlscope-cli.cjs): every command. The bin runs it for all but `analyze`. */
import { runAsProcess } from './process-cli.js';
import { runCli } from './run-cli.js';

runAsProcess(runCli);
