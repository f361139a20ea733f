/**
 * The app's own origin. The window loads `app://samlscope/index.html`; IPC senders, navigation and
 * permission checks compare against it. Parsed with `new URL`, never with string prefixes
 * (security checklist #13): `app://samlscope.evil/…` or `app://samlscope@evil/…` must not pass.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'samlscope';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Host of the separate, script-less session that prints reports to PDF. Never trusted for IPC. */
export const REPORT_PRINT_HOST = 'report-print';

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for URLs of the app window's origin (`app://samlscope/...`). */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  // Node's WHATWG URL reports origin "null" for non-special schemes, so compare the parts.
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.hostname === APP_HOST && u.port === '' && u.username === '' && u.password === '';
}
