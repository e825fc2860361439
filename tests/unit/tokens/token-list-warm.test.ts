/**
 * Start-up reads the active connection's cached list ahead of the page's first request
 * (TokenListCache.warm, called by the browser host and Electron main while they start).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiToken } from '../../../common/domain';
import { TokenListCache } from '../../../main/core/token-list-cache';

const token = (i: number): ApiToken => ({
  id: `TKN-1000-${String(i).padStart(4, '0')}`,
  name: `Robot ${i}`,
  status: 'Active',
  account: { id: 'ACC-0000-0001', name: 'Stark', type: 'Client', status: 'Active' },
  modules: [{ id: 'MOD-1756', name: 'Access Management' }],
  audit: { created: { at: new Date(1_700_000_000_000 + i).toISOString(), by: { id: 'USR-0000-0001', name: 'Anna' } } },
  revision: 1,
});

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'token-list-warm-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('warming the cached list at start', () => {
  it('reads the file into memory, so the first get reads no file', async () => {
    const writer = new TokenListCache({ dir, writeDelayMs: 0 });
    writer.put('c1', [token(1), token(2)], '2026-01-01T00:00:00.000Z', 'm1');
    await writer.flush();
    const reader = new TokenListCache({ dir });
    await reader.warm('c1');
    fs.rmSync(writer.filePath('c1')!); // a get that read the file now would find nothing
    const state = reader.get('c1');
    expect(state?.table.id).toEqual([token(1).id, token(2).id]);
    expect(state?.mark).toBe('m1');
    expect(reader.tableJsonOf(state!)).toBe(JSON.stringify(state!.table));
  });

  it('no file: nothing is cached and get still answers (undefined)', async () => {
    const cache = new TokenListCache({ dir });
    await cache.warm('none');
    expect(cache.get('none')).toBeUndefined();
  });

  it('never replaces a list already in memory (a put during the read wins)', async () => {
    const writer = new TokenListCache({ dir, writeDelayMs: 0 });
    writer.put('c1', [token(1)], '2026-01-01T00:00:00.000Z', null);
    await writer.flush();
    const cache = new TokenListCache({ dir, writeDelayMs: 60_000 });
    const warming = cache.warm('c1');
    cache.put('c1', [token(7), token(8)], '2026-02-01T00:00:00.000Z', null);
    await warming;
    expect(cache.get('c1')?.table.id).toEqual([token(7).id, token(8).id]);
  });

  it('a damaged file is left to get, which moves it aside and starts empty', async () => {
    const cache = new TokenListCache({ dir });
    fs.writeFileSync(cache.filePath('c1')!, '{"tokens": {"fetchedAt": 1');
    await cache.warm('c1');
    expect(cache.get('c1')).toBeUndefined();
    expect(fs.readdirSync(dir).some((f) => f !== path.basename(cache.filePath('c1')!))).toBe(true);
  });
});
