/**
 * Turns HTTP statuses and socket/TLS errors into sentences an administrator can act on
 * (with the Atlassian-specific causes). Nothing here sees a secret.
 */
import { ConnectorError } from './connector-error.js';
import { ownValue } from '../core/model/own.js';

export type AuthType = 'pat' | 'basic';

export interface StatusContext {
  status: number;
  /** `GET <url>`. */
  request: string;
  authType: AuthType;
  /** Error text the product put in its JSON body (Jira errorMessages, Bitbucket errors[].message, Crowd message). */
  serverMessage?: string;
  /** Jira/Confluence `X-Seraph-LoginReason` header (AUTHENTICATED_FAILED, AUTHENTICATION_DENIED, …). */
  loginReason?: string;
  /** Redirect target with its query removed. */
  location?: string;
}

function withServer(text: string, serverMessage: string | undefined): string {
  return serverMessage ? `${text} The server said: "${serverMessage.replace(/[.\s]+$/, '')}".` : text;
}

/** A non-2xx answer (after retries) as a ConnectorError. */
export function explainStatus(ctx: StatusContext): ConnectorError {
  const { status, request } = ctx;
  const head = `${request} answered ${status}`;
  const details = { request, status };

  if (status >= 300 && status < 400) {
    const where = ctx.location ? ` to ${ctx.location}` : '';
    return new ConnectorError(
      `${head}: a redirect${where}. A REST call should answer with JSON directly; a redirect usually means an SSO or reverse-proxy ` +
        'login page intercepted the request, or the base URL is slightly wrong (http instead of https, missing or extra context path such as /jira). ' +
        'Use the exact base URL shown in the product\'s general configuration.',
      { kind: 'redirect', ...details },
    );
  }

  if (status === 401) {
    const captcha = ctx.loginReason === 'AUTHENTICATION_DENIED'
      ? ' The product reports AUTHENTICATION_DENIED: too many failed logins triggered a CAPTCHA for this account; log in once in a browser to clear it.'
      : '';
    const cause = ctx.authType === 'pat'
      ? 'The personal access token was not accepted: it is wrong, expired or revoked, or belongs to another instance. ' +
        'Create a new token in the product (Profile > Personal Access Tokens; Jira 8.14+, Confluence 7.9+, Bitbucket) and put it in the variable or keychain entry the profile\'s tokenRef names.'
      : 'The username or password was not accepted, or basic authentication is blocked: Atlassian\'s SSO for Data Center can block basic auth ' +
        'for REST calls. An administrator can check with GET /rest/basicauth/1.0/config ("block-requests": true) and add this account to "allowed-users" ' +
        'or the path to "allowed-paths", or use a personal access token instead (auth.type "pat").';
    return new ConnectorError(withServer(`${head} (unauthorised). ${cause}${captcha}`, ctx.serverMessage), { kind: 'auth', ...details });
  }

  if (status === 403) {
    const cause = 'The account is known but not allowed to read this: user, group, licence and permission lookups need an administrator account ' +
      '(Jira/Confluence administrator, Bitbucket ADMIN) or, for Crowd, the application\'s name and password with this client\'s IP address allowed. ' +
      'Personal access tokens act with their owner\'s rights, and on Bitbucket only work for paths under /rest and /scm.';
    const captcha = ctx.loginReason === 'AUTHENTICATION_DENIED'
      ? ' The product reports AUTHENTICATION_DENIED: a CAPTCHA is required after failed logins; log in once in a browser to clear it.'
      : '';
    return new ConnectorError(withServer(`${head} (forbidden). ${cause}${captcha}`, ctx.serverMessage), { kind: 'forbidden', ...details });
  }

  if (status === 404) {
    return new ConnectorError(
      withServer(
        `${head} (not found). The base URL or the product is probably wrong: check the context path (e.g. https://host/jira vs https://host) ` +
          'and that the profile\'s product matches what runs there (Jira, Confluence, Bitbucket or Crowd), or the product version predates this REST resource.',
        ctx.serverMessage,
      ),
      { kind: 'not-found', ...details },
    );
  }

  if (status === 429) {
    return new ConnectorError(
      `${head} (too many requests). The product's rate limiting throttles this account; wait and retry, ` +
        'limit the run with --users, or ask an administrator to exempt the account from rate limiting.',
      { kind: 'rate-limited', ...details },
    );
  }

  if (status === 503) {
    return new ConnectorError(
      withServer(`${head} (service unavailable). The node is starting, in maintenance or overloaded, or a proxy has no healthy backend; try again later.`, ctx.serverMessage),
      { kind: 'unavailable', ...details },
    );
  }

  const generic = status >= 500
    ? 'The server failed while answering; its logs (atlassian-jira.log, atlassian-confluence.log, atlassian-bitbucket.log) have the cause.'
    : 'The request was refused.';
  return new ConnectorError(withServer(`${head}. ${generic}`, ctx.serverMessage), { kind: 'http', ...details });
}

