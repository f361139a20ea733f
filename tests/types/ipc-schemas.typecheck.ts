/**
 * Compile-time proof that the IPC schemas and the contract's request types are linked: `npm run typecheck`
 * (tsc over tests/) fails when a schema is loosened or tightened without the contract, because each
 * `@ts-expect-error` below would then be unused.
 */
import { z } from 'zod';
import { REQUEST_SCHEMAS, type AllAgree, type SchemaMap } from '../../src-main/ipc/validators.js';

/** The real map agrees. */
export const realAgrees: AllAgree<typeof REQUEST_SCHEMAS> = true;

/** `format` loosened from the report formats to any string. */
const loosened = { ...REQUEST_SCHEMAS, 'report:export': z.strictObject({ format: z.string(), redact: z.boolean() }) };
// @ts-expect-error a loosened schema no longer produces the contract's request type
export const loosenedIsASchemaMap: SchemaMap = loosened;
// @ts-expect-error ... and the agreement check says so
export const loosenedAgrees: AllAgree<typeof loosened> = true;

/** A key of the contract dropped from the schema (the handler would never see it). */
export const narrowed = { ...REQUEST_SCHEMAS, 'workspace:analyze': z.strictObject({ text: z.string() }) };
// @ts-expect-error the schema must carry every field of the request type
export const narrowedAgrees: AllAgree<typeof narrowed> = true;
