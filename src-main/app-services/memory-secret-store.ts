/**
 * A `SecretStore` that keeps secrets in memory only: for the e2e harness (plain Chromium has no
 * safeStorage) and tests. `status` is given, so the harness can show the Linux plain-text warning.
 */
import type { SecretStorageStatus } from '../ipc/contract.js';
import type { SecretStore } from './ports.js';

export function createMemorySecretStore(status: SecretStorageStatus = { protection: 'os' }): SecretStore {
  const values = new Map<string, string>();
  return {
    status: () => status,
    set: async (name, value) => void values.set(name, value),
    get: async (name) => values.get(name),
    delete: async (name) => values.delete(name),
    list: async () => [...values.keys()].sort(),
  };
}
