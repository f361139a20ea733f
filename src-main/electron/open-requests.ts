/**
 * Files handed to the app by the OS: command-line arguments (Windows, Linux, a second instance) and
 * macOS `open-file` events, which can arrive before the window exists. They are queued until the
 * workspace is ready, then forwarded one by one.
 */
import path from 'node:path';

/** Extensions the app registers (electron-builder `fileAssociations`) plus its own workspace files. */
export const OPENABLE_EXTENSIONS = ['.har', '.saml', '.xml', '.json', '.txt'];

/**
 * The file arguments in an argv. Skips the executable, flags (`--foo`, Chromium switches), the app
 * path `.` of a development launch, and anything without an openable extension.
 */
export function filesFromArgv(argv: readonly string[], workingDirectory: string): string[] {
  const files: string[] = [];
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-') || arg === '.' || arg === '') continue;
    if (!OPENABLE_EXTENSIONS.includes(path.extname(arg).toLowerCase())) continue;
    files.push(path.resolve(workingDirectory, arg));
  }
  return files;
}

export class OpenRequestQueue {
  private pending: string[] = [];
  private handler: ((file: string) => void) | undefined;

  /** Queues until `attach`, then forwards directly. */
  push(file: string): void {
    if (this.handler) this.handler(file);
    else this.pending.push(file);
  }

  attach(handler: (file: string) => void): void {
    this.handler = handler;
    const queued = this.pending;
    this.pending = [];
    for (const file of queued) handler(file);
  }
}

/** The slice of `app` the single-instance wiring needs. */
export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: (event: unknown, argv: string[], workingDirectory: string) => void): unknown;
  on(event: 'open-file', listener: (event: { preventDefault(): void }, path: string) => void): unknown;
}

/**
 * Takes the single-instance lock. The first instance gets later launches' files (and focuses its
 * window); a second instance quits at once. Returns false when this process must exit.
 */
export function setupSingleInstance(app: SingleInstanceApp, queue: OpenRequestQueue, focusWindow: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', (_event, argv, workingDirectory) => {
    focusWindow();
    for (const file of filesFromArgv(argv, workingDirectory)) queue.push(file);
  });
  // macOS delivers double-clicked files here, possibly before `ready`; register early.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    queue.push(file);
  });
  return true;
}
