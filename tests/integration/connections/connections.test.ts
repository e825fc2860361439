import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskError } from '../../../common/errors';
import { whoAmI } from '../../../main/core/api/whoami';
import { OfflineCache } from '../../../main/core/cache';
import { ConnectionService } from '../../../main/core/connections';
import { createConfStore, type KeyValueStore } from '../../../main/core/store';
import { Vault, createKeytarSecretStore, type SecretStore } from '../../../main/core/vault';
import { requireSecretService, uniqueService } from '../vault/secret-service';
import { startBackend, type Backend } from './backend';

const available = await requireSecretService('connections integration');

describe.skipIf(!available)('ConnectionService: real keychain, real files, real who-am-I over HTTP', () => {
  let backend: Backend;
  let dir: string;
  let secrets: SecretStore;
  let vault: Vault;
  let store: KeyValueStore;
  let cacheStore: KeyValueStore;
  let cache: OfflineCache;
  let service: ConnectionService;
  /** Every secret value the test used, to search the files on disk for at the end. */
  const usedSecrets = new Set<string>();

  const verify = (baseUrl: string, token: string) => whoAmI({ baseUrl, token, retry: { maxAttempts: 1 } });

  async function open(): Promise<ConnectionService> {
    store = await createConfStore({ cwd: dir, configName: 'connections' });
    cacheStore = await createConfStore({ cwd: dir, configName: 'cache', onCorrupt: 'move-aside' });
    cache = new OfflineCache(cacheStore);
    return new ConnectionService({ store, vault, verify, onRemoved: (id) => cache.dropConnection(id) });
  }

  beforeAll(async () => {
    backend = await startBackend();
    console.info(`[connections integration] signing in against the ${backend.kind} at ${backend.url}`);
    for (const a of backend.accounts) usedSecrets.add(a.adminToken);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'token-desk-conn-'));
    secrets = createKeytarSecretStore(uniqueService());
    vault = new Vault(secrets);
    service = await open();
  });

  afterAll(async () => {
    // Whatever happened, leave no test secrets in the keyring and no files behind.
    if (secrets) for (const account of await secrets.list()) await secrets.delete(account);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    await backend?.close();
  });

  it('adds a connection: verified over HTTP, secret in the keychain, profile on disk', async () => {
    const admin = backend.accounts[0]!;
    const profile = await service.add({ name: ' Production ', baseUrl: `${backend.url}/`, token: admin.adminToken });
    expect(profile).toMatchObject({
      name: 'Production',
      baseUrl: backend.url,
      account: { id: admin.id, name: admin.name, type: admin.type },
      adminTokenId: admin.adminTokenId,
    });
    // A server reached over HTTP is a real connection: only the in-app sandbox keeps memory.
    expect(profile.sandbox).toBeUndefined();
    expect(await secrets.get(`connection:${profile.id}`)).toBe(admin.adminToken);
    expect(await service.credentials(profile.id)).toEqual({ baseUrl: backend.url, token: admin.adminToken });
    const onDisk = JSON.parse(fs.readFileSync(path.join(dir, 'connections.json'), 'utf8')) as Record<string, unknown>;
    expect(onDisk.activeConnectionId).toBe(profile.id);
    expect(onDisk.connections).toEqual([profile]);
  });

  it('refuses a token the API rejects; nothing saved', async () => {
    const before = fs.readFileSync(path.join(dir, 'connections.json'), 'utf8');
    const keysBefore = (await secrets.list()).sort();
    const bad = 'idt:TKN-9999-9999:NotARealSecret0123456789';
    usedSecrets.add(bad);
    const error = await service.add({ name: 'Bad', baseUrl: backend.url, token: bad }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DeskError);
    expect((error as DeskError).code).toBe('validation');
    expect((error as DeskError).fields?.token?.[0]).toMatch(/rejected this token|did not accept/);
    expect(fs.readFileSync(path.join(dir, 'connections.json'), 'utf8')).toBe(before);
    expect((await secrets.list()).sort()).toEqual(keysBefore);
  });

  it('refuses re-entering a token of another account, accepts the same one', async () => {
    const [a, b] = backend.accounts;
    const profile = service.list()[0]!;
    if (b) {
      const error = await service.reenterToken(profile.id, b.adminToken).catch((e: unknown) => e);
      expect((error as DeskError).fields?.token?.[0]).toMatch(/belongs to/);
      expect(await secrets.get(`connection:${profile.id}`)).toBe(a!.adminToken);
    }
    const updated = await service.reenterToken(profile.id, a!.adminToken);
    expect(updated.account.id).toBe(a!.id);
  });

  it('survives a restart: restore() gives the last active connection', async () => {
    const b = backend.accounts[1];
    if (b) {
      const second = await service.add({ name: 'Other', baseUrl: backend.url, token: b.adminToken });
      service.switchTo(service.list()[0]!.id);
      expect(service.list().map((p) => p.id)).toContain(second.id);
    }
    const restarted = await open();
    expect(restarted.restore()?.name).toBe('Production');
    service = restarted;
  });

  it('remove deletes the profile, its keychain entries and its cache; others stay', async () => {
    const target = service.list().find((p) => p.name === 'Production')!;
    const others = service.list().filter((p) => p.id !== target.id);
    const createdValue = 'idt:TKN-5555-0001:CapturedAtCreate0123456789';
    usedSecrets.add(createdValue);
    await vault.setTokenValue(target.id, 'TKN-5555-0001', createdValue);
    cache.putTokens(target.id, [
      { id: 'TKN-5555-0001', name: 'CI', status: 'Active', account: target.account, modules: [], token: createdValue },
    ]);
    for (const o of others) cache.putTokens(o.id, []);

    await service.remove(target.id);

    expect(service.get(target.id)).toBeUndefined();
    expect(service.restore()).toBeUndefined();
    const left = await secrets.list();
    expect(left.filter((acc) => acc.includes(target.id))).toEqual([]);
    expect(left.sort()).toEqual(others.flatMap((o) => [`address:${o.id}`, `connection:${o.id}`]).sort());
    expect(cache.getTokens(target.id)).toBeUndefined();
    for (const o of others) expect(cache.getTokens(o.id)).toBeDefined();
  });

  it('no secret value reached any file on disk', () => {
    const names = fs.readdirSync(dir);
    expect(names).toContain('connections.json');
    for (const name of names) {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      for (const secret of usedSecrets) {
        expect(text, `${name} contains a secret`).not.toContain(secret);
        expect(text, `${name} contains a secret part`).not.toContain(secret.split(':')[2]);
      }
    }
  });
});
