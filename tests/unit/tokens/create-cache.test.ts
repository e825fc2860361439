/**
 * A created token joins the cached list through the single-row path every other change takes
 * (tokens/snapshot.ts): the list gains one row and keeps its fetch time and delta mark, and
 * the value never reaches the cache. Real core services over in-memory ports; the Marketplace
 * client is a fake that answers the create.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiToken, CreateTokenInput } from '../../../common/domain';
import { createDispatch } from '../../../main/core/dispatch';
import { createHandlerTable } from '../../../main/core/handlers';
import { createCoreServices } from '../../../main/core/services';
import type { ActiveSession } from '../../../main/core/services';
import { MemorySecretStore, MemoryStore, testProfile } from '../core/fakes';

const SECRET = '4l6Fq7jrGSfZVjDYHabJkxTuv4nynuj5f8qVTbbHJS5rFXpetnvRYfvwiaRjGzrF';
const profile = testProfile();

const listed = (i: number): ApiToken => ({
  id: `TKN-1000-000${i}`,
  name: `Robot ${i}`,
  status: 'Active',
  account: { id: profile.account.id, name: 'Stark', type: 'Client' },
  modules: [{ id: 'MOD-1756', name: 'Access Management' }],
  audit: { created: { at: `2026-01-0${i}T10:00:00.000Z`, by: { id: 'USR-0000-0001', name: 'Ann' } } },
});

function setup() {
  const settings = new MemoryStore();
  settings.set('connections', [profile]);
  settings.set('activeConnectionId', profile.id);
  const services = createCoreServices({ settingsStore: settings, cacheStore: new MemoryStore(), secretStore: new MemorySecretStore(), clipboard: { writeText: () => undefined, readText: () => '' } });
  const create = vi.fn(async (input: CreateTokenInput): Promise<ApiToken> => {
    const id = 'TKN-2000-0001';
    return { ...listed(9), id, name: input.name, audit: { created: { at: '2026-02-01T10:00:00.000Z', by: { id: 'USR-0000-0001', name: 'Ann' } } }, token: `idt:${id}:${SECRET}` };
  });
  vi.spyOn(services, 'session').mockResolvedValue({ profile, client: { tokens: { create } } } as unknown as ActiveSession);
  const dispatch = createDispatch(createHandlerTable(services));
  return { services, dispatch, create };
}

afterEach(() => vi.restoreAllMocks());

describe('tokens.create and the cached list', () => {
  it('adds the new token as one row: the other rows, the fetch time and the delta mark stay', async () => {
    const { services, dispatch, create } = setup();
    services.cache.putTokens(profile.id, [listed(1), listed(2)], '2026-01-05T00:00:00.000Z', 'mark-1');
    const put = vi.spyOn(services.cache, 'putTokens');

    const result = await dispatch('tokens.create', { connectionId: profile.id, name: 'CI robot', description: '', moduleIds: ['MOD-1756'] }, { host: 'browser', emit: () => undefined });

    expect(result).toMatchObject({ ok: true });
    expect(create).toHaveBeenCalledOnce();
    const snapshot = services.cache.getTokens(profile.id)!;
    expect(snapshot.items.map((t) => t.id)).toEqual(['TKN-1000-0001', 'TKN-1000-0002', 'TKN-2000-0001']);
    expect(snapshot.items[2]).toMatchObject({ name: 'CI robot', status: 'Active' });
    expect(snapshot.items[2]).not.toHaveProperty('token');
    expect(snapshot.fetchedAt).toBe('2026-01-05T00:00:00.000Z');
    expect(services.cache.tokenTable(profile.id)?.mark).toBe('mark-1');
    expect(put).not.toHaveBeenCalled();
    expect(JSON.stringify(services.cache.tokenTable(profile.id))).not.toContain(SECRET);
  });

  it('with no list cached, caches nothing (a one-token list would pass for the whole account)', async () => {
    const { services, dispatch } = setup();
    const result = await dispatch('tokens.create', { connectionId: profile.id, name: 'CI robot', description: '', moduleIds: ['MOD-1756'] }, { host: 'browser', emit: () => undefined });
    expect(result).toMatchObject({ ok: true });
    expect(services.cache.getTokens(profile.id)).toBeUndefined();
  });
});
