/**
 * The one error type the connectors throw. Its message is written for the administrator running
 * samlscope: what happened, the likely cause, and what to do. It never contains a secret: the
 * client keeps the Authorization header to itself and the URL it reports has no credentials.
 */
export type ConnectorErrorKind =
  | 'auth' // 401
  | 'forbidden' // 403
  | 'not-found' // 404 that is not a "no such user" answer
  | 'redirect' // 3xx: usually an SSO or proxy login page
  | 'rate-limited' // 429 after every retry
  | 'unavailable' // 503 after every retry
  | 'http' // any other unexpected status
  | 'tls'
  | 'dns'
  | 'refused'
  | 'network'
  | 'timeout' // one request took longer than the per-request timeout
  | 'deadline' // the request and its retries took longer than the overall deadline
  | 'too-large'
  | 'bad-json' // not JSON, or JSON of an unexpected shape
  | 'aborted'
  | 'unsupported'; // a request samlscope cannot make for this product or auth type

export interface ConnectorErrorDetails {
  kind: ConnectorErrorKind;
  /** Method and URL the failure belongs to, e.g. `GET https://jira.example.com/rest/api/2/user?username=alice`. */
  request?: string;
  status?: number;
  /** Node/undici/OpenSSL error code when there is one (e.g. `DEPTH_ZERO_SELF_SIGNED_CERT`, `UND_ERR_CONNECT_TIMEOUT`). */
  code?: string;
}

export class ConnectorError extends Error {
  readonly kind: ConnectorErrorKind;
  readonly request?: string;
  readonly status?: number;
  readonly code?: string;

  constructor(message: string, details: ConnectorErrorDetails) {
    super(message);
    this.name = 'ConnectorError';
    this.kind = details.kind;
    this.request = details.request;
    this.status = details.status;
    this.code = details.code;
  }
}
