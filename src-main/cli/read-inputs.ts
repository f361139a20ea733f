import { open, readdir, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { AnalyzeInput } from '../core/model/input.js';
import { DEFAULT_INPUT_LIMITS } from '../core/input/decode.js';
import { UsageError, type CliIo } from './command.js';

/** File types a folder scan picks up; anything else in the folder is skipped. */
const MESSAGE_EXTENSIONS = /\.(xml|saml|txt|b64|base64|url)$/i;
/** Folder scans stop here: a folder of thousands of files is almost certainly the wrong folder. */
const MAX_FOLDER_FILES = 10_000;

/**
 * Reads a file's text, but never more than one character past the engine's input limit: a huge file
 * is then refused by the engine with `input.too-large` instead of exhausting memory here.
 */
async function readBounded(path: string): Promise<string> {
  const limit = DEFAULT_INPUT_LIMITS.maxInputChars + 1;
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(limit, (await handle.stat()).size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

async function folderFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const files = entries
    .filter((e) => e.isFile() && MESSAGE_EXTENSIONS.test(e.name))
    .map((e) => join(e.parentPath ?? dir, e.name))
    .sort();
  if (files.length > MAX_FOLDER_FILES) throw new UsageError(`${dir}: ${files.length} files; analyse at most ${MAX_FOLDER_FILES} at once`);
  return files;
}

/** Turns the INPUT arguments (files, folders, `-`) into engine inputs, in the order given. */
export async function readInputs(positionals: string[], io: CliIo): Promise<AnalyzeInput[]> {
  const inputs: AnalyzeInput[] = [];
  for (const arg of positionals) {
    if (arg === '-') {
      inputs.push({ source: 'standard input', content: await io.readStdin() });
      continue;
    }
    const path = resolve(io.cwd, arg);
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      throw new UsageError(`${arg}: no such file or folder (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
    }
    const files = info.isDirectory() ? await folderFiles(path) : [path];
    for (const file of files) {
      const source = info.isDirectory() ? relative(io.cwd, file) || file : arg;
      inputs.push({ source, content: await readBounded(file) });
    }
  }
  return inputs;
}
