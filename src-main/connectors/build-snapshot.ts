/**
 * Turns a connector's partial capture into a complete InstanceSnapshot and validates it with the
 * snapshot schema, so `samlscope snapshot` never writes a file that `simulate` would reject.
 */
import { parseInstanceSnapshot, type InstanceSnapshot, type Product } from '../core/jit/snapshot-schema.js';
import { ConnectorError } from './connector-error.js';
import type { ConnectorCapture } from './connector.js';

export interface BuildSnapshotInput {
  product: Product;
  baseUrl: string;
  capturedAt: Date;
  capture: ConnectorCapture;
}

export function buildSnapshot({ product, baseUrl, capturedAt, capture }: BuildSnapshotInput): InstanceSnapshot {
  const notes = [...capture.unknown];
  if (capture.notFound.length > 0) {
    notes.push(`${capture.notFound.length} requested user(s) matched no user: ${capture.notFound.join(', ')}.`);
  }
  const draft = {
    schemaVersion: 1,
    product,
    capturedAt: capturedAt.toISOString(),
    source: {
      kind: 'live',
      baseUrl,
      ...(capture.productVersion ? { productVersion: capture.productVersion } : {}),
      usersIncluded: capture.usersIncluded,
      directoriesIncluded: capture.directoriesIncluded,
      notes,
    },
    ...capture.content,
  };
  const parsed = parseInstanceSnapshot(draft);
  if (!parsed.ok) {
    // The connectors only emit schema-shaped data, so this means the instance answered something unusual.
    throw new ConnectorError(`The data read from ${baseUrl} does not form a valid snapshot:\n  ${parsed.errors.join('\n  ')}`, { kind: 'bad-json' });
  }
  return parsed.value;
}
