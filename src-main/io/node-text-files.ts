/**
 * The use cases' `TextFiles` port on the local file system: paths relative to `cwd`, text decoded once where it enters.
 * Read with synchronous calls behind the asynchronous port: the files are small (a size limit is checked first),
 * and node:fs/promises would cost the CLI a few ms at start-up to load (it loads the readline modules).
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { TextFiles } from '../usecases/ports.js';
import { decodeFileText } from './decode-file-text.js';

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  return code ?? (error instanceof Error ? error.message : String(error));
}

export function nodeTextFiles(cwd: string): TextFiles {
  return {
    async readText(file, maxBytes) {
      const path = resolve(cwd, file);
      let info;
      try {
        info = statSync(path);
      } catch (error) {
        throw new Error(reasonOf(error), { cause: error });
      }
      if (!info.isFile()) throw new Error('not a file');
      if (info.size > maxBytes) throw new Error(`${info.size} bytes, more than the ${maxBytes} bytes samlscope reads`);
      return decodeFileText(new Uint8Array(readFileSync(path)));
    },
    absolute: (file) => resolve(cwd, file),
    resolveBeside: (fromFile, relative) => resolve(dirname(resolve(cwd, fromFile)), relative),
  };
}
