/**
 * The Content-Security-Policy of the app window (Electron security checklist #7). Installed twice:
 * as an HTTP header on every app:// response and by `session.webRequest.onHeadersReceived`, and as a
 * `<meta http-equiv>` tag in src-renderer/index.html (so the e2e harness in plain Chromium runs under
 * the same policy). No inline script, no eval, no remote origin: the renderer talks to main only
 * through the preload API.
 */
const DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['worker-src', "'self'"],
  ['manifest-src', "'self'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['object-src', "'none'"],
];

/** The meta-tag form: `frame-ancestors` is ignored (and warned about) in a meta tag, so it is header-only. */
export const APP_CSP_META = DIRECTIVES.map(([name, value]) => `${name} ${value}`).join('; ');

export const APP_CSP = `${APP_CSP_META}; frame-ancestors 'none'`;

/**
 * The hidden window that prints a report to PDF runs with JavaScript disabled and loads one
 * self-contained HTML document: inline styles and data: images are all it may use.
 */
export const REPORT_PRINT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
