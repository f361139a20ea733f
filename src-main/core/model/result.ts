import type { Finding } from './finding.js';
import type { MessageResult } from './message.js';
import type { FlowTimeline } from './flow.js';

export const SCHEMA_VERSION = 1 as const;

/** How an input was recognised. */
export type DetectedInput =
  | 'xml'
  | 'base64'
  | 'form-body'
  | 'url'
  | 'query-string'
  | 'har'
  | 'saml-tracer'
  | 'capture'
  | 'unrecognized';

/** The result of `samlscope analyze` for one input: the contract other tools and tests rely on. */
export interface AnalysisResult {
  schemaVersion: typeof SCHEMA_VERSION;
  input: { source: string; detected: DetectedInput };
  /** Problems with the input as a whole (unreadable, too large, malformed) and flow findings across messages. */
  findings: Finding[];
  messages: MessageResult[];
  /** For captures (HAR, SAML-tracer, in-app): the exchanges in order, the messages each carried, and how requests and responses pair up. */
  flow?: FlowTimeline;
  /** Facts about the setup that are not findings (detected IdP profile, decoded AWS issuer). */
  context?: AnalysisContext;
}

export interface AwsIssuerInfo {
  region: string;
  accountId?: string;
  applicationInstanceId?: string;
  encodedId: string;
}

export interface AnalysisContext {
  profile: 'aws' | 'generic';
  aws?: AwsIssuerInfo;
  now: string;
  clockSkewSeconds: number;
}
