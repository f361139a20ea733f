/**
 * Runs a CLI dispatcher as this process: the only place the CLI touches process globals; everything the
 * dispatcher calls takes them as arguments (CliIo). Shared by the two CLI bundles (main.ts, main-analyze.ts).
 */
import { writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Tty from 'node:tty';
import type { CliIo } from './command.js';
import { directWritable, stdoutWriter } from './stdout-writer.js';

export function runAsProcess(run: (argv: string[], io: CliIo) => Promise<number>): void {
  const require = createRequire(__filename);

  run(process.argv.slice(2), {
    // A pipe or a file is written directly, without creating process.stdout (stdout-writer.ts).
    stdout: stdoutWriter(directWritable(1, process.platform), {
      writeSync: (buffer) => writeSync(1, buffer),
      stream: () => (text) => process.stdout.write(text),
    }),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    now: () => new Date(),
    env: process.env,
    // What process.stderr.isTTY answers, without creating the stderr stream (a few ms at start-up) to ask; asked
    // only by the commands that draw progress, since node:tty loads node:net, which output to a file never needs.
    get stderrIsTTY() {
      return (require('node:tty') as typeof Tty).isatty(2);
    },
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`samlscope: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
