/**
 * The renderer's indexed search must give exactly what the one rule (auditMatcher, also run by
 * the CSV export) gives, whatever the order of keystrokes: typing on, backspacing, jumping to an
 * unrelated search, changing a field filter between, or a new load of entries.
 */
import { describe, expect, it } from 'vitest';
import { auditMatcher, EMPTY_AUDIT_FILTERS, type AuditEntry, type AuditFilters } from '../../../common/audit-log';
import { createRowFilter, EMPTY_INDEX, indexEntries, rowCount, type AuditIndex, type RowSet } from '../../../renderer/src/features/audit/filter-rows';

/** A small deterministic PRNG so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const NAMES = ['CI pipeline', 'Billing export', 'Ann', 'Zoë Ürün', 'Deploy bot', 'İstanbul sync', 'x'];
const ACTIONS = ['created', 'updated', 'enabled', 'disabled', 'deleted'];
const ACTORS = [
  { id: 'USR-0001-0001', name: 'Ann Smith' },
  { id: 'USR-0002-0002', name: 'Ben Novak' },
  { id: 'TKN-0003-0003', name: 'Deploy bot' },
  { id: 'system', name: 'Platform' },
];

function entries(n: number, seed: number): AuditEntry[] {
  const r = rng(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;
  return Array.from({ length: n }, (_, i) => {
    const name = pick(NAMES);
    const token = { id: `TKN-${String(1000 + (i % 37)).padStart(4, '0')}-${String(i % 11).padStart(4, '0')}`, name };
    const action = pick(ACTIONS);
    return {
      id: `AUD-${String(100000 - i)}`,
      timestamp: new Date(Date.UTC(2025, 0, 1) + (n - i) * 3_600_000).toISOString(),
      event: `platform.accounts.apiToken.${action}`,
      summary: `API Token ${action}`,
      details: r() < 0.2 ? `Line one\nline two about ${name}` : r() < 0.5 ? '' : `The API token ${token.id} "${name}" has been ${action}.`,
      token,
      actor: pick(ACTORS),
      account: r() < 0.1 ? null : pick([{ id: 'ACC-1111-1111', name: 'Stark Industries' }, { id: 'ACC-2222-2222', name: 'Globex' }]),
    };
  });
}

const expected = (list: readonly AuditEntry[], f: AuditFilters) => list.flatMap((e, i) => (auditMatcher(f)(e) ? [i] : []));
const actual = (index: AuditIndex, rows: RowSet) => (rows ? [...rows] : index.entries.map((_, i) => i));

describe('indexed audit search', () => {
  const list = entries(600, 7);
  const index = indexEntries(list);

  it('indexes each entry once, in order, each distinct value once', () => {
    expect(index.entries).toBe(list);
    expect(index.fieldIds).toHaveLength(600 * 9);
    expect(new Set(index.dictionary).size).toBe(index.dictionary.length);
    expect(index.dictionary.length).toBeLessThan(600 * 2);
    expect(index.dictionary[index.fieldIds[5 * 9] as number]).toBe(list[5]!.token.name.toLowerCase());
    expect(rowCount(EMPTY_INDEX, null)).toBe(0);
  });

  it('matches auditMatcher through typing on, backspacing and unrelated searches', () => {
    const filter = createRowFilter();
    const texts = ['c', 'ci', 'ci ', 'ci p', 'ci pip', 'ci pipeline', 'ci pip', 'ci', '', 'ann', 'an', 'a', '', 'usr', 'us', 'tkn-1003', 'tkn', 'disabled', 'disab', 'zoë', 'ürün', 'i̇stanbul', 'line two', 'two line', 'nothing-like-this', 'x', 'xy', 'x', '', 'stark  ann', 'ann stark', 'e e e', 'pipeline', 'pipeline globex', 'pipeline acc-1111', 'deploy stark', 'zoë platform', 'tkn-1003', 'tkn-1003 globex', 'tkn-1003 stark', 'tkn-1003 ben'];
    for (const text of texts) {
      const f = { ...EMPTY_AUDIT_FILTERS, text };
      expect(actual(index, filter(index, f)), JSON.stringify(text)).toEqual(expected(list, f));
    }
  });

  it('matches auditMatcher with field filters changing between searches', () => {
    const filter = createRowFilter();
    const steps: Partial<AuditFilters>[] = [
      { actions: ['disabled'] },
      { actions: ['disabled'], text: 'ci' },
      { actions: ['disabled'], text: 'ci pipe' },
      { actions: ['created'], text: 'ci pipe' },
      { actorId: 'USR-0001-0001', text: 'ci pipe' },
      { actorId: 'USR-0001-0001', text: 'ci' },
      { token: ' TKN-1003 ', text: 'ci' },
      { accountId: 'ACC-2222-2222', text: 'globex' },
      { from: list[400]!.timestamp, to: list[100]!.timestamp, text: 'a' },
      { from: list[400]!.timestamp, to: list[100]!.timestamp, text: '' },
      {},
    ];
    for (const patch of steps) {
      const f = { ...EMPTY_AUDIT_FILTERS, ...patch };
      expect(actual(index, filter(index, f)), JSON.stringify(patch)).toEqual(expected(list, f));
    }
  });

  it('follows a new load instead of reusing the old results', () => {
    const filter = createRowFilter();
    const f = { ...EMPTY_AUDIT_FILTERS, text: 'ann' };
    expect(actual(index, filter(index, f))).toEqual(expected(list, f));
    const newer = entries(250, 99);
    const reloaded = indexEntries(newer);
    expect(actual(reloaded, filter(reloaded, f))).toEqual(expected(newer, f));
    expect(actual(reloaded, filter(reloaded, { ...f, text: 'anns' }))).toEqual(expected(newer, { ...f, text: 'anns' }));
  });

  it('random keystroke sequences agree with auditMatcher', () => {
    const r = rng(3);
    const alphabet = 'aceinpstu- 0123k';
    const filter = createRowFilter();
    let text = '';
    for (let step = 0; step < 400; step++) {
      const roll = r();
      if (roll < 0.55 && text.length < 14) text += alphabet[Math.floor(r() * alphabet.length)];
      else if (roll < 0.9) text = text.slice(0, -1);
      else text = '';
      const f = { ...EMPTY_AUDIT_FILTERS, text, actions: r() < 0.1 ? (['updated'] as AuditFilters['actions']) : [] };
      expect(actual(index, filter(index, f)), JSON.stringify(f)).toEqual(expected(list, f));
    }
  });

  it('searches a log whose every field differs from every other (one fresh entry, say) without throwing', () => {
    // Nine distinct values per entry: more dictionary values than fields, the case where the
    // search tests a row's own values instead of the whole dictionary, over no narrower result.
    const fresh: AuditEntry[] = [1, 2].map((n) => ({
      id: `AUD-${n}`,
      timestamp: new Date(Date.UTC(2026, 0, n)).toISOString(),
      event: `platform.accounts.apiToken.created${n}`,
      summary: `API Token created ${n}`,
      details: `The API token TKN-1000-000${n} was created.`,
      token: { id: `TKN-1000-000${n}`, name: `Fresh ${n}` },
      actor: { id: `USR-0001-000${n}`, name: `Ann ${n}` },
      account: { id: `ACC-1111-111${n}`, name: `Stark ${n}` },
    }));
    for (const list of [fresh.slice(0, 1), fresh]) {
      const index = indexEntries(list);
      expect(index.dictionary.length).toBeGreaterThan(list.length * 9);
      for (const text of ['stark', 'fresh 2', 'tkn-1000-0001', 'nothing']) {
        const f = { ...EMPTY_AUDIT_FILTERS, text };
        expect(actual(index, createRowFilter()(index, f)), text).toEqual(expected(list, f));
      }
    }
  });
});
