/** The use cases' `TextFiles` port over the app's `FileAccess` (absolute paths only). */
import path from 'node:path';
import { decodeFileText } from '../io/decode-file-text.js';
import type { TextFiles } from '../usecases/ports.js';
import type { FileAccess } from './ports.js';

export function fileAccessTextFiles(fs: FileAccess): TextFiles {
  return {
    async readText(file, maxBytes) {
      const info = await fs.stat(file);
      if (!info) throw new Error('no such file');
      if (!info.isFile) throw new Error('not a file');
      if (info.size > maxBytes) throw new Error(`${info.size} bytes, more than the ${maxBytes} bytes samlscope reads`);
      return decodeFileText(await fs.readFile(file));
    },
    absolute: (file) => path.resolve(file),
    resolveBeside: (fromFile, relative) => path.resolve(path.dirname(fromFile), relative),
  };
}
