import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiToken, Module } from '../../../common/domain';
import { OfflineCache, stripSecrets } from '../../../main/core/cache';
import { MemoryStore } from './fakes';

const SECRET = 'idt:TKN-1111-2222:4l6Fq7jrGSfZVjDYHabJkxTuv4nynuj5f8qVTbbHJS5rFXpetnvRYfvwiaRjGzrF';

function token(i: number, extra: Partial<ApiToken> = {}): ApiToken {
  const id = `TKN-${String(1000 + (i % 9000)).padStart(4, '0')}-${String(i).padStart(4, '0')}`;
  return {
    id,
    name: `Robot ${i}`,
    status: 'Active',
    account: { id: 'ACC-9042-0088', name: 'Stark Industries', type: 'Client' },
    modules: [{ id: 'MOD-1756', name: 'Access Management' }],
    ...extra,
  };
}

const fixedNow = () => new Date('2026-01-02T03:04:05.000Z');

describe('OfflineCache', () => {
  it('round-trips a token list with the time it was fetched', () => {
    const cache = new OfflineCache(new MemoryStore(), { now: fixedNow });
    expect(cache.getTokens('c1')).toBeUndefined();
    cache.putTokens('c1', [token(1), token(2)]);
    const snap = cache.getTokens('c1');
    expect(snap?.fetchedAt).toBe('2026-01-02T03:04:05.000Z');
    expect(snap?.items.map((t) => t.name)).toEqual(['Robot 1', 'Robot 2']);
  });

  it('never writes a token value to the store (top level, nested, or inside text)', () => {
    const store = new MemoryStore();
    const cache = new OfflineCache(store, { now: fixedNow });
    const items = [token(1, { token: SECRET }), token(2, { account: { id: 'ACC-1', token: SECRET } as ApiToken['account'] })];
    const returned = cache.putTokens('c1', items);
    cache.putModules('c1', [{ id: 'MOD-1756', name: `pasted ${SECRET} here`, token: SECRET } as Module]);

    expect(store.dump()).not.toContain(SECRET);
    expect(store.dump()).not.toContain('4l6Fq7jrGSfZVjDY');
    expect(returned.items[0]).not.toHaveProperty('token');
    expect(cache.getTokens('c1')?.items[0]).not.toHaveProperty('token');
    expect(cache.getModules('c1')?.items[0]).toEqual({ id: 'MOD-1756', name: 'pasted [redacted token value] here' });
    // The caller's objects are not mutated: the create flow still needs the value it holds.
    expect(items[0]?.token).toBe(SECRET);
  });

  it('stripSecrets masks every token value in a string and keeps other strings as they are', () => {
    const out = stripSecrets({ a: `${SECRET} and ${SECRET}`, b: 'idt:TKN-1234 not a value', c: [1, null, true] });
    expect(out).toEqual({ a: '[redacted token value] and [redacted token value]', b: 'idt:TKN-1234 not a value', c: [1, null, true] });
  });

  it('keeps connections apart and drops only the one asked', () => {
    const store = new MemoryStore();
    const cache = new OfflineCache(store, { now: fixedNow });
    const modules: Module[] = [{ id: 'MOD-1756', name: 'Access Management' }];
    cache.putTokens('c1', [token(1)]);
    cache.putTokens('c2', [token(2), token(3)]);
    cache.putModules('c1', modules);

    expect(cache.getTokens('c1')?.items).toHaveLength(1);
    expect(cache.getTokens('c2')?.items).toHaveLength(2);
    expect(cache.getModules('c2')).toBeUndefined();

    cache.dropConnection('c1');
    expect(cache.getTokens('c1')).toBeUndefined();
    expect(cache.getModules('c1')).toBeUndefined();
    expect(cache.getTokens('c2')?.items).toHaveLength(2);
    expect(store.dump()).not.toContain('c1');
  });

  it('stores a whole list in one file of its own (10,000 tokens = one file, nothing in the cache store)', async () => {
    const store = new MemoryStore();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'token-desk-cache-'));
    const cache = new OfflineCache(store, { now: fixedNow, tokenListDir: dir });
    cache.putTokens('c1', Array.from({ length: 10_000 }, (_, i) => token(i)));
    await cache.flush();
    expect(store.data.size).toBe(0);
    expect(fs.readdirSync(dir)).toEqual(['tokens-c1.json']);
    expect(new OfflineCache(store, { tokenListDir: dir }).getTokens('c1')?.items).toHaveLength(10_000);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('treats a malformed entry as not cached instead of failing', () => {
    const store = new MemoryStore();
    store.set('cache:c1:tokens', { items: 'nope' });
    store.set('cache:c1:modules', ['not', 'a', 'snapshot']);
    const cache = new OfflineCache(store);
    expect(cache.getTokens('c1')).toBeUndefined();
    expect(cache.getModules('c1')).toBeUndefined();
  });
});

