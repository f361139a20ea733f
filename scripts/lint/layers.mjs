// The layers of samlscope and which layers each may import. ESLint (scripts/lint/layer-imports-rule.mjs)
// checks every import against this table while you edit; scripts/check-deps.mjs checks the resolved
// import graph (with dependency-cruiser) in CI. One table, so the two checks cannot disagree.
//
// Order, bottom to top: the engine, the use cases, the adapters that reach the outside world, and the
// two front doors (command line, desktop app). A layer may import its own folder and the layers it
// lists; nothing above it. The renderer runs in Chromium and reaches main only through the preload, so it
// may import types from src-main and, at runtime, only the pure shared model (src-main/core/model: result
// types with their helpers, which import nothing outside the model).

/** @typedef {{ name: string, folder: string, mayImport: string[], typesOnlyFrom?: string[], runtimeFrom?: string[] }} Layer */

/** @type {Layer[]} */
export const LAYERS = [
  { name: 'core', folder: 'src-main/core', mayImport: [] },
  { name: 'usecases', folder: 'src-main/usecases', mayImport: ['core'] },
  { name: 'io', folder: 'src-main/io', mayImport: ['core', 'usecases'] },
  { name: 'connectors', folder: 'src-main/connectors', mayImport: ['core', 'usecases'] },
  { name: 'capture', folder: 'src-main/capture', mayImport: ['core', 'usecases'] },
  { name: 'ipc', folder: 'src-main/ipc', mayImport: ['core', 'usecases', 'capture'] },
  { name: 'cli', folder: 'src-main/cli', mayImport: ['core', 'usecases', 'io', 'connectors', 'capture'] },
  { name: 'app-services', folder: 'src-main/app-services', mayImport: ['core', 'usecases', 'io', 'connectors', 'capture', 'ipc'] },
  { name: 'electron', folder: 'src-main/electron', mayImport: ['core', 'usecases', 'io', 'connectors', 'capture', 'ipc', 'app-services'] },
  { name: 'renderer', folder: 'src-renderer', mayImport: [], typesOnlyFrom: ['src-main'], runtimeFrom: ['src-main/core/model'] },
];

/** Packages that reach the file system, network, processes or Electron: the engine and the use cases import none. */
export const IO_PACKAGES = ['fs', 'fs/promises', 'net', 'http', 'https', 'child_process', 'os', 'path', 'process',
  'worker_threads', 'dns', 'tls', 'undici', 'electron'].flatMap((name) => (name === 'undici' || name === 'electron' ? [name] : [name, `node:${name}`]));

/** Packages a layer must not import, beyond the folder rules. */
export const FORBIDDEN_PACKAGES = {
  core: IO_PACKAGES,
  usecases: IO_PACKAGES,
  cli: ['electron'],
  renderer: ['electron'],
};

/** The layer a repository-relative path (forward slashes) belongs to, or undefined outside every layer. */
export function layerOf(relativePath) {
  return LAYERS.find((layer) => relativePath === layer.folder || relativePath.startsWith(`${layer.folder}/`));
}

/**
 * Why importing `toPath` from `fromPath` breaks the layering (both repository-relative), or undefined when
 * it is allowed. `typeOnly` says the import brings in types only (erased at build time).
 */
export function layerViolation(fromPath, toPath, typeOnly) {
  const from = layerOf(fromPath);
  if (!from) return undefined;
  const to = layerOf(toPath);
  if (from.runtimeFrom?.some((folder) => toPath.startsWith(`${folder}/`))) return undefined;
  if (from.typesOnlyFrom?.some((folder) => toPath.startsWith(`${folder}/`))) {
    return typeOnly ? undefined : `${from.folder} may import only types from ${from.typesOnlyFrom.join(', ')} (use \`import type\`)`;
  }
  if (!to || to === from || from.mayImport.includes(to.name)) return undefined;
  const allowed = from.mayImport.length ? from.mayImport.join(', ') : 'nothing outside its own folder';
  return `${from.folder} must not import ${to.folder}: it may import ${allowed}`;
}
