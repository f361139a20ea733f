/** A capture file that cannot be imported at all; the message names what is wrong and where. */
export class CaptureImportError extends Error {
  /** JSON path where the problem is, e.g. `log.entries[57].request.url`. */
  readonly path?: string;

  constructor(message: string, path?: string) {
    super(message);
    this.name = 'CaptureImportError';
    if (path !== undefined) this.path = path;
  }
}