describe('token snapshot time', () => {
  it('keeps the time of the last full sync when a single token changes', async () => {
    const { OfflineCache } = await import('../../../main/core/cache');
    const { upsertCachedToken } = await import('../../../main/core/tokens/snapshot');
    const data = new Map<string, unknown>();
    const store = { get: (k: string) => data.get(k) as never, set: (k: string, v: unknown) => void data.set(k, v), delete: (k: string) => void data.delete(k), path: ':memory:' };
    let now = new Date('2026-01-01T00:00:00.000Z');
    const cache = new OfflineCache(store, { now: () => now });
    const token = { id: 'TKN-1111-1111', name: 'a', status: 'Active', account: { id: 'ACC-1111-1111' }, modules: [] } as never;
    cache.putTokens('c1', [token]);
    now = new Date('2026-01-02T00:00:00.000Z');
    upsertCachedToken(cache, 'c1', { ...(token as object), status: 'Disabled' } as never);
    const snapshot = cache.getTokens('c1')!;
    expect(snapshot.fetchedAt).toBe('2026-01-01T00:00:00.000Z');
    expect((snapshot.items[0] as { status: string }).status).toBe('Disabled');
  });

  it('single-token changes are written over their rows, keeping the time and the delta mark', async () => {
    const { upsertCachedToken, removeCachedTokens } = await import('../../../main/core/tokens/snapshot');
    const cache = new OfflineCache(new MemoryStore(), { now: fixedNow });
    cache.putTokens('c1', [token(1), token(2), token(3)], '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
    upsertCachedToken(cache, 'c1', { ...token(2), name: 'Renamed' });
    upsertCachedToken(cache, 'c1', token(4));
    removeCachedTokens(cache, 'c1', [token(1).id, 'TKN-9999-9999']);
    const before = cache.tokenTable('c1')!;
    removeCachedTokens(cache, 'c1', ['TKN-9999-9999']); // not in the list: nothing is rewritten
    expect(cache.tokenTable('c1')).toBe(before);
    const snapshot = cache.getTokens('c1')!;
    expect(snapshot.items.map((t) => [t.id, t.name])).toEqual([token(2), token(3), token(4)].map((t) => [t.id, t.id === token(2).id ? 'Renamed' : t.name]));
    expect(snapshot.fetchedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(snapshot.mark).toBe('2026-01-01T00:00:00.000Z');
  });
});

describe('OfflineCache token list mark', () => {
  it('a single-token change without a mark keeps the delta mark; null forgets it', () => {
    const cache = new OfflineCache(new MemoryStore(), { now: fixedNow });
    cache.putTokens('c1', [token(1)], undefined, '2026-01-01T00:00:00.000Z');
    cache.putTokens('c1', [token(1), token(2)], '2026-01-02T00:00:00.000Z');
    expect(cache.getTokens('c1')?.mark).toBe('2026-01-01T00:00:00.000Z');
    cache.putTokens('c1', [token(1)], undefined, null);
    expect(cache.getTokens('c1')?.mark).toBeNull();
  });
});
