import { describe, expect, it, vi } from 'vitest';
import type { WhoAmI } from '../../../common/domain';
import { DeskError } from '../../../common/errors';
import { ConnectionService, checkBaseUrl, checkToken, type ConnectionServiceDeps } from '../../../main/core/connections';
import { Vault } from '../../../main/core/vault';
import { MemorySecretStore, MemoryStore } from './fakes';

const TOKEN_A = 'idt:TKN-1111-2222:aaaaBBBBcccc1234';
const TOKEN_A2 = 'idt:TKN-1111-3333:zzzzYYYY9876';
const TOKEN_B = 'idt:TKN-4444-5555:bbbbCCCCdddd5678';
const TOKEN_DISABLED = 'idt:TKN-7777-8888:disabledToken1';

const accountA = { id: 'ACC-1000-0001', name: 'Stark Industries', type: 'Client' as const };
const accountB = { id: 'ACC-2000-0002', name: 'Wayne Enterprises', type: 'Vendor' as const };

const who: Record<string, WhoAmI> = {
  [TOKEN_A]: { tokenId: 'TKN-1111-2222', tokenName: 'Admin A', tokenStatus: 'Active', account: accountA },
  [TOKEN_A2]: { tokenId: 'TKN-1111-3333', tokenName: 'Admin A2', tokenStatus: 'Active', account: { ...accountA, name: 'Stark Industries (renamed)' } },
  [TOKEN_B]: { tokenId: 'TKN-4444-5555', tokenName: 'Admin B', tokenStatus: 'Active', account: accountB },
  [TOKEN_DISABLED]: { tokenId: 'TKN-7777-8888', tokenName: 'Old', tokenStatus: 'Disabled', account: accountA },
};

function setup(overrides: Partial<ConnectionServiceDeps> = {}) {
  const store = new MemoryStore();
  const secrets = new MemorySecretStore();
  const verify = vi.fn(async (_baseUrl: string, token: string) => {
    const w = who[token];
    if (!w) throw new DeskError({ code: 'unauthorized', message: 'Unauthorized', status: 401 });
    return w;
  });
  const onRemoved = vi.fn();
  let n = 0;
  const service = new ConnectionService({ store, vault: new Vault(secrets), verify, onRemoved, newId: () => `id-${++n}`, ...overrides });
  return { store, secrets, verify, onRemoved, service };
}

async function validationFields(p: Promise<unknown>): Promise<Record<string, string[]>> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeskError);
  expect((error as DeskError).code).toBe('validation');
  return (error as DeskError).fields ?? {};
}

describe('input checks', () => {
  it.each([
    ['https://api.platform.softwareone.com/', 'https://api.platform.softwareone.com'],
    ['  https://example.com/base/  ', 'https://example.com/base'],
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
    ['http://localhost:8080/', 'http://localhost:8080'],
    ['http://[::1]:9000', 'http://[::1]:9000'],
  ])('accepts base URL %s', (input, expected) => {
    expect(checkBaseUrl(input)).toEqual({ value: expected });
  });

  it.each([
    ['', /Enter the API address/],
    ['api.platform.softwareone.com', /starting with https/],
    ['http://api.platform.softwareone.com', /only allowed to this computer/],
    ['ftp://example.com', /https/],
    ['https://user:pw@example.com', /user name or password/],
    ['https://example.com/?x=1', /query/],
  ])('refuses base URL "%s"', (input, message) => {
    expect(checkBaseUrl(input).error).toMatch(message);
  });

  it('trims a token and drops a pasted "Bearer " prefix', () => {
    expect(checkToken(`  Bearer ${TOKEN_A}\n`)).toEqual({ value: TOKEN_A });
  });

  it.each([
    ['', /Paste the API token/],
    ['4l6Fq7jrGSfZVjDYHabJkxTuv4nynuj5f8qVTbbHJS5rFXpetnvRYfvwiaRjGzrF', /older token without the idt:TKN-… prefix/],
    ['TKN-1111-2222', /token id, not its value/],
    ['idt:TKN-111-2222:abc', /not a valid API token value/],
    ['idt:TKN-1111-2222:abc-def', /not a valid API token value/],
  ])('refuses token "%s" with a specific hint', (input, message) => {
    expect(checkToken(input).error).toMatch(message);
  });
});

