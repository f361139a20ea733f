import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeFileAccess } from '../../../src-main/app-services/node-file-access.js';
import { BASIC_TEXT_WARNING, createSafeStorageSecretStore, secretStorageStatus, type SafeStorageLike } from '../../../src-main/electron/secret-store.js';

function fakeSafeStorage(available: boolean, backend: string): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    // Reversible but not plain text, like the real thing.
    encryptString: (text) => Buffer.from(Buffer.from(text).map((b) => b ^ 0x5a)),
    decryptString: (data) => Buffer.from(data.map((b) => b ^ 0x5a)).toString(),
  };
}

describe('secret storage status', () => {
  it('warns on Linux when Chromium fell back to the basic_text backend', () => {
    const status = secretStorageStatus(fakeSafeStorage(true, 'basic_text'), 'linux');
    expect(status).toEqual({ protection: 'basic_text', backend: 'basic_text', warning: BASIC_TEXT_WARNING });
    expect(status.warning).toMatch(/keyring/);
  });

  it('is quiet with a real keyring on Linux, and on macOS and Windows', () => {
    expect(secretStorageStatus(fakeSafeStorage(true, 'gnome_libsecret'), 'linux')).toEqual({ protection: 'os', backend: 'gnome_libsecret' });
    expect(secretStorageStatus(fakeSafeStorage(true, 'kwallet6'), 'linux').warning).toBeUndefined();
    expect(secretStorageStatus(fakeSafeStorage(true, 'unknown'), 'darwin')).toEqual({ protection: 'os' });
    expect(secretStorageStatus(fakeSafeStorage(true, 'unknown'), 'win32')).toEqual({ protection: 'os' });
  });

  it('says when nothing can be encrypted at all', () => {
    const status = secretStorageStatus(fakeSafeStorage(false, 'basic_text'), 'linux');
    expect(status.protection).toBe('unavailable');
    expect(status.warning).toMatch(/cannot save/);
  });
});

describe('safeStorage secret store', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'samlscope-secrets-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps only ciphertext on disk, in a file only the user can read', async () => {
    const file = path.join(dir, 'secrets.json');
    const store = createSafeStorageSecretStore({ safeStorage: fakeSafeStorage(true, 'gnome_libsecret'), platform: 'linux', fs: nodeFileAccess, file });
    await store.set('jira-token', 'NjA2-very-secret');
    expect(await readFile(file, 'utf8')).not.toContain('NjA2-very-secret');
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o077).toBe(0);
    expect(await store.get('jira-token')).toBe('NjA2-very-secret');
    expect(await store.list()).toEqual(['jira-token']);
    expect(await store.delete('jira-token')).toBe(true);
    expect(await store.get('jira-token')).toBeUndefined();
  });

  it('still stores with the basic_text backend, and its status carries the warning', async () => {
    const store = createSafeStorageSecretStore({ safeStorage: fakeSafeStorage(true, 'basic_text'), platform: 'linux', fs: nodeFileAccess, file: path.join(dir, 's.json') });
    await store.set('a', 'b');
    expect(store.status().warning).toBe(BASIC_TEXT_WARNING);
  });

  it('refuses to store when encryption is unavailable', async () => {
    const store = createSafeStorageSecretStore({ safeStorage: fakeSafeStorage(false, 'basic_text'), platform: 'linux', fs: nodeFileAccess, file: path.join(dir, 's.json') });
    await expect(store.set('a', 'b')).rejects.toThrow(/cannot save tokens/);
  });
});
