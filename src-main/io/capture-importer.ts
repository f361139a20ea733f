/** The use cases' `CaptureImporter` over the streaming HAR / SAML-tracer importer. */
import { importCaptureChunks } from '../capture/import-capture.js';
import type { CaptureImporter } from '../usecases/ports.js';

export const textCaptureImporter: CaptureImporter = async (text, source) => {
  const imported = await importCaptureChunks(
    (async function* () {
      yield text;
    })(),
    source,
  );
  return { source, kind: imported.kind, flow: imported.flow };
};
