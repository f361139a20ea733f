/**
 * Where a login starts: the SP's first request (the protected page) and its login redirect, before the
 * browser reaches the IdP with the AuthnRequest. Found by following redirects back from the exchange that
 * carries the SAML message; an HTTP-POST AuthnRequest is sent by an auto-submitting form, so for a POST the
 * HTML page just before it (the SP's form page) counts as the step that led to it.
 */
import type { CapturedExchange } from '../model/input.js';
import { samlCarriersOf } from './saml-carriers.js';

const SAML_REQUEST = /(?:^|[?&])\s*SAMLRequest=/;

/** True when the exchange sends a SAMLRequest (the SP's side of a login, or a logout request). */
function sendsSamlRequest(exchange: CapturedExchange): boolean {
  return samlCarriersOf(exchange).some((c) => SAML_REQUEST.test(c.where === 'query' ? c.text.slice(c.text.indexOf('?')) : c.text));
}

function normalised(url: string, base?: string): string | undefined {
  try {
    const u = new URL(url, base);
    u.hash = '';
    return u.href;
  } catch {
    return undefined;
  }
}

/** The exchange in `earlier` whose redirect led to `target`, searching from the latest back. */
function redirectInto(earlier: CapturedExchange[], target: CapturedExchange): CapturedExchange | undefined {
  const url = normalised(target.url);
  if (url === undefined) return undefined;
  for (let i = earlier.length - 1; i >= 0; i--) {
    const e = earlier[i]!;
    if (e.index >= target.index || e.location === undefined) continue;
    if (normalised(e.location, e.url) === url) return e;
  }
  return undefined;
}

/** For a form post: the HTML page right before it (the page whose form the browser submitted). */
function formPageBefore(earlier: CapturedExchange[], target: CapturedExchange): CapturedExchange | undefined {
  if (target.method !== 'POST') return undefined;
  const before = earlier.filter((e) => e.index < target.index);
  const last = before[before.length - 1];
  const isPage = last !== undefined && last.status !== undefined && last.status >= 200 && last.status < 300 && /html/i.test(last.responseContentType ?? '');
  return isPage ? last : undefined;
}

/**
 * The exchanges (from `earlier`, in capture order) that led to `carrier` when it sends a SAMLRequest: its
 * redirect chain back to the SP's first request. Empty for anything else (e.g. an IdP-initiated response).
 */
export function leadInOf(earlier: CapturedExchange[], carrier: CapturedExchange): CapturedExchange[] {
  if (!sendsSamlRequest(carrier)) return [];
  const chain: CapturedExchange[] = [];
  let target = carrier;
  while (chain.length < earlier.length) {
    const previous = redirectInto(earlier, target) ?? (chain.length === 0 ? formPageBefore(earlier, target) : undefined);
    if (!previous || chain.includes(previous)) break;
    chain.unshift(previous);
    target = previous;
  }
  return chain;
}
