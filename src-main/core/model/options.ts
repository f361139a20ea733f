import type { TrustedCertificate } from './certificate.js';

/** IdP metadata as samlscope reads it (AWS IAM Identity Center publishes one per application). */
export interface IdpMetadata {
  entityId: string;
  /** Base64 DER bodies of every `use="signing"` (or unspecified use) certificate, in document order. */
  signingCertificates: string[];
  ssoServices: Endpoint[];
  sloServices: Endpoint[];
  nameIdFormats: string[];
  wantAuthnRequestsSigned?: boolean;
}

export interface SpMetadata {
  entityId: string;
  assertionConsumerServices: Array<Endpoint & { index?: number; isDefault?: boolean }>;
  nameIdFormats: string[];
  authnRequestsSigned?: boolean;
  wantAssertionsSigned?: boolean;
  /** Base64 DER bodies of encryption certificates. */
  encryptionCertificates: string[];
  /** Base64 DER bodies of signing certificates: what the SP's signed requests verify against. */
  signingCertificates?: string[];
}

export interface Endpoint {
  binding: string;
  location: string;
}

/** A private key the SP uses to decrypt EncryptedAssertion. */
export interface SpPrivateKey {
  pem: string;
  origin: string;
}

/** Everything `analyze` needs besides the message itself. All content, no file paths: the adapters read files. */
export interface AnalysisOptions {
  /** The only certificates any signature is verified against. */
  trustedCertificates: TrustedCertificate[];
  idpMetadata?: IdpMetadata;
  spMetadata?: SpMetadata;
  /** The SP's own settings; explicit values override what SP metadata says. */
  sp: { entityId?: string; acsUrl?: string };
  spPrivateKeys: SpPrivateKey[];
  /** The AuthnRequest the response answers, as raw input (any encoding `analyze` accepts). */
  authnRequest?: string;
  now: Date;
  /**
   * True when the user fixed the clock (`--now`, "evaluate at"). Otherwise messages of a capture are judged
   * at the instant they were captured, so yesterday's HAR does not read as expired today.
   */
  nowIsExplicit?: boolean;
  /**
   * `issue-instant`: judge each input at its login message's IssueInstant plus one minute (an old capture
   * is then judged as when it was sent); `now` applies when no message carries an IssueInstant.
   */
  clockPolicy?: 'issue-instant';
  clockSkewSeconds: number;
  /** `auto` recognises AWS IAM Identity Center from the issuer host. */
  profile: 'auto' | 'aws' | 'generic';
}

export const DEFAULT_CLOCK_SKEW_SECONDS = 180;

/** Options with nothing configured but the clock: the engine never reads the wall clock itself. */
export function defaultOptions(now: Date, overrides: Partial<AnalysisOptions> = {}): AnalysisOptions {
  return {
    trustedCertificates: [],
    sp: {},
    spPrivateKeys: [],
    now,
    clockSkewSeconds: DEFAULT_CLOCK_SKEW_SECONDS,
    profile: 'auto',
    ...overrides,
  };
}