describe('ConnectionService.add', () => {
  it('verifies, saves the secret in the vault and only non-secret data in the store', async () => {
    const { service, store, secrets, verify } = setup();
    const profile = await service.add({ name: '  Production  ', token: ` ${TOKEN_A} ` });
    expect(verify).toHaveBeenCalledWith('https://api.platform.softwareone.com', TOKEN_A);
    expect(profile).toMatchObject({ id: 'id-1', name: 'Production', baseUrl: 'https://api.platform.softwareone.com', account: accountA, adminTokenId: 'TKN-1111-2222' });
    expect(secrets.entries.get('connection:id-1')).toBe(TOKEN_A);
    expect(store.dump()).not.toContain(TOKEN_A);
    expect(store.dump()).not.toContain('aaaaBBBBcccc1234');
    expect(service.active()?.id).toBe('id-1');
    expect(service.list()).toHaveLength(1);
  });

  it('reports every bad field at once, keyed by form field, and saves nothing', async () => {
    const { service, store, secrets, verify } = setup();
    const fields = await validationFields(service.add({ name: '   ', baseUrl: 'http://example.com', token: 'abc' }));
    expect(Object.keys(fields).sort()).toEqual(['baseUrl', 'name', 'token']);
    expect(verify).not.toHaveBeenCalled();
    expect(store.data.size).toBe(0);
    expect(secrets.entries.size).toBe(0);
  });

  it('refuses a token the API rejects, as a field error on token', async () => {
    const { service, store, secrets } = setup();
    const fields = await validationFields(service.add({ name: 'X', token: 'idt:TKN-9999-9999:unknown' }));
    // The stub's message ("Unauthorized") is too terse to show: a plain sentence replaces it.
    expect(fields.token?.[0]).toMatch(/did not accept this token/);
    expect(store.data.size + secrets.entries.size).toBe(0);
  });

  it("keeps the API client's own sentence for a rejected token", async () => {
    const message = 'This API token (TKN-7777-8888 "Old") is disabled. Enable it in the Marketplace, or use another token.';
    const { service } = setup({ verify: async () => { throw new DeskError({ code: 'unauthorized', message }); } });
    const fields = await validationFields(service.add({ name: 'X', token: TOKEN_DISABLED }));
    expect(fields.token).toEqual([message]);
  });

  it('refuses a token that may not manage API tokens, naming the module it needs, and saves nothing', async () => {
    const { service, secrets } = setup({ verify: async () => { throw new DeskError({ code: 'forbidden', status: 403, message: 'Forbidden' }); } });
    const fields = await validationFields(service.add({ name: 'X', token: TOKEN_A }));
    expect(fields.token?.[0]).toMatch(/needs the Access Management module/);
    expect(secrets.entries.size).toBe(0);
    expect(service.list()).toEqual([]);
  });

  it('refuses a token that is not Active with a plain message', async () => {
    const { service, secrets } = setup();
    const fields = await validationFields(service.add({ name: 'X', token: TOKEN_DISABLED }));
    expect(fields.token?.[0]).toMatch(/This token is disabled, so it cannot be used/);
    expect(secrets.entries.size).toBe(0);
  });

  it('passes an offline error through unchanged', async () => {
    const offline = new DeskError({ code: 'offline', message: 'No connection to the API' });
    const { service, store } = setup({ verify: async () => { throw offline; } });
    await expect(service.add({ name: 'X', token: TOKEN_A })).rejects.toBe(offline);
    expect(store.data.size).toBe(0);
  });

  it('refuses the same token twice', async () => {
    const { service } = setup();
    await service.add({ name: 'One', token: TOKEN_A });
    const fields = await validationFields(service.add({ name: 'Two', token: TOKEN_A }));
    expect(fields.token?.[0]).toMatch(/already used by the connection "One"/);
  });

  it('keychain failure: nothing is saved', async () => {
    const { service, store, secrets } = setup();
    secrets.failWith = new Error('Cannot autolaunch D-Bus without X11 $DISPLAY');
    await expect(service.add({ name: 'X', token: TOKEN_A })).rejects.toThrow();
    expect(store.data.size).toBe(0);
  });

  it('store failure: the secret written first is removed again', async () => {
    const { service, store, secrets } = setup();
    store.failWrites = true;
    await expect(service.add({ name: 'X', token: TOKEN_A })).rejects.toThrow('disk full');
    expect(secrets.entries.size).toBe(0);
  });
});

