/**
 * The schemas of the analysis options a caller may give as data (an IPC request, a saved workspace). They
 * live apart from analysis-options.ts so that a front door which never validates such data (the CLI)
 * does not load zod or build these schemas at start-up.
 */
import { z } from 'zod';


/** Pasted text: large HAR captures are possible, but an IPC message of hundreds of MB is not sensible. */
export const MAX_TEXT_CHARS = 64 * 1024 * 1024;

export const isoInstantSchema = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time such as 2025-01-31T12:00:00Z' });

export const evaluateAtSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('now') }),
  z.strictObject({ mode: z.literal('issue-instant') }),
  z.strictObject({ mode: z.literal('custom'), instant: isoInstantSchema }),
]);
/** When validity windows are judged: the wall clock, the message's IssueInstant + 1 min (old captures), or a given instant. */
export type EvaluateAt = z.infer<typeof evaluateAtSchema>;

export const clockSkewSchema = z.number().int().min(0).max(86_400);
export const analysisProfileSchema = z.enum(['auto', 'aws', 'generic']);

/** Analysis settings a caller can give besides the target profile, as text. Everything is optional. */
export const analysisOptionsSchema = z.strictObject({
  /** ISO 8601 instant to judge validity windows against; default: now. */
  now: isoInstantSchema.optional(),
  clockSkewSeconds: clockSkewSchema.optional(),
  /** `auto` recognises AWS IAM Identity Center from the issuer host. */
  profile: analysisProfileSchema.optional(),
  /** IdP metadata XML (trust anchor), when no target profile supplies it. */
  idpMetadataXml: z.string().max(MAX_TEXT_CHARS).optional(),
  /** IdP signing certificate(s) in PEM, when no target profile supplies them. */
  idpCertificatePem: z.string().max(1024 * 1024).optional(),
  sp: z.strictObject({ entityId: z.string().max(2048).optional(), acsUrl: z.string().max(2048).optional() }).optional(),
  /** The AuthnRequest the response answers (any encoding `analyze` accepts). */
  authnRequest: z.string().max(MAX_TEXT_CHARS).optional(),
});
export type AnalyzeRequestOptions = z.infer<typeof analysisOptionsSchema>;
