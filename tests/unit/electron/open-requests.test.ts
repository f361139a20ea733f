import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { filesFromArgv, OpenRequestQueue, setupSingleInstance, type SingleInstanceApp } from '../../../src-main/electron/open-requests.js';
import { fakeEvent } from './electron-mock.js';

describe('files from the command line', () => {
  it('takes SAML, HAR and XML files, skipping the executable, the app path and switches', () => {
    expect(filesFromArgv(['/opt/samlscope/samlscope', '--no-sandbox', 'capture.har', '/abs/response.saml', 'notes.docx', 'meta.XML'], '/home/x')).toEqual([
      path.resolve('/home/x', 'capture.har'),
      '/abs/response.saml',
      path.resolve('/home/x', 'meta.XML'),
    ]);
    expect(filesFromArgv(['electron', '.', 'response.xml'], '/w')).toEqual([path.resolve('/w', 'response.xml')]);
  });
});

describe('open request queue', () => {
  it('holds files until the workspace is ready, then forwards in order', () => {
    const queue = new OpenRequestQueue();
    queue.push('/a.xml');
    queue.push('/b.har');
    const seen: string[] = [];
    queue.attach((f) => seen.push(f));
    queue.push('/c.saml');
    expect(seen).toEqual(['/a.xml', '/b.har', '/c.saml']);
  });
});

describe('single instance', () => {
  function fakeApp(lock: boolean) {
    const listeners = new Map<string, (...args: unknown[]) => void>();
    const app = {
      requestSingleInstanceLock: () => lock,
      quit: vi.fn(),
      on: (event: string, fn: (...args: unknown[]) => void) => void listeners.set(event, fn),
    };
    return { app: app as unknown as SingleInstanceApp & { quit: ReturnType<typeof vi.fn> }, listeners };
  }

  it('a second instance quits at once', () => {
    const { app } = fakeApp(false);
    expect(setupSingleInstance(app, new OpenRequestQueue(), vi.fn())).toBe(false);
    expect(app.quit).toHaveBeenCalled();
  });

  it('the first instance receives the second launch’s files and focuses its window', () => {
    const { app, listeners } = fakeApp(true);
    const queue = new OpenRequestQueue();
    const seen: string[] = [];
    queue.attach((f) => seen.push(f));
    const focus = vi.fn();
    expect(setupSingleInstance(app, queue, focus)).toBe(true);
    listeners.get('second-instance')!(fakeEvent(), ['/opt/samlscope/samlscope', 'trace.har'], '/home/agent');
    expect(focus).toHaveBeenCalled();
    expect(seen).toEqual([path.resolve('/home/agent', 'trace.har')]);
  });

  it('macOS open-file events are taken over from the OS and queued', () => {
    const { app, listeners } = fakeApp(true);
    const queue = new OpenRequestQueue();
    setupSingleInstance(app, queue, vi.fn());
    const event = fakeEvent();
    listeners.get('open-file')!(event, '/Users/a/response.saml');
    expect(event.defaultPrevented()).toBe(true);
    const seen: string[] = [];
    queue.attach((f) => seen.push(f));
    expect(seen).toEqual(['/Users/a/response.saml']);
  });
});
