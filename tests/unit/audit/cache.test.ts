/** The chunked audit cache on real conf files: order, dedupe, small writes, the cap, atomic commits, damaged files. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../common/audit-log';
import { AuditCache, NO_ACCOUNT_COVERAGE } from '../../../main/core/audit/cache';
import { createConfStore, type KeyValueStore } from '../../../main/core/store';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function entry(n: number, token = 'TKN-0000-0001'): AuditEntry {
  const ts = new Date(Date.UTC(2025, 0, 1) + n * 60_000).toISOString();
  return { id: `AUD-0000-0000-0000-${String(n).padStart(4, '0')}`, timestamp: ts, event: 'platform.accounts.apiToken.updated', summary: 'API Token Updated', details: `change ${n}`, token: { id: token, name: 'Robot' }, actor: { id: 'USR-0000-0001', name: 'Ann' }, account: { id: 'ACC-0000-0001', name: 'Stark' } };
}
const range = (from: number, to: number, token?: string) => Array.from({ length: to - from }, (_, i) => entry(from + i, token));

function setup(options: { cap?: number; chunkSize?: number; failOn?: (name: string) => boolean } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-cache-'));
  dirs.push(dir);
  const writes: string[] = [];
  const openStore = async (name: string): Promise<KeyValueStore> => {
    const store = await createConfStore({ cwd: dir, configName: name, onCorrupt: 'move-aside' });
    return {
      get: (k) => store.get(k),
      set: (k, v) => {
        if (options.failOn?.(name)) throw new Error(`disk full writing ${name}`);
        writes.push(name.split('/')[1] as string);
        store.set(k, v);
      },
      delete: (k) => store.delete(k),
      path: store.path,
    };
  };
  const make = () => new AuditCache({ openStore, ...(options.cap ? { cap: options.cap } : {}), chunkSize: options.chunkSize ?? 10 });
  return { dir, writes, make, files: () => fs.readdirSync(path.join(dir, 'audit-c1')).sort() };
}

describe('AuditCache', () => {
  it('keeps entries newest first, without duplicates, across a reopen', async () => {
    const s = setup();
    const cache = s.make();
    expect(await cache.commit('c1', { add: range(0, 25) })).toEqual({ added: 25 });
    expect(await cache.commit('c1', { add: [...range(20, 30), entry(3)] })).toEqual({ added: 5 });
    const reopened = s.make();
    const all = await reopened.all('c1');
    expect(all.map((e) => e.details)).toEqual(range(0, 30).reverse().map((e) => e.details));
    expect((await reopened.range('c1', 5, 3)).map((e) => e.details)).toEqual(['change 24', 'change 23', 'change 22']);
    expect(await reopened.count('c1')).toBe(30);
  });

  it('adding the newest records rewrites only the newest chunk and the index', async () => {
    const s = setup();
    const cache = s.make();
    await cache.commit('c1', { add: range(0, 60) });
    const before = s.files();
    expect(before.length).toBeGreaterThan(3);
    s.writes.length = 0;
    await cache.commit('c1', { add: range(60, 63), account: { ...NO_ACCOUNT_COVERAGE, complete: true } });
    expect(s.writes).toHaveLength(2);
    expect(s.writes[1]).toBe('index');
    // Old files of the replaced chunk are gone; the others are the same files as before.
    const after = s.files();
    expect(after.filter((f) => before.includes(f)).length).toBe(before.length - 1);
    expect((await s.make().all('c1'))[0]!.details).toBe('change 62');
    expect(await s.make().account('c1')).toMatchObject({ complete: true });
  });

  it('keeps only the newest `cap` entries and says so', async () => {
    const s = setup({ cap: 40 });
    const cache = s.make();
    await cache.commit('c1', { add: range(0, 35), tokens: { 'TKN-0000-0001': { complete: true, fetchedAt: 'x' } } });
    expect((await cache.account('c1')).capped).toBe(false);
    await cache.commit('c1', { add: range(35, 50) });
    const all = await s.make().all('c1');
    expect(all).toHaveLength(40);
    expect(all[all.length - 1]!.details).toBe('change 10');
    expect((await cache.account('c1')).capped).toBe(true);
    expect((await cache.tokenCoverage('c1', 'TKN-0000-0001'))?.complete).toBe(false);
  });

  it('a failed write leaves the previous cache intact (no partial commit), and a later commit works', async () => {
    let fail = false;
    const s = setup({ failOn: (name) => fail && name.endsWith('index') });
    const cache = s.make();
    await cache.commit('c1', { add: range(0, 30) });
    const files = s.files();
    fail = true;
    await expect(cache.commit('c1', { add: range(30, 45) })).rejects.toThrow(/disk full/);
    expect(s.files()).toEqual(files);
    expect(await s.make().count('c1')).toBe(30);
    expect(await cache.count('c1')).toBe(30);
    fail = false;
    expect(await cache.commit('c1', { add: range(30, 45) })).toEqual({ added: 15 });
    expect(await s.make().count('c1')).toBe(45);
  });

  it('a damaged chunk file resets that connection\'s audit cache instead of failing for ever', async () => {
    const s = setup();
    await s.make().commit('c1', { add: range(0, 30) });
    const chunk = s.files().find((f) => f !== 'index.json')!;
    fs.writeFileSync(path.join(s.dir, 'audit-c1', chunk), '{"entries":[["truncated"');
    const cache = s.make();
    await expect(cache.all('c1')).rejects.toThrow(/damaged/);
    expect(await cache.count('c1')).toBe(0);
    expect(await cache.commit('c1', { add: range(0, 3) })).toEqual({ added: 3 });
    expect(await s.make().count('c1')).toBe(3);
  });

  it('forToken and drop', async () => {
    const s = setup();
    const cache = s.make();
    await cache.commit('c1', { add: [...range(0, 5, 'TKN-0000-0001'), ...range(5, 8, 'TKN-0000-0002')] });
    expect((await cache.forToken('c1', 'TKN-0000-0002')).map((e) => e.details)).toEqual(['change 7', 'change 6', 'change 5']);
    await cache.drop('c1');
    expect(s.files()).toEqual([]);
  });
});
