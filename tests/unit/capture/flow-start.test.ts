/**
 * A captured login starts at the SP's first request (the protected page) and the SP's login redirect,
 * not at the IdP's SSO URL where the first SAML message appears.
 */
import { describe, expect, test } from 'vitest';
import { analyze } from '../../../src-main/core/analyze.js';
import { importCaptureChunks } from '../../../src-main/capture/import-capture.js';
import { leadInOf } from '../../../src-main/core/flow/lead-in.js';
import type { CapturedExchange, CapturedFlow } from '../../../src-main/core/model/input.js';
import { awsIssuer, buildAuthnRequest } from '../../fixtures/aws-response.js';
import { JIRA, REQUEST_ID, flowOptions, loginFlow } from '../flow/flow-fixture.js';
import { chunksOf, harOf, scriptEntry } from './capture-files.js';

const PROTECTED = `${JIRA}/browse/ABC-1`;
const SSO_SERVLET = `${JIRA}/plugins/servlet/samlsso?redirectTo=%2Fbrowse%2FABC-1`;

/** Another page, the protected page, the SP's login redirect, then the login of loginFlow() from the IdP on. */
function flowFromProtectedPage(): CapturedFlow {
  const login = loginFlow().exchanges;
  const requestUrl = login[1]!.url;
  const exchanges: Array<Omit<CapturedExchange, 'index'>> = [
    { method: 'GET', url: `${JIRA}/secure/Unrelated.jspa`, status: 200, responseContentType: 'text/html', responseBody: '<html>other</html>' },
    { method: 'GET', url: PROTECTED, status: 302, location: '/plugins/servlet/samlsso?redirectTo=%2Fbrowse%2FABC-1' },
    { method: 'GET', url: SSO_SERVLET, status: 302, location: requestUrl },
    ...login.slice(1).map(({ index: _index, ...e }) => e),
  ];
  return { exchanges: exchanges.map((e, index) => ({ ...e, index })) };
}

describe('a capture starts at the SP\'s first request', () => {
  test('HAR import keeps the protected page and the SP login redirect before the AuthnRequest, not unrelated pages', async () => {
    const har = harOf(flowFromProtectedPage(), 'chrome', (i) => (i === 2 ? [scriptEntry('https://cdn.example.com/app.js', 100)] : []));
    const imported = await importCaptureChunks(chunksOf(JSON.stringify(har), 500), 'login.har');
    const urls = imported.flow.exchanges.map((e) => e.url);
    expect(urls[0]).toBe(PROTECTED);
    expect(urls[1]).toBe(SSO_SERVLET);
    expect(urls[2]).toContain('SAMLRequest=');
    expect(urls).not.toContain(`${JIRA}/secure/Unrelated.jspa`);
    expect(urls.some((u) => u.endsWith('.js'))).toBe(false);

    const result = await analyze({ source: 'login.har', kind: 'har', flow: imported.flow }, flowOptions());
    expect(result.flow?.entries[0]).toMatchObject({ method: 'GET', url: PROTECTED, status: 302, messages: [] });
    expect(result.flow?.entries[2]!.messages[0]).toMatchObject({ type: 'AuthnRequest', id: REQUEST_ID });
  });

  test('an HTTP-POST AuthnRequest: the SP\'s auto-submitting form page and the redirect to it lead the flow', () => {
    const post: CapturedExchange = { index: 5, method: 'POST', url: awsIssuer(), status: 200, requestBody: `SAMLRequest=${encodeURIComponent(Buffer.from(buildAuthnRequest()).toString('base64'))}` };
    const earlier: CapturedExchange[] = [
      { index: 1, method: 'GET', url: `${JIRA}/other`, status: 200, responseContentType: 'text/html' },
      { index: 2, method: 'GET', url: PROTECTED, status: 302, location: SSO_SERVLET },
      { index: 3, method: 'GET', url: SSO_SERVLET, status: 200, responseContentType: 'text/html; charset=utf-8' },
    ];
    expect(leadInOf(earlier, post).map((e) => e.index)).toEqual([2, 3]);
  });

  test('an IdP-initiated login has no SP lead-in', () => {
    const response: CapturedExchange = { index: 4, method: 'POST', url: `${JIRA}/plugins/servlet/samlconsumer`, status: 302, requestBody: 'SAMLResponse=x' };
    const portal: CapturedExchange = { index: 1, method: 'GET', url: 'https://portal.sso.eu-west-1.amazonaws.com/start', status: 200, responseContentType: 'text/html' };
    expect(leadInOf([portal], response)).toEqual([]);
  });
});
