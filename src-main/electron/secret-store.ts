/**
 * Tokens and passwords for live instances, encrypted with Electron's safeStorage and kept in
 * `<userData>/secrets.json` (ciphertext only, file mode 0600). On Linux without a keyring Chromium
 * falls back to `basic_text`, which "encrypts" with a hard-coded password (https://www.electronjs.org/docs/latest/api/safe-storage): secrets
 * are still stored then, but the status carries a warning the UI shows.
 */
import type { SecretStorageStatus } from '../ipc/contract.js';
import type { FileAccess, SecretStore } from '../app-services/ports.js';
import { ownValue } from '../core/model/own.js';

/** The part of Electron's `safeStorage` used here. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only. */
  getSelectedStorageBackend?(): string;
}

export const BASIC_TEXT_WARNING =
  'No system keyring was found (GNOME Keyring, KWallet, …), so saved tokens and passwords are only obfuscated with a fixed key that any program running as you can undo. ' +
  'Install and unlock a keyring, or use env:NAME references in the target profile instead of saved secrets.';

export const UNAVAILABLE_WARNING = 'This system offers no way to encrypt secrets, so samlscope cannot save tokens or passwords. Use env:NAME references in the target profile instead.';

export function secretStorageStatus(safe: SafeStorageLike, platform: string): SecretStorageStatus {
  const backend = platform === 'linux' ? safe.getSelectedStorageBackend?.() : undefined;
  if (!safe.isEncryptionAvailable()) {
    return { protection: 'unavailable', ...(backend ? { backend } : {}), warning: UNAVAILABLE_WARNING };
  }
  if (platform === 'linux' && (backend === 'basic_text' || backend === 'unknown' || backend === undefined)) {
    return { protection: 'basic_text', backend: backend ?? 'unknown', warning: BASIC_TEXT_WARNING };
  }
  return { protection: 'os', ...(backend ? { backend } : {}) };
}

interface SecretsFile {
  version: 1;
  /** name → base64 ciphertext from safeStorage. */
  secrets: Record<string, string>;
}

export function createSafeStorageSecretStore(deps: { safeStorage: SafeStorageLike; platform: string; fs: FileAccess; file: string }): SecretStore {
  const { safeStorage, platform, fs, file } = deps;

  async function load(): Promise<SecretsFile> {
    try {
      const parsed = JSON.parse(new TextDecoder().decode(await fs.readFile(file))) as Partial<SecretsFile>;
      if (parsed && typeof parsed.secrets === 'object' && parsed.secrets !== null) return { version: 1, secrets: Object.assign(Object.create(null) as Record<string, string>, parsed.secrets) };
    } catch {
      // Missing or damaged: treated as empty; a damaged file is replaced on the next save.
    }
    return { version: 1, secrets: Object.create(null) as Record<string, string> };
  }

  async function save(data: SecretsFile): Promise<void> {
    await fs.writeFile(file, `${JSON.stringify(data, null, 2)}\n`, { private: true });
  }

  return {
    status: () => secretStorageStatus(safeStorage, platform),
    async set(name, value) {
      const status = secretStorageStatus(safeStorage, platform);
      if (status.protection === 'unavailable') throw new Error(UNAVAILABLE_WARNING);
      const data = await load();
      data.secrets[name] = safeStorage.encryptString(value).toString('base64');
      await save(data);
    },
    async get(name) {
      const data = await load();
      const stored = ownValue(data.secrets, name);
      if (stored === undefined) return undefined;
      if (!safeStorage.isEncryptionAvailable()) throw new Error(`The secret ${name} cannot be decrypted: ${UNAVAILABLE_WARNING}`);
      return safeStorage.decryptString(Buffer.from(stored, 'base64'));
    },
    async delete(name) {
      const data = await load();
      if (!Object.hasOwn(data.secrets, name)) return false;
      delete data.secrets[name];
      await save(data);
      return true;
    },
    async list() {
      return Object.keys((await load()).secrets).sort();
    },
  };
}
