import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, ASSETS, type Harness } from './harness.js';

const DEMO_RESPONSE = path.join(ASSETS, 'demo/demo-response.xml');
const JIRA_PROFILE = 'example:jira-atlassian-sso/profile.yaml';
/** Everything personal about the demo user, as it appears in the response and the Jira snapshot. */
const PERSONAL = ['jane.doe@example.com', 'Jane Doe', 'jdoe', 'JIRAUSER10100'];

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.dispose();
});

describe('workspace:open-demo', () => {
  it('analyses the bundled AWS response against the Jira example and shows the group loss', async () => {
    expect((await h.services.handlers['settings:get']({})).demoSeen).toBe(false);
    const w = await h.services.handlers['workspace:open-demo']({});
    expect(w.demo).toBe(true);
    expect(w.title).toMatch(/^Demo:/);
    expect(w.targetProfile?.id).toBe(JIRA_PROFILE);
    const message = w.results[0]?.messages[0];
    expect(message?.type).toBe('Response');
    expect(message?.signature.status).toBe('valid');
    expect(w.simulation?.engine).toBe('atlassian-sso');
    expect(w.simulation?.canLogIn).toBe(false);
    expect(w.simulation?.groups.removed).toContain('jira-software-users');
    expect(w.verdict).toBe('fail');
    expect(w.redacted).toBe(false);
    expect((await h.services.handlers['settings:get']({})).demoSeen).toBe(true);
  });
});

describe('workspace:analyze', () => {
  it('decodes a pasted base64 SAMLResponse and reports its findings', async () => {
    const b64 = Buffer.from(await readFile(DEMO_RESPONSE)).toString('base64');
    const w = await h.services.handlers['workspace:analyze']({ text: b64, targetProfileId: null });
    expect(w.title).toBe('Pasted text');
    expect(w.results).toHaveLength(1);
    expect(w.results[0]?.input.detected).toBe('base64');
    expect(w.results[0]?.messages[0]?.subject?.nameId).toBe('jane.doe@example.com');
    // No IdP certificate and no profile: the signature cannot be trusted, which the findings say.
    expect(w.results[0]?.messages[0]?.signature.status).not.toBe('valid');
    expect(w.simulation).toBeUndefined();
    expect(w.targetProfile).toBeUndefined();
  });

  it('turns text that is no SAML message into an input finding, not an error', async () => {
    const w = await h.services.handlers['workspace:analyze']({ text: 'hello, this is not SAML', source: 'note.txt', targetProfileId: null });
    expect(w.verdict).toBe('fail');
    expect(w.results[0]?.findings.map((f) => f.id)).toContain('input.unrecognized');
  });

  it('uses the profile picked last when the request names none, and none when it says null', async () => {
    await h.services.handlers['settings:set']({ targetProfileId: JIRA_PROFILE });
    const text = await readFile(DEMO_RESPONSE, 'utf8');
    const withProfile = await h.services.handlers['workspace:analyze']({ text, options: { now: '2026-01-15T10:01:00Z' } });
    expect(withProfile.targetProfile?.id).toBe(JIRA_PROFILE);
    expect(withProfile.results[0]?.messages[0]?.signature.status).toBe('valid');
    const without = await h.services.handlers['workspace:analyze']({ text, targetProfileId: null });
    expect(without.targetProfile).toBeUndefined();
  });

  it('still analyses when the profile is unknown, and says why nothing was simulated', async () => {
    const w = await h.services.handlers['workspace:analyze']({ text: await readFile(DEMO_RESPONSE, 'utf8'), targetProfileId: 'user:missing/profile.yaml' });
    expect(w.results[0]?.messages).toHaveLength(1);
    expect(w.simulation).toBeUndefined();
    expect(w.simulationError).toMatch(/no target profile "user:missing\/profile.yaml"/i);
  });

  it('refuses unreadable IdP metadata given with the request, naming it', async () => {
    await expect(
      h.services.handlers['workspace:analyze']({ text: 'x', targetProfileId: null, options: { idpMetadataXml: '<not-metadata/>' } }),
    ).rejects.toThrow(/IdP metadata given in the workspace cannot be used as IdP metadata/);
  });
});

describe('presentation mode', () => {
  it('redacts in main: the renderer receives placeholders, never the personal values', async () => {
    await h.services.handlers['workspace:open-demo']({});
    await h.services.handlers['settings:set']({ presentationMode: true });
    const pushed = h.events.filter((e) => e.event === 'workspace:updated');
    expect(pushed).toHaveLength(1);
    const current = await h.services.handlers['workspace:current']({});
    for (const view of [pushed[0]?.payload, current]) {
      const text = JSON.stringify(view);
      for (const value of PERSONAL) expect(text, value).not.toContain(value);
      expect(text).toContain('@redacted.invalid');
    }
    expect(current?.redacted).toBe(true);
    expect(current?.redactions.some((r) => r.category === 'email')).toBe(true);
    // Still the same diagnosis: same verdict, same groups removed (group names are not personal).
    expect(current?.verdict).toBe('fail');
    expect(current?.simulation?.groups.removed).toContain('jira-software-users');
    expect(current?.simulation?.username).toMatch(/«username-\d+»|@redacted\.invalid/);

    await h.services.handlers['settings:set']({ presentationMode: false });
    const clear = await h.services.handlers['workspace:current']({});
    expect(clear?.redacted).toBe(false);
    expect(JSON.stringify(clear)).toContain('jane.doe@example.com');
  });

  it('redacts a personal file name in the title', async () => {
    await h.services.handlers['settings:set']({ presentationMode: true });
    const w = await h.services.handlers['workspace:drop-file']({ name: 'jane.doe@example.com.xml', text: await readFile(DEMO_RESPONSE, 'utf8'), targetProfileId: null });
    expect(w.title).not.toContain('jane.doe@example.com');
  });

  it('does not push a workspace when nothing was analysed yet', async () => {
    await h.services.handlers['settings:set']({ presentationMode: true });
    expect(h.events.filter((e) => e.event === 'workspace:updated')).toHaveLength(0);
    expect(await h.services.handlers['workspace:current']({})).toBeNull();
  });
});

