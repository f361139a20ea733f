/** The use cases' `CaptureImporter` over the HAR / SAML-tracer importer (fast byte scan, streaming fallback). */
import { importCaptureText } from './import-capture.js';
import type { CaptureImporter } from '../usecases/ports.js';

export const textCaptureImporter: CaptureImporter = async (text, source) => {
  const imported = await importCaptureText(text, source);
  return { source, kind: imported.kind, flow: imported.flow };
};
