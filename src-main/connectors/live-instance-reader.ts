/** The use cases' `LiveInstanceReader` over the read-only connectors, with the door's own secret resolver and clock. */
import { captureLiveSnapshot } from './live-snapshot.js';
import type { SecretResolver } from './secrets.js';
import type { Clock, LiveInstanceReader } from '../usecases/ports.js';

export function liveInstanceReader(secrets: SecretResolver, now: Clock): LiveInstanceReader {
  return (request) =>
    captureLiveSnapshot({
      product: request.product,
      live: request.live,
      secrets,
      users: request.users,
      ...(request.source !== undefined ? { source: request.source } : {}),
      ...(request.maxUsers !== undefined ? { maxUsers: request.maxUsers } : {}),
      now,
    });
}
