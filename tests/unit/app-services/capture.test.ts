import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importCaptureFile } from '../../../src-main/capture/capture-file.js';
import { analyze } from '../../../src-main/core/analyze.js';
import type { CaptureExchangeSummary } from '../../../src-main/ipc/contract.js';
import { RELAY_STATE, flowOptions, loginFlow } from '../flow/flow-fixture.js';
import { FakeCaptureHost } from './fake-capture-host.js';
import { createHarness, type Harness } from './harness.js';

const JIRA_PROFILE = 'example:jira-atlassian-sso/profile.yaml';
const PERSON = { nameId: 'ottilie.brandwein@fabrikam.example', display: 'Ottilie Brandwein' };

/** A working SP-initiated login for PERSON, exchange by exchange, as the capture window records it. */
function loginExchanges(opts: Parameters<typeof loginFlow>[0] = {}) {
  const flow = loginFlow({ response: { nameId: PERSON.nameId, attributes: [{ name: 'email', values: [PERSON.nameId] }, { name: 'displayName', values: [PERSON.display] }] }, ...opts });
  return flow.exchanges.map(({ index: _index, ...rest }) => rest);
}

let h: Harness;
let host: FakeCaptureHost;
let dir: string;
beforeEach(async () => {
  host = new FakeCaptureHost();
  h = await createHarness({ capture: host });
  dir = await mkdtemp(path.join(tmpdir(), 'samlscope-capture-'));
});
afterEach(async () => {
  await h.dispose();
  await rm(dir, { recursive: true, force: true });
});

const forwarded = (): CaptureExchangeSummary[] =>
  h.events.filter((e) => e.event === 'capture:exchange').map((e) => (e.payload as { exchange: CaptureExchangeSummary }).exchange);

describe('capture:start', () => {
  it('opens the SP login page of the selected target profile', async () => {
    await h.services.handlers['settings:set']({ targetProfileId: JIRA_PROFILE });
    await expect(h.services.handlers['capture:start']({})).resolves.toEqual({ url: 'https://jira.example.com/login.jsp' });
    expect(host.started).toEqual(['https://jira.example.com/login.jsp']);
  });

  it('opens a typed http(s) URL instead, and refuses anything else', async () => {
    await expect(h.services.handlers['capture:start']({ url: 'https://confluence.example.org/login.action' })).resolves.toEqual({ url: 'https://confluence.example.org/login.action' });
    expect(host.started).toEqual(['https://confluence.example.org/login.action']);
    await h.services.handlers['capture:stop']({});
    await expect(h.services.handlers['capture:start']({ url: 'file:///etc/passwd' })).rejects.toThrow(/not an http:\/\/ or https:\/\/ address/);
    expect(host.started).toHaveLength(1);
  });

  it('says what to do when there is no profile and no URL, or a capture is already open', async () => {
    await expect(h.services.handlers['capture:start']({ targetProfileId: null })).rejects.toThrow(/enter the login URL, or pick a target profile/);
    await h.services.handlers['capture:start']({ targetProfileId: JIRA_PROFILE });
    await expect(h.services.handlers['capture:start']({ targetProfileId: JIRA_PROFILE })).rejects.toThrow(/already open: stop it/);
    expect(host.started).toHaveLength(1);
  });

  it('explains that capturing needs the desktop app when no capture window exists', async () => {
    const without = await createHarness();
    try {
      await expect(without.services.handlers['capture:start']({ url: 'https://jira.example.com/login.jsp' })).rejects.toThrow(/needs the samlscope desktop app/);
    } finally {
      await without.dispose();
    }
  });
});

