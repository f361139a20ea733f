/**
 * Captured login flows as the capture engine or an importer hands them over: SP login page, AuthnRequest
 * to IAM Identity Center (HTTP-Redirect), the IdP's auto-POST page, the Response posted to Jira's ACS,
 * and the SP's answer. Each option changes one thing, so a test shows one cause and its finding.
 */
import { analyze } from '../../../src-main/core/analyze.js';
import type { CapturedExchange, CapturedFlow } from '../../../src-main/core/model/input.js';
import { defaultOptions, type AnalysisOptions } from '../../../src-main/core/model/options.js';
import type { AnalysisResult } from '../../../src-main/core/model/result.js';
import { DEFAULTS, awsIssuer, buildAuthnRequest, signedAwsResponse, toPostBinding, toRedirectUrl, type SignedAwsResponseOptions } from '../../fixtures/aws-response.js';
import { IDP_KEY } from '../../fixtures/keys.js';

export const REQUEST_ID = '_req-4f1c';
export const RELAY_STATE = '/secure/Dashboard.jspa';
export const JIRA = 'https://jira.example.com';
export const RESOLUTION_ACS = `${JIRA}/plugins/servlet/samlsso`;

export interface FlowOptions {
  /** Omit the AuthnRequest (IdP-initiated login from the access portal). */
  noRequest?: boolean;
  /** Response@InResponseTo; default the request's ID; null → none. */
  inResponseTo?: string | null;
  /** URL the IdP posts the response to; default the requested ACS URL. */
  postTo?: string;
  /** Stop after the AuthnRequest (no response). */
  noResponse?: boolean;
  /** An IdP page after the request (e.g. AWS "No access"). */
  idpPage?: { status: number; contentType: string; body: string };
  /** The SP's answer to the response post; default a 302 to the dashboard. */
  spAnswer?: { status: number; contentType?: string; body?: string; location?: string };
  /** RelayState the IdP posts back; default what the SP sent; null → none. */
  responseRelayState?: string | null;
  /** RelayState the SP sends with its AuthnRequest; default RELAY_STATE; null → none. */
  requestRelayState?: string | null;
  /** Further response settings (the person: nameId, attributes). */
  response?: Omit<SignedAwsResponseOptions, 'inResponseTo'>;
  /** An earlier request that was abandoned before this login (a retry). */
  abandonedRequestBefore?: boolean;
}

const at = (seconds: number) => new Date(DEFAULTS.issueInstant.getTime() - 10_000 + seconds * 1000).toISOString();

export function loginFlow(opts: FlowOptions = {}): CapturedFlow {
  const exchanges: Omit<CapturedExchange, 'index'>[] = [];
  const sentRelay = opts.requestRelayState === null ? undefined : (opts.requestRelayState ?? RELAY_STATE);
  const requestUrl = toRedirectUrl(buildAuthnRequest({ id: REQUEST_ID }), awsIssuer(), sentRelay);
  if (opts.abandonedRequestBefore) {
    exchanges.push({ method: 'GET', url: toRedirectUrl(buildAuthnRequest({ id: '_req-old' }), awsIssuer(), RELAY_STATE), status: 200, startedAt: at(0), responseContentType: 'text/html', responseBody: '<html><body>Sign in</body></html>' });
  }
  exchanges.push({ method: 'GET', url: `${JIRA}/login.jsp`, status: 302, location: opts.noRequest ? `${JIRA}/` : requestUrl, startedAt: at(1) });
  if (!opts.noRequest) {
    exchanges.push({ method: 'GET', url: requestUrl, status: 200, startedAt: at(2), responseContentType: 'text/html', responseBody: '<html><body><form>Username</form></body></html>' });
  }
  if (opts.idpPage) {
    exchanges.push({ method: 'GET', url: 'https://portal.sso.eu-west-1.amazonaws.com/token/whoAmI', status: opts.idpPage.status, startedAt: at(5), responseContentType: opts.idpPage.contentType, responseBody: opts.idpPage.body });
  }
  if (!opts.noResponse) {
    const inResponseTo = opts.noRequest ? null : opts.inResponseTo === undefined ? REQUEST_ID : opts.inResponseTo;
    const xml = signedAwsResponse({ ...opts.response, inResponseTo });
    const relay = opts.responseRelayState === undefined ? sentRelay : (opts.responseRelayState ?? undefined);
    const body = `SAMLResponse=${encodeURIComponent(toPostBinding(xml))}${relay !== undefined ? `&RelayState=${encodeURIComponent(relay)}` : ''}`;
    const answer = opts.spAnswer ?? { status: 302, location: `${JIRA}${RELAY_STATE}` };
    const post: Omit<CapturedExchange, 'index'> = { method: 'POST', url: opts.postTo ?? DEFAULTS.acsUrl, status: answer.status, startedAt: at(9), requestContentType: 'application/x-www-form-urlencoded', requestBody: body };
    if (answer.location) post.location = answer.location;
    if (answer.contentType) post.responseContentType = answer.contentType;
    if (answer.body) post.responseBody = answer.body;
    exchanges.push(post);
    if (answer.location) exchanges.push({ method: 'GET', url: answer.location, status: 200, startedAt: at(10), responseContentType: 'text/html', responseBody: '<html><head><title>System Dashboard - Jira</title></head><body>Dashboard</body></html>' });
  }
  return { exchanges: exchanges.map((e, index) => ({ ...e, index })) };
}

export function flowOptions(overrides: Partial<AnalysisOptions> = {}): AnalysisOptions {
  return defaultOptions(new Date(DEFAULTS.issueInstant.getTime() + 30_000), {
    trustedCertificates: [{ pem: IDP_KEY.certificatePem, source: 'idp-cert', origin: 'test' }],
    ...overrides,
  });
}

export function analyzeFlowInput(flow: CapturedFlow, overrides: Partial<AnalysisOptions> = {}): Promise<AnalysisResult> {
  return analyze({ source: 'capture.har', kind: 'har', flow }, flowOptions(overrides));
}

/** An Atlassian "AuthenticationFailed" page (HTTP 400) carrying one message, as SSO 2.0 renders it. */
export function atlassianErrorPage(message: string): { status: number; contentType: string; body: string } {
  return {
    status: 400,
    contentType: 'text/html;charset=UTF-8',
    body: `<!DOCTYPE html><html><head><title>Authentication failed - Jira</title><script>var x = "Attribute [decoy] could not be found";</script></head><body><div class="aui-message error"><p>${message}</p><p>[UUID: 1b2c3d4e-aaaa-bbbb-cccc-1234567890ab]</p></div></body></html>`,
  };
}

export const idsOf = (result: AnalysisResult) => result.findings.map((f) => f.id);
