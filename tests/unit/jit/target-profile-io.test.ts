import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadTargetProfile, TargetFileError } from '../../../src-main/io/target-profile.js';
import { EXAMPLES } from './helpers.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'samlscope-profile-'));
  mkdirSync(join(dir, 'data'));
  copyFileSync(resolve(EXAMPLES, 'aws-idp-metadata.xml'), join(dir, 'data', 'idp.xml'));
  copyFileSync(resolve(EXAMPLES, 'jira-atlassian-sso', 'snapshot.json'), join(dir, 'data', 'snap.json'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const profile = (instance: string) => `{"product":"jira","sp":{"entityId":"https://jira.example.com","acsUrl":"https://jira.example.com/plugins/servlet/samlconsumer"},
"idp":{"metadata":"data/idp.xml"},"provisioning":{"engine":"atlassian-sso","createUsers":false},"instance":${instance}}`;

async function problems(file: string, cwd?: string): Promise<string[]> {
  try {
    await loadTargetProfile(file, cwd ? { cwd } : {});
    return [];
  } catch (error) {
    if (error instanceof TargetFileError) return error.problems;
    throw error;
  }
}

describe('loadTargetProfile', () => {
  it('reads JSON profiles and resolves paths against the profile file, not the working directory', async () => {
    writeFileSync(join(dir, 'p.json'), profile('{"snapshot":"data/snap.json"}'));
    const loaded = await loadTargetProfile('p.json', { cwd: dir });
    expect(loaded.paths.idpMetadata).toBe(join(dir, 'data', 'idp.xml'));
    expect(loaded.snapshot?.users.length).toBeGreaterThan(0);
  });

  it('a live profile loads without a snapshot; an explicit snapshot overrides', async () => {
    writeFileSync(join(dir, 'live.yaml'), profile('{"live":{"baseUrl":"https://jira.example.com","auth":{"type":"pat","tokenRef":"env:JIRA_TOKEN"}}}'));
    expect((await loadTargetProfile(join(dir, 'live.yaml'))).snapshot).toBeUndefined();
    const withSnap = await loadTargetProfile(join(dir, 'live.yaml'), { cwd: dir, snapshotOverride: 'data/snap.json' });
    expect(withSnap.snapshot?.product).toBe('jira');
  });

  it('with referencedFiles "resolve", validates the profile and resolves its paths without reading them', async () => {
    writeFileSync(join(dir, 'paths-only.json'), profile('{"snapshot":"data/none.json"}').replace('data/idp.xml', 'data/missing-idp.xml'));
    const loaded = await loadTargetProfile('paths-only.json', { cwd: dir, referencedFiles: 'resolve' });
    expect(loaded.paths).toEqual({ idpMetadata: join(dir, 'data', 'missing-idp.xml'), snapshot: join(dir, 'data', 'none.json') });
    expect(loaded.analysis).toBeUndefined();
    expect(loaded.snapshot).toBeUndefined();
    // Reading them is what fails.
    expect(await problems(join(dir, 'paths-only.json'))).toEqual(['cannot read the IdP metadata (idp.metadata): no such file']);
  });

  it('says which file and key are wrong', async () => {
    writeFileSync(join(dir, 'bad.yaml'), 'product: jira\nsp: {entityId: x, acsUrl: y}\nidp: {metadata: data/idp.xml}\nprovisioning: {engine: atlassian-sso, createUsers: yes please}\ninstance: {snapshot: data/snap.json}\n');
    expect(await problems(join(dir, 'bad.yaml'))).toEqual(['provisioning.createUsers: Invalid input: expected boolean, received string']);
    writeFileSync(join(dir, 'broken.json'), '{"product": ');
    expect((await problems(join(dir, 'broken.json')))[0]).toMatch(/^not valid JSON: /);
    expect(await problems(join(dir, 'missing.yaml'))).toEqual(['cannot read the target profile: no such file']);
    writeFileSync(join(dir, 'nosnap.json'), profile('{"snapshot":"data/none.json"}'));
    expect(await problems(join(dir, 'nosnap.json'))).toEqual(['cannot read the snapshot: no such file']);
  });

  it('reports snapshot problems with the snapshot file name', async () => {
    writeFileSync(join(dir, 'data', 'bad-snap.json'), JSON.stringify({ product: 'jira', capturedAt: '2026-01-01T00:00:00Z', source: { kind: 'manual' }, directories: [], users: [{ username: 'a', directoryId: 1 }] }));
    writeFileSync(join(dir, 'p2.json'), profile('{"snapshot":"data/bad-snap.json"}'));
    try {
      await loadTargetProfile(join(dir, 'p2.json'));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TargetFileError);
      expect((error as TargetFileError).file).toBe(join(dir, 'data', 'bad-snap.json'));
      expect((error as TargetFileError).problems).toEqual(['users[0].directoryId: no directory with id "1" in directories']);
    }
  });
});
