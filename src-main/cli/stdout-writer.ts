/**
 * Writes the CLI's standard output. When it is a pipe, a socket or a file (a shell pipe, a parent process
 * reading the JSON: Node's child_process hands a child a socket pair, a redirect), the text goes straight to
 * file descriptor 1 with synchronous writes, without creating process.stdout: for a pipe or a socket Node
 * makes that a net.Socket, and loading node:net and its bindings cost about 2 ms of every run
 * (bench/cli-start.bench.ts). For a file it is what process.stdout does itself (a SyncWriteStream of fs.writeSync).
 *
 * A terminal, and anything unusual, still goes through process.stdout, as before: a write the descriptor
 * cannot take now (EAGAIN: a parent handed down a non-blocking pipe) or at all (EPIPE: the reader has gone)
 * hands the rest of that text, and everything after it, to process.stdout, which then behaves exactly as it
 * always did (queues and flushes before exit, or reports the error). The bytes already written stay in order.
 */
import { fstatSync } from 'node:fs';

/** The two ways out: a synchronous write of some bytes to the descriptor, and the process's own stream. */
export interface StdoutSinks {
  /** Writes bytes from `buffer`; returns how many it wrote or throws (fs.writeSync). */
  writeSync: (buffer: Uint8Array) => number;
  /** process.stdout.write, only asked for when it is used. */
  stream: () => (text: string | Uint8Array) => unknown;
}

/** Whether writes to this descriptor may skip process.stdout: a pipe, a socket or a regular file, outside Windows. */
export function directWritable(fd: number, platform: NodeJS.Platform): boolean {
  if (platform === 'win32') return false; // Node already writes pipes there synchronously; left as it is.
  try {
    const stat = fstatSync(fd);
    return stat.isFIFO() || stat.isSocket() || stat.isFile();
  } catch {
    return false;
  }
}

/** A writer for `io.stdout` over the given sinks, writing directly while `direct` holds. */
export function stdoutWriter(direct: boolean, sinks: StdoutSinks): (text: string) => void {
  let viaStream = !direct;
  return (text) => {
    if (viaStream) {
      sinks.stream()(text);
      return;
    }
    let rest = Buffer.from(text, 'utf8');
    while (rest.length > 0) {
      let written = 0;
      try {
        written = sinks.writeSync(rest);
      } catch {
        // Handled below, as a write that wrote nothing.
      }
      if (written <= 0) {
        viaStream = true;
        sinks.stream()(rest);
        return;
      }
      rest = rest.subarray(written);
    }
  };
}