describe('live exchanges', () => {
  it('are forwarded as they complete: method, URL, status and the SAML message types, never bodies', async () => {
    await h.services.handlers['capture:start']({ targetProfileId: JIRA_PROFILE });
    const exchanges = loginExchanges();
    for (const e of exchanges) host.push(e);
    const sent = forwarded();
    expect(sent.map((e) => e.index)).toEqual([0, 1, 2, 3]);
    expect(sent.map((e) => e.saml)).toEqual([[], ['AuthnRequest'], ['Response'], []]);
    expect(sent[1]).toMatchObject({ method: 'GET', url: exchanges[1]!.url, status: 200 });
    const text = JSON.stringify(sent);
    expect(text).not.toContain('SAMLResponse=');
    expect(text).not.toContain(PERSON.display);
  });

  it('lose their query strings in presentation mode (the Redirect query holds the message and RelayState)', async () => {
    await h.services.handlers['settings:set']({ presentationMode: true });
    await h.services.handlers['capture:start']({ targetProfileId: JIRA_PROFILE });
    for (const e of loginExchanges()) host.push(e);
    const sent = forwarded();
    expect(sent).toHaveLength(4);
    for (const e of sent) expect(Object.keys(e).filter((k) => !['index', 'method', 'url', 'status', 'saml'].includes(k))).toEqual([]);
    expect(sent.every((e) => !e.url.includes('?'))).toBe(true);
    const text = JSON.stringify(sent);
    for (const needle of ['SAMLRequest', 'RelayState', encodeURIComponent(RELAY_STATE), PERSON.nameId]) expect(text).not.toContain(needle);
    expect(sent[1]!.saml).toEqual(['AuthnRequest']);
  });

  it('reports a capture that ended by itself, and nothing after Stop', async () => {
    await h.services.handlers['capture:start']({ targetProfileId: JIRA_PROFILE });
    host.push(loginExchanges()[0]!);
    host.end('window closed');
    expect(h.events.filter((e) => e.event === 'capture:ended').map((e) => e.payload)).toEqual([{ reason: 'window closed' }]);
    await h.services.handlers['capture:stop']({});
    const count = h.events.length;
    host.end('window closed');
    expect(h.events.length).toBe(count);
  });

  it('a capture whose window was closed can still be stopped, or replaced by a new one', async () => {
    await h.services.handlers['capture:start']({ targetProfileId: JIRA_PROFILE });
    await expect(h.services.handlers['capture:start']({ targetProfileId: JIRA_PROFILE })).rejects.toThrow(/already open/);
    host.end('window closed');
    await h.services.handlers['capture:start']({ url: 'https://jira.example.com/login.jsp' });
    expect(host.closed).toBe(1);
    expect(host.started).toHaveLength(2);
  });
});

describe('capture:stop', () => {
  it('analyses the recorded flow as the workspace, with its timeline, then closes the window', async () => {
    await h.services.handlers['capture:start']({ targetProfileId: JIRA_PROFILE });
    for (const e of loginExchanges({ responseRelayState: '/browse/OTHER' })) host.push(e);
    const { workspace } = await h.services.handlers['capture:stop']({});
    expect(host.stopped).toBe(1);
    expect(host.closed).toBe(1);
    expect(workspace.title).toBe('In-app capture: jira.example.com');
    const result = workspace.results[0]!;
    expect(result.input).toEqual({ source: 'In-app capture', detected: 'capture' });
    expect(result.messages.map((m) => m.type)).toEqual(['AuthnRequest', 'Response']);
    expect(result.flow?.entries).toHaveLength(4);
    expect(result.flow?.pairs).toEqual([expect.objectContaining({ requestMessageIndex: 0, responseMessageIndex: 1, pairedBy: 'in-response-to', relayState: { request: RELAY_STATE, response: '/browse/OTHER', echoed: false } })]);
    expect(result.findings.map((f) => f.id)).toContain('flow.relay-state-mismatch');
    // Analysed like every other input: the selected profile's IdP metadata and simulation are used.
    expect(workspace.targetProfile?.id).toBe(JIRA_PROFILE);
    expect(workspace.setup?.idp.source).toBe('profile');
    await expect(h.services.handlers['capture:stop']({})).rejects.toThrow(/No capture is open/);
  });

  it('in presentation mode hands over a masked workspace whose flow keeps its shape but no personal value', async () => {
    await h.services.handlers['settings:set']({ presentationMode: true });
    await h.services.handlers['capture:start']({ targetProfileId: JIRA_PROFILE });
    for (const e of loginExchanges()) host.push(e);
    const { workspace } = await h.services.handlers['capture:stop']({});
    expect(workspace.redacted).toBe(true);
    const flow = workspace.results[0]!.flow!;
    expect(flow.entries).toHaveLength(4);
    expect(flow.pairs[0]).toMatchObject({ pairedBy: 'in-response-to', relayState: { echoed: true } });
    // The message IDs in the timeline are the placeholders the message view shows.
    const request = workspace.results[0]!.messages[0]!;
    expect(flow.entries[1]!.messages[0]!.id).toBe(request.id);
    expect(request.id).toMatch(/^«id-\d+»$/);
    expect(flow.pairs[0]!.relayState?.request).toMatch(/^«relaystate-\d+»$/);
    const text = JSON.stringify(workspace);
    for (const needle of [PERSON.nameId, PERSON.display, RELAY_STATE, 'SAMLRequest=']) expect(text).not.toContain(needle);
  });
});

