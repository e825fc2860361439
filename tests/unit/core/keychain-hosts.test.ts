/**
 * One keychain service per host, and a stored admin token restored only to the address it was
 * saved with. Real core services over in-memory ports.
 */
import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../common/errors';
import { recoverableConnections, restoreFromKeychain } from '../../../main/core/keychain-restore';
import { createCoreServices } from '../../../main/core/services';
import { keychainServiceFor, KEYCHAIN_SERVICES } from '../../../main/core/vault';
import { MemorySecretStore, MemoryStore } from './fakes';

const ID = '6f1c2b7e-1d2a-4c3b-9e8f-0a1b2c3d4e5f';
const ADMIN = 'idt:TKN-1111-2222:4l6Fq7jrGSfZVjDYHabJkxTuv4nynuj5f8qVTbbHJS5rFXpetnvRYfvwiaRjGzrF';

describe('keychain service per host', () => {
  it('the desktop app and the browser host use services of their own; tests override both', () => {
    expect(keychainServiceFor('desktop', {})).toBe('token-desk');
    expect(keychainServiceFor('web', {})).toBe('token-desk-web');
    expect(KEYCHAIN_SERVICES.desktop).not.toBe(KEYCHAIN_SERVICES.web);
    expect(keychainServiceFor('web', { TOKEN_DESK_KEYCHAIN_SERVICE: 'td-test-1' })).toBe('td-test-1');
  });
});

describe('restore from the keychain', () => {
  function setup() {
    const secrets = new MemorySecretStore();
    const services = createCoreServices({ settingsStore: new MemoryStore(), cacheStore: new MemoryStore(), secretStore: secrets, clipboard: { writeText: () => undefined, readText: () => '' } });
    return { services, secrets };
  }
  const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as DeskError);

  it('an admin token with no saved address is offered but sent nowhere', async () => {
    const { services, secrets } = setup();
    await secrets.set(`connection:${ID}`, ADMIN);
    expect(await recoverableConnections(services)).toEqual([{ id: ID, adminTokenId: 'TKN-1111-2222' }]);
    // 127.0.0.1:9 answers nothing: had the token been sent, the error would be `offline`.
    const error = await failure(restoreFromKeychain(services, { id: ID, name: 'x', baseUrl: 'http://127.0.0.1:9' }));
    expect(error).toMatchObject({ code: 'validation', fields: { baseUrl: [expect.any(String)] } });
    expect(error!.message).toMatch(/does not know which address/);
    expect(await secrets.get(`connection:${ID}`)).toBe(ADMIN);
  });

  it('with a saved address: offered with it, refused for any other before anything is sent', async () => {
    const { services, secrets } = setup();
    await secrets.set(`connection:${ID}`, ADMIN);
    await services.vault.setConnectionAddress(ID, 'https://api.platform.softwareone.com');
    expect(await recoverableConnections(services)).toEqual([{ id: ID, adminTokenId: 'TKN-1111-2222', baseUrl: 'https://api.platform.softwareone.com' }]);
    for (const baseUrl of ['http://127.0.0.1:9', 'https://api.platform.softwareone.com.evil.example', 'not a url']) {
      const error = await failure(restoreFromKeychain(services, { id: ID, name: 'x', baseUrl }));
      expect(error, baseUrl).toMatchObject({ code: 'validation', message: 'This admin token was saved for https://api.platform.softwareone.com. Token Desk sends it only there.' });
    }
  });

  it('removing the connection removes its address too', async () => {
    const { services, secrets } = setup();
    await secrets.set(`connection:${ID}`, ADMIN);
    await services.vault.setConnectionAddress(ID, 'https://api.platform.softwareone.com');
    expect(await services.vault.removeConnection(ID)).toEqual(expect.arrayContaining([`connection:${ID}`, `address:${ID}`]));
    expect(await secrets.list()).toEqual([]);
  });
});
