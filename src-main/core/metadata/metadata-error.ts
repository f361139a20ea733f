/** Metadata that parsed as XML but is not usable SAML metadata. Reported as `metadata.invalid`. */
export class MetadataError extends Error {
  readonly findingId = 'metadata.invalid' as const;

  constructor(message: string) {
    super(message);
    this.name = 'MetadataError';
  }
}