describe('files', () => {
  it('reads a dropped UTF-16 file (Windows tools write a byte-order mark)', async () => {
    const xml = await readFile(DEMO_RESPONSE, 'utf8');
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(xml, 'utf16le')]);
    const w = await h.services.handlers['workspace:drop-file']({ name: '/some/where/response.xml', bytes, targetProfileId: null });
    expect(w.title).toBe('response.xml');
    expect(w.results[0]?.messages[0]?.subject?.nameId).toBe('jane.doe@example.com');
  });

  it('imports a dropped HAR capture as a login flow', async () => {
    const b64 = Buffer.from(await readFile(DEMO_RESPONSE)).toString('base64');
    const har = {
      log: {
        version: '1.2',
        creator: { name: 'test', version: '1' },
        entries: [
          {
            startedDateTime: '2026-01-15T10:00:01.000Z',
            request: {
              method: 'POST',
              url: 'https://jira.example.com/plugins/servlet/samlconsumer',
              headers: [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }],
              postData: { mimeType: 'application/x-www-form-urlencoded', params: [{ name: 'SAMLResponse', value: b64 }], text: `SAMLResponse=${encodeURIComponent(b64)}` },
            },
            response: { status: 302, headers: [{ name: 'Location', value: 'https://jira.example.com/secure/Dashboard.jspa' }], content: { size: 0, mimeType: 'text/html' } },
          },
        ],
      },
    };
    const w = await h.services.handlers['workspace:drop-file']({ name: 'login.har', text: JSON.stringify(har), targetProfileId: null });
    expect(w.results[0]?.input.detected).toBe('har');
    expect(w.results[0]?.messages.map((m) => m.type)).toEqual(['Response']);
  });

  it('refuses JSON that is neither a capture nor a workspace, saying what it expected', async () => {
    await expect(h.services.handlers['workspace:drop-file']({ name: 'x.json', text: '{"hello": 1}', targetProfileId: null })).rejects.toThrow(/not a capture samlscope can read/);
  });

  it('opens the file chosen in the open dialog; a cancelled dialog changes nothing', async () => {
    h.openPaths.push(null);
    expect(await h.services.handlers['workspace:open-file']({})).toEqual({ cancelled: true });
    h.openPaths.push(DEMO_RESPONSE);
    const opened = await h.services.handlers['workspace:open-file']({ targetProfileId: JIRA_PROFILE });
    expect(opened.cancelled).toBe(false);
    if (!opened.cancelled) {
      expect(opened.workspace.title).toBe('demo-response.xml');
      expect(opened.workspace.simulation).toBeDefined();
    }
  });

  it('saves the workspace inputs and reopens them to the same diagnosis', async () => {
    const first = await h.services.handlers['workspace:open-demo']({});
    const target = path.join(h.userData, 'saved.samlscope.json');
    h.savePaths.push(target);
    expect(await h.services.handlers['workspace:save']({})).toEqual({ cancelled: false, path: target });
    const saved = JSON.parse(await readFile(target, 'utf8')) as { format: string; inputs: unknown[]; targetProfileId: string };
    expect(saved.format).toBe('samlscope-workspace');
    expect(saved.inputs).toHaveLength(1);
    expect(saved.targetProfileId).toBe(JIRA_PROFILE);

    const reopened = await h.services.openPath(target);
    expect(reopened.title).toBe(first.title);
    expect(reopened.demo).toBe(true);
    expect(reopened.simulation?.groups.removed).toEqual(first.simulation?.groups.removed);
    expect(h.events.find((e) => e.event === 'file:opened')?.payload).toMatchObject({ fileName: first.title });
  });

  it('refuses a damaged workspace file with the field at fault', async () => {
    const file = path.join(h.userData, 'broken.samlscope.json');
    await writeFile(file, JSON.stringify({ format: 'samlscope-workspace', version: 1, inputs: [] }));
    await expect(h.services.openPath(file)).rejects.toThrow(/workspace file is damaged: .*(savedAt|inputs)/);
  });

  it('explains what to do when saving before any analysis', async () => {
    await expect(h.services.handlers['workspace:save']({})).rejects.toThrow(/no workspace to save yet/);
  });
});

describe('workspace:simulate', () => {
  it('re-runs the simulation of the same input against another profile, or none', async () => {
    await h.services.handlers['workspace:open-demo']({});
    const confluence = await h.services.handlers['workspace:simulate']({ targetProfileId: 'example:confluence-resolution/profile.yaml' });
    expect(confluence.targetProfile?.product).toBe('confluence');
    expect(confluence.simulation?.engine).toBe('resolution');
    const none = await h.services.handlers['workspace:simulate']({ targetProfileId: null });
    expect(none.simulation).toBeUndefined();
    expect(none.demo).toBe(true);
  });
});
