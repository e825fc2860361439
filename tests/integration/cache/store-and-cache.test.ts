import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiToken } from '../../../common/domain';
import { DeskError } from '../../../common/errors';
import { OfflineCache } from '../../../main/core/cache';
import { createConfStore, type StoreRecovery } from '../../../main/core/store';

const SECRET = 'idt:TKN-1234-5678:4l6Fq7jrGSfZVjDYHabJkxTuv4nynuj5f8qVTbbHJS5rFXpetnvRYfvwiaRjGzrF';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'token-desk-store-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const files = () => fs.readdirSync(dir).sort();

function token(i: number): ApiToken {
  const id = `TKN-${String(1000 + (i % 9000)).padStart(4, '0')}-${String(i % 10_000).padStart(4, '0')}`;
  return {
    id,
    name: `Robot ${i}`,
    description: 'CI pipeline token',
    status: i % 7 === 0 ? 'Disabled' : 'Active',
    lastAccessAt: '2025-04-15T12:34:00.000Z',
    account: { id: 'ACC-9042-0088', name: 'Stark Industries', type: 'Client', status: 'Active' },
    modules: [{ id: 'MOD-1756', name: 'Access Management' }, { id: 'MOD-0478', name: 'Marketplace' }],
    audit: { created: { at: '2025-04-15T12:34:00.000Z', by: { id: 'USR-1234-1210', name: 'John Smith' } } },
    // As if the API (legacy reveal) returned the value on every row.
    token: `idt:${id}:${'S3cret'.repeat(10)}${i}`,
  };
}

