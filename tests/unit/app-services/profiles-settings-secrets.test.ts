import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppServices } from '../../../src-main/app-services/app-services.js';
import { nodeFileAccess } from '../../../src-main/app-services/node-file-access.js';
import { DEFAULT_SETTINGS } from '../../../src-main/ipc/contract.js';
import { ASSETS, createHarness, memorySecretStore, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.dispose();
});

async function writeLiveProfile(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'idp.xml'), await readFile(path.join(ASSETS, 'examples/aws-idp-metadata.xml')));
  await writeFile(
    path.join(dir, 'profile.yaml'),
    [
      'name: Live Jira',
      'product: jira',
      'sp: { entityId: https://jira.example.com, acsUrl: https://jira.example.com/plugins/servlet/samlconsumer }',
      'idp: { metadata: idp.xml }',
      'provisioning: { engine: atlassian-sso, createUsers: true }',
      'instance: { live: { baseUrl: "https://127.0.0.1:9", auth: { type: pat, tokenRef: "keychain:jira-token" } } }',
      '',
    ].join('\n'),
  );
}

describe('target profiles', () => {
  it('lists the bundled examples as valid, read-only profiles', async () => {
    const list = await h.services.handlers['profiles:list']({});
    const jira = list.find((p) => p.id === 'example:jira-atlassian-sso/profile.yaml');
    expect(jira).toMatchObject({ builtIn: true, valid: true, product: 'jira', engine: 'atlassian-sso', instance: 'snapshot' });
    expect(list.filter((p) => p.builtIn).length).toBeGreaterThanOrEqual(4);
    // Snapshots and metadata in the same folders are not profiles.
    expect(list.some((p) => p.id.endsWith('snapshot.json'))).toBe(false);
  });

  it('shows a profile file and which keychain secrets it needs', async () => {
    await writeLiveProfile(path.join(h.userData, 'profiles', 'live'));
    const before = await h.services.handlers['profiles:load']({ id: 'user:live/profile.yaml' });
    expect(before.content).toContain('Live Jira');
    expect(before.secretRefs).toEqual([{ ref: 'keychain:jira-token', stored: false }]);
    await h.services.handlers['secrets:set']({ name: 'jira-token', value: 's3cret' });
    const after = await h.services.handlers['profiles:load']({ id: 'user:live/profile.yaml' });
    expect(after.secretRefs).toEqual([{ ref: 'keychain:jira-token', stored: true }]);
    expect(JSON.stringify(after)).not.toContain('s3cret');
  });

  it('reports an invalid profile with the key at fault instead of hiding it', async () => {
    const dir = path.join(h.userData, 'profiles', 'broken');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'profile.yaml'), 'product: jira\nsp: {}\nidp: { metadata: x.xml }\nprovisioning: { engine: nope }\ninstance: { snapshot: s.json }\n');
    const broken = (await h.services.handlers['profiles:list']({})).find((p) => p.id === 'user:broken/profile.yaml');
    expect(broken?.valid).toBe(false);
    expect(broken?.errors?.join('\n')).toMatch(/provisioning/);
    await expect(h.services.handlers['profiles:load']({ id: 'user:../../etc/passwd' })).rejects.toThrow(/no target profile/);
  });

  it('imports a profile with the files it references, so the copy works on its own', async () => {
    h.openPaths.push(path.join(ASSETS, 'examples/jira-atlassian-sso/profile.yaml'));
    const imported = await h.services.handlers['profiles:import']({});
    expect(imported.cancelled).toBe(false);
    if (imported.cancelled) return;
    expect(imported.profile).toMatchObject({ id: 'user:profile/profile.yaml', builtIn: false, valid: true });
    const copy = await readFile(path.join(h.userData, 'profiles/profile/profile.yaml'), 'utf8');
    // `../aws-idp-metadata.xml` left the profile's folder: copied next to it and the path rewritten.
    expect(copy).toMatch(/metadata: aws-idp-metadata\.xml/);
    expect(h.events.some((e) => e.event === 'profiles:changed')).toBe(true);
    const w = await h.services.handlers['workspace:analyze']({
      text: await readFile(path.join(ASSETS, 'demo/demo-response.xml'), 'utf8'),
      targetProfileId: 'user:profile/profile.yaml',
      options: { now: '2026-01-15T10:01:00Z' },
    });
    expect(w.results[0]?.messages[0]?.signature.status).toBe('valid');
    expect(w.simulation?.groups.removed).toContain('jira-software-users');
  });

  it('refuses to import a file that is not a valid profile, naming the problem', async () => {
    h.openPaths.push(path.join(ASSETS, 'examples/jira-atlassian-sso/snapshot.json'));
    await expect(h.services.handlers['profiles:import']({})).rejects.toThrow(/not a valid target profile/);
  });

  it('explains a live profile whose keychain secret is missing, without any network access', async () => {
    await writeLiveProfile(path.join(h.userData, 'profiles', 'live'));
    const w = await h.services.handlers['workspace:analyze']({
      text: await readFile(path.join(ASSETS, 'demo/demo-response.xml'), 'utf8'),
      targetProfileId: 'user:live/profile.yaml',
      options: { now: '2026-01-15T10:01:00Z' },
    });
    expect(w.simulation).toBeUndefined();
    expect(w.simulationError).toMatch(/No secret named "jira-token"/);
  });
});

