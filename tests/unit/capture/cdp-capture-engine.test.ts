/**
 * The engine fed with CDP events in the order Chromium sends them for a login: a redirect chain with
 * the same requestId, a form POST whose body arrives only through getRequestPostData, bodies fetched
 * after loadingFinished (one of them base64), static resources ignored, clear and stop.
 */
import { describe, expect, test } from 'vitest';
import { CdpCaptureEngine } from '../../../src-main/capture/cdp-capture-engine.js';
import type { CapturedExchange } from '../../../src-main/core/model/input.js';
import { spLoginUrl } from '../../../src-main/capture/sp-login-url.js';

class FakeBrowser {
  readonly sent: Array<{ method: string; params?: Record<string, unknown> }> = [];
  bodies = new Map<string, { body: string; base64Encoded: boolean }>();
  postData = new Map<string, string>();

  async send(method: string, params?: Record<string, unknown>): Promise<unknown> {
    this.sent.push({ method, ...(params ? { params } : {}) });
    await new Promise((r) => setImmediate(r));
    const id = params?.requestId as string;
    if (method === 'Network.getResponseBody') {
      const b = this.bodies.get(id);
      if (!b) throw new Error('No resource with given identifier found');
      return b;
    }
    if (method === 'Network.getRequestPostData') return { postData: this.postData.get(id) };
    return {};
  }
}

const WALL = 1_795_000_000;

function login(engine: CdpCaptureEngine, browser: FakeBrowser): void {
  // 1: SP login → 302 to the IdP (same requestId "1" continues as the redirected request).
  engine.handleEvent('Network.requestWillBeSent', { requestId: '1', type: 'Document', wallTime: WALL, request: { url: 'https://jira.example.com/login.jsp', method: 'GET', headers: {} } });
  engine.handleEvent('Network.requestWillBeSent', {
    requestId: '1', type: 'Document', wallTime: WALL + 1,
    request: { url: 'https://portal.sso.eu-west-1.amazonaws.com/saml/assertion/abc?SAMLRequest=xyz&RelayState=r', method: 'GET', headers: {} },
    redirectResponse: { status: 302, headers: { Location: 'https://portal.sso.eu-west-1.amazonaws.com/saml/assertion/abc?SAMLRequest=xyz&RelayState=r' }, mimeType: '' },
  });
  engine.handleEvent('Network.responseReceived', { requestId: '1', type: 'Document', response: { status: 200, mimeType: 'text/html', headers: {} } });
  browser.bodies.set('1', { body: '<html>Sign in</html>', base64Encoded: false });
  engine.handleEvent('Network.loadingFinished', { requestId: '1' });
  // A script the page loads: ignored.
  engine.handleEvent('Network.requestWillBeSent', { requestId: '2', type: 'Script', request: { url: 'https://cdn.example.com/app.js', method: 'GET' } });
  engine.handleEvent('Network.loadingFinished', { requestId: '2' });
  // 3: the form POST to the ACS; Chromium left the body out (hasPostData), the engine asks for it.
  engine.handleEvent('Network.requestWillBeSent', { requestId: '3', type: 'Document', wallTime: WALL + 9, request: { url: 'https://jira.example.com/plugins/servlet/samlconsumer', method: 'POST', hasPostData: true, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } } });
  browser.postData.set('3', 'SAMLResponse=PHNhbWw%2B&RelayState=r');
  engine.handleEvent('Network.responseReceived', { requestId: '3', type: 'Document', response: { status: 400, mimeType: 'text/html', headers: {} } });
  browser.bodies.set('3', { body: Buffer.from('<p>Received SSO request for user jürgen, but the user does not exist</p>').toString('base64'), base64Encoded: true });
  engine.handleEvent('Network.loadingFinished', { requestId: '3' });
}