describe('conf store on real files', () => {
  it('round-trips values, keeps dotted keys flat, and persists across reopen', async () => {
    const store = await createConfStore({ cwd: dir, configName: 'cache' });
    expect(store.path).toBe(path.join(dir, 'cache.json'));
    store.set('cache:a.b:tokens', { items: [1], fetchedAt: 'x' });
    store.set('other', 42);
    store.set('gone', 1);
    store.delete('gone');
    store.set('alsoGone', undefined);

    const reopened = await createConfStore({ cwd: dir, configName: 'cache' });
    expect(reopened.get('cache:a.b:tokens')).toEqual({ items: [1], fetchedAt: 'x' });
    expect(reopened.get('other')).toBe(42);
    expect(reopened.get('gone')).toBeUndefined();
    expect(JSON.parse(fs.readFileSync(store.path, 'utf8'))).toEqual({ 'cache:a.b:tokens': { items: [1], fetchedAt: 'x' }, other: 42 });
    if (process.platform !== 'win32') expect(fs.statSync(store.path).mode & 0o777).toBe(0o600);
  });

  it('move-aside: a corrupt file found at open is moved aside, reported, and the store starts empty', async () => {
    fs.writeFileSync(path.join(dir, 'cache.json'), '{"cache:c1:tokens": {"items": [');
    const seen: StoreRecovery[] = [];
    const store = await createConfStore({
      cwd: dir,
      configName: 'cache',
      onCorrupt: 'move-aside',
      onRecovered: (r) => seen.push(r),
      now: () => new Date('2026-02-03T04:05:06.789Z'),
    });
    expect(seen).toHaveLength(1);
    expect(store.recoveries).toEqual(seen);
    expect(seen[0]?.movedTo).toBe(path.join(dir, 'cache.corrupt-2026-02-03T04-05-06-789Z.json'));
    expect(seen[0]?.reason).toMatch(/JSON/);
    // The damaged bytes are kept for a bug report.
    expect(fs.readFileSync(seen[0]!.movedTo, 'utf8')).toBe('{"cache:c1:tokens": {"items": [');
    expect(store.get('cache:c1:tokens')).toBeUndefined();

    store.set('k', 'v'); // rebuilt as a valid file
    expect(JSON.parse(fs.readFileSync(store.path, 'utf8'))).toEqual({ k: 'v' });
  });

  it('move-aside: a file damaged while open is caught on the next read, before a write can overwrite it', async () => {
    const store = await createConfStore({ cwd: dir, configName: 'cache', onCorrupt: 'move-aside' });
    store.set('k', 'v');
    fs.writeFileSync(store.path, '[1,2,3]'); // valid JSON, but not an object
    store.set('k2', 'v2');
    expect(store.recoveries).toHaveLength(1);
    expect(store.recoveries[0]?.reason).toMatch(/not hold a JSON object/);
    expect(fs.readFileSync(store.recoveries[0]!.movedTo, 'utf8')).toBe('[1,2,3]');
    expect(store.get('k')).toBeUndefined();
    expect(store.get('k2')).toBe('v2');
  });

  it('throw (the default, for connections): a corrupt file is an error and is left where it is', async () => {
    fs.writeFileSync(path.join(dir, 'connections.json'), 'not json');
    const error = await createConfStore({ cwd: dir, configName: 'connections' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DeskError);
    expect((error as DeskError).code).toBe('internal');
    expect((error as DeskError).message).toContain(path.join(dir, 'connections.json'));
    expect(files()).toEqual(['connections.json']);
    expect(fs.readFileSync(path.join(dir, 'connections.json'), 'utf8')).toBe('not json');
  });

  it('a corrupt cache never touches the connections file', async () => {
    const connections = await createConfStore({ cwd: dir, configName: 'connections' });
    connections.set('connections', [{ id: 'c1', name: 'Production' }]);
    connections.set('activeConnectionId', 'c1');
    const cache = new OfflineCache(await createConfStore({ cwd: dir, configName: 'cache', onCorrupt: 'move-aside' }));
    cache.putTokens('c1', [token(1)]);
    const before = fs.readFileSync(connections.path);

    fs.writeFileSync(path.join(dir, 'cache.json'), '\u0000\u0000garbage');
    const cacheStore = await createConfStore({ cwd: dir, configName: 'cache', onCorrupt: 'move-aside' });
    const reopenedCache = new OfflineCache(cacheStore);
    const reopenedConnections = await createConfStore({ cwd: dir, configName: 'connections' });

    expect(cacheStore.recoveries).toHaveLength(1);
    expect(reopenedCache.getTokens('c1')).toBeUndefined();
    expect(fs.readFileSync(connections.path).equals(before)).toBe(true);
    expect(reopenedConnections.get('activeConnectionId')).toBe('c1');
    // Only the fresh cache file is not there yet (nothing written since); the damaged one is aside.
    expect(files()).toEqual([path.basename(cacheStore.recoveries[0]!.movedTo), 'connections.json']);
  });
});

describe('offline cache on a real file', () => {
  it('10,000 tokens: one write, one read, no token value on disk', async () => {
    const store = await createConfStore({ cwd: dir, configName: 'cache', onCorrupt: 'move-aside' });
    const cache = new OfflineCache(store);
    const tokens = Array.from({ length: 10_000 }, (_, i) => token(i));
    tokens[0]!.token = SECRET;

    const t0 = performance.now();
    cache.putTokens('conn-1', tokens);
    await cache.flush(); // the list's own file is written after idle (token-list-cache.ts)
    const t1 = performance.now();
    const reopened = new OfflineCache(await createConfStore({ cwd: dir, configName: 'cache', onCorrupt: 'move-aside' }));
    const snap = reopened.getTokens('conn-1');
    const t2 = performance.now();

    expect(snap?.items).toHaveLength(10_000);
    expect(snap?.items[9_999]?.name).toBe('Robot 9999');
    expect(Date.parse(snap!.fetchedAt)).not.toBeNaN();
    // Generous bounds: this guards against per-token writes (seconds), not machine speed.
    expect(t1 - t0).toBeLessThan(3000);
    expect(t2 - t1).toBeLessThan(3000);

    const onDisk = (fs.existsSync(store.path) ? fs.readFileSync(store.path, 'utf8') : '') + fs.readFileSync(cache.tokenLists.filePath('conn-1')!, 'utf8');
    expect(onDisk).not.toContain(SECRET);
    expect(onDisk).not.toContain('4l6Fq7jrGSfZVjDY');
    expect(onDisk).not.toContain('S3cret');
    expect(onDisk).not.toMatch(/"token"\s*:/);
    console.info(`[cache] 10,000 tokens: put ${Math.round(t1 - t0)} ms, reopen+get ${Math.round(t2 - t1)} ms, ${(onDisk.length / 1e6).toFixed(1)} MB`);
  });
});
