import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { TokenView } from '../../../common/contract';
import { createFilterCache, DEFAULT_FILTERS, filterIndexed } from '../../../renderer/src/features/tokens/filtering';
import { sortIndexed } from '../../../renderer/src/features/tokens/sorting';
import { indexTokens } from '../../../renderer/src/features/tokens/token-index';
import type { TokenFilters } from '../../../renderer/src/features/tokens/filtering';
import { LAST_ACCESS_BUCKETS, LAST_ACCESS_FILTERS, lastAccessBucketOf } from '../../../common/last-access';
import { parseIso } from '../../../common/dates';

const NOW = Date.UTC(2026, 10, 1);
const words = ['ci', 'pipe', 'line', 'sync', 'prod', 'a', 'b', 'ab', 'tkn', '0', '1'];

const tokenArb = fc.record({
  name: fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
  description: fc.option(fc.array(fc.constantFrom(...words), { maxLength: 3 }).map((w) => w.join(' '))),
  status: fc.constantFrom('Active' as const, 'Disabled' as const),
  lastAccessDays: fc.option(fc.integer({ min: 0, max: 400 })),
  module: fc.constantFrom('MOD-0001', 'MOD-0002'),
  n: fc.integer({ min: 0, max: 9999 }),
});

type RawToken = typeof tokenArb extends fc.Arbitrary<infer T> ? T : never;

function toView(t: RawToken, i: number): TokenView {
  return {
    id: `TKN-${String(i).padStart(4, '0')}-${String(t.n).padStart(4, '0')}`,
    name: t.name,
    description: t.description,
    status: t.status,
    lastAccessAt: t.lastAccessDays === null ? null : new Date(NOW - t.lastAccessDays * 86_400_000).toISOString(),
    account: { id: 'ACC-0000-0000' },
    modules: [{ id: t.module }],
    audit: { created: { at: new Date(NOW - t.n * 3_600_000).toISOString(), by: { id: 'USR-0000-0001', name: 'Reto' } } },
    hasValue: false,
  } as TokenView;
}

describe('filtering (pure)', () => {
  it('the last-access filter shows exactly the tokens of its span, and every token is in one span', () => {
    fc.assert(
      fc.property(fc.array(tokenArb, { maxLength: 40 }), (raw) => {
        const sorted = indexTokens(raw.map(toView));
        let total = 0;
        for (const bucket of LAST_ACCESS_BUCKETS) {
          const shown = filterIndexed(sorted, { ...DEFAULT_FILTERS, lastAccess: bucket }, NOW);
          for (const e of shown) expect(lastAccessBucketOf(parseIso(e.token.lastAccessAt), NOW)).toBe(bucket);
          total += shown.length;
        }
        expect(total).toBe(sorted.length);
      }),
    );
  });

  it('a text search finds exactly the tokens whose name, id, description or creator hold every word', () => {
    const unit = fc.constantFrom('a', 'b', 'é', 'É', 'z', 'Z', '0', '7', '9', ' ', '-', '\\', '"', '_', 'ß');
    const naive = (t: TokenView, words: string[]) => {
      const by = t.audit?.created?.by;
      const text = [t.name, t.id, t.description ?? '', by?.name ?? '', by?.id ?? ''].join('\n').toLowerCase();
      return words.every((w) => text.includes(w));
    };
    fc.assert(
      fc.property(
        fc.array(fc.record({ name: fc.string({ unit, maxLength: 8 }), description: fc.option(fc.string({ unit, maxLength: 8 }), { nil: null }) }), { maxLength: 30 }),
        fc.string({ unit, minLength: 1, maxLength: 4 }),
        (raw, text) => {
          const views = raw.map((r, i) => ({ ...toView({ name: 'x', description: null, status: 'Active', lastAccessDays: null, module: 'MOD-0001', n: i }, i), name: r.name, description: r.description }));
          const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
          fc.pre(words.length > 0);
          const found = filterIndexed(indexTokens(views), { ...DEFAULT_FILTERS, text }, NOW).map((e) => e.token.id);
          expect(found).toEqual(views.filter((v) => naive(v, words)).map((v) => v.id));
          // The same through a status filter (the other scan).
          const active = filterIndexed(indexTokens(views), { ...DEFAULT_FILTERS, text, status: 'Active' }, NOW).map((e) => e.token.id);
          expect(active).toEqual(found);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the incremental filter cache always equals a fresh filter, whatever is typed or deleted', () => {
    fc.assert(
      fc.property(
        fc.array(tokenArb, { maxLength: 40 }),
        fc.array(fc.record({ text: fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'i', ' ', 'p', '1', 'T') , maxLength: 6 }), unused: fc.boolean(), status: fc.constantFrom('all' as const, 'Active' as const), lastAccess: fc.constantFrom(...LAST_ACCESS_FILTERS) }), { maxLength: 12 }),
        (raw, steps) => {
          const sorted = sortIndexed(indexTokens(raw.map(toView)), { key: 'name', dir: 'asc' });
          const cached = createFilterCache();
          for (const step of steps) {
            const filters: TokenFilters = { ...DEFAULT_FILTERS, ...step };
            expect(cached(sorted, filters, NOW).map((e) => e.token.id)).toEqual(filterIndexed(sorted, filters, NOW).map((e) => e.token.id));
          }
        },
      ),
    );
  });

  it('the cache answers a deleted-back search with the result it had (no new scan), and forgets on a new list', () => {
    const raw = ['ci pipe', 'prod sync', 'pipe line', 'prod'].map((name, i) => toView({ name, description: null, status: 'Active', lastAccessDays: 1, module: 'MOD-0001', n: i }, i));
    const sorted = indexTokens(raw);
    const cached = createFilterCache();
    const at = (text: string, list = sorted) => cached(list, { ...DEFAULT_FILTERS, text }, NOW);
    const pr = at('pr');
    expect(pr.map((e) => e.token.name)).toEqual(['prod sync', 'prod']);
    expect(at('prod sy').map((e) => e.token.name)).toEqual(['prod sync']);
    expect(at('pr')).toBe(pr);
    expect(at('')).toBe(sorted);
    const fresh = indexTokens(raw);
    expect(at('pr', fresh)).not.toBe(pr);
    expect(at('pr', fresh).map((e) => e.token.name)).toEqual(['prod sync', 'prod']);
  });
});