describe('ConnectionService: the rest', () => {
  it('switchTo, rename, restore', async () => {
    const { service } = setup({ now: () => new Date('2026-03-01T00:00:00Z') });
    const a = await service.add({ name: 'A', token: TOKEN_A });
    const b = await service.add({ name: 'B', token: TOKEN_B });
    expect(service.restore()?.id).toBe(b.id);
    service.switchTo(a.id);
    expect(service.restore()?.id).toBe(a.id);
    expect(service.rename(a.id, '  Renamed ').name).toBe('Renamed');
    expect(service.get(a.id)?.name).toBe('Renamed');
    const fields = await validationFields(Promise.resolve().then(() => service.rename(a.id, ' ')));
    expect(fields.name).toBeDefined();
    expect(() => service.switchTo('nope')).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it('reenterToken accepts another token of the same account and refuses another account', async () => {
    const { service, secrets } = setup();
    const a = await service.add({ name: 'A', token: TOKEN_A });
    const updated = await service.reenterToken(a.id, TOKEN_A2);
    expect(updated.adminTokenId).toBe('TKN-1111-3333');
    expect(updated.account.name).toBe('Stark Industries (renamed)');
    expect(secrets.entries.get(`connection:${a.id}`)).toBe(TOKEN_A2);

    const fields = await validationFields(service.reenterToken(a.id, TOKEN_B));
    expect(fields.token?.[0]).toMatch(/belongs to Wayne Enterprises/);
    expect(secrets.entries.get(`connection:${a.id}`)).toBe(TOKEN_A2);
  });

  it('remove deletes the profile, every vault entry of it and its cache, and nothing of another connection', async () => {
    const { service, secrets, onRemoved } = setup();
    const a = await service.add({ name: 'A', token: TOKEN_A });
    const b = await service.add({ name: 'B', token: TOKEN_B });
    const vault = new Vault(secrets);
    await vault.setTokenValue(a.id, 'TKN-0000-0001', 'idt:TKN-0000-0001:x');
    await vault.setTokenValue(b.id, 'TKN-0000-0002', 'idt:TKN-0000-0002:y');
    service.switchTo(a.id);

    await service.remove(a.id);
    expect(service.list().map((p) => p.id)).toEqual([b.id]);
    expect([...secrets.entries.keys()].sort()).toEqual([`address:${b.id}`, `connection:${b.id}`, `token:${b.id}:TKN-0000-0002`]);
    expect(onRemoved).toHaveBeenCalledWith(a.id);
    expect(service.active()).toBeUndefined();
    expect(service.restore()).toBeUndefined();
  });

  it('credentials() returns the secret for the main process, or says to re-enter it', async () => {
    const { service, secrets } = setup();
    const a = await service.add({ name: 'A', baseUrl: 'http://127.0.0.1:4010/', token: TOKEN_A });
    expect(await service.credentials(a.id)).toEqual({ baseUrl: 'http://127.0.0.1:4010', token: TOKEN_A });
    secrets.entries.clear();
    await expect(service.credentials(a.id)).rejects.toMatchObject({ code: 'unauthorized', message: expect.stringMatching(/Re-enter the token/) });
  });

  it('ignores a hand-broken profile entry instead of failing', async () => {
    const { service, store } = setup();
    await service.add({ name: 'A', token: TOKEN_A });
    store.set('connections', [...(store.get<unknown[]>('connections') ?? []), { id: 42 }]);
    expect(service.list()).toHaveLength(1);
  });
});