describe('CdpCaptureEngine', () => {
  test('turns a login into exchanges, live and in request order', async () => {
    const browser = new FakeBrowser();
    const live: CapturedExchange[] = [];
    const engine = new CdpCaptureEngine(browser, { onExchange: (e) => live.push(e) });
    await engine.start();
    expect(browser.sent[0]).toMatchObject({ method: 'Network.enable' });
    login(engine, browser);
    const flow = await engine.stop();
    expect(flow.exchanges).toEqual([
      { index: 0, method: 'GET', url: 'https://jira.example.com/login.jsp', startedAt: new Date(WALL * 1000).toISOString(), status: 302, location: 'https://portal.sso.eu-west-1.amazonaws.com/saml/assertion/abc?SAMLRequest=xyz&RelayState=r' },
      expect.objectContaining({ index: 1, method: 'GET', status: 200, responseContentType: 'text/html', responseBody: '<html>Sign in</html>' }),
      expect.objectContaining({ index: 2, method: 'POST', status: 400, requestContentType: 'application/x-www-form-urlencoded', requestBody: 'SAMLResponse=PHNhbWw%2B&RelayState=r', responseBody: '<p>Received SSO request for user jürgen, but the user does not exist</p>' }),
    ]);
    expect(live.map((e) => e.index).sort()).toEqual([0, 1, 2]);
    expect(browser.sent.filter((s) => s.method === 'Network.getResponseBody').map((s) => s.params?.requestId)).toEqual(['1', '3']);
  });

  test('a body that is gone (page navigated away) does not stop the capture', async () => {
    const browser = new FakeBrowser();
    const problems: string[] = [];
    const engine = new CdpCaptureEngine(browser, { onProblem: (p) => problems.push(p) });
    engine.handleEvent('Network.requestWillBeSent', { requestId: '9', type: 'Document', request: { url: 'https://idp.example.com/form', method: 'GET' } });
    engine.handleEvent('Network.responseReceived', { requestId: '9', response: { status: 200, mimeType: 'text/html' } });
    engine.handleEvent('Network.loadingFinished', { requestId: '9' });
    const flow = await engine.stop();
    expect(flow.exchanges[0]).toMatchObject({ status: 200 });
    expect(flow.exchanges[0]!.responseBody).toBeUndefined();
    expect(problems[0]).toContain('No resource with given identifier found');
  });

  test('malformed events are ignored, clear() forgets, events after stop() are ignored', async () => {
    const browser = new FakeBrowser();
    const engine = new CdpCaptureEngine(browser);
    engine.handleEvent('Network.requestWillBeSent', null);
    engine.handleEvent('Network.requestWillBeSent', { requestId: 5, request: { url: 7 } });
    engine.handleEvent('Page.frameNavigated', {});
    login(engine, browser);
    engine.clear();
    expect(engine.flow().exchanges).toEqual([]);
    engine.handleEvent('Network.requestWillBeSent', { requestId: '7', type: 'XHR', request: { url: 'https://portal.sso.eu-west-1.amazonaws.com/token/whoAmI', method: 'GET' } });
    await engine.stop();
    engine.handleEvent('Network.requestWillBeSent', { requestId: '8', type: 'Document', request: { url: 'https://late.example.com/', method: 'GET' } });
    expect(engine.flow().exchanges.map((e) => [e.index, e.url])).toEqual([[0, 'https://portal.sso.eu-west-1.amazonaws.com/token/whoAmI']]);
  });

  test('postDataEntries (newer Chromium) are read as the body', async () => {
    const engine = new CdpCaptureEngine(new FakeBrowser());
    engine.handleEvent('Network.requestWillBeSent', { requestId: '1', type: 'Document', request: { url: 'https://jira.example.com/plugins/servlet/samlconsumer', method: 'POST', hasPostData: true, postDataEntries: [{ bytes: Buffer.from('SAMLResponse=').toString('base64') }, { bytes: Buffer.from('abc').toString('base64') }] } });
    expect((await engine.stop()).exchanges[0]!.requestBody).toBe('SAMLResponse=abc');
  });
});

describe('spLoginUrl', () => {
  test('from the live base URL, else from the ACS URL; per product', () => {
    expect(spLoginUrl({ product: 'jira', sp: {}, instance: { live: { baseUrl: 'https://jira.example.com/' } } })).toBe('https://jira.example.com/login.jsp');
    expect(spLoginUrl({ product: 'confluence', sp: { acsUrl: 'https://wiki.example.com/confluence/plugins/servlet/samlconsumer' }, instance: { snapshot: 'x.json' } })).toBe('https://wiki.example.com/confluence/login.action');
    expect(spLoginUrl({ product: 'jira', sp: {}, instance: { snapshot: 'x.json' } })).toBeUndefined();
  });
});
