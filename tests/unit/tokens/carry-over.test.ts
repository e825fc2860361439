/**
 * A refresh carries the old list's search texts, sort keys and sort orders over to the new one
 * (carry-over.ts): whatever changed, was added or removed, the result must be exactly what a
 * fresh index and a fresh sort of the new list give.
 */
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import type { TokenView } from '../../../common/contract';
import { SORT_KEYS } from '../../../common/token-sort';
import { carryOrder, carryOver, carryTexts } from '../../../renderer/src/features/tokens/carry-over';
import { createFilterCache, DEFAULT_FILTERS } from '../../../renderer/src/features/tokens/filtering';
import { knownOrder, sortAscending, sortIndexed } from '../../../renderer/src/features/tokens/sorting';
import { haystackOf, indexTokens, type IndexedToken } from '../../../renderer/src/features/tokens/token-index';

const NOW = Date.UTC(2026, 10, 1);
const words = ['ci', 'Pipe', 'line', 'sync', 'prod', 'é', 'b', '2', '10'];
const phrase = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));

const tokenArb = fc.record({
  name: phrase,
  description: fc.option(phrase, { nil: undefined }),
  status: fc.constantFrom('Active' as const, 'Disabled' as const),
  createdHours: fc.integer({ min: 0, max: 40 }),
  lastAccessDays: fc.option(fc.integer({ min: 0, max: 5 })),
  modules: fc.integer({ min: 0, max: 2 }),
  by: fc.option(fc.constantFrom('Reto', 'Ana', 'ana'), { nil: undefined }),
});
type Raw = typeof tokenArb extends fc.Arbitrary<infer T> ? T : never;

function view(t: Raw, id: number): TokenView {
  return {
    id: `TKN-${String(id).padStart(4, '0')}-0000`,
    name: t.name,
    description: t.description,
    status: t.status,
    lastAccessAt: t.lastAccessDays === null ? null : new Date(NOW - t.lastAccessDays * 86_400_000).toISOString(),
    account: { id: 'ACC-0000-0000' },
    modules: Array.from({ length: t.modules }, (_, i) => ({ id: `MOD-000${i}` })),
    audit: { created: { at: new Date(NOW - t.createdHours * 3_600_000).toISOString(), ...(t.by ? { by: { id: `USR-${t.by}`, name: t.by } } : {}) } },
    hasValue: false,
  } as TokenView;
}

/** An old list and a refresh of it: some tokens gone, some new, some changed, in another order. */
const refreshArb = fc
  .record({
    old: fc.array(tokenArb, { minLength: 0, maxLength: 60 }),
    gone: fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
    changes: fc.array(fc.option(tokenArb, { freq: 3 }), { minLength: 60, maxLength: 60 }),
    added: fc.array(tokenArb, { maxLength: 10 }),
    seed: fc.integer(),
  })
  .map(({ old, gone, changes, added, seed }) => {
    const before = old.map((t, i) => view(t, i));
    const after: TokenView[] = [];
    old.forEach((t, i) => {
      if (gone[i]) return;
      // A refresh's rows are new objects even where nothing changed.
      after.push(changes[i] ? view(changes[i]!, i) : { ...before[i]! });
    });
    added.forEach((t, k) => after.push(view(t, 1000 + k)));
    // Shuffled (deterministically): the new list's own order must not matter.
    let s = seed;
    for (let i = after.length - 1; i > 0; i--) {
      s = (s * 1103515245 + 12345) & 0x7fffffff;
      const j = s % (i + 1);
      [after[i], after[j]] = [after[j]!, after[i]!];
    }
    return { before, after };
  });

const ids = (list: readonly IndexedToken[]) => list.map((e) => e.token.id);

