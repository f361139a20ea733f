/**
 * Checks that a product's JSON has the documented shape before the connectors read it, so an
 * unexpected answer (another product, an old version, a proxy's JSON) fails with a clear message
 * instead of producing a snapshot full of `undefined`. Schemas are loose: extra fields are fine.
 */
import type { z } from 'zod';
import { formatZodIssues } from '../core/jit/schema-issues.js';
import { ConnectorError } from './connector-error.js';
import type { Query, ReadOnlyHttpClient } from './http-client.js';

function describeRequest(client: ReadOnlyHttpClient, path: string, query: Query | undefined): string {
  const params = Object.entries(query ?? {}).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`);
  return `GET ${client.baseUrl}${path}${params.length ? `?${params.join('&')}` : ''}`;
}

export function checkShape<S extends z.ZodType>(schema: S, data: unknown, request: string, what: string): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issues = formatZodIssues(result.error).slice(0, 3).join('; ');
  throw new ConnectorError(
    `${request} did not answer with ${what} as documented (${issues}). The base URL may point at another product, or this product version answers differently.`,
    { kind: 'bad-json', request },
  );
}

/** GET + shape check; non-2xx throws (see http-client.ts). */
export async function getShaped<S extends z.ZodType>(client: ReadOnlyHttpClient, path: string, query: Query | undefined, schema: S, what: string): Promise<z.output<S>> {
  const data = await client.getJson(path, query);
  return checkShape(schema, data, describeRequest(client, path, query), what);
}

/** GET + shape check; a JSON 404 ("no such user") gives `undefined`. */
export async function getShapedOrAbsent<S extends z.ZodType>(client: ReadOnlyHttpClient, path: string, query: Query | undefined, schema: S, what: string): Promise<z.output<S> | undefined> {
  const data = await client.getJsonOrAbsent(path, query);
  return data === undefined ? undefined : checkShape(schema, data, describeRequest(client, path, query), what);
}