// OpenSSL / Node codes for certificate problems, each with the reason in plain words.
const TLS_REASONS: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the server presents a self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'the certificate chain ends in a certificate authority this computer does not trust (typically a company CA)',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the certificate is signed by an authority this computer does not know, or the server does not send its intermediate certificates',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the certificate is signed by an authority this computer does not know (typically a company CA)',
  UNABLE_TO_GET_ISSUER_CERT: 'the issuer of the certificate is unknown',
  CERT_HAS_EXPIRED: 'the server\'s certificate has expired',
  CERT_NOT_YET_VALID: 'the server\'s certificate is not valid yet (or this computer\'s clock is wrong)',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the certificate is issued for a different host name than the one in the base URL',
  CERT_REVOKED: 'the server\'s certificate has been revoked',
  CERT_SIGNATURE_FAILURE: 'the certificate signature is invalid',
  ERR_SSL_WRONG_VERSION_NUMBER: 'the server did not answer with TLS (the port probably speaks plain http)',
  ERR_SSL_PACKET_LENGTH_TOO_LONG: 'the server did not answer with TLS (the port probably speaks plain http)',
};

const TLS_FIX: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT:
    'If this is the right server, make this computer trust that certificate: save it (PEM; for a self-signed certificate the certificate is its own CA) to a file ' +
    'and start samlscope with the environment variable NODE_EXTRA_CA_CERTS=/path/to/server-cert.pem. Certificate verification stays on; samlscope never turns it off.',
  CERT_HAS_EXPIRED: 'The instance\'s administrator must renew the certificate.',
  CERT_NOT_YET_VALID: 'Check this computer\'s clock, or wait until the certificate becomes valid.',
  CERT_REVOKED: 'The instance\'s administrator must replace the certificate.',
  ERR_TLS_CERT_ALTNAME_INVALID: 'Use the host name the certificate is issued for in the profile\'s baseUrl, or have the certificate reissued with this name.',
  ERR_SSL_WRONG_VERSION_NUMBER: 'Check the scheme and port in the profile\'s baseUrl (http:// vs https://).',
  ERR_SSL_PACKET_LENGTH_TOO_LONG: 'Check the scheme and port in the profile\'s baseUrl (http:// vs https://).',
};

const TRUST_FIX = 'If the certificate is legitimate, make this computer trust its certificate authority: save the CA certificate (PEM) to a file and start ' +
  'samlscope with the environment variable NODE_EXTRA_CA_CERTS=/path/to/company-ca.pem. Certificate verification stays on; samlscope never turns it off.';

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL']);
const REFUSED_CODES = new Set(['ECONNREFUSED']);
const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

/** Every error code in an error, its causes and AggregateError members, outermost first. */
export function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  const seen = new Set<unknown>();
  const visit = (e: unknown): void => {
    if (typeof e !== 'object' || e === null || seen.has(e)) return;
    seen.add(e);
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && !codes.includes(code)) codes.push(code);
    visit((e as { cause?: unknown }).cause);
    const inner = (e as { errors?: unknown }).errors;
    if (Array.isArray(inner)) inner.forEach(visit);
  };
  visit(error);
  return codes;
}

/** A socket-level failure (no HTTP answer) as a ConnectorError. */
export function explainNetworkError(error: unknown, request: string, host: string): ConnectorError {
  const codes = errorCodes(error);
  const tls = codes.find((c) => Object.hasOwn(TLS_REASONS, c)) ?? codes.find((c) => /CERT|SSL|TLS/.test(c));
  if (tls) {
    const reason = ownValue(TLS_REASONS, tls) ?? 'the TLS handshake failed';
    const fix = ownValue(TLS_FIX, tls) ?? TRUST_FIX;
    return new ConnectorError(`${request} failed: the TLS certificate of ${host} was rejected (${tls}): ${reason}. ${fix}`, { kind: 'tls', request, code: tls });
  }
  const dns = codes.find((c) => DNS_CODES.has(c));
  if (dns) {
    return new ConnectorError(
      `${request} failed: the host name ${host} could not be resolved (${dns}). Check the spelling of the profile's baseUrl, and that this computer ` +
        'is on the network or VPN that can see the instance.',
      { kind: 'dns', request, code: dns },
    );
  }
  const refused = codes.find((c) => REFUSED_CODES.has(c));
  if (refused) {
    return new ConnectorError(
      `${request} failed: ${host} refused the connection (${refused}). Nothing listens on that port: check the port in the baseUrl, ` +
        'that the product is running, and any firewall in between.',
      { kind: 'refused', request, code: refused },
    );
  }
  const timeout = codes.find((c) => TIMEOUT_CODES.has(c));
  if (timeout) {
    return new ConnectorError(
      `${request} failed: ${host} did not answer in time (${timeout}). Check the network path (VPN, proxy, firewall) and the node's load.`,
      { kind: 'timeout', request, code: timeout },
    );
  }
  const code = codes[0];
  const what = error instanceof Error && error.message ? error.message : 'unknown network error';
  return new ConnectorError(
    `${request} failed before any answer${code ? ` (${code})` : ''}: ${what}. Check the network path to ${host} (VPN, proxy, firewall).`,
    { kind: 'network', request, ...(code ? { code } : {}) },
  );
}