describe('carryOrder', () => {
  it('gives the order a fresh sort gives, for every key, whatever changed (property)', () => {
    fc.assert(
      fc.property(refreshArb, ({ before, after }) => {
        const prev = indexTokens(before);
        const next = indexTokens(after);
        const byId = new Map(next.map((e) => [e.token.id, e]));
        const prevIds = new Set(before.map((t) => t.id));
        const added = next.filter((e) => !prevIds.has(e.token.id));
        for (const key of SORT_KEYS) {
          const carried = carryOrder(sortAscending(prev, key), key, (p) => byId.get(p.token.id), added);
          expect(ids(carried)).toEqual(ids(sortAscending(indexTokens(after), key)));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('carryTexts', () => {
  it('copies a text only when the new token would build the same one', () => {
    const [a] = indexTokens([view({ name: 'Pipe 2', description: 'ci', status: 'Active', createdHours: 1, lastAccessDays: null, modules: 0, by: 'Ana' }, 1)]);
    haystackOf(a!);
    sortIndexed([a!], { key: 'name', dir: 'asc' });
    sortIndexed([a!], { key: 'createdBy', dir: 'asc' });
    const renamed = indexTokens([{ ...a!.token, name: 'Line' }])[0]!;
    carryTexts(a!, renamed);
    expect(renamed.nameKey).toBeUndefined();
    expect(renamed.haystack).toBeUndefined();
    expect(renamed.createdByKey).toBe(a!.createdByKey);
    expect(haystackOf(renamed)).toContain('line');
    const same = indexTokens([{ ...a!.token }])[0]!;
    carryTexts(a!, same);
    expect(same.haystack).toBe(a!.haystack);
    expect(same.nameKey).toBe(a!.nameKey);
  });
});

describe('carryOver (a refresh, in slices)', () => {
  it('leaves the new list searching and sorting exactly like a fresh one (property)', async () => {
    await fc.assert(
      fc.asyncProperty(refreshArb, fc.subarray([...SORT_KEYS]), fc.constantFrom('p', 'pipe', 'ana', 'é', '2 l'), async ({ before, after }, warmed, text) => {
        const prev = indexTokens(before);
        for (const key of warmed) sortIndexed(prev, { key, dir: 'asc' });
        prev.forEach(haystackOf);
        const next = indexTokens(after);
        let pauses = 0;
        await carryOver(prev, next, async () => void pauses++);
        const fresh = indexTokens(after);
        for (const key of SORT_KEYS) {
          if (before.length > 0 && after.length > 0 && warmed.includes(key)) expect(knownOrder(next, key)).toBeDefined();
          for (const dir of ['asc', 'desc'] as const) expect(ids(sortIndexed(next, { key, dir }))).toEqual(ids(sortIndexed(fresh, { key, dir })));
        }
        const filters = { ...DEFAULT_FILTERS, text };
        const sorted = sortIndexed(next, { key: 'createdAt', dir: 'desc' });
        expect(ids(createFilterCache()(sorted, filters, NOW))).toEqual(ids(createFilterCache()(sortIndexed(fresh, { key: 'createdAt', dir: 'desc' }), filters, NOW)));
        next.forEach((e, i) => expect(haystackOf(e)).toBe(haystackOf(fresh[i]!)));
      }),
      { numRuns: 200 },
    );
  });

  it('lets the page go between slices of a big list', async () => {
    const raw = (i: number): Raw => ({ name: `Robot ${i}`, description: undefined, status: 'Active', createdHours: i % 50, lastAccessDays: null, modules: 1, by: 'Ana' });
    const before = Array.from({ length: 25_000 }, (_, i) => view(raw(i), i));
    const prev = indexTokens(before);
    sortIndexed(prev, { key: 'createdAt', dir: 'desc' });
    const next = indexTokens(before.map((t) => ({ ...t })));
    let pauses = 0;
    // A clock that moves 5 ms per reading: every slice runs out, as on a slow machine (here the
    // work itself may take only a few ms, and the number of pauses would follow the machine).
    let clock = 0;
    const perf = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 5));
    try {
      await carryOver(prev, next, async () => void pauses++);
    } finally {
      perf.mockRestore();
    }
    expect(pauses).toBeGreaterThanOrEqual(4);
    expect(knownOrder(next, 'createdAt')).toBeDefined();
  });
});
