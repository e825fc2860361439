/**
 * Test doubles for PURE unit tests of core logic. Integration tests use the real keychain
 * (keytar + gnome-keyring) and real conf files instead; see tests/integration/.
 */
import type { ConnectionProfile } from '../../../common/contract';
import type { KeyValueStore } from '../../../main/core/store';
import type { SecretStore } from '../../../main/core/vault';

/** A KeyValueStore in memory that round-trips through JSON, like the real file store. */
export class MemoryStore implements KeyValueStore {
  readonly path = ':memory:';
  data = new Map<string, string>();
  failWrites = false;

  get<T>(key: string): T | undefined {
    const text = this.data.get(key);
    return text === undefined ? undefined : (JSON.parse(text) as T);
  }
  set(key: string, value: unknown): void {
    if (this.failWrites) throw new Error('disk full');
    if (value === undefined) this.data.delete(key);
    else this.data.set(key, JSON.stringify(value));
  }
  delete(key: string): void {
    this.data.delete(key);
  }
  /** Everything as one string, to search for leaked secrets. */
  dump(): string {
    return JSON.stringify([...this.data.entries()]);
  }
}

export class MemorySecretStore implements SecretStore {
  entries = new Map<string, string>();
  failWith: Error | undefined;

  private check(): void {
    if (this.failWith) throw this.failWith;
  }
  async get(account: string) {
    this.check();
    return this.entries.get(account) ?? null;
  }
  async set(account: string, secret: string) {
    this.check();
    this.entries.set(account, secret);
  }
  async delete(account: string) {
    this.check();
    return this.entries.delete(account);
  }
  async list() {
    this.check();
    return [...this.entries.keys()];
  }
}

/** A saved connection profile ("conn-1", Production, a Client account); `extra` overrides any field. */
export function testProfile(extra: Partial<ConnectionProfile> = {}): ConnectionProfile {
  return {
    id: 'conn-1',
    name: 'Production',
    baseUrl: 'https://api.platform.softwareone.com',
    account: { id: 'ACC-1111-2222', name: 'Stark', type: 'Client' },
    adminTokenId: 'TKN-0000-0001',
    createdAt: '2026-01-01T00:00:00.000Z',
    lastUsedAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}
