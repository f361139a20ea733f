import type { Binding } from './message.js';

/** One SAML protocol message pulled out of an input, before any XML parsing. */
export interface DecodedMessage {
  /** The XML document as text (base64/DEFLATE/URL encoding removed). */
  xml: string;
  binding: Binding;
  relayState?: string;
  /** HTTP-Redirect binding carries its signature in the query string. */
  redirectSignature?: { sigAlg: string; signature: string; signedQuery: string };
  /** Where in the input the message was found, e.g. `SAMLResponse form field` or `entry 12 POST https://jira.example.com/plugins/servlet/samlconsumer`. */
  origin: string;
}

/** One HTTP request/response pair of a captured login (HAR, SAML-tracer, in-app capture). */
export interface CapturedExchange {
  /** Position in the capture, from 0. */
  index: number;
  startedAt?: string;
  method: string;
  url: string;
  status?: number;
  /** Redirect target (Location header), when any. */
  location?: string;
  requestContentType?: string;
  /** Raw request body text (form posts), bounded by the importer. */
  requestBody?: string;
  /** Parsed form parameters when the importer had them (HAR postData.params). */
  requestParams?: Array<{ name: string; value: string }>;
  responseContentType?: string;
  /** Response body text (error pages, auto-POST forms), bounded by the importer. */
  responseBody?: string;
}

/** A captured login flow: the HTTP exchanges in order. */
export interface CapturedFlow {
  exchanges: CapturedExchange[];
  /** Problems the importer met (skipped entries, truncated bodies), shown as input findings. */
  notes?: string[];
}

/** What `analyze` accepts: one pasted or loaded text, or a captured flow from an importer. */
export type AnalyzeInput =
  | { source: string; content: string }
  | { source: string; kind: 'har' | 'saml-tracer' | 'capture'; flow: CapturedFlow };
