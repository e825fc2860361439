/**
 * The in-app sandbox keeps its secrets in memory for the run, with or without a keychain, and
 * never touches the keychain; a real connection uses the keychain, or gets its refusal. The
 * missing keychain here is the real keytar adapter with a loader that fails as it does on Linux
 * without a D-Bus session.
 */
import { describe, expect, it, vi } from 'vitest';
import type { WhoAmI } from '../../../common/domain';
import { DeskError } from '../../../common/errors';
import { ConnectionService } from '../../../main/core/connections';
import { startSandboxConnection, switchConnection } from '../../../main/core/connections/sandbox';
import { Vault, createKeytarSecretStore } from '../../../main/core/vault';
import { MemorySecretStore, MemoryStore } from './fakes';

const SANDBOX_TOKEN = 'idt:TKN-1111-2222:sandboxAdmin1234';
const REAL_TOKEN = 'idt:TKN-4444-5555:realAdmin5678';
const VALUE = 'idt:TKN-9999-0001:capturedValue42';
const who: Record<string, WhoAmI> = {
  [SANDBOX_TOKEN]: { tokenId: 'TKN-1111-2222', tokenName: 'Admin', tokenStatus: 'Active', account: { id: 'ACC-1000-0001', name: 'Stark Industries', type: 'Client' } },
  [REAL_TOKEN]: { tokenId: 'TKN-4444-5555', tokenName: 'Admin', tokenStatus: 'Active', account: { id: 'ACC-2000-0002', name: 'Wayne', type: 'Vendor' } },
};

const noKeychain = () =>
  createKeytarSecretStore('svc', {
    platform: 'linux',
    load: async () => {
      throw new Error('Cannot autolaunch D-Bus without X11 $DISPLAY');
    },
  });

function setup(keychain = noKeychain()) {
  const store = new MemoryStore();
  const memory = new MemorySecretStore();
  const vault = new Vault(keychain, memory);
  let n = 0;
  const connections = new ConnectionService({
    store,
    vault,
    verify: vi.fn(async (_url: string, token: string) => who[token]!),
    newId: () => `id-${++n}`,
  });
  const sandbox = async () => ({ url: 'http://127.0.0.1:4010', adminToken: SANDBOX_TOKEN, accountName: 'Stark Industries' });
  return { store, memory, vault, connections, services: { sandbox, vault, connections } };
}

describe('the vault without a keychain', () => {
  it('keeps the sandbox connection and its token values in memory, and says so', async () => {
    const { vault, memory } = setup();
    await vault.setConnectionSecret('sbx', SANDBOX_TOKEN, { sandbox: true });
    await vault.setTokenValue('sbx', 'TKN-9999-0001', VALUE);
    expect(vault.isInMemory('sbx')).toBe(true);
    expect(await vault.getConnectionSecret('sbx')).toBe(SANDBOX_TOKEN);
    expect(await vault.getTokenValue('sbx', 'TKN-9999-0001')).toBe(VALUE);
    expect(await vault.listTokenIds('sbx')).toEqual(['TKN-9999-0001']);
    expect(memory.entries.size).toBe(2);
    expect(await vault.removeConnection('sbx')).toHaveLength(2);
    expect(memory.entries.size).toBe(0);
    expect(vault.isInMemory('sbx')).toBe(false);
  });

  it('refuses a real connection with the keychain error, and keeps nothing in memory', async () => {
    const { vault, memory } = setup();
    const error = await vault.setConnectionSecret('real', REAL_TOKEN).catch((e: unknown) => e);
    expect(DeskError.is(error) && error.code).toBe('keychain_unavailable');
    expect(vault.isInMemory('real')).toBe(false);
    expect(memory.entries.size).toBe(0);
    await expect(vault.setTokenValue('real', 'TKN-9999-0001', VALUE)).rejects.toMatchObject({ code: 'keychain_unavailable' });
    expect(memory.entries.size).toBe(0);
  });

});

