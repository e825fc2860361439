/**
 * The first screen of a big list (common/first-screen.ts, and the page's use of it) is exactly the top of the order the whole list
 * gets (sortIndexed), for every sort it takes, whatever order the rows come in; it declines the
 * sorts and filters that need every row.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { packTokenList, readPackedList, viewsOf } from '../../../common/token-list-wire';
import type { TableToken } from '../../../common/token-table';
import { toTable } from '../../../common/token-table-write';
import type { SortKey } from '../../../common/token-sort';
import { DEFAULT_FILTERS } from '../../../renderer/src/features/tokens/filtering';
import { sortIndexed } from '../../../renderer/src/features/tokens/sorting';
import { indexUnpacked } from '../../../renderer/src/features/tokens/token-index';
import { firstRows } from '../../../common/first-screen';
import { firstScreen } from '../../../renderer/src/features/tokens/first-screen';

const BASE = Date.UTC(2026, 0, 1);
const rowArb = fc.record({
  created: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
  access: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
  status: fc.constantFrom('Active' as const, 'Disabled' as const, 'Deleted' as const),
  modules: fc.integer({ min: 0, max: 3 }),
});

type Row = { created: number | null; access: number | null; status: 'Active' | 'Disabled' | 'Deleted'; modules: number };

function tokensOf(rows: Row[]): TableToken[] {
  return rows.map((r, i) => ({
    id: `TKN-${String((i * 7919) % 10_000).padStart(4, '0')}-${String(i).padStart(4, '0')}`,
    name: `Robot ${i % 4}`,
    status: r.status,
    lastAccessAt: r.access === null ? null : new Date(BASE + r.access * 60_000).toISOString(),
    account: { id: 'ACC-0000-0001' },
    modules: Array.from({ length: r.modules }, (_, k) => ({ id: `MOD-000${k}`, name: `Module ${k}` })),
    ...(r.created === null ? {} : { audit: { created: { at: new Date(BASE + r.created * 60_000).toISOString() } } }),
  }));
}

/** The whole list as the store builds it from a packed reply. */
const unpacked = (list: string) => {
  const read = readPackedList(list);
  return { tokens: viewsOf(read), table: read.table };
};

const packed = (tokens: TableToken[]) => packTokenList(toTable(tokens), { valueIds: new Set(), replacedBy: new Map(), replaces: new Map() });

describe('first screen', () => {
  it('is the top of the whole list in its sorted order, ties by id, for the numeric sorts', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { maxLength: 120 }),
        fc.constantFrom<SortKey>('createdAt', 'lastAccess', 'status', 'modules'),
        fc.constantFrom('asc' as const, 'desc' as const),
        fc.integer({ min: 1, max: 50 }),
        (rows, key, dir, count) => {
          const list = packed(tokensOf(rows));
          const whole = sortIndexed(indexUnpacked(unpacked(list)), { key, dir }).map((e) => e.token.id);
          const read = readPackedList(list);
          const first = firstRows(read.table, { key, dir }, count)!;
          expect(first.map((i) => read.table.id[i])).toEqual(whole.slice(0, count));
        },
      ),
    );
  });

  it('builds views and entries for those rows only, as the whole list has them', () => {
    const tokens = tokensOf(Array.from({ length: 300 }, (_, i) => ({ created: i % 7, access: null, status: 'Active' as const, modules: 1 })));
    const list = packed(tokens);
    const first = firstScreen(readPackedList(list), { key: 'createdAt', dir: 'desc' }, DEFAULT_FILTERS)!;
    const whole = sortIndexed(indexUnpacked(unpacked(list)), { key: 'createdAt', dir: 'desc' });
    expect(first.tokens).toHaveLength(40);
    expect(first.tokens).toEqual(whole.slice(0, 40).map((e) => e.token));
    expect(first.entries.map((e) => [e.token.id, e.createdAt, e.lastAccess])).toEqual(whole.slice(0, 40).map((e) => [e.token.id, e.createdAt, e.lastAccess]));
  });

  it('declines name and creator sorts and any filter (they need every row)', () => {
    const read = readPackedList(packed(tokensOf([{ created: 1, access: 1, status: 'Active', modules: 1 }])));
    expect(firstRows(read.table, { key: 'name', dir: 'asc' })).toBeNull();
    expect(firstRows(read.table, { key: 'createdBy', dir: 'asc' })).toBeNull();
    expect(firstScreen(read, { key: 'createdAt', dir: 'desc' }, { ...DEFAULT_FILTERS, text: 'robot' })).toBeNull();
    expect(firstScreen(read, { key: 'createdAt', dir: 'desc' }, { ...DEFAULT_FILTERS, status: 'Active' })).toBeNull();
    expect(firstScreen(read, { key: 'createdAt', dir: 'desc' }, DEFAULT_FILTERS)?.tokens).toHaveLength(1);
  });
});
