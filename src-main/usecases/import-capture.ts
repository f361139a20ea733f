/**
 * Use case: one workspace input as the engine's input. An in-app capture is analysed as the flow it is;
 * HAR and SAML-tracer exports (JSON objects) become a captured flow through the importer port; anything
 * else is one message for the engine's auto-detection. A JSON object that is no capture is refused with
 * the importer's explanation (which keys it has, what was expected).
 */
import type { AnalyzeInput } from '../core/model/input.js';
import type { CaptureImporter } from './ports.js';
import { stripBom } from './setup-texts.js';
import type { WorkspaceInput } from './workspace-file.js';

export async function toAnalyzeInput(input: WorkspaceInput, importCapture: CaptureImporter): Promise<AnalyzeInput> {
  if (input.capture) return { source: input.source, kind: 'capture', flow: input.capture };
  if (!stripBom(input.text).trimStart().startsWith('{')) return { source: input.source, content: input.text };
  return importCapture(input.text, input.source);
}
