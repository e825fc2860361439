import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../common/errors';
import { Vault, createKeytarSecretStore, keychainFixHint, type KeytarLike } from '../../../main/core/vault';
import { MemorySecretStore } from './fakes';

async function rejection(p: Promise<unknown>): Promise<DeskError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeskError);
  return error as DeskError;
}

describe('keytar adapter error mapping (unit: injected keytar)', () => {
  it('a keytar module that cannot load becomes keychain_unavailable, and is retried on the next call', async () => {
    let attempts = 0;
    const store = createKeytarSecretStore('svc', {
      platform: 'linux',
      load: async () => {
        attempts += 1;
        throw new Error("Cannot find module '../build/Release/keytar.node'");
      },
    });
    const error = await rejection(store.get('connection:x'));
    expect(error.code).toBe('keychain_unavailable');
    expect(error.message).toContain("Cannot find module");
    expect(error.message).toContain('sudo apt install gnome-keyring');
    await rejection(store.list());
    expect(attempts).toBe(2);
  });

  it.each([
    'Cannot autolaunch D-Bus without X11 $DISPLAY',
    'The name org.freedesktop.secrets was not provided by any .service files',
    'Cannot create an item in a locked collection',
  ])('maps "%s" to keychain_unavailable for every operation', async (message) => {
    const fail = async () => {
      throw new Error(message);
    };
    const keytar: KeytarLike = { getPassword: fail, setPassword: fail, deletePassword: fail, findCredentials: fail };
    const store = createKeytarSecretStore('svc', { platform: 'linux', load: async () => keytar });
    for (const op of [store.get('a'), store.set('a', 'b'), store.delete('a'), store.list()]) {
      const error = await rejection(op);
      expect(error.code).toBe('keychain_unavailable');
      expect(error.message).toContain(message);
    }
  });

  it('gives OS-specific advice', () => {
    expect(keychainFixHint('darwin')).toMatch(/login keychain/);
    expect(keychainFixHint('win32')).toMatch(/Credential Manager/);
    expect(keychainFixHint('linux')).toMatch(/gnome-keyring|KWallet/);
  });

  it('list() returns account names only, never the passwords', async () => {
    const keytar: KeytarLike = {
      getPassword: async () => null,
      setPassword: async () => undefined,
      deletePassword: async () => false,
      findCredentials: async () => [{ account: 'connection:a', password: 'idt:TKN-1111-1111:secret' }],
    };
    const accounts = await createKeytarSecretStore('svc', { load: async () => keytar }).list();
    expect(accounts).toEqual(['connection:a']);
    expect(JSON.stringify(accounts)).not.toContain('secret');
  });
});

describe('Vault (unit: in-memory secret store)', () => {
  it('names accounts connection:<id> and token:<id>:<TKN>', async () => {
    const secrets = new MemorySecretStore();
    const vault = new Vault(secrets);
    await vault.setConnectionSecret('c1', 'admin');
    await vault.setTokenValue('c1', 'TKN-1111-2222', 'value');
    expect([...secrets.entries.keys()].sort()).toEqual(['connection:c1', 'token:c1:TKN-1111-2222']);
    expect(await vault.hasTokenValue('c1', 'TKN-1111-2222')).toBe(true);
    expect(await vault.hasTokenValue('c1', 'TKN-1111-3333')).toBe(false);
  });

  it('removeConnection does not touch a connection whose id shares a prefix', async () => {
    const secrets = new MemorySecretStore();
    const vault = new Vault(secrets);
    await vault.setConnectionSecret('c1', 'a');
    await vault.setConnectionSecret('c10', 'b');
    await vault.setTokenValue('c1', 'TKN-1111-2222', 'x');
    await vault.setTokenValue('c10', 'TKN-1111-2222', 'y');
    expect((await vault.removeConnection('c1')).sort()).toEqual(['connection:c1', 'token:c1:TKN-1111-2222']);
    expect([...secrets.entries.keys()].sort()).toEqual(['connection:c10', 'token:c10:TKN-1111-2222']);
  });

  it('refuses ids that would make account names ambiguous', async () => {
    const vault = new Vault(new MemorySecretStore());
    await expect(vault.setConnectionSecret('a:b', 's')).rejects.toThrow(DeskError);
    await expect(vault.removeConnection('')).rejects.toThrow(DeskError);
    await expect(vault.setTokenValue('c1', 'not-a-token-id', 's')).rejects.toThrow(/TKN-1234-5678/);
  });
});
