/**
 * Use case: open and save a workspace. "Save workspace" keeps the inputs and settings of an analysis
 * (never its results, which are recomputed on open with the current engine) as a small JSON file that
 * File → Open recognises, whether it is opened, dropped or pasted. Its options are checked with the one
 * analysis options schema, so a damaged value (a `now` that is no instant) is refused naming the field.
 */
import { z } from 'zod';
import type { CapturedFlow } from '../core/model/input.js';
import { analysisOptionsSchema, isoInstantSchema } from './analysis-options-schema.js';
import { stripBom } from './setup-texts.js';

export const WORKSPACE_FILE_FORMAT = 'samlscope-workspace';
export const WORKSPACE_FILE_EXTENSION = '.samlscope.json';

export const workspaceFileSchema = z.object({
  format: z.literal(WORKSPACE_FILE_FORMAT),
  version: z.literal(1),
  savedAt: isoInstantSchema,
  title: z.string(),
  targetProfileId: z.union([z.string().min(1), z.null()]),
  inputs: z.array(z.object({ source: z.string(), text: z.string() })).min(1),
  options: analysisOptionsSchema.optional(),
  demo: z.boolean().optional(),
});

export type WorkspaceFile = z.infer<typeof workspaceFileSchema>;

export interface WorkspaceInput {
  /** Where the text came from: file name, `Pasted text`, … */
  source: string;
  text: string;
  /** An in-app capture (then `text` is empty): analysed as a flow; a saved workspace keeps it as HAR text. */
  capture?: CapturedFlow;
}

export function serializeWorkspace(file: WorkspaceFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  return `${issue.path.join('.') || '(file)'}: ${issue.message}`;
}

/**
 * The workspace in `text`, `null` when the text is not a workspace file at all (so it is analysed
 * as input instead), or an error naming each damaged field when it claims to be one.
 */
export function parseWorkspaceFile(text: string): WorkspaceFile | null {
  const trimmed = stripBom(text).trimStart();
  if (!trimmed.startsWith('{') || !trimmed.includes(WORKSPACE_FILE_FORMAT)) return null;
  let data: unknown;
  try {
    data = JSON.parse(trimmed);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== WORKSPACE_FILE_FORMAT) return null;
  const parsed = workspaceFileSchema.safeParse(data);
  if (!parsed.success) throw new Error(`The workspace file is damaged: ${parsed.error.issues.map(describeIssue).join('; ')}`);
  return parsed.data;
}

/** What reopening a saved workspace analyses: its title, inputs, own options and profile. */
export interface OpenedWorkspace {
  title: string;
  inputs: WorkspaceInput[];
  options?: WorkspaceFile['options'];
  optionsOrigin?: string;
  targetProfileId: string | null;
  demo: boolean;
}

export function openedWorkspace(saved: WorkspaceFile): OpenedWorkspace {
  return {
    title: saved.title,
    inputs: saved.inputs,
    ...(saved.options ? { options: saved.options, optionsOrigin: 'the saved workspace' } : {}),
    targetProfileId: saved.targetProfileId,
    demo: saved.demo ?? false,
  };
}

export interface SaveWorkspaceRequest {
  title: string;
  inputs: WorkspaceInput[];
  targetProfileId: string | null;
  /** The setup as used (trust anchor, SP settings, time) so the file reopens with the same result; never the SP key. */
  options: NonNullable<WorkspaceFile['options']>;
  demo: boolean;
  savedAt: Date;
  /** An in-app capture is kept as the HAR it would be saved as, so the file reopens as a flow. */
  captureAsText: (capture: CapturedFlow) => string;
}

/** The saved workspace's file name (no folder) and content. */
export function saveWorkspace(request: SaveWorkspaceRequest): { fileName: string; content: string } {
  const slug = request.title.replace(/\.[A-Za-z0-9]+$/, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'workspace';
  const content = serializeWorkspace({
    format: WORKSPACE_FILE_FORMAT,
    version: 1,
    savedAt: request.savedAt.toISOString(),
    title: request.title,
    targetProfileId: request.targetProfileId,
    inputs: request.inputs.map((i) => ({ source: i.source, text: i.capture ? request.captureAsText(i.capture) : i.text })),
    ...(Object.keys(request.options).length > 0 ? { options: request.options } : {}),
    ...(request.demo ? { demo: true } : {}),
  });
  return { fileName: `${slug}${WORKSPACE_FILE_EXTENSION}`, content };
}
