// Synchronous file system calls: a CLI run does nothing else meanwhile, and node:fs/promises costs a few ms to load.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { AnalyzeInput } from '../core/model/input.js';
import { DEFAULT_INPUT_LIMITS } from '../core/input/decode.js';
import { CaptureImportError } from '../capture/capture-import-error.js';
import { importCaptureFile } from '../capture/capture-file.js';
import { UsageError, type CliIo } from './command.js';

/** File types a folder scan picks up; anything else in the folder is skipped. HAR and SAML-tracer (.json) captures included. */
const MESSAGE_EXTENSIONS = /\.(xml|saml|txt|b64|base64|url|har|json)$/i;
/** Folder scans stop here: a folder of thousands of files is almost certainly the wrong folder. */
const MAX_FOLDER_FILES = 10_000;

/**
 * One file: a HAR or SAML-tracer capture (recognised by its content, whatever its name) becomes a flow
 * input, streamed; anything else is read as a message, never more than one character past the engine's
 * input limit (a huge file is then refused by the engine with `input.too-large`, not read whole). A capture that cannot be imported
 * becomes an input whose only finding is the importer's error, so the other inputs still run.
 */
async function readFileInput(file: string, source: string): Promise<AnalyzeInput> {
  try {
    return await importCaptureFile(file, { source, maxMessageChars: DEFAULT_INPUT_LIMITS.maxInputChars });
  } catch (error) {
    if (!(error instanceof CaptureImportError)) throw error;
    return { source, kind: /\.json$/i.test(file) ? 'saml-tracer' : 'har', flow: { exchanges: [], notes: [error.message] } };
  }
}

function folderFiles(dir: string): string[] {
  const entries = readdirSync(dir, { withFileTypes: true, recursive: true });
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
      info = statSync(path);
    } catch (error) {
      throw new UsageError(`${arg}: no such file or folder (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
    }
    const files = info.isDirectory() ? folderFiles(path) : [path];
    for (const file of files) {
      const source = info.isDirectory() ? relative(io.cwd, file) || file : arg;
      inputs.push(await readFileInput(file, source));
    }
  }
  return inputs;
}
