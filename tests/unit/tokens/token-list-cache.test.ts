/**
 * The compact token list: the table keeps every field the app shows and nothing else (never a
 * value), one file per connection written off the hot path (atomically), damaged files moved
 * aside; and the packed form the renderer gets.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiToken } from '../../../common/domain';
import { packTokenList, readPackedList, viewsOf } from '../../../common/token-list-wire';
import { checkTable, TOKEN_TABLE_VERSION } from '../../../common/token-table';
import { fromTable } from '../../../common/token-table-read';
import { patchTable, toTable } from '../../../common/token-table-write';
import { maskTokenValues } from '../../../common/token-value';
import { TokenListCache } from '../../../main/core/token-list-cache';

const SECRET = 'idt:TKN-1111-2222:4l6Fq7jrGSfZVjDYHabJkxTuv4nynuj5f8qVTbbHJS5rFXpetnvRYfvwiaRjGzrF';

function token(i: number, over: Partial<ApiToken> = {}): ApiToken {
  return {
    id: `TKN-${String(1000 + (i % 9000)).padStart(4, '0')}-${String(i % 10000).padStart(4, '0')}`,
    name: `Robot ${i}`,
    description: i % 3 === 0 ? null : `Deploys ${i}`,
    icon: i % 5 === 0 ? `/v1/accounts/api-tokens/x${i}/icon` : null,
    status: i % 7 === 0 ? 'Disabled' : 'Active',
    lastAccessAt: i % 4 === 0 ? null : new Date(1_760_000_000_000 + i * 1000).toISOString(),
    account: { id: `ACC-0000-000${i % 3}`, name: `Account ${i % 3}`, type: 'Client', status: 'Active' },
    // (References: null and absent fields read the same, and come back absent.)
    modules: [{ id: 'MOD-1756', name: 'Access Management', description: 'Users, tokens' }, ...(i % 2 ? [{ id: 'MOD-0478', name: 'Marketplace' }] : [])],
    audit: {
      created: { at: new Date(1_700_000_000_000 + i).toISOString(), by: { id: `USR-0000-000${i % 4}`, name: `User ${i % 4}` } },
      ...(i % 2 ? { updated: { at: new Date(1_750_000_000_000 + i).toISOString(), by: { id: 'USR-0000-0009', name: 'Admin' } } } : {}),
    },
    revision: (i % 9) + 1,
    ...over,
  };
}

describe('token table', () => {
  it('round-trips every field the app shows, sharing references', () => {
    const tokens = Array.from({ length: 500 }, (_, i) => token(i));
    const back = fromTable(toTable(tokens));
    expect(back).toEqual(tokens);
    expect(back[0]!.account).toBe(back[3]!.account);
  });

  it('keeps each distinct name and description once, and a patch reuses them', () => {
    const tokens = Array.from({ length: 300 }, (_, i) => token(i, { name: `Robot ${i % 3}`, description: i % 2 ? 'Nightly sync' : null }));
    const table = toTable(tokens);
    expect(table.texts.toSorted()).toEqual(['Nightly sync', 'Robot 0', 'Robot 1', 'Robot 2']);
    const patched = patchTable(table, [token(1, { name: 'Robot 2', description: 'New text' })], []);
    expect(patched.texts).toHaveLength(5);
    expect(table.texts).toHaveLength(4); // the original is not changed
    expect(fromTable(patched)[1]).toMatchObject({ name: 'Robot 2', description: 'New text' });
  });

  it('has no place for a token value, masks values in free text, drops fields the app does not show', () => {
    const t = token(1, { token: SECRET, name: `leaked ${SECRET}`, extensions: [{ id: 'EXT-1' }] } as Partial<ApiToken>);
    const json = JSON.stringify(toTable([t], maskTokenValues));
    expect(json).not.toContain('4l6Fq7jrGSfZVjDY');
    expect(json).not.toContain('EXT-1');
    expect(fromTable(JSON.parse(json))[0]!.name).toBe('leaked [redacted token value]');
  });

  it('keeps a date that would not round-trip through milliseconds as text', () => {
    const t = token(2, { lastAccessAt: '2026-01-01T00:00:00Z' });
    expect(fromTable(toTable([t]))[0]!.lastAccessAt).toBe('2026-01-01T00:00:00Z');
  });

  it('checkTable says why a table cannot be one', () => {
    const good = toTable([token(1), token(2)]);
    expect(checkTable(good)).toBeUndefined();
    expect(checkTable({ ...good, v: TOKEN_TABLE_VERSION + 1 })).toMatch(/version/);
    expect(checkTable({ ...good, name: [0] })).toMatch(/column name/);
    expect(checkTable({ ...good, name: [0, good.texts.length] })).toMatch(/row 1 has no name/);
    expect(checkTable({ ...good, name: [0, 'Robot 2'] })).toMatch(/row 1 has no name/);
    expect(checkTable({ ...good, description: [-2, 0] })).toMatch(/row 0 has a wrong description/);
    expect(checkTable({ ...good, texts: [1] })).toMatch(/texts/);
    expect(checkTable({ ...good, status: ['Active', 'Active'] })).toMatch(/malformed/);
  });

  it('packs views with key icons and rotation links, and refuses a damaged pack', () => {
    const tokens = [token(1), token(2)];
    const packed = packTokenList(toTable(tokens), { valueIds: new Set([tokens[1]!.id]), replacedBy: new Map([[tokens[0]!.id, tokens[1]!.id]]), replaces: new Map([[tokens[1]!.id, tokens[0]!.id]]) });
    const read = readPackedList(packed);
    const { table } = read;
    const views = viewsOf(read);
    expect(table.id).toEqual(views.map((v) => v.id));
    expect(views.map((v) => [v.id, v.hasValue, v.replacedBy ?? null, v.replaces ?? null])).toEqual([
      [tokens[0]!.id, false, tokens[1]!.id, null],
      [tokens[1]!.id, true, null, tokens[0]!.id],
    ]);
    expect(views[0]).toMatchObject({ name: 'Robot 1', status: 'Active', modules: tokens[0]!.modules });
    expect(() => readPackedList(packed.replace('"hasValue":"01"', '"hasValue":"0"'))).toThrow(/damaged/);
  });
});

describe('TokenListCache (files)', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'token-desk-list-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('one file per connection, written after the change (not during it), read back by a new instance', async () => {
    const cache = new TokenListCache({ dir, writeDelayMs: 20 });
    cache.put('c1', [token(1), token(2)], '2026-01-01T00:00:00.000Z', '2025-12-31T23:59:59.000Z');
    cache.put('c2', [token(3)], '2026-01-01T00:00:00.000Z', null);
    expect(fs.readdirSync(dir)).toEqual([]); // nothing on disk yet: the reply goes first
    await cache.flush();
    expect(fs.readdirSync(dir).sort()).toEqual(['tokens-c1.json', 'tokens-c2.json']);
    expect((fs.statSync(path.join(dir, 'tokens-c1.json')).mode & 0o777).toString(8)).toBe('600');
    const again = new TokenListCache({ dir });
    const state = again.get('c1')!;
    expect(state.mark).toBe('2025-12-31T23:59:59.000Z');
    expect(again.itemsOf(state)).toEqual([token(1), token(2)]);
    // conf reads the same file (it is a conf store file: one JSON object).
    expect(Object.keys(JSON.parse(fs.readFileSync(path.join(dir, 'tokens-c1.json'), 'utf8')))).toEqual(['tokens']);
  });

  it('100,000 tokens: the write never holds the event loop long, leaves no temp file, and the file is small', async () => {
    const slices: number[] = [];
    const cache = new TokenListCache({ dir, writeDelayMs: 0, onWriteSlice: (ms) => slices.push(ms) });
    cache.put('big', Array.from({ length: 100_000 }, (_, i) => token(i)), '2026-01-01T00:00:00.000Z', null);
    // The event loop keeps turning while the file is written.
    let turns = 0;
    const ticker = setInterval(() => turns++, 1);
    await cache.flush();
    clearInterval(ticker);
    expect(slices.length).toBeGreaterThan(10);
    expect(Math.max(...slices)).toBeLessThan(150); // generous: a loaded CI machine; the bench reports the real figure
    expect(turns).toBeGreaterThan(0);
    expect(fs.readdirSync(dir)).toEqual(['tokens-big.json']);
    expect(fs.statSync(path.join(dir, 'tokens-big.json')).size).toBeLessThan(20 * 1024 * 1024);
    const read = new TokenListCache({ dir }).get('big')!;
    expect(read.table.id).toHaveLength(100_000);
    // Written a slice of rows at a time, the file holds exactly the table's JSON.
    expect(slices.length).toBeGreaterThan(13 * 10);
    expect(JSON.stringify(read.table)).toBe(JSON.stringify(cache.get('big')!.table));
    // The pieces kept from the write serve packing (tokens.cached): the same JSON, whole.
    expect(cache.tableJsonOf(cache.get('big')!)).toBe(JSON.stringify(cache.get('big')!.table));
  }, 60_000);

  it('a damaged file is moved aside and the list starts empty (the next sync rebuilds it)', () => {
    fs.writeFileSync(path.join(dir, 'tokens-c1.json'), '{"tokens": {"fetchedAt": "x", "table": {"v": 1, "id": [');
    const recovered: string[] = [];
    const cache = new TokenListCache({ dir, onRecovered: (r) => recovered.push(r.movedTo) });
    expect(cache.get('c1')).toBeUndefined();
    expect(recovered).toHaveLength(1);
    expect(fs.readdirSync(dir).some((f) => f.startsWith('tokens-c1.corrupt-'))).toBe(true);
    // A parseable file of the wrong shape counts as damaged too.
    fs.writeFileSync(path.join(dir, 'tokens-c2.json'), JSON.stringify({ tokens: { fetchedAt: 'x', table: { v: TOKEN_TABLE_VERSION, id: ['a'], name: [] } } }));
    expect(cache.get('c2')).toBeUndefined();
    expect(recovered).toHaveLength(2);
  });

  it('a list an earlier version wrote is left out quietly (not damaged: the next sync writes the new form)', async () => {
    const older = { tokens: { fetchedAt: '2026-01-01T00:00:00.000Z', mark: null, table: { v: TOKEN_TABLE_VERSION - 1, id: ['TKN-1'], name: ['Robot'] } } };
    fs.writeFileSync(path.join(dir, 'tokens-c1.json'), JSON.stringify(older));
    const recovered: string[] = [];
    const cache = new TokenListCache({ dir, writeDelayMs: 0, onRecovered: (r) => recovered.push(r.movedTo) });
    expect(cache.get('c1')).toBeUndefined();
    expect(recovered).toEqual([]);
    expect(fs.readdirSync(dir)).toEqual(['tokens-c1.json']);
    cache.put('c1', [token(1)], '2026-01-02T00:00:00.000Z', null);
    await cache.flush();
    expect(new TokenListCache({ dir }).get('c1')?.table.v).toBe(TOKEN_TABLE_VERSION);
  });

  it('drop forgets the list and removes its file', async () => {
    const cache = new TokenListCache({ dir, writeDelayMs: 0 });
    cache.put('c1', [token(1)], '2026-01-01T00:00:00.000Z', null);
    await cache.flush();
    cache.drop('c1');
    await cache.flush();
    await new Promise((r) => setTimeout(r, 10));
    expect(cache.get('c1')).toBeUndefined();
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('token table dates', () => {
  it('every canonical time round-trips through its number; a time that would roll over stays text', () => {
    for (let i = 0; i < 2000; i++) {
      const iso = new Date(Date.UTC(1990, 0, 1) + Math.floor(Math.random() * 1.5e12)).toISOString();
      expect(fromTable(toTable([token(1, { lastAccessAt: iso })]))[0]!.lastAccessAt).toBe(iso);
      expect(typeof toTable([token(1, { lastAccessAt: iso })]).lastAccessAt[0]).toBe('number');
    }
    for (const odd of ['2026-02-30T10:00:00.000Z', '2026-01-01T10:60:00.000Z', '2026-01-01T24:00:00.000Z', '2026-13-01T00:00:00.000Z']) {
      expect(toTable([token(1, { lastAccessAt: odd })]).lastAccessAt[0]).toBe(odd);
    }
  });
});

describe('TokenListCache.facts', () => {
  it('names and statuses of the asked tokens only, without building the list', () => {
    const cache = new TokenListCache({ dir: null });
    const state = cache.put('c1', [token(1), token(7), token(9)], '2026-01-01T00:00:00.000Z', null);
    const facts = cache.facts(state, [token(7).id, 'TKN-9999-9999', token(1).id]);
    expect([...facts]).toEqual([
      [token(7).id, { name: 'Robot 7', status: 'Disabled' }],
      [token(1).id, { name: 'Robot 1', status: 'Active' }],
    ]);
    expect((state as unknown as { items: unknown }).items).toBeNull();
  });
});

describe('packing from the file text', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'token-desk-pack-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a list read from its file packs from the file’s own table text, to the same views', async () => {
    const tokens = [token(1, { name: 'a "table": b' }), token(2)];
    const writer = new TokenListCache({ dir, writeDelayMs: 0 });
    writer.put('c1', tokens, '2026-01-01T00:00:00.000Z', null);
    await writer.flush();
    const reader = new TokenListCache({ dir });
    const state = reader.get('c1')!;
    const facts = { valueIds: new Set([tokens[0]!.id]), replacedBy: new Map(), replaces: new Map() };
    const fromText = packTokenList(state.table, facts, reader.tableJsonOf(state));
    expect(viewsOf(readPackedList(fromText))).toEqual(viewsOf(readPackedList(packTokenList(state.table, facts))));
    expect(JSON.parse(reader.tableJsonOf(state))).toEqual(state.table);
  });

  it('writes and packs all-ASCII text (the page decodes it as one-byte characters), the same data', async () => {
    const ascii = /^[ -~\t\n\r]*$/;
    const tokens = [token(1, { name: 'Zoë’s robot 😀', description: 'café' }), token(2)];
    const writer = new TokenListCache({ dir, writeDelayMs: 0 });
    writer.put('c1', tokens, '2026-01-01T00:00:00.000Z', null);
    await writer.flush();
    expect(fs.readFileSync(writer.filePath('c1')!, 'utf8')).toMatch(ascii);
    const facts = { valueIds: new Set<string>(), replacedBy: new Map(), replaces: new Map() };
    // A file an earlier writer left with the characters as they are: packed as ASCII all the same.
    const file = writer.filePath('c1')!;
    fs.writeFileSync(file, JSON.stringify(JSON.parse(fs.readFileSync(file, 'utf8'))));
    expect(fs.readFileSync(file, 'utf8')).not.toMatch(ascii);
    const reader = new TokenListCache({ dir });
    const state = reader.get('c1')!;
    const packed = packTokenList(state.table, facts, reader.tableJsonOf(state));
    expect(packed).toMatch(ascii);
    expect(packTokenList(state.table, facts)).toMatch(ascii);
    expect(viewsOf(readPackedList(packed)).map((v) => [v.name, v.description])).toEqual([
      ['Zoë’s robot 😀', 'café'],
      [tokens[1]!.name, tokens[1]!.description ?? null],
    ]);
  });
});

describe('patching the table (a delta sync)', () => {
  it('writes changed rows over theirs, appends new ones, leaves removed ones out, like a rebuild', () => {
    const held = Array.from({ length: 50 }, (_, i) => token(i));
    const changed = [token(3, { status: 'Disabled', name: 'renamed' }), token(77, { account: { id: 'ACC-9999-9999', name: 'New account', type: 'Vendor', status: 'Active' } })];
    const patched = patchTable(toTable(held), changed, [token(10).id, token(11).id]);
    const expected = held.filter((t) => t.id !== token(10).id && t.id !== token(11).id).map((t) => (t.id === token(3).id ? changed[0]! : t));
    expect(fromTable(patched)).toEqual([...expected, changed[1]!]);
    expect(checkTable(patched)).toBeUndefined();
  });

  it('an unchanged delta keeps the table and its JSON text (nothing rebuilt), a changed one does not', () => {
    const cache = new TokenListCache({ dir: null });
    cache.put('c1', [token(1), token(2)], '2026-01-01T00:00:00.000Z', 'm1');
    const first = cache.get('c1')!;
    const json = cache.tableJsonOf(first);
    const same = cache.patch('c1', [], [], '2026-01-02T00:00:00.000Z', 'm2')!;
    expect(same.table).toBe(first.table);
    expect(cache.tableJsonOf(same)).toBe(json);
    expect([same.fetchedAt, same.mark]).toEqual(['2026-01-02T00:00:00.000Z', 'm2']);
    const next = cache.patch('c1', [token(2, { name: 'two' })], [], '2026-01-03T00:00:00.000Z', 'm3')!;
    expect(cache.itemsOf(next).map((t) => t.name)).toEqual(['Robot 1', 'two']);
  });
});
