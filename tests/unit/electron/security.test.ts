import { describe, expect, it, vi } from 'vitest';
import { APP_CSP, APP_CSP_META, REPORT_PRINT_CSP } from '../../../src-main/electron/csp.js';
import { isAllowedExternalUrl } from '../../../src-main/electron/external-links.js';
import { hardenWebContents, installSessionSecurity, withCsp } from '../../../src-main/electron/security.js';
import { fakeEvent, FakeSession, FakeWebContents } from './electron-mock.js';

type AnySession = Parameters<typeof installSessionSecurity>[0];
type AnyContents = Parameters<typeof hardenWebContents>[0];

function directives(csp: string): Map<string, string> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name ?? '', values.join(' ')]));
}

describe('Content-Security-Policy', () => {
  it('allows scripts and styles from the app only: no inline code, no eval, no remote origin', () => {
    const d = directives(APP_CSP);
    expect(d.get('default-src')).toBe("'none'");
    expect(d.get('script-src')).toBe("'self'");
    expect(d.get('style-src')).toBe("'self'");
    expect(d.get('object-src')).toBe("'none'");
    expect(d.get('base-uri')).toBe("'none'");
    expect(d.get('frame-ancestors')).toBe("'none'");
    expect(APP_CSP).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });

  it('has a meta-tag form without the header-only frame-ancestors', () => {
    expect(APP_CSP_META).not.toContain('frame-ancestors');
    expect(APP_CSP.startsWith(APP_CSP_META)).toBe(true);
  });

  it('is installed on every response of the session, replacing any policy the response had', () => {
    const session = new FakeSession();
    installSessionSecurity(session as unknown as AnySession, APP_CSP);
    const callback = vi.fn();
    session.headersListener!({ responseHeaders: { 'content-security-policy': ["default-src *"], 'X-Other': ['1'] } }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': [APP_CSP], 'X-Other': ['1'] } });
    expect(withCsp(undefined, 'x')).toEqual({ 'Content-Security-Policy': ['x'] });
  });

  it('runs report printing without scripts', () => {
    expect(directives(REPORT_PRINT_CSP).get('default-src')).toBe("'none'");
    expect(REPORT_PRINT_CSP).not.toMatch(/script-src/);
  });
});

describe('permissions', () => {
  const session = new FakeSession();
  installSessionSecurity(session as unknown as AnySession, APP_CSP);
  const app = { getURL: () => 'app://samlscope/index.html' };

  it.each(['media', 'geolocation', 'notifications', 'openExternal', 'display-capture', 'hid', 'clipboard-read', 'fullscreen'])('denies %s requests', (permission) => {
    const callback = vi.fn();
    session.permissionRequestHandler!(app, permission, callback, { requestingUrl: 'app://samlscope/index.html' });
    expect(callback).toHaveBeenCalledWith(false);
    expect(session.permissionCheckHandler!(app, permission, 'app://samlscope')).toBe(false);
  });

  it('grants only clipboard writes, and only to the app page (Copy buttons)', () => {
    const callback = vi.fn();
    session.permissionRequestHandler!(app, 'clipboard-sanitized-write', callback, { requestingUrl: 'app://samlscope/index.html' });
    expect(callback).toHaveBeenCalledWith(true);
    const foreign = vi.fn();
    session.permissionRequestHandler!(app, 'clipboard-sanitized-write', foreign, { requestingUrl: 'https://evil.example/' });
    expect(foreign).toHaveBeenCalledWith(false);
    expect(session.permissionCheckHandler!(null, 'clipboard-sanitized-write', 'https://evil.example')).toBe(false);
  });

  it('denies USB, HID and serial device access', () => {
    expect(session.devicePermissionHandler!({ deviceType: 'usb', origin: 'app://samlscope' })).toBe(false);
  });
});

describe('navigation and new windows', () => {
  function harden(browsesExternally = false): { contents: FakeWebContents; openExternal: ReturnType<typeof vi.fn> } {
    const contents = new FakeWebContents();
    const openExternal = vi.fn();
    hardenWebContents(contents as unknown as AnyContents, { openInBrowser: openExternal, mayBrowseExternally: (c) => browsesExternally && c === (contents as unknown) });
    return { contents, openExternal };
  }

  it('blocks navigation away from the app', () => {
    const { contents, openExternal } = harden();
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://samlscope.evil/', 'http://docs.aws.amazon.com/x', 'javascript:alert(1)']) {
      const event = fakeEvent();
      contents.emit('will-navigate', event, url);
      expect(event.defaultPrevented(), url).toBe(true);
    }
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('keeps navigation inside app://samlscope', () => {
    const { contents } = harden();
    const event = fakeEvent();
    contents.emit('will-navigate', event, 'app://samlscope/index.html#findings');
    expect(event.defaultPrevented()).toBe(false);
  });

  it('opens allow-listed documentation links in the OS browser instead of navigating', () => {
    const { contents, openExternal } = harden();
    const event = fakeEvent();
    contents.emit('will-navigate', event, 'https://confluence.atlassian.com/enterprise/jit-user-provisioning-1005342579.html');
    expect(event.defaultPrevented()).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://confluence.atlassian.com/enterprise/jit-user-provisioning-1005342579.html');
  });

  it('denies every new window; only allow-listed https links reach the OS browser', () => {
    const { contents, openExternal } = harden();
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'app://samlscope/index.html' })).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
    expect(contents.windowOpenHandler!({ url: 'https://docs.aws.amazon.com/singlesignon/latest/userguide/' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('lets the login capture window browse http(s), but nothing else and no new windows', () => {
    const { contents, openExternal } = harden(true);
    const idp = fakeEvent();
    contents.emit('will-navigate', idp, 'https://portal.sso.eu-central-1.amazonaws.com/saml/assertion/x');
    expect(idp.defaultPrevented()).toBe(false);
    const redirect = fakeEvent();
    contents.emit('will-redirect', redirect, 'https://jira.example.com/plugins/servlet/samlconsumer');
    expect(redirect.defaultPrevented()).toBe(false);
    const file = fakeEvent();
    contents.emit('will-navigate', file, 'file:///etc/passwd');
    expect(file.defaultPrevented()).toBe(true);
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('refuses <webview> and redirects away from the app', () => {
    const { contents } = harden();
    const attach = fakeEvent();
    contents.emit('will-attach-webview', attach, {}, {});
    expect(attach.defaultPrevented()).toBe(true);
    const redirect = fakeEvent();
    contents.emit('will-redirect', redirect, 'https://evil.example/');
    expect(redirect.defaultPrevented()).toBe(true);
  });
});

describe('external link allow-list', () => {
  it.each([
    ['https://docs.aws.amazon.com/singlesignon/latest/userguide/', true],
    ['https://wiki.resolution.de/doc/saml-sso/', true],
    ['http://docs.aws.amazon.com/', false],
    ['https://docs.aws.amazon.com.evil.example/', false],
    ['https://user:pw@confluence.atlassian.com/', false],
    ['https://confluence.atlassian.com:8443/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedExternalUrl(url)).toBe(allowed);
  });
});
