/** The table's sort at 100,000 rows uses folded keys: check they order like the collator people expect. */
import { describe, expect, it } from 'vitest';
import type { TokenView } from '../../../common/contract';
import { sortIndexed } from '../../../renderer/src/features/tokens/sorting';
import { foldKey, indexTokens } from '../../../renderer/src/features/tokens/token-index';

const view = (id: string, name: string): TokenView => ({ id, name, status: 'Active', account: { id: 'ACC-0000-0000' }, modules: [], hasValue: false }) as TokenView;

describe('sort keys', () => {
  it('numbers as numbers, case and accents ignored, ties by id', () => {
    const names = ['Robot 10', 'robot 2', 'Émile', 'emile', 'Robot 1', 'alpha', 'Zulu'];
    const sorted = sortIndexed(indexTokens(names.map((n, i) => view(`TKN-0000-000${i}`, n))), { key: 'name', dir: 'asc' });
    expect(sorted.map((e) => e.token.name)).toEqual(['alpha', 'Émile', 'emile', 'Robot 1', 'robot 2', 'Robot 10', 'Zulu']);
    const desc = sortIndexed(indexTokens(names.map((n, i) => view(`TKN-0000-000${i}`, n))), { key: 'name', dir: 'desc' });
    // Descending reverses the names; equal keys still go by id ascending.
    expect(desc.map((e) => e.token.name)).toEqual(['Zulu', 'Robot 10', 'robot 2', 'Robot 1', 'Émile', 'emile', 'alpha']);
    expect(foldKey('Crème 007')).toBe(foldKey('creme 007'));
  });

  it('agrees with Intl.Collator (base, numeric) on ASCII names of words and numbers', () => {
    const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
    const words = ['ci', 'Pipe', 'line', 'sync', 'PROD', 'a', 'b'];
    const names = Array.from({ length: 300 }, (_, i) => `${words[i % 7]} ${(i * 37) % 101} ${words[(i * 3) % 7]}`);
    const ours = sortIndexed(indexTokens(names.map((n, i) => view(`TKN-${String(i).padStart(4, '0')}-0000`, n))), { key: 'name', dir: 'asc' }).map((e) => e.token.name);
    const theirs = [...names].sort((x, y) => collator.compare(x, y) || 0);
    expect(ours.map((n) => n.toLowerCase())).toEqual(theirs.map((n) => n.toLowerCase()));
  });
});

describe('sort orders kept per list', () => {
  it('descending from the cached ascending keeps equal keys by id, for every key, like a fresh sort', () => {
    const names = ['b', 'a', 'b', 'c', 'a', 'b'];
    const list = indexTokens(names.map((n, i) => ({ ...view(`TKN-0000-000${9 - i}`, n), modules: Array.from({ length: i % 3 }, () => ({ id: 'MOD-1756' })) }) as TokenView));
    for (const key of ['name', 'modules', 'status'] as const) {
      const desc = sortIndexed(list, { key, dir: 'desc' });
      const asc = sortIndexed(list, { key, dir: 'asc' });
      expect(sortIndexed(list, { key, dir: 'asc' })).toBe(asc); // the same array: computed once
      const fresh = [...list].sort((x, y) => {
        const kx = key === 'name' ? x.token.name : key === 'modules' ? x.token.modules.length : 0;
        const ky = key === 'name' ? y.token.name : key === 'modules' ? y.token.modules.length : 0;
        return kx !== ky ? (kx < ky ? 1 : -1) : x.token.id < y.token.id ? -1 : 1;
      });
      expect(desc.map((e) => e.token.id)).toEqual(fresh.map((e) => e.token.id));
    }
  });
});

describe('warmSort (ahead of a click, in slices)', () => {
  it('stores the same order a sort gives, so the click finds it ready', async () => {
    const { warmSort } = await import('../../../renderer/src/features/tokens/warm-up');
    const names = Array.from({ length: 10_000 }, (_, i) => `Robot ${(i * 7919) % 10_007} ${i % 3 ? 'é' : 'e'}`);
    const list = indexTokens(names.map((n, i) => view(`TKN-${String(i % 10_000).padStart(4, '0')}-${String(i % 7).padStart(4, '0')}`, n)));
    const fresh = indexTokens(list.map((e) => ({ ...e.token })));
    const slices: number[] = [];
    await new Promise<void>((done) => warmSort(list, 'name', (fn) => (slices.push(1), setTimeout(fn, 0)), () => false, done));
    expect(slices.length).toBeGreaterThan(1); // in slices (of ~8 ms), not one long task
    const warmed = sortIndexed(list, { key: 'name', dir: 'asc' });
    expect(warmed.map((e) => e.token.id)).toEqual(sortIndexed(fresh, { key: 'name', dir: 'asc' }).map((e) => e.token.id));
    expect(sortIndexed(list, { key: 'name', dir: 'asc' })).toBe(warmed);
  });
});
