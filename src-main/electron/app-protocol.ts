/**
 * Serves the renderer build from `app://samlscope/` instead of `file://` (security checklist #18:
 * file:// pages can read every file; a custom protocol can read only the renderer folder).
 */
import { protocol, type Session } from 'electron';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin.js';
import { APP_CSP } from './csp.js';

/** Must run before `app.whenReady()`: privileges can only be granted before the first session exists. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // standard: relative URLs and origins work; secure: treated like https; fetch/CORS: Vite's module scripts load.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Maps an app:// URL to a file under `rootDir`, or `null` when the URL is for another host or would
 * leave the folder (`..`, encoded `%2e%2e%2f`, backslashes, absolute paths, NUL bytes).
 */
export function resolveAppPath(rootDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  if (pathname === '' || pathname === '/') pathname = '/index.html';
  const root = path.resolve(rootDir);
  const target = path.resolve(root, `.${pathname}`);
  const relative = path.relative(root, target);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return target;
}

export type FileReader = (file: string) => Promise<Uint8Array>;

const SECURITY_HEADERS = {
  'content-security-policy': APP_CSP,
  'x-content-type-options': 'nosniff',
  'cross-origin-opener-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
};

/** The `protocol.handle` callback, separate from Electron so it can be tested. */
export function createAppProtocolHandler(rootDir: string, read: FileReader = readFile): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405, headers: SECURITY_HEADERS });
    const file = resolveAppPath(rootDir, request.url);
    if (file === null) return new Response('Forbidden', { status: 403, headers: SECURITY_HEADERS });
    let body: Uint8Array;
    try {
      body = await read(file);
    } catch {
      return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    }
    const type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'content-type': type },
    });
  };
}

/** Registers the handler on the window's session (handlers are per session). */
export function serveRendererFrom(ses: Session, rootDir: string): void {
  ses.protocol.handle(APP_SCHEME, createAppProtocolHandler(rootDir));
}
