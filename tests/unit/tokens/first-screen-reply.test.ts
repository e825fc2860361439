/**
 * `tokens.cached` with `first` (a launch's first screen): the first rows of the cached list in
 * the asked sort's order, packed, with the whole list's size; none for a sort that needs every
 * row's text. Real core services over in-memory ports, through the dispatch gate.
 */
import { describe, expect, it } from 'vitest';
import type { ApiToken } from '../../../common/domain';
import { readPackedList, viewsOf } from '../../../common/token-list-wire';
import { createDispatch } from '../../../main/core/dispatch';
import { createHandlerTable } from '../../../main/core/handlers';
import { createCoreServices } from '../../../main/core/services';
import { MemorySecretStore, MemoryStore, testProfile } from '../core/fakes';
import { asPage } from '../../support/connection-calls';

const profile = testProfile({ name: 'Operations', account: { id: 'ACC-1111-2222', name: 'Stark', type: 'Operations' } });

const token = (i: number): ApiToken =>
  ({
    id: `TKN-${String(1000 + (i % 9000)).padStart(4, '0')}-${String(i).padStart(4, '0')}`,
    name: `Robot ${i}`,
    status: 'Active',
    account: { id: 'ACC-1111-2222' },
    modules: [],
    audit: { created: { at: new Date(Date.UTC(2026, 0, 1) + ((i * 37) % 500) * 60_000).toISOString() } },
  }) as ApiToken;

describe('tokens.cached with first', () => {
  it('answers the first rows in the sort, packed, with the total; nothing for a name sort', async () => {
    const settings = new MemoryStore();
    settings.set('connections', [profile]);
    settings.set('activeConnectionId', profile.id);
    const services = createCoreServices({ settingsStore: settings, cacheStore: new MemoryStore(), secretStore: new MemorySecretStore(), clipboard: { writeText: () => undefined, readText: () => '' } });
    const tokens = Array.from({ length: 500 }, (_, i) => token(i));
    services.cache.putTokens(profile.id, tokens, '2026-02-01T00:00:00.000Z', null);
    const dispatch = asPage(services, createDispatch(createHandlerTable(services)));
    const ctx = { host: 'browser' as const, emit: () => undefined };

    const first = await dispatch('tokens.cached', { packed: true, first: { count: 5, sort: { key: 'createdAt', dir: 'desc' } } }, ctx);
    expect(first.ok).toBe(true);
    const value = (first as { value: { packed: string; total: number; fetchedAt: string } }).value;
    expect(value.total).toBe(500);
    expect(value.fetchedAt).toBe('2026-02-01T00:00:00.000Z');
    const newest = [...tokens].sort((a, b) => (b.audit!.created!.at! > a.audit!.created!.at! ? 1 : b.audit!.created!.at! < a.audit!.created!.at! ? -1 : a.id < b.id ? -1 : 1));
    expect(viewsOf(readPackedList(value.packed)).map((t) => t.id)).toEqual(newest.slice(0, 5).map((t) => t.id));

    const byName = await dispatch('tokens.cached', { packed: true, first: { count: 5, sort: { key: 'name', dir: 'asc' } } }, ctx);
    expect((byName as { value: object }).value).toEqual({ tokens: [], fetchedAt: '2026-02-01T00:00:00.000Z', total: 500 });

    const tooMany = await dispatch('tokens.cached', { packed: true, first: { count: 5000, sort: { key: 'createdAt', dir: 'desc' } } }, ctx);
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'validation' } });
    await services.dispose();
  });
});