describe('capture:save and capture:clear', () => {
  it('writes a HAR that imports back to the same messages, also after Stop', async () => {
    await h.services.handlers['capture:start']({ targetProfileId: JIRA_PROFILE });
    for (const e of loginExchanges()) host.push(e);
    const live = path.join(dir, 'live.har');
    h.savePaths.push(live);
    expect(await h.services.handlers['capture:save']({})).toEqual({ cancelled: false, path: live });
    const { workspace } = await h.services.handlers['capture:stop']({});
    const stopped = path.join(dir, 'stopped.har');
    h.savePaths.push(stopped);
    await h.services.handlers['capture:save']({});

    const har = JSON.parse(await readFile(stopped, 'utf8')) as { log: { creator: { name: string } } };
    expect(har.log.creator.name).toBe('samlscope');
    for (const file of [live, stopped]) {
      const input = await importCaptureFile(file);
      expect('flow' in input && input.kind).toBe('har');
      const reread = await analyze(input, flowOptions());
      expect(reread.messages.map((m) => [m.type, m.id, m.subject?.nameId])).toEqual(workspace.results[0]!.messages.map((m) => [m.type, m.id, m.subject?.nameId]));
    }
  });

  it('a cancelled save dialog writes nothing', async () => {
    await h.services.handlers['capture:start']({ targetProfileId: JIRA_PROFILE });
    host.push(loginExchanges()[1]!);
    h.savePaths.push(null);
    expect(await h.services.handlers['capture:save']({})).toEqual({ cancelled: true });
  });

  it('clear empties the open capture (recording goes on), and after Stop forgets the last one', async () => {
    await h.services.handlers['capture:start']({ targetProfileId: JIRA_PROFILE });
    const exchanges = loginExchanges();
    host.push(exchanges[0]!);
    host.push(exchanges[1]!);
    await h.services.handlers['capture:clear']({});
    expect(host.flow().exchanges).toEqual([]);
    await expect(h.services.handlers['capture:save']({})).rejects.toThrow(/Nothing has been captured yet/);
    host.push(exchanges[2]!);
    const { workspace } = await h.services.handlers['capture:stop']({});
    expect(workspace.results[0]!.messages.map((m) => m.type)).toEqual(['Response']);
    await h.services.handlers['capture:clear']({});
    await expect(h.services.handlers['capture:save']({})).rejects.toThrow(/Nothing has been captured yet/);
  });

  it('a saved workspace keeps the capture as HAR text and reopens as the same flow', async () => {
    await h.services.handlers['capture:start']({ url: 'https://jira.example.com/login.jsp', targetProfileId: null });
    for (const e of loginExchanges()) host.push(e);
    const { workspace } = await h.services.handlers['capture:stop']({});
    const file = path.join(dir, 'capture.samlscope.json');
    h.savePaths.push(file);
    await h.services.handlers['workspace:save']({});
    h.openPaths.push(file);
    const reopened = await h.services.handlers['workspace:open-file']({ targetProfileId: null });
    if (reopened.cancelled) throw new Error('cancelled');
    expect(reopened.workspace.results[0]!.input.detected).toBe('har');
    expect(reopened.workspace.results[0]!.messages.map((m) => m.id)).toEqual(workspace.results[0]!.messages.map((m) => m.id));
    expect(reopened.workspace.results[0]!.flow?.pairs).toHaveLength(1);
  });
});
