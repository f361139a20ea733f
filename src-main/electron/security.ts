/**
 * Session- and webContents-level hardening (https://www.electronjs.org/docs/latest/tutorial/security): CSP header, every permission denied,
 * navigation and new windows blocked, no <webview>. Installed on every session and every
 * webContents the app creates, so a later window cannot forget it.
 */
import type { Session, WebContents } from 'electron';
import { isAppUrl } from './app-origin.js';
import { isAllowedExternalUrl } from './external-links.js';

type Headers = Record<string, string[]>;

/** Replaces any Content-Security-Policy the response had with ours (header names are case-insensitive). */
export function withCsp(headers: Headers | undefined, csp: string): Headers {
  const out: Headers = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  out['Content-Security-Policy'] = [csp];
  return out;
}

/**
 * The one permission granted: writing text to the clipboard ("Copy fix value"), and only for the app
 * page itself. Everything else (camera, notifications, geolocation, openExternal, HID, …) is denied.
 */
function isWebUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

export function isPermissionAllowed(permission: string, requestingUrl: string): boolean {
  return permission === 'clipboard-sanitized-write' && isAppUrl(requestingUrl);
}

export function installSessionSecurity(ses: Session, csp: string): void {
  ses.setPermissionRequestHandler((webContents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl ?? webContents.getURL()));
  });
  ses.setPermissionCheckHandler((_webContents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin));
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders, csp) });
  });
}

export interface NavigationPolicyDeps {
  /** Hands an allow-listed https link to the OS browser (open-external.ts). */
  openInBrowser: (url: string) => void;
  /**
   * True for webContents that must browse the web (the login capture window): they may
   * navigate to http(s), but still get no new windows, no <webview> and no permissions. Checked at
   * navigation time, because windows mark themselves after construction.
   */
  mayBrowseExternally?: (contents: WebContents) => boolean;
}

/**
 * Navigation stays inside the app origin; anything else is cancelled, and allow-listed https
 * documentation links go to the OS browser instead. New windows are always denied.
 */
export function hardenWebContents(contents: WebContents, deps: NavigationPolicyDeps): void {
  const redirectOutside = (url: string): void => {
    if (isAllowedExternalUrl(url)) deps.openInBrowser(url);
  };
  const browsesExternally = (url: string): boolean => isWebUrl(url) && deps.mayBrowseExternally?.(contents) === true;
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url) || browsesExternally(url)) return;
    event.preventDefault();
    redirectOutside(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url) && !browsesExternally(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    redirectOutside(url);
    return { action: 'deny' };
  });
}
