/**
 * What the use cases need from the outside world. Each front door supplies these: the CLI binds them
 * to the local file system, the process environment and the network; the desktop app to its file
 * access, its secret store and the same connectors. Use cases import only the engine and these types,
 * so the same behaviour is reached through either door.
 */
import type { AnalyzeInput } from '../core/model/input.js';
import type { InstanceSnapshot, Product } from '../core/jit/snapshot-schema.js';
import type { LiveInstance, LiveSource } from '../core/jit/target-profile-schema.js';

export type Clock = () => Date;

/** Reads text files for a use case; paths are whatever the adapter resolves them against. */
export interface TextFiles {
  /**
   * The file's text (UTF-8 or UTF-16 with a byte-order mark, which is removed here, where text enters).
   * Rejects with an Error whose message is the reason alone (`no such file`, `not a file`, `… bytes, more
   * than …`), so the use case can say which file of what it was.
   */
  readText(file: string, maxBytes: number): Promise<string>;
  /** `file` as an absolute path (relative paths are the adapter's: the CLI's working directory). */
  absolute(file: string): string;
  /** `relative` resolved against the folder that holds `fromFile` (profiles name their files relative to themselves). */
  resolveBeside(fromFile: string, relative: string): string;
}

/** A live instance read for a simulation or a snapshot: GET requests only, secrets resolved by the adapter. */
export interface LiveSnapshotRequest {
  product: Product;
  live: LiveInstance;
  /** `all`, or the usernames / e-mail addresses to look up. */
  users: string[] | 'all';
  source?: LiveSource;
  maxUsers?: number;
}

export interface LiveSnapshotResult {
  snapshot: InstanceSnapshot;
  notFound: string[];
  connector: string;
}

export type LiveInstanceReader = (request: LiveSnapshotRequest) => Promise<LiveSnapshotResult>;

/** Turns a HAR or SAML-tracer export (JSON text) into an engine input; rejects with the importer's explanation. */
export type CaptureImporter = (text: string, source: string) => Promise<AnalyzeInput>;
