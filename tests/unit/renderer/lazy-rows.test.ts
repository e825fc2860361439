/**
 * A packed list's lazy rows (renderer/src/features/tokens/lazy-rows.ts) read exactly as the views
 * built in one go: every token, in order, by index and by every array method the page uses; the
 * entries carry the same sort times; a view is built only when read; the modules in use come
 * from the modules column with the same answer as from every view.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { packTokenList, readPackedList, viewsOf } from '../../../common/token-list-wire';
import type { TableToken } from '../../../common/token-table';
import { toTable } from '../../../common/token-table-write';
import { createdByKeyOf, haystackOf, indexUnpacked, textsOfView } from '../../../renderer/src/features/tokens/token-index';
import { lazyRows, lazyRowsBuilder } from '../../../renderer/src/features/tokens/lazy-rows';
import { modulesInUse } from '../../../renderer/src/features/tokens/filtering';

const BASE = Date.UTC(2026, 0, 1);

const tokenArb = (i: number) =>
  fc.record({
    name: fc.string({ maxLength: 12 }),
    description: fc.option(fc.string({ maxLength: 12 }), { nil: null }),
    status: fc.constantFrom('Active' as const, 'Disabled' as const, 'Deleted' as const),
    access: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
    created: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
    by: fc.option(fc.constantFrom('USR-0000-0001', 'USR-0000-0002'), { nil: null }),
    modules: fc.subarray(['MOD-0001', 'MOD-0002', 'MOD-0003']),
  }).map(
    (r): TableToken => ({
      id: `TKN-0000-${String(i).padStart(4, '0')}`,
      name: r.name,
      description: r.description,
      status: r.status,
      lastAccessAt: r.access === null ? null : new Date(BASE + r.access * 60_000).toISOString(),
      account: { id: 'ACC-0000-0001', name: 'Stark' },
      modules: r.modules.map((id) => ({ id, name: id === 'MOD-0003' ? undefined : `Module ${id.slice(-1)}` })),
      ...(r.created === null ? {} : { audit: { created: { at: new Date(BASE + r.created * 60_000).toISOString(), by: r.by ? { id: r.by, name: `Person ${r.by.slice(-1)}` } : null } } }),
    }),
  );

const listArb = fc.integer({ min: 0, max: 40 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => tokenArb(i))));

function readOf(tokens: TableToken[]) {
  const links = { valueIds: new Set(tokens.filter((_, i) => i % 3 === 0).map((t) => t.id)), replacedBy: new Map([['TKN-0000-0001', 'TKN-9999-0001']]), replaces: new Map() };
  return readPackedList(packTokenList(toTable(tokens), links));
}

describe('lazy rows', () => {
  it('read as the views built in one go, with the same entries', () => {
    fc.assert(
      fc.property(listArb, (tokens) => {
        const read = readOf(tokens);
        const eager = viewsOf(read);
        const eagerEntries = indexUnpacked({ tokens: eager, table: read.table });
        const { tokens: lazy, entries } = lazyRows(read);
        expect(lazy.length).toBe(eager.length);
        expect(Array.isArray(lazy)).toBe(true);
        expect([...lazy]).toEqual(eager);
        expect(lazy.map((t) => t.id)).toEqual(eager.map((t) => t.id));
        expect(entries.map((e) => [e.createdAt, e.lastAccess])).toEqual(eagerEntries.map((e) => [e.createdAt, e.lastAccess]));
        for (let i = 0; i < lazy.length; i++) expect(entries[i]!.token).toBe(lazy[i]);
        if (eager.length > 0) {
          const last = eager.at(-1)!;
          expect(lazy.find((t) => t.id === last.id)).toEqual(last);
          expect(lazy.findIndex((t) => t.id === last.id)).toBe(eager.length - 1);
          expect(lazy.slice()).toEqual(eager);
        }
        expect(modulesInUse(lazy)).toEqual(modulesInUse(eager));
        // The search texts and sort keys, read from the columns of rows whose view is not built.
        const fresh = lazyRows(read).entries;
        expect(fresh.map((e) => e.texts!())).toEqual(eager.map(textsOfView));
        expect(fresh.map(haystackOf)).toEqual(eagerEntries.map(haystackOf));
        expect(fresh.map(createdByKeyOf)).toEqual(eagerEntries.map(createdByKeyOf));
      }),
      { numRuns: 60 },
    );
  });

  it('builds a view only when it is read, once', () => {
    const tokens = Array.from({ length: 5 }, (_, i) => ({ id: `TKN-0000-000${i}`, name: `T${i}`, status: 'Active' as const, lastAccessAt: null, account: { id: 'ACC-0000-0001' }, modules: [] }));
    const read = readOf(tokens);
    let reads = 0;
    const counted = new Proxy(read.table.name, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    const { tokens: lazy } = lazyRows({ ...read, table: { ...read.table, name: counted } });
    expect(reads).toBe(0);
    expect(lazy[3]!.name).toBe('T3');
    expect(lazy[3]).toBe(lazy[3]);
    expect(reads).toBe(1);
  });

  it('is refused as a list until every entry is built, and is not changed in place', () => {
    const read = readOf([{ id: 'TKN-0000-0001', name: 'A', status: 'Active', lastAccessAt: null, account: { id: 'ACC-0000-0001' }, modules: [] }, { id: 'TKN-0000-0002', name: 'B', status: 'Active', lastAccessAt: null, account: { id: 'ACC-0000-0001' }, modules: [] }]);
    const builder = lazyRowsBuilder(read);
    expect(builder.more(1)).toBe(true);
    expect(() => builder.rows()).toThrow(/every entry/);
    expect(builder.more(1)).toBe(false);
    const { tokens } = builder.rows();
    expect(() => {
      'use strict';
      (tokens as unknown as unknown[])[0] = null;
    }).toThrow(TypeError);
    expect(tokens[0]!.name).toBe('A');
  });
});
