/**
 * One entry point for the CLI and the desktop app: profile `instance.live` + secrets → a validated
 * InstanceSnapshot. Picks the connector for the product (or Crowd, per `instance.live.source`),
 * resolves the secret references, and builds the read-only client.
 */
import type { Dispatcher } from 'undici';
import type { InstanceSnapshot, Product } from '../core/jit/snapshot-schema.js';
import type { LiveInstance, LiveSource } from '../core/jit/target-profile-schema.js';
import { buildSnapshot } from './build-snapshot.js';
import { createBitbucketConnector } from './bitbucket.js';
import { createConfluenceConnector } from './confluence.js';
import { ConnectorError } from './connector-error.js';
import type { CaptureRequest, InstanceConnector } from './connector.js';
import { createCrowdConnector } from './crowd.js';
import { createReadOnlyHttpClient, type ReadOnlyHttpClient } from './http-client.js';
import { createJiraConnector } from './jira.js';
import { resolveLiveAuth, type SecretResolver } from './secrets.js';

/** `product`: the base URL is the product itself; `crowd`: it is the Crowd server the product's users come from. */
export type { LiveSource };

/** A profile's `instance.live`; `source` may be left out by programmatic callers (then `product`). */
export type LiveConnection = Omit<LiveInstance, 'source'> & { source?: LiveSource };

export function createConnector(product: Product, source: LiveSource, client: ReadOnlyHttpClient): InstanceConnector {
  if (source === 'crowd') return createCrowdConnector(client);
  switch (product) {
    case 'jira':
      return createJiraConnector(client);
    case 'confluence':
      return createConfluenceConnector(client);
    case 'bitbucket':
      return createBitbucketConnector(client);
    case 'bamboo':
      throw new ConnectorError(
        'samlscope has no live connector for Bamboo: write a snapshot by hand (see assets/examples), or capture users from Crowd if Bamboo uses it (--source crowd).',
        { kind: 'unsupported' },
      );
  }
}

export interface LiveSnapshotRequest extends CaptureRequest {
  product: Product;
  live: LiveConnection;
  secrets: SecretResolver;
  /** Overrides `live.source` (the CLI's `--source`). */
  source?: LiveSource;
  /** Capture time (the CLI's clock). */
  now: () => Date;
  /** Overall deadline per request including retries; default the client's. */
  deadlineMs?: number;
  dispatcher?: Dispatcher;
  signal?: AbortSignal;
}

export interface LiveSnapshotResult {
  snapshot: InstanceSnapshot;
  notFound: string[];
  connector: string;
}

export async function captureLiveSnapshot(req: LiveSnapshotRequest): Promise<LiveSnapshotResult> {
  const auth = await resolveLiveAuth(req.live.auth, req.secrets);
  const client = createReadOnlyHttpClient({
    baseUrl: req.live.baseUrl,
    auth,
    timeoutMs: req.live.timeoutMs,
    ...(req.deadlineMs ? { deadlineMs: req.deadlineMs } : {}),
    ...(req.dispatcher ? { dispatcher: req.dispatcher } : {}),
    ...(req.signal ? { signal: req.signal } : {}),
  });
  const connector = createConnector(req.product, req.source ?? req.live.source ?? 'product', client);
  const capture = await connector.capture({
    users: req.users,
    ...(req.maxUsers ? { maxUsers: req.maxUsers } : {}),
    ...(req.concurrency ? { concurrency: req.concurrency } : {}),
  });
  const snapshot = buildSnapshot({ product: req.product, baseUrl: client.baseUrl, capturedAt: req.now(), capture });
  return { snapshot, notFound: capture.notFound, connector: connector.label };
}
