/**
 * What every product connector provides, and the capture loop they share: check the instance,
 * read application access and licence, look up each requested user (by username, then by e-mail),
 * and report what the source cannot tell instead of guessing it.
 */
import type { InstanceSnapshot, SnapshotGroup, SnapshotUser } from '../core/jit/snapshot-schema.js';
import { ConnectorError } from './connector-error.js';
import { mapLimit } from './paginate.js';

export type SnapshotContent = Pick<InstanceSnapshot, 'directories' | 'users' | 'groups' | 'applicationAccess' | 'license'>;

export interface CaptureRequest {
  /** Usernames or e-mail addresses to capture, or `all` for every user the source can list. */
  users: readonly string[] | 'all';
  /** Hard cap on users in `all` mode and on matches per e-mail search. Default 10,000. */
  maxUsers?: number;
  /** Parallel user lookups. Default 4: polite to a production instance. */
  concurrency?: number;
}

/** A partial snapshot: everything except product, capture time and source, plus what is missing. */
export interface ConnectorCapture {
  content: SnapshotContent;
  productVersion?: string;
  /** `selected` unless the source listed every user. */
  usersIncluded: 'all' | 'selected';
  /** `some`: the directory list holds only what the source revealed (no REST API used here lists every directory). */
  directoriesIncluded: 'all' | 'some';
  /** Requested usernames/e-mail addresses that matched no user. */
  notFound: string[];
  /** What this source could not tell, in plain words (snapshot `source.notes`). */
  unknown: string[];
}

export interface InstanceConnector {
  /** `Jira`, `Confluence`, `Bitbucket`, `Crowd`: used in messages. */
  readonly label: string;
  capture(request: CaptureRequest): Promise<ConnectorCapture>;
}

/** The product-specific half of a connector; `runCapture` does the rest. */
export interface ProductReader {
  readonly label: string;
  /** First request: proves the base URL, product and credentials, and reads the version if exposed. */
  describe(): Promise<{ productVersion?: string }>;
  /** Users whose username equals `entry` (case-insensitive), else whose e-mail equals it. Several = duplicate e-mails. */
  lookupUser(entry: string, maxMatches: number): Promise<SnapshotUser[]>;
  /** Usernames the source can enumerate, up to `max`; `complete` only when that is every user of the instance. */
  listUsernames(max: number): Promise<{ usernames: string[]; complete: boolean }>;
  /** Application access and licence; unreadable parts become notes. */
  instanceFacts(): Promise<Pick<SnapshotContent, 'applicationAccess' | 'license'>>;
  /**
   * Directories, as far as the source reveals them (Bitbucket names each user's directory; Crowd is one remote
   * directory); what it does not reveal (type, permissions, order) is recorded as unknown, never guessed.
   * Called after the user lookups, so it may report what they revealed.
   */
  directories(): SnapshotContent['directories'];
  /** Notes gathered while reading (limitations of this source, skipped data). */
  notes(): string[];
  /** Group names the source listed besides memberships and access groups (directory not recorded). */
  listedGroups?(): string[];
}

const DEFAULT_MAX_USERS = 10_000;
const DEFAULT_CONCURRENCY = 4;

export async function runCapture(reader: ProductReader, request: CaptureRequest): Promise<ConnectorCapture> {
  const maxUsers = request.maxUsers ?? DEFAULT_MAX_USERS;
  const { productVersion } = await reader.describe();
  const facts = await reader.instanceFacts();

  let entries: string[];
  let usersIncluded: 'all' | 'selected' = 'selected';
  const extraNotes: string[] = [];
  if (request.users === 'all') {
    const listed = await reader.listUsernames(maxUsers);
    entries = listed.usernames;
    if (listed.complete) usersIncluded = 'all';
    if (listed.usernames.length >= maxUsers) extraNotes.push(`Stopped after ${maxUsers} users (the cap); the instance may have more.`);
  } else {
    entries = uniqueCaseInsensitive(request.users.map((u) => u.trim()).filter((u) => u !== ''));
  }

  const found = await mapLimit(entries, request.concurrency ?? DEFAULT_CONCURRENCY, (entry) => reader.lookupUser(entry, maxUsers));
  const users: SnapshotUser[] = [];
  const seen = new Set<string>();
  const notFound: string[] = [];
  found.forEach((matches, i) => {
    if (matches.length === 0) notFound.push(entries[i] as string);
    for (const user of matches) {
      // The same person can be asked for by username and by e-mail: keep one entry.
      const key = user.username.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      users.push(user);
    }
  });

  const directories = reader.directories();
  return {
    content: { directories, users, groups: knownGroups(users, facts.applicationAccess, reader.listedGroups?.() ?? []), applicationAccess: facts.applicationAccess, license: facts.license },
    ...(productVersion ? { productVersion } : {}),
    usersIncluded,
    directoriesIncluded: 'some',
    notFound,
    unknown: [...reader.notes(), ...extraNotes],
  };
}

/**
 * The groups the capture proves exist: every captured membership (in the member's directory, when recorded),
 * every group granting application access and every group the source listed (directory not recorded).
 * One entry per name and directory.
 */
export function knownGroups(users: readonly SnapshotUser[], access: SnapshotContent['applicationAccess'], listed: readonly string[] = []): SnapshotGroup[] {
  const groups: SnapshotGroup[] = [];
  const seen = new Set<string>();
  const named = new Set<string>();
  const add = (name: string, directoryId: string | null): void => {
    const key = `${directoryId ?? ''}\u0000${name.toLowerCase()}`;
    if (seen.has(key)) return;
    seen.add(key);
    named.add(name.toLowerCase());
    groups.push({ name, directoryId });
  };
  for (const u of users) for (const g of u.groups) if (g.trim() !== '') add(g, u.directoryId);
  // An access group already seen through a membership is known; repeating it without a directory adds nothing.
  for (const g of [...access.flatMap((a) => a.groups), ...listed]) if (g.trim() !== '' && !named.has(g.toLowerCase())) add(g, null);
  return groups;
}

/**
 * Runs an optional read (licence, access groups): a 403/404/odd answer becomes a note, because a
 * snapshot without licence data is still useful. Authentication, TLS and network failures propagate.
 */
export async function optionalRead<T>(what: string, read: () => Promise<T>, notes: string[]): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof ConnectorError && (error.kind === 'forbidden' || error.kind === 'not-found' || error.kind === 'bad-json')) {
      notes.push(`${what}: not captured, because ${lowerFirst(error.message)}`);
      return undefined;
    }
    throw error;
  }
}

function lowerFirst(text: string): string {
  // Messages start with "GET https://…" or a sentence; only lower-case a leading capitalised word.
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

export function uniqueCaseInsensitive(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    const key = v.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      out.push(v);
    }
  }
  return out;
}

export function looksLikeEmail(entry: string): boolean {
  return /^[^@\s]+@[^@\s]+$/.test(entry);
}
