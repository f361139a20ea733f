#!/usr/bin/env node
// Prints the executable of the app electron-builder unpacked into release/ for this platform
// (release/linux-unpacked/samlscope, release/mac*/samlscope.app/Contents/MacOS/samlscope,
// release/win-unpacked/samlscope.exe). The smoke test reads its fuses (SAMLSCOPE_PACKAGED_APP).
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const release = path.resolve(process.argv[2] ?? 'release');
const folders = existsSync(release) ? readdirSync(release) : [];

function candidates() {
  if (process.platform === 'win32') return folders.filter((f) => f.startsWith('win') && f.endsWith('unpacked')).map((f) => path.join(release, f, 'samlscope.exe'));
  if (process.platform === 'darwin') return folders.filter((f) => f === 'mac' || f.startsWith('mac-')).map((f) => path.join(release, f, 'samlscope.app/Contents/MacOS/samlscope'));
  return folders.filter((f) => f.startsWith('linux') && f.endsWith('unpacked')).map((f) => path.join(release, f, 'samlscope'));
}

const found = candidates().find((file) => existsSync(file));
if (!found) {
  console.error(`no packaged samlscope executable under ${release} (run npx electron-builder first)`);
  process.exit(1);
}
console.log(found);
