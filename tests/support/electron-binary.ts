import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The Electron executable the smoke test starts, without triggering the `electron` package's
 * download-on-first-use: `ELECTRON_OVERRIDE_DIST_PATH` (a folder with an unpacked Electron), else the
 * binary `npx install-electron` put under node_modules/electron/dist. Undefined when there is none.
 */
export function electronBinary(root = process.cwd()): string | undefined {
  const packageDir = path.join(root, 'node_modules/electron');
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override ? path.join(override, relative ?? 'electron') : relative ? path.join(packageDir, 'dist', relative) : undefined;
  return candidate && existsSync(candidate) ? candidate : undefined;
}

export const ELECTRON_HINT = 'run `npx install-electron` (downloads Electron), or set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron';
