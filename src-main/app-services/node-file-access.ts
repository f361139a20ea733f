/** `FileAccess` on the local file system (main process and tests). */
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FileAccess } from './ports.js';

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'ENOENT';
}

export const nodeFileAccess: FileAccess = {
  async readFile(file) {
    return new Uint8Array(await readFile(file));
  },
  async writeFile(file, data, opts = {}) {
    await mkdir(path.dirname(file), { recursive: true, ...(opts.private ? { mode: 0o700 } : {}) });
    // A crash mid-write must not leave a half-written settings or secrets file behind.
    const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(tmp, data, opts.private ? { mode: 0o600 } : {});
      await rename(tmp, file);
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
  },
  async listDir(dir) {
    try {
      const entries = await readdir(dir, { withFileTypes: true });
      return entries.map((e) => ({ name: e.name, isDirectory: e.isDirectory() }));
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
  },
  async stat(file) {
    try {
      const s = await stat(file);
      return { size: s.size, isFile: s.isFile(), isDirectory: s.isDirectory() };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  },
};
