import { describe, expect, it, vi } from 'vitest';
import type { ChannelHandlers } from '../../../src-main/app-services/handler-types.js';
import { registerIpcHandlers, type IpcMainLike } from '../../../src-main/electron/ipc-registration.js';
import { isTrustedSender } from '../../../src-main/electron/sender-check.js';
import { INVOKE_CHANNELS, type Channel } from '../../../src-main/ipc/contract.js';
import { InvalidRequestError, validateRequest } from '../../../src-main/ipc/validators.js';

type Listener = (event: unknown, ...args: unknown[]) => unknown;

function setup() {
  const registered = new Map<string, Listener>();
  const ipcMain: IpcMainLike = {
    handle: (channel, fn) => void registered.set(channel, fn as Listener),
    removeHandler: (channel) => void registered.delete(channel),
  };
  const calls: Array<{ channel: string; request: unknown }> = [];
  const handlers = Object.fromEntries(
    INVOKE_CHANNELS.map((channel) => [channel, vi.fn(async (request: unknown) => (calls.push({ channel, request }), { ok: channel }))]),
  ) as unknown as ChannelHandlers;
  const dispose = registerIpcHandlers(ipcMain, handlers);
  const invoke = (channel: Channel, payload: unknown, frame: { url: string; parent: unknown } | null = { url: 'app://samlscope/index.html', parent: null }) =>
    Promise.resolve().then(() => registered.get(channel)!({ senderFrame: frame }, payload));
  return { registered, calls, invoke, dispose };
}