/** A fresh app over the same user-data folder, as after a restart. */
function reopenServices(): ReturnType<typeof createAppServices> {
  return createAppServices({
    fs: nodeFileAccess,
    dialogs: { chooseOpenPath: async () => null, chooseSavePath: async () => null },
    printPdf: async () => new Uint8Array(),
    secrets: memorySecretStore(),
    emit: () => undefined,
    clock: () => new Date(),
    paths: { userData: h.userData, assets: ASSETS },
    appInfo: { name: 'samlscope', version: '0', platform: 'linux' },
  });
}

describe('settings', () => {
  it('persists per user and survives a restart', async () => {
    await h.services.handlers['settings:set']({ theme: 'dark', zoomFactor: 1.2 });
    const reopened = await reopenServices();
    expect(reopened.settings()).toMatchObject({ theme: 'dark', zoomFactor: 1.2, presentationMode: false });
  });

  it('falls back to defaults for a damaged settings file, key by key', async () => {
    await writeFile(path.join(h.userData, 'settings.json'), JSON.stringify({ theme: 'purple', presentationMode: true, zoomFactor: 99 }));
    const reopened = await reopenServices();
    expect(reopened.settings()).toEqual({ ...DEFAULT_SETTINGS, presentationMode: true });
  });

  it('toggles presentation mode and steps the zoom within its limits', async () => {
    expect((await h.services.togglePresentation()).presentationMode).toBe(true);
    expect((await h.services.togglePresentation()).presentationMode).toBe(false);
    expect((await h.services.adjustZoom('in')).zoomFactor).toBeCloseTo(1.1);
    for (let i = 0; i < 40; i++) await h.services.adjustZoom('in');
    expect(h.services.settings().zoomFactor).toBe(3);
    expect((await h.services.adjustZoom('reset')).zoomFactor).toBe(1);
  });
});

describe('secrets', () => {
  it('stores, lists and deletes by name and never returns a value', async () => {
    const stored = await h.services.handlers['secrets:set']({ name: 'jira-token', value: 'abc' });
    expect(stored).toEqual({ stored: true, status: { protection: 'os' } });
    expect(await h.services.handlers['secrets:list']({})).toEqual({ names: ['jira-token'] });
    expect(await h.services.handlers['secrets:delete']({ name: 'jira-token' })).toEqual({ deleted: true });
    expect(await h.services.handlers['secrets:delete']({ name: 'jira-token' })).toEqual({ deleted: false });
  });
});
