import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Vault, createKeytarSecretStore } from '../../../main/core/vault';
import { bundleVault, keytarNodePath, runChild } from './keytar-child';
import { requireSecretService, uniqueService } from './secret-service';

const available = await requireSecretService('vault integration');

describe.skipIf(!available)('keytar SecretStore against a real Secret Service', () => {
  const service = uniqueService();
  const store = createKeytarSecretStore(service);

  afterAll(async () => {
    for (const account of await store.list()) await store.delete(account);
  });

  it('set / get / list / delete round-trip', async () => {
    const value = 'idt:TKN-1234-5678:4l6Fq7jrGSfZVjDYHabJkxTuv4nynuj5f8qVTbbHJS5rFXpetnvRYfvwiaRjGzrF';
    expect(await store.get('connection:rt')).toBeNull();
    await store.set('connection:rt', value);
    expect(await store.get('connection:rt')).toBe(value);
    expect(await store.list()).toContain('connection:rt');
    await store.set('connection:rt', `${value}2`); // overwrite, not a second entry
    expect(await store.get('connection:rt')).toBe(`${value}2`);
    expect((await store.list()).filter((a) => a === 'connection:rt')).toHaveLength(1);
    expect(await store.delete('connection:rt')).toBe(true);
    expect(await store.delete('connection:rt')).toBe(false);
    expect(await store.get('connection:rt')).toBeNull();
    expect(await store.list()).not.toContain('connection:rt');
  });

  it('keeps services apart: another service name does not see our entries', async () => {
    const other = createKeytarSecretStore(uniqueService());
    await store.set('connection:iso', 'x');
    expect(await other.get('connection:iso')).toBeNull();
    expect(await other.list()).toEqual([]);
    await store.delete('connection:iso');
  });

  it('Vault.removeConnection removes every entry it owned and nothing of another connection', async () => {
    const vault = new Vault(store);
    const a = '6f1c2b9e-0000-4000-8000-00000000000a';
    const b = '6f1c2b9e-0000-4000-8000-00000000000b';
    await vault.setConnectionSecret(a, 'idt:TKN-0000-0001:adminA');
    await vault.setConnectionSecret(b, 'idt:TKN-0000-0002:adminB');
    await vault.setTokenValue(a, 'TKN-1000-0001', 'idt:TKN-1000-0001:v1');
    await vault.setTokenValue(a, 'TKN-1000-0002', 'idt:TKN-1000-0002:v2');
    await vault.setTokenValue(b, 'TKN-2000-0001', 'idt:TKN-2000-0001:v3');

    expect(await vault.listTokenIds(a)).toEqual(['TKN-1000-0001', 'TKN-1000-0002']);
    expect(await vault.hasTokenValue(a, 'TKN-1000-0002')).toBe(true);
    expect(await vault.deleteTokenValue(a, 'TKN-1000-0002')).toBe(true);
    expect(await vault.hasTokenValue(a, 'TKN-1000-0002')).toBe(false);

    const removed = await vault.removeConnection(a);
    expect(removed.sort()).toEqual([`connection:${a}`, `token:${a}:TKN-1000-0001`]);
    expect((await store.list()).sort()).toEqual([`connection:${b}`, `token:${b}:TKN-2000-0001`]);
    expect(await vault.getConnectionSecret(a)).toBeNull();
    expect(await vault.getConnectionSecret(b)).toBe('idt:TKN-0000-0002:adminB');
    expect(await vault.getTokenValue(b, 'TKN-2000-0001')).toBe('idt:TKN-2000-0001:v3');
    expect(await vault.removeConnection(a)).toEqual([]);
  });

  it('the in-app sandbox keeps its secrets in memory and writes nothing to a working keychain', async () => {
    const vault = new Vault(store);
    const sbx = '6f1c2b9e-0000-4000-8000-0000000000cc';
    const before = (await store.list()).sort();
    await vault.setConnectionSecret(sbx, 'idt:TKN-0000-0003:sandboxAdmin', { sandbox: true });
    await vault.setConnectionAddress(sbx, 'http://127.0.0.1:4010');
    await vault.setTokenValue(sbx, 'TKN-3000-0001', 'idt:TKN-3000-0001:v4');
    expect(vault.isInMemory(sbx)).toBe(true);
    expect(await vault.getTokenValue(sbx, 'TKN-3000-0001')).toBe('idt:TKN-3000-0001:v4');
    expect((await store.list()).sort()).toEqual(before);
    expect(await vault.removeConnection(sbx)).toHaveLength(3);
  });
});

// These need NO Secret Service: they show what happens when there is none. Always run.
describe('keychain_unavailable from a real keytar in a child process (CJS bundle)', () => {
  let bundle: Awaited<ReturnType<typeof bundleVault>>;
  beforeAll(async () => {
    bundle = await bundleVault();
  });
  afterAll(() => bundle?.cleanup());

  it('D-Bus session bus that does not exist', async () => {
    const result = await runChild(bundle.dir, [uniqueService(), 'set'], {
      PATH: process.env.PATH,
      NODE_PATH: keytarNodePath,
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent',
    });
    expect(result).toMatchObject({ ok: false, name: 'DeskError', code: 'keychain_unavailable' });
    expect(result.message).toMatch(/The system keychain is not available/);
    expect(result.message).toMatch(/Could not connect/);
    if (process.platform === 'linux') expect(result.message).toContain('sudo apt install gnome-keyring');
  });

  it.runIf(process.platform === 'linux')('no D-Bus address and no display ("Cannot autolaunch D-Bus")', async () => {
    const result = await runChild(bundle.dir, [uniqueService(), 'list'], { PATH: process.env.PATH, NODE_PATH: keytarNodePath });
    expect(result).toMatchObject({ ok: false, code: 'keychain_unavailable' });
    expect(result.message).toMatch(/D-Bus/);
  });

  it('keytar native module cannot be loaded', async () => {
    // Without NODE_PATH the bundle (in a temp dir) cannot resolve `keytar`.
    const result = await runChild(bundle.dir, [uniqueService(), 'set'], { PATH: process.env.PATH });
    expect(result).toMatchObject({ ok: false, code: 'keychain_unavailable' });
    expect(result.message).toMatch(/Cannot find module 'keytar'/);
  });
});