describe('IPC registration', () => {
  it('registers exactly the contract channels, and removes them again', () => {
    const { registered, dispose } = setup();
    expect([...registered.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
    dispose();
    expect(registered.size).toBe(0);
  });

  it('passes a valid request from the app window to its handler', async () => {
    const { invoke, calls } = setup();
    await expect(invoke('report:export', { format: 'pdf', redact: true })).resolves.toEqual({ ok: 'report:export' });
    expect(calls).toEqual([{ channel: 'report:export', request: { format: 'pdf', redact: true } }]);
  });
});

describe('sender check', () => {
  it.each([
    ['a foreign page', { url: 'https://evil.example/', parent: null }],
    ['a look-alike host', { url: 'app://samlscope.evil/index.html', parent: null }],
    ['credentials in the URL', { url: 'app://samlscope@evil/index.html', parent: null }],
    ['a file:// page', { url: 'file:///tmp/index.html', parent: null }],
    ['a sub-frame of the app', { url: 'app://samlscope/index.html', parent: {} }],
    ['the PDF print window', { url: 'app://report-print/x.html', parent: null }],
    ['a destroyed frame', null],
  ])('rejects %s before any validation or handler runs', async (_what, frame) => {
    const { invoke, calls } = setup();
    await expect(invoke('settings:get', {}, frame)).rejects.toThrow(/Refused settings:get: the request did not come from the samlscope window/);
    expect(calls).toHaveLength(0);
  });

  it('accepts the top-level app page', () => {
    expect(isTrustedSender({ senderFrame: { url: 'app://samlscope/index.html', parent: null } })).toBe(true);
  });
});

describe('payload validation', () => {
  it.each([
    ['report:export', { format: 'docx', redact: true }, /format/],
    ['report:export', { format: 'html' }, /redact/],
    ['report:export', { format: 'html', redact: true, path: '/etc/passwd' }, /path|Unrecognized key/i],
    ['workspace:analyze', { text: 42 }, /text/],
    ['workspace:analyze', { text: 'x', options: { now: 'yesterday' } }, /options\.now: must be an ISO 8601 date-time/],
    ['workspace:analyze', { text: 'x', options: { clockSkewSeconds: -5 } }, /clockSkewSeconds/],
    ['workspace:set-setup', { patch: { evaluateAt: { mode: 'custom', instant: 'tomorrow' } } }, /patch\.evaluateAt\.instant: must be an ISO 8601 date-time/],
    ['workspace:set-setup', { patch: { spKey: { text: '' } } }, /patch\.spKey/],
    ['workspace:set-setup', { patch: { unknown: true } }, /patch/],
    ['workspace:drop-file', { name: 'a.xml' }, /exactly one of text or bytes/],
    ['workspace:drop-file', { name: 'a.xml', text: 'x', bytes: new Uint8Array(1) }, /exactly one of text or bytes/],
    ['workspace:drop-file', { name: 'a.xml', bytes: 'not bytes' }, /bytes: must be a Uint8Array/],
    ['settings:set', { zoomFactor: 50 }, /zoomFactor/],
    ['settings:set', { theme: 'purple' }, /theme/],
    ['secrets:set', { name: '../../x', value: 'v' }, /name: must look like/],
    ['secrets:set', { name: 'ok', value: '' }, /value: must not be empty/],
    ['profiles:load', {}, /id/],
    ['settings:get', { extra: true }, /extra|Unrecognized key/i],
    ['settings:get', null, /\(request\)/],
    ['capture:start', { url: 'file:///etc/passwd' }, /url: must be an http:\/\/ or https:\/\/ URL/],
    ['capture:start', { url: 'javascript:alert(1)' }, /url: must be an http/],
    ['capture:start', { targetProfileId: '' }, /targetProfileId/],
    ['capture:save', { path: '/tmp/x.har' }, /path|Unrecognized key/i],
  ] as const)('%s rejects %j with a message naming the field', async (channel, payload, expected) => {
    const { invoke, calls } = setup();
    const error = await invoke(channel, payload).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toMatch(new RegExp(`^Invalid request for ${channel}: `));
    expect((error as Error).message).toMatch(expected);
    expect(calls).toHaveLength(0);
  });

  it('accepts each channel’s well-formed request', () => {
    const samples: { [C in Channel]: unknown } = {
      'workspace:analyze': { text: 'PHNhbWw+', source: 'Pasted', targetProfileId: null, options: { now: '2026-01-15T10:00:00Z', profile: 'aws', sp: { acsUrl: 'https://x' } } },
      'workspace:open-demo': {},
      'workspace:open-file': { targetProfileId: 'example:a/profile.yaml' },
      'workspace:drop-file': { name: 'capture.har', bytes: new Uint8Array([123, 125]) },
      'workspace:current': {},
      'workspace:simulate': { targetProfileId: null },
      'workspace:setup': { targetProfileId: null },
      'workspace:set-setup': { patch: { sp: { acsUrl: 'https://x', entityId: null }, evaluateAt: { mode: 'custom', instant: '2026-01-15T10:00:00Z' }, clockSkewSeconds: 60, spKey: null }, targetProfileId: 'example:a/profile.yaml' },
      'workspace:save': {},
      'profiles:list': {},
      'profiles:load': { id: 'user:x/profile.yaml' },
      'profiles:import': {},
      'report:export': { format: 'md', redact: false },
      'settings:get': {},
      'settings:set': { theme: 'system', presentationMode: true, zoomFactor: 1.5, targetProfileId: null, demoSeen: true },
      'secrets:status': {},
      'secrets:set': { name: 'jira-token', value: 'secret' },
      'secrets:delete': { name: 'jira-token' },
      'secrets:list': {},
      'app:info': {},
      'capture:start': { targetProfileId: 'example:jira-atlassian-sso/profile.yaml', url: 'https://jira.example.com/login.jsp' },
      'capture:stop': {},
      'capture:clear': {},
      'capture:save': {},
      'userbase:predict': { files: [{ name: 'users.json', text: '{"Users":[]}' }], targetProfileId: 'example:a/profile.yaml' },
      'userbase:cancel': {},
      'userbase:explain': { awsUserId: 'c4a8f4e8-1091-70a7-5a3f-0c0e1d2b3a41' },
      'userbase:export': { format: 'plan-csv', redact: true },
      'userbase:examples': {},
    };
    for (const channel of INVOKE_CHANNELS) expect(() => validateRequest(channel, samples[channel]), channel).not.toThrow();
  });
});
