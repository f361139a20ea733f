/**
 * What the app-services need from the outside world. Electron main supplies real implementations
 * (dialogs, safeStorage, printToPDF); the e2e harness and the unit tests supply their own, so the
 * services never import electron.
 */
import type { CapturedExchange, CapturedFlow } from '../core/model/input.js';
import type { EventName, EventPayload, SecretStorageStatus } from '../ipc/contract.js';

/** File system access, always by absolute path. */
export interface FileAccess {
  readFile(path: string): Promise<Uint8Array>;
  /** Creates missing parent folders; replaces the file atomically (write to a temp file, then rename). */
  writeFile(path: string, data: string | Uint8Array, opts?: { private?: boolean }): Promise<void>;
  /** File names in a folder; `[]` when the folder does not exist. */
  listDir(path: string): Promise<Array<{ name: string; isDirectory: boolean }>>;
  /** `null` when nothing is there. */
  stat(path: string): Promise<{ size: number; isFile: boolean; isDirectory: boolean } | null>;
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

/** Native dialogs; `null` when the user cancelled. */
export interface Dialogs {
  chooseOpenPath(opts: { title: string; filters: FileFilter[] }): Promise<string | null>;
  chooseSavePath(opts: { title: string; defaultFileName: string; filters: FileFilter[] }): Promise<string | null>;
}

/** Prints one self-contained HTML document to PDF (Electron: hidden sandboxed window, JS off). */
export type PdfPrinter = (html: string) => Promise<Uint8Array>;

/** Where secrets (live-instance tokens, passwords) live; values never go back to the renderer. */
export interface SecretStore {
  status(): SecretStorageStatus;
  set(name: string, value: string): Promise<void>;
  /** Main-side only (connectors); `undefined` when not stored. */
  get(name: string): Promise<string | undefined>;
  delete(name: string): Promise<boolean>;
  list(): Promise<string[]>;
}

/** Sends a one-way event to the renderer (no-op when no window is open). */
export type EventSink = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export type Clock = () => Date;

/** What a capture reports while it runs. */
export interface CaptureListener {
  /** One completed exchange (response and body read, or failed). */
  onExchange(exchange: CapturedExchange): void;
  /** Recording stopped by itself: the user closed the window, the debugger detached, recording unavailable. */
  onEnded(reason: string): void;
}

/**
 * The login capture window: Electron's CaptureWindow in the app, a fake in tests. One
 * capture at a time; the app-services decide when to start, stop and close it.
 */
export interface CaptureHost {
  /** Opens a window at `url` (already checked to be http/https) and starts recording. */
  start(url: string, listener: CaptureListener): Promise<void>;
  /** Stops recording (the window stays open) and returns what was recorded. */
  stop(): Promise<CapturedFlow>;
  /** Forgets what was recorded so far; recording goes on. */
  clear(): void;
  /** What was recorded so far. */
  flow(): CapturedFlow;
  /** Closes the window and wipes its session. */
  close(): Promise<void>;
}
