/**
 * "Save workspace": the inputs and settings of an analysis (never its results, which are recomputed
 * on open with the current engine), as a small JSON file that File → Open recognises.
 */
import { z } from 'zod';
import type { CapturedFlow } from '../core/model/input.js';
import type { AnalyzeRequestOptions } from '../ipc/contract.js';

export const WORKSPACE_FILE_FORMAT = 'samlscope-workspace';
export const WORKSPACE_FILE_EXTENSION = '.samlscope.json';

export interface WorkspaceInput {
  /** Where the text came from: file name, `Pasted text`, … */
  source: string;
  text: string;
  /** An in-app capture (then `text` is empty): analysed as a flow; a saved workspace keeps it as HAR text. */
  capture?: CapturedFlow;
}

export interface WorkspaceFile {
  format: typeof WORKSPACE_FILE_FORMAT;
  version: 1;
  savedAt: string;
  title: string;
  targetProfileId: string | null;
  inputs: WorkspaceInput[];
  options?: AnalyzeRequestOptions;
  demo?: boolean;
}

const workspaceFileSchema = z.object({
  format: z.literal(WORKSPACE_FILE_FORMAT),
  version: z.literal(1),
  savedAt: z.string(),
  title: z.string(),
  targetProfileId: z.union([z.string(), z.null()]),
  inputs: z.array(z.object({ source: z.string(), text: z.string() })).min(1),
  options: z
    .object({
      now: z.string().optional(),
      clockSkewSeconds: z.number().optional(),
      profile: z.enum(['auto', 'aws', 'generic']).optional(),
      idpMetadataXml: z.string().optional(),
      idpCertificatePem: z.string().optional(),
      sp: z.object({ entityId: z.string().optional(), acsUrl: z.string().optional() }).optional(),
      authnRequest: z.string().optional(),
    })
    .optional(),
  demo: z.boolean().optional(),
});

export function serializeWorkspace(file: WorkspaceFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * The workspace in `text`, `null` when the text is not a workspace file at all (so it is analysed
 * as input instead), or an error when it claims to be one but is damaged.
 */
export function parseWorkspaceFile(text: string): WorkspaceFile | null {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('{') || !trimmed.includes(WORKSPACE_FILE_FORMAT)) return null;
  let data: unknown;
  try {
    data = JSON.parse(trimmed);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== WORKSPACE_FILE_FORMAT) return null;
  const parsed = workspaceFileSchema.safeParse(data);
  if (!parsed.success) {
    throw new Error(`The workspace file is damaged: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ')}`);
  }
  return parsed.data as WorkspaceFile;
}
