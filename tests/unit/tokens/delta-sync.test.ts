/** The delta sync's decisions, with a scripted TokensApi (the HTTP side is in tests/integration/tokens/delta-sync.test.ts). */
import { describe, expect, it } from 'vitest';
import type { ApiToken } from '../../../common/domain';
import type { TokensApi } from '../../../main/core/api/tokens';
import { OVERLAP_MS, nextMark, syncTokenList } from '../../../main/core/tokens/delta-sync';

const tok = (n: number, at = '2026-01-01T00:00:00.000Z', over: Partial<ApiToken> = {}): ApiToken =>
  ({ id: `TKN-0000-${String(n).padStart(4, '0')}`, name: `t${n}`, status: 'Active', lastAccessAt: null, account: { id: 'ACC-0000-0001' }, modules: [], audit: { created: { at, by: { id: 'USR-1', name: 'u' } } }, ...over }) as ApiToken;

function api(script: { all?: ApiToken[]; changed?: ApiToken[]; count?: number; ids?: string[] }) {
  const calls: string[] = [];
  const fake = {
    // The full sync takes the pages as they come (`into`), as the real client hands them on.
    listAll: async (_query: unknown, opts?: { into?: (items: ApiToken[]) => void }) => {
      calls.push('listAll');
      opts?.into?.(script.all ?? []);
      return opts?.into ? [] : (script.all ?? []);
    },
    listChangedSince: async (since: string) => (calls.push(`changed:${since}`), script.changed ?? []),
    count: async () => (calls.push('count'), script.count ?? 0),
    listIds: async () => (calls.push('ids'), script.ids ?? []),
  } as unknown as TokensApi;
  return { fake, calls };
}

describe('nextMark', () => {
  it('is the newest server stamp minus the sync duration and the overlap (this computer’s clock plays no part)', () => {
    const items = [tok(1, '2026-03-01T10:00:00.000Z'), tok(2, '2026-03-01T09:00:00.000Z', { lastAccessAt: '2026-03-01T10:00:05.000Z' })];
    expect(nextMark(items, 2000, null)).toBe(new Date(Date.parse('2026-03-01T10:00:05.000Z') - 2000 - OVERLAP_MS).toISOString());
  });
  it('never moves back, and is null when nothing carries a stamp', () => {
    expect(nextMark([tok(1, '2020-01-01T00:00:00.000Z')], 0, '2026-01-01T00:00:00.000Z')).toBe('2026-01-01T00:00:00.000Z');
    expect(nextMark([], 0, null)).toBeNull();
  });
});

describe('syncTokenList', () => {
  it('without a mark: a full sync', async () => {
    const { fake, calls } = api({ all: [tok(1)] });
    const r = await syncTokenList(fake, { ids: [tok(1).id], mark: null });
    expect(r.kind).toBe('full');
    expect(calls).toEqual(['listAll']);
    // The list arrives as the table, built from the pages, with the mark from their stamps.
    if (r.kind !== 'full') throw new Error('expected a full sync');
    expect(r.table.id).toEqual([tok(1).id]);
    expect(r.table.texts[r.table.name[0]!]).toBe('t1');
    expect(r.mark).not.toBeNull();
  });

  it('with a mark: the changes merged by id (a token seen twice is replaced, not doubled) and the count', async () => {
    const { fake, calls } = api({ changed: [tok(2, undefined, { status: 'Disabled' }), tok(2, undefined, { status: 'Disabled' }), tok(3)], count: 3 });
    const held = [tok(1), tok(2)];
    const r = await syncTokenList(fake, { ids: held.map((t) => t.id), mark: '2026-01-01T00:00:00.000Z' });
    expect(r.kind).toBe('delta');
    if (r.kind === 'full') throw new Error('expected a delta');
    // The token seen twice is there once.
    expect(r.changed.map((t) => [t.id, t.status])).toEqual([
      ['TKN-0000-0002', 'Disabled'],
      ['TKN-0000-0003', 'Active'],
    ]);
    expect(r.removed).toEqual([]);
    expect(calls.sort()).toEqual(['changed:2026-01-01T00:00:00.000Z', 'count']);
  });

  it('fewer listed than held: the id listing says which were deleted', async () => {
    const { fake, calls } = api({ changed: [], count: 1, ids: ['TKN-0000-0002'] });
    const r = await syncTokenList(fake, { ids: [tok(1).id, tok(2).id], mark: '2026-01-01T00:00:00.000Z' });
    expect(r.kind).toBe('delta+ids');
    if (r.kind === 'full') throw new Error('expected a delta');
    expect(r.removed).toEqual(['TKN-0000-0001']);
    expect(calls).toContain('ids');
  });

  it('an id we never saw, or more listed than held: a full sync', async () => {
    const a = api({ changed: [], count: 1, ids: ['TKN-0000-0009'], all: [tok(9)] });
    expect((await syncTokenList(a.fake, { ids: [tok(1).id, tok(2).id], mark: '2026-01-01T00:00:00.000Z' })).kind).toBe('full');
    const b = api({ changed: [], count: 5, all: [tok(1)] });
    expect((await syncTokenList(b.fake, { ids: [tok(1).id], mark: '2026-01-01T00:00:00.000Z' })).kind).toBe('full');
    expect(b.calls).toContain('listAll');
  });
});
