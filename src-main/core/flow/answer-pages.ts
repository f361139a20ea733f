/**
 * Recognises the pages that explain a failed login: the error page Atlassian's SSO renders when it
 * rejects a response (texts in jit/product-messages.ts; e.g.
 * https://support.atlassian.com/jira/kb/users-unable-to-access-jira-after-enabling-sso/) and AWS IAM
 * Identity Center's "No access" for a user not assigned to the application
 * (https://github.com/tngan/samlify/issues/539). Matching is on the page's visible text, so it works for the real product
 * pages and for any page that carries the same sentence.
 */
import type { CapturedExchange } from '../model/input.js';
import { excerpt, pageText, pageTitle } from './page-text.js';

export type SpPageKind =
  | 'user-does-not-exist'
  | 'attribute-not-found'
  | 'license-limit'
  | 'not-permitted'
  | 'no-writable-directory'
  | 'nameid-not-found'
  | 'mapping-not-set'
  | 'http-error';

export interface SpErrorPage {
  side: 'sp';
  kind: SpPageKind;
  exchange: CapturedExchange;
  /** The sentence as the page shows it. */
  text: string;
  /** The username the SP looked up (user-does-not-exist, not-permitted). */
  user?: string;
  /** The attribute the SP did not find (attribute-not-found). */
  attribute?: string;
  /** display name, email or groups (mapping-not-set). */
  mapping?: string;
}

export interface IdpErrorPage {
  side: 'idp';
  kind: 'aws-no-access';
  exchange: CapturedExchange;
  text: string;
}

export type ErrorPage = SpErrorPage | IdpErrorPage;

interface SpPattern {
  kind: Exclude<SpPageKind, 'http-error'>;
  re: RegExp;
  /** Which capture group holds the user, attribute or mapping. */
  group?: 'user' | 'attribute' | 'mapping';
}

// The apostrophe in "license’s" is typographic in the product (U+2019); accept the plain one too (hand-copied pages, other versions).
// Written as \u2019 so the CLI bundle stays ASCII: esbuild escapes strings, not regular expression literals (scripts/build.mjs).
const SP_PATTERNS: SpPattern[] = [
  { kind: 'user-does-not-exist', re: /Received (?:SSO request|SAML assertion) for user (.+?), but the user (?:does not|doesn['\u2019]t) exist/i, group: 'user' },
  { kind: 'not-permitted', re: /Received (?:SSO request|SAML assertion) for user (.+?), but the user is not permitted to log ?in/i, group: 'user' },
  { kind: 'not-permitted', re: /(?:user )?(\S+) is not permitted to log ?in/i, group: 'user' },
  { kind: 'attribute-not-found', re: /Attribute \[([^\]]*)\] could not be found/i, group: 'attribute' },
  { kind: 'license-limit', re: /User could not be created due to the licen[cs]e['\u2019]?s? limit\.?/i },
  { kind: 'no-writable-directory', re: /JIT provisioning of group failed as there is no active internal directory with \[[^\]]*\] permissions/i },
  { kind: 'nameid-not-found', re: /NameID not found/ },
  { kind: 'mapping-not-set', re: /Configuration for (display name|email|groups) for SAML is not set/i, group: 'mapping' },
];

function bodyText(exchange: CapturedExchange): string | undefined {
  if (exchange.responseBody === undefined || exchange.responseBody === '') return undefined;
  return pageText(exchange.responseBody, exchange.responseContentType);
}

/** An Atlassian SSO error sentence on this page, if any. */
export function recognizeSpErrorPage(exchange: CapturedExchange): SpErrorPage | undefined {
  const text = bodyText(exchange);
  if (text === undefined) return undefined;
  for (const p of SP_PATTERNS) {
    const m = p.re.exec(text);
    if (!m) continue;
    const page: SpErrorPage = { side: 'sp', kind: p.kind, exchange, text: m[0].trim() };
    if (p.group && m[1] !== undefined) page[p.group] = m[1].trim();
    return page;
  }
  return undefined;
}

/** An HTTP error status on the page that received the response, described by its title or first words. */
export function httpErrorPage(exchange: CapturedExchange): SpErrorPage | undefined {
  if (exchange.status === undefined || exchange.status < 400) return undefined;
  const body = exchange.responseBody ?? '';
  const title = pageTitle(body);
  const text = bodyText(exchange);
  const what = title ?? (text ? excerpt(text, 160) : undefined);
  return { side: 'sp', kind: 'http-error', exchange, text: what ? `HTTP ${exchange.status}: ${what}` : `HTTP ${exchange.status}` };
}

const NO_ACCESS_JSON = /"message"\s*:\s*"No access"/;
const NO_ACCESS_TEXT = /\bNo access\b/;
const NO_ACCESS_CONTEXT = /administrator|assigned|access to (?:this|the) application/i;

/**
 * AWS's "No access": the access portal's API answers 403 `{"message":"No access","__type":"…ForbiddenException"}`
 * and the portal shows "No access" with "Confirm with your administrator that you have access to the
 * application…". Either form is accepted; the plain words alone are not enough.
 */
export function recognizeIdpErrorPage(exchange: CapturedExchange): IdpErrorPage | undefined {
  const body = exchange.responseBody;
  if (body === undefined) return undefined;
  if (NO_ACCESS_JSON.test(body) && (exchange.status === 403 || /ForbiddenException/.test(body))) {
    return { side: 'idp', kind: 'aws-no-access', exchange, text: 'No access' };
  }
  const text = bodyText(exchange);
  if (text && NO_ACCESS_TEXT.test(text) && NO_ACCESS_CONTEXT.test(text)) {
    const start = text.search(NO_ACCESS_TEXT);
    return { side: 'idp', kind: 'aws-no-access', exchange, text: excerpt(text.slice(start), 240) };
  }
  return undefined;
}
