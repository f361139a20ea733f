/**
 * One zod schema per invoke channel: main validates every renderer request before any app-service
 * sees it (Electron security checklist #17 covers the sender; this covers the payload). Schemas are
 * strict, so an unknown key is an error rather than silently passed along.
 */
import { z } from 'zod';
import type { Channel, RequestOf } from './contract.js';
import { ZOOM_LIMITS } from './contract.js';
import { isCapturableUrl } from '../capture/capturable-url.js';
import { userBaseEmptyRequestSchema, userBaseExplainRequestSchema, userBaseExportRequestSchema, userBasePredictRequestSchema } from './user-base-schemas.js';
import { analysisOptionsSchema, clockSkewSchema, evaluateAtSchema, MAX_TEXT_CHARS } from '../usecases/analysis-options-schema.js';

export { MAX_TEXT_CHARS };

/** A dropped file: HAR captures up to 200 MB must open (the size bench/har-import.bench.ts measures), plus headroom. */
export const MAX_DROP_BYTES = 256 * 1024 * 1024;

const empty = z.strictObject({});
const profileId = z.string().min(1).max(300);
const optionalProfileId = z.union([profileId, z.null()]).optional();
/** `keychain:NAME` names, as target profiles reference them (SECRET_REF_PATTERN without the prefix). */
const secretName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,127}$/, 'must look like jira-token (letters, digits, _ . -; starts with a letter or _)');

/** Metadata, certificates, keys and snapshots: a snapshot of a large instance can be big, the rest is small. */
const setupText = (max: number) =>
  z.union([z.strictObject({ text: z.string().min(1, 'must not be empty').max(max), name: z.string().min(1).max(1024).optional() }), z.null()]).optional();
const spField = z.union([z.string().max(2048), z.null()]).optional();

const setupPatch = z.strictObject({
  idpTrust: setupText(4 * 1024 * 1024),
  spMetadata: setupText(4 * 1024 * 1024),
  sp: z.strictObject({ entityId: spField, acsUrl: spField }).optional(),
  evaluateAt: evaluateAtSchema.optional(),
  clockSkewSeconds: clockSkewSchema.optional(),
  spKey: setupText(64 * 1024),
  snapshot: setupText(MAX_TEXT_CHARS),
});

const settingsPatch = z.strictObject({
  theme: z.enum(['system', 'light', 'dark']).optional(),
  presentationMode: z.boolean().optional(),
  zoomFactor: z.number().min(ZOOM_LIMITS.min).max(ZOOM_LIMITS.max).optional(),
  targetProfileId: z.union([profileId, z.null()]).optional(),
  demoSeen: z.boolean().optional(),
});

const dropFile = z
  .strictObject({
    name: z.string().min(1).max(1024),
    text: z.string().max(MAX_TEXT_CHARS).optional(),
    bytes: z
      .custom<Uint8Array>((value) => value instanceof Uint8Array, { error: 'must be a Uint8Array' })
      .refine((b) => b.byteLength <= MAX_DROP_BYTES, `must be at most ${MAX_DROP_BYTES} bytes`)
      .optional(),
    targetProfileId: optionalProfileId,
  })
  .refine((r) => (r.text === undefined) !== (r.bytes === undefined), { message: 'give exactly one of text or bytes' });

/** A schema per channel whose output is its request type. */
export type SchemaMap = { [C in Channel]: z.ZodType<RequestOf<C>> };

/** `true` when A and B are the same type (not merely assignable): the schema is neither looser nor stricter than the contract. */
type SameType<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** Per channel: does the schema's output type equal the contract's request type? */
export type SchemaAgreement<S extends Record<Channel, z.ZodType>> = { [C in Channel]: SameType<z.output<S[C]>, RequestOf<C>> };
/** Compiles only when every channel agrees (see tests/types/ipc-schemas.test-d.ts for a loosened schema failing). */
export type AllAgree<S extends Record<Channel, z.ZodType>> = SchemaAgreement<S> extends Record<Channel, true> ? true : false;

export const REQUEST_SCHEMAS = {
  'workspace:analyze': z.strictObject({
    text: z.string().max(MAX_TEXT_CHARS, `must be at most ${MAX_TEXT_CHARS} characters`),
    source: z.string().max(1024).optional(),
    targetProfileId: optionalProfileId,
    options: analysisOptionsSchema.optional(),
  }),
  'workspace:open-demo': empty,
  'workspace:open-file': z.strictObject({ targetProfileId: optionalProfileId }),
  'workspace:drop-file': dropFile,
  'workspace:current': empty,
  'workspace:simulate': z.strictObject({ targetProfileId: z.union([profileId, z.null()]) }),
  'workspace:setup': z.strictObject({ targetProfileId: optionalProfileId }),
  'workspace:set-setup': z.strictObject({ patch: setupPatch, targetProfileId: optionalProfileId }),
  'workspace:save': empty,
  'profiles:list': empty,
  'profiles:load': z.strictObject({ id: profileId }),
  'profiles:import': empty,
  'report:export': z.strictObject({ format: z.enum(['html', 'md', 'json', 'pdf']), redact: z.boolean() }),
  'settings:get': empty,
  'settings:set': settingsPatch,
  'secrets:status': empty,
  'secrets:set': z.strictObject({ name: secretName, value: z.string().min(1, 'must not be empty').max(16 * 1024) }),
  'secrets:delete': z.strictObject({ name: secretName }),
  'secrets:list': empty,
  'app:info': empty,
  'capture:start': z.strictObject({
    targetProfileId: optionalProfileId,
    url: z.string().max(4096).refine(isCapturableUrl, 'must be an http:// or https:// URL').optional(),
  }),
  'capture:stop': empty,
  'capture:clear': empty,
  'capture:save': empty,
  'userbase:predict': userBasePredictRequestSchema,
  'userbase:cancel': userBaseEmptyRequestSchema,
  'userbase:explain': userBaseExplainRequestSchema,
  'userbase:export': userBaseExportRequestSchema,
  'userbase:examples': userBaseEmptyRequestSchema,
} satisfies SchemaMap;

// No cast: `satisfies` above and this line keep the schemas and the contract's request types in step at compile time.
const schemasAgreeWithContract: AllAgree<typeof REQUEST_SCHEMAS> = true;
void schemasAgreeWithContract;

/** Thrown for a request that does not match its channel's schema; the message names each bad field. */
export class InvalidRequestError extends Error {
  constructor(
    readonly channel: string,
    readonly problems: string[],
  ) {
    super(`Invalid request for ${channel}: ${problems.join('; ')}`);
    this.name = 'InvalidRequestError';
  }
}

function describe(issue: z.core.$ZodIssue): string {
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[');
  return `${path || '(request)'}: ${issue.message}`;
}

/** Returns the parsed request or throws `InvalidRequestError`. */
export function validateRequest<C extends Channel>(channel: C, payload: unknown): RequestOf<C> {
  const schema = REQUEST_SCHEMAS[channel] as z.ZodType<RequestOf<C>> | undefined;
  if (!schema) throw new InvalidRequestError(String(channel), ['unknown channel']);
  const result = schema.safeParse(payload);
  if (!result.success) throw new InvalidRequestError(channel, result.error.issues.map(describe));
  return result.data;
}