describe('the vault with a working keychain', () => {
  it('keeps the sandbox in memory and never touches the keychain, even for a read or a list', async () => {
    const keychain = new MemorySecretStore();
    const touched = vi.spyOn(keychain, 'get');
    const listed = vi.spyOn(keychain, 'list');
    const { vault, memory } = setup(keychain);
    await vault.setConnectionSecret('sbx', SANDBOX_TOKEN, { sandbox: true });
    await vault.setConnectionAddress('sbx', 'http://127.0.0.1:4010');
    await vault.setTokenValue('sbx', 'TKN-9999-0001', VALUE);
    expect(vault.isInMemory('sbx')).toBe(true);
    expect(await vault.getTokenValue('sbx', 'TKN-9999-0001')).toBe(VALUE);
    expect(await vault.listTokenIds('sbx')).toEqual(['TKN-9999-0001']);
    expect(keychain.entries.size).toBe(0);
    expect(memory.entries.size).toBe(3);
    expect(touched).not.toHaveBeenCalled();
    expect(listed).not.toHaveBeenCalled();
    expect(await vault.removeConnection('sbx')).toHaveLength(3);
    expect(memory.entries.size).toBe(0);
  });

  it('keeps a real connection in the keychain, and nothing in memory', async () => {
    const keychain = new MemorySecretStore();
    const { vault, memory } = setup(keychain);
    await vault.setConnectionSecret('real', REAL_TOKEN);
    await vault.setTokenValue('real', 'TKN-9999-0001', VALUE);
    expect(vault.isInMemory('real')).toBe(false);
    expect(keychain.entries.get('connection:real')).toBe(REAL_TOKEN);
    expect(keychain.entries.get('token:real:TKN-9999-0001')).toBe(VALUE);
    expect(memory.entries.size).toBe(0);
  });
});

describe('Try the sandbox without a keychain', () => {
  it('connects, marks the profile it shows (never the saved one) and serves the credential', async () => {
    const { store, connections, services } = setup();
    const profile = await startSandboxConnection(services);
    expect(profile.secretsInMemory).toBe(true);
    expect(connections.state().connections[0]?.secretsInMemory).toBe(true);
    expect(JSON.stringify([...store.data.values()])).not.toContain('secretsInMemory');
    expect(JSON.stringify([...store.data.values()])).not.toContain(SANDBOX_TOKEN);
    expect((await connections.credentials(profile.id)).token).toBe(SANDBOX_TOKEN);

    // Started again in the same run: the saved sandbox profile is re-used, still in memory.
    const again = await startSandboxConnection(services);
    expect(again.id).toBe(profile.id);
    expect(again.secretsInMemory).toBe(true);
  });

  it('with a working keychain, still keeps the sandbox in memory and says so', async () => {
    const keychain = new MemorySecretStore();
    const { connections, services } = setup(keychain);
    const profile = await startSandboxConnection(services);
    expect(profile.secretsInMemory).toBe(true);
    expect((await connections.credentials(profile.id)).token).toBe(SANDBOX_TOKEN);
    expect(keychain.entries.size).toBe(0);
  });

  it('a real connection is still refused, with the fix, and nothing is saved', async () => {
    const { store, connections } = setup();
    const error = await connections.add({ name: 'Wayne', token: REAL_TOKEN }).catch((e: unknown) => e);
    expect(DeskError.is(error) && error.code).toBe('keychain_unavailable');
    expect((error as Error).message).toContain('gnome-keyring');
    expect(store.data.size).toBe(0);
  });

  it('in a later run, switching to the saved sandbox gives it this run\'s credential', async () => {
    const keychain = new MemorySecretStore();
    const first = setup(keychain);
    const sandbox = await startSandboxConnection(first.services);
    const real = await first.connections.add({ name: 'Wayne', token: REAL_TOKEN });
    expect(first.connections.active()?.id).toBe(real.id);

    // The next run: the same settings and keychain, an empty memory.
    const memory = new MemorySecretStore();
    const vault = new Vault(keychain, memory);
    const connections = new ConnectionService({ store: first.store, vault, verify: vi.fn(async (_url: string, token: string) => who[token]!), newId: () => 'unused' });
    await expect(connections.credentials(sandbox.id)).rejects.toMatchObject({ code: 'unauthorized' });
    const switched = await switchConnection({ sandbox: first.services.sandbox, vault, connections }, sandbox.id);
    expect(switched.id).toBe(sandbox.id);
    expect((await connections.credentials(sandbox.id)).token).toBe(SANDBOX_TOKEN);
    expect(keychain.entries.has(`connection:${sandbox.id}`)).toBe(false);

    // A real connection is switched to as it is: nothing written.
    const before = memory.entries.size;
    await switchConnection({ sandbox: first.services.sandbox, vault, connections }, real.id);
    expect(memory.entries.size).toBe(before);
    expect(connections.active()?.id).toBe(real.id);
  });
});
