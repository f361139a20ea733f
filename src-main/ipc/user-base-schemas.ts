/**
 * Request schemas of the user-base channels; the contract's request types are inferred from them, so the
 * validator and the type cannot drift apart.
 */
import { z } from 'zod';

/** One AWS export dropped or picked in the User base view: its name and text (recognised by shape in main). */
export const MAX_USER_BASE_FILE_CHARS = 256 * 1024 * 1024;
export const MAX_USER_BASE_FILES = 200;

export const userBaseFileSchema = z.strictObject({
  name: z.string().min(1).max(1024),
  text: z.string().max(MAX_USER_BASE_FILE_CHARS, `must be at most ${MAX_USER_BASE_FILE_CHARS} characters`),
});

export const userBasePredictRequestSchema = z.strictObject({
  files: z.array(userBaseFileSchema).min(1, 'drop at least one AWS export').max(MAX_USER_BASE_FILES),
  targetProfileId: z.union([z.string().min(1).max(300), z.null()]).optional(),
});
export const userBaseExplainRequestSchema = z.strictObject({ awsUserId: z.string().min(1).max(1024) });
export const userBaseExportRequestSchema = z.strictObject({ format: z.enum(['html', 'md', 'json', 'csv', 'pdf', 'plan-csv']), redact: z.boolean() });
export const userBaseEmptyRequestSchema = z.strictObject({});

export type UserBasePredictRequest = z.infer<typeof userBasePredictRequestSchema>;
export type UserBaseExplainRequest = z.infer<typeof userBaseExplainRequestSchema>;
export type UserBaseExportRequest = z.infer<typeof userBaseExportRequestSchema>;
export type UserBaseExportFormat = UserBaseExportRequest['format'];
export type UserBaseEmptyRequest = z.infer<typeof userBaseEmptyRequestSchema>;
