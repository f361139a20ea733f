/** The use cases' `TextFiles` port on the local file system: paths relative to `cwd`, text decoded once where it enters. */
import { readFile, stat } from 'node:fs/promises';
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
        info = await stat(path);
      } catch (error) {
        throw new Error(reasonOf(error), { cause: error });
      }
      if (!info.isFile()) throw new Error('not a file');
      if (info.size > maxBytes) throw new Error(`${info.size} bytes, more than the ${maxBytes} bytes samlscope reads`);
      return decodeFileText(new Uint8Array(await readFile(path)));
    },
    absolute: (file) => resolve(cwd, file),
    resolveBeside: (fromFile, relative) => resolve(dirname(resolve(cwd, fromFile)), relative),
  };
}
