/**
 * The packed list read a member at a time (readPackedListInSlices): the same list as reading it
 * whole, for either way main packs it (serialised, or from the cache file's text), texts that
 * look like the packing's own keys, and the same refusal of a damaged list.
 */
import { describe, expect, it, vi } from 'vitest';
import { packTokenList, readPackedList, readPackedListInSlices } from '../../../common/token-list-wire';
import { toTable } from '../../../common/token-table-write';
import type { TableToken } from '../../../common/token-table';

const token = (i: number, name = `Robot ${i}`): TableToken => ({
  id: `TKN-${String(1000 + (i % 9000)).padStart(4, '0')}-${String(i).padStart(4, '0')}`,
  name,
  description: i % 3 ? `Runs job ${i % 7}` : null,
  status: i % 5 ? 'Active' : 'Disabled',
  lastAccessAt: i % 2 ? new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString() : null,
  account: { id: 'ACC-1111-2222', name: 'Stark' },
  modules: i % 4 ? [{ id: 'MOD-1', name: 'Billing' }] : [],
  audit: { created: { at: new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString(), by: { id: 'USR-1', name: 'Pepper' } } },
  revision: i,
});

const facts = { valueIds: new Set(['TKN-1002-0002']), replacedBy: new Map([['TKN-1001-0001', 'TKN-1003-0003']]), replaces: new Map([['TKN-1003-0003', 'TKN-1001-0001']]) };
const noYield = () => Promise.resolve();

describe('readPackedListInSlices', () => {
  it('reads the same list as readPackedList, letting go of the thread between members', async () => {
    const table = toTable(Array.from({ length: 2_000 }, (_, i) => token(i)));
    const packed = packTokenList(table, facts);
    // A clock that says each member took a slice's worth: every member is followed by a turn.
    let now = 0;
    const clock = vi.spyOn(Date, 'now').mockImplementation(() => (now += 10));
    let turns = 0;
    try {
      const sliced = await readPackedListInSlices(packed, () => {
        turns++;
        return Promise.resolve();
      });
      expect(sliced).toEqual(readPackedList(packed));
    } finally {
      clock.mockRestore();
    }
    expect(turns).toBe(18); // the table's 18 members
  });

  it('reads columns of megabytes in pieces, into the same list, whatever their texts hold', async () => {
    const tricky = ['a","b', '\\', 'x],[1', 'q\\","', '[', '"', 'é","ü'];
    const table = toTable(Array.from({ length: 30_000 }, (_, i) => token(i, `${tricky[i % tricky.length]} robot ${i}`)));
    const packed = packTokenList(table, facts);
    let now = 0;
    const clock = vi.spyOn(Date, 'now').mockImplementation(() => (now += 10));
    let turns = 0;
    try {
      const countTurn = () => {
        turns++;
        return Promise.resolve();
      };
      expect(await readPackedListInSlices(packed, countTurn)).toEqual(readPackedList(packed));
      // Without pieces: a turn per member.
      expect(turns).toBe(18);
      turns = 0;
      expect(await readPackedListInSlices(packed, countTurn, { inPieces: true })).toEqual(readPackedList(packed));
    } finally {
      clock.mockRestore();
    }
    // More turns than members: the texts and the id column each came in several pieces.
    expect(turns).toBeGreaterThan(20);
  });

  it('reads a list packed from the table text in another member order', async () => {
    const table = toTable(Array.from({ length: 50 }, (_, i) => token(i)));
    const reordered = Object.fromEntries(Object.entries(table).reverse());
    const packed = packTokenList(table, facts, JSON.stringify(reordered));
    expect(await readPackedListInSlices(packed, noYield)).toEqual(readPackedList(packed));
  });

  it('is not misled by texts that look like its keys', async () => {
    const tricky = ['"id":[1,2]', '},"hasValue":"1"', '\\', 'x","texts":["y"]'];
    const table = toTable(tricky.map((name, i) => token(i, name)));
    const packed = packTokenList(table, facts);
    const sliced = await readPackedListInSlices(packed, noYield);
    expect(sliced).toEqual(readPackedList(packed));
    expect(sliced.table.texts).toEqual(expect.arrayContaining(tricky));
  });

  it('refuses a damaged list as readPackedList does, and changes nothing', async () => {
    const table = toTable(Array.from({ length: 10 }, (_, i) => token(i)));
    const packed = packTokenList(table, facts);
    const shortColumn = packed.replace(/"status":\[\d+,/, '"status":[');
    expect(() => readPackedList(shortColumn)).toThrow(/damaged/);
    await expect(readPackedListInSlices(shortColumn, noYield)).rejects.toThrow(/damaged/);
    const extraMember = packed.replace('"texts":', '"extra":1,"texts":');
    await expect(readPackedListInSlices(extraMember, noYield)).resolves.toEqual(readPackedList(extraMember));
    await expect(readPackedListInSlices('{"table":{"v":2}', noYield)).rejects.toThrow();
  });
});
