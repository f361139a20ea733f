import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./electron-mock.js')).electronModule);

const { state, FakeSession } = await import('./electron-mock.js');
const { createAppProtocolHandler, registerAppScheme, resolveAppPath, serveRendererFrom } = await import('../../../src-main/electron/app-protocol.js');
const { createPrintProtocolHandler } = await import('../../../src-main/electron/pdf-printer.js');
const { APP_CSP } = await import('../../../src-main/electron/csp.js');

let root: string;
let secretFile: string;
beforeAll(async () => {
  const base = await mkdtemp(path.join(tmpdir(), 'samlscope-protocol-'));
  root = path.join(base, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>samlscope</title>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  secretFile = path.join(base, 'secret.txt');
  await writeFile(secretFile, 'not for the renderer');
});
afterAll(async () => {
  await rm(path.dirname(root), { recursive: true, force: true });
});

describe('app:// scheme', () => {
  it('is registered as a privileged standard, secure scheme', () => {
    registerAppScheme();
    expect(state.privilegedSchemes).toContainEqual({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) });
  });

  it('maps URLs into the renderer folder', () => {
    expect(resolveAppPath(root, 'app://samlscope/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://samlscope/assets/app.js?v=1#x')).toBe(path.join(root, 'assets', 'app.js'));
  });

  it.each([
    'app://samlscope/%2e%2e%2fsecret.txt',
    'app://samlscope/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://samlscope/..%5csecret.txt',
    'app://samlscope/index.html%00.js',
    'app://samlscope/%E0%A4%A',
    'app://other-host/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });

  it.each([
    ['app://samlscope/../secret.txt', 'secret.txt'],
    ['app://samlscope/%2e%2e/secret.txt', 'secret.txt'],
    ['app://samlscope/%2fetc%2fpasswd', 'etc/passwd'],
  ])('keeps %s inside the renderer folder (the URL parser already removed the dot segments)', (url, inside) => {
    expect(resolveAppPath(root, url)).toBe(path.join(root, inside));
  });

  it('serves files with the CSP and nosniff headers and the right type', async () => {
    const handler = createAppProtocolHandler(root);
    const res = await handler(new Request('app://samlscope/index.html'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('samlscope');
    expect((await handler(new Request('app://samlscope/assets/app.js'))).headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it('answers 403 for traversal, 404 for missing files and 405 for writes', async () => {
    const handler = createAppProtocolHandler(root);
    const traversal = await handler(new Request('app://samlscope/%2e%2e%2fsecret.txt'));
    expect(traversal.status).toBe(403);
    expect(await traversal.text()).not.toContain('not for the renderer');
    expect((await handler(new Request('app://samlscope/missing.js'))).status).toBe(404);
    expect((await handler(new Request('app://samlscope/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('is handled on the session the window uses', () => {
    const session = new FakeSession();
    serveRendererFrom(session as never, root);
    expect(session.protocolHandlers.has('app')).toBe(true);
  });
});

describe('report print protocol', () => {
  it('serves exactly the registered report document, nothing else', async () => {
    const token = '0d4b3c1e-9f0a-4c5e-8b7d-123456789abc';
    const handler = createPrintProtocolHandler(new Map([[token, '<p>report</p>']]));
    const ok = handler(new Request(`app://report-print/${token}.html`));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(handler(new Request(`app://samlscope/${token}.html`)).status).toBe(403);
    expect(handler(new Request('app://report-print/../index.html')).status).toBe(403);
    expect(handler(new Request('app://report-print/00000000-0000-0000-0000-000000000000.html')).status).toBe(403);
  });
});
