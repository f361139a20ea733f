/** Runs a live capture against a fake instance the way `samlscope snapshot` does, from a profile's `instance.live`. */
import { expect } from 'vitest';
import type { Product } from '../../../src-main/core/jit/snapshot-schema.js';
import { parseInstanceSnapshot } from '../../../src-main/core/jit/snapshot-schema.js';
import { captureLiveSnapshot, type LiveSnapshotResult, type LiveSource } from '../../../src-main/connectors/live-snapshot.js';
import { EnvSecretResolver } from '../../../src-main/connectors/secrets.js';
import type { FakeInstance } from './fake-instance.js';
import { APP_PASSWORD, TOKEN } from './sample-data.js';

export const CAPTURED_AT = new Date('2025-06-01T12:00:00Z');

export interface CaptureOptions {
  product: Product;
  users: string[] | 'all';
  source?: LiveSource;
  auth?: 'pat' | 'basic';
  env?: Record<string, string>;
  maxUsers?: number;
}

export async function capture(fake: FakeInstance, opts: CaptureOptions): Promise<LiveSnapshotResult> {
  const auth = opts.auth === 'basic'
    ? { type: 'basic' as const, usernameRef: 'env:APP_NAME', passwordRef: 'env:APP_PASSWORD' }
    : { type: 'pat' as const, tokenRef: 'env:ATLASSIAN_TOKEN' };
  const env = opts.env ?? { ATLASSIAN_TOKEN: TOKEN, APP_NAME: 'samlscope', APP_PASSWORD };
  const result = await captureLiveSnapshot({
    product: opts.product,
    live: { baseUrl: fake.baseUrl, auth, timeoutMs: 5000 },
    secrets: new EnvSecretResolver(env),
    users: opts.users,
    ...(opts.source ? { source: opts.source } : {}),
    ...(opts.maxUsers ? { maxUsers: opts.maxUsers } : {}),
    now: () => CAPTURED_AT,
  });
  // What gets written must read back through the schema exactly as it was produced.
  const reparsed = parseInstanceSnapshot(JSON.parse(JSON.stringify(result.snapshot)));
  expect(reparsed).toEqual({ ok: true, value: result.snapshot });
  return result;
}

export function userNamed(result: LiveSnapshotResult, username: string) {
  return result.snapshot.users.find((u) => u.username === username);
}

export function requestsTo(fake: FakeInstance, path: string) {
  return fake.requests.filter((r) => r.path === path);
}
