/**
 * The first screen of a big token list, before the rest of it is built: the rows a sort puts
 * first, picked from the compact table's columns (token-table.ts). Main answers a launch's
 * `tokens.cached` with `first` from it (a few rows, sent before the multi-MB list); the page
 * uses it too when a big list arrives without one. The order is the page's (common/token-sort.ts),
 * so nothing moves when the whole list arrives.
 *
 * Only sorts on a number the table holds (dates, status, module count): name and creator sorts
 * need every row's folded key. Filters need every row's text: the page asks only without them.
 */
import { compareRows, statusKey, timeKey, type SortKey, type SortState } from './token-sort';
import { stampMs, TOKEN_STATUSES, type TokenTable } from './token-table';

/** Enough rows for the tallest window (each row is 52 px). */
export const FIRST_SCREEN_ROWS = 40;

/**
 * How to read a row's sort key from the table, for each sort whose key is a number there: the
 * key the page's sort gives the same row once it is a token (token-table-read.ts rowOf).
 */
const KEY_READERS: Partial<Record<SortKey, (table: TokenTable) => (row: number) => number>> = {
  createdAt: (table) => (i) => timeKey(stampMs(table.createdAt[i])),
  lastAccess: (table) => (i) => timeKey(stampMs(table.lastAccessAt[i])),
  status: (table) => (i) => statusKey(TOKEN_STATUSES[table.status[i]!] ?? 'Active'),
  modules: (table) => (i) => (table.modules[i] ?? []).filter((m) => m < table.moduleRefs.length).length,
};

/** Whether firstRows can decide this sort. */
export const sortsFromColumns = (sort: SortState): boolean => KEY_READERS[sort.key] !== undefined;

/** The indexes of the first `count` rows in the sort's order, or null for a sort that needs every row's text. */
export function firstRows(table: TokenTable, sort: SortState, count = FIRST_SCREEN_ROWS): number[] | null {
  if (!sortsFromColumns(sort)) return null;
  const key = KEY_READERS[sort.key]!(table);
  const ids = table.id;
  const dir = sort.dir;
  const keys = new Float64Array(ids.length);
  for (let i = 0; i < ids.length; i++) keys[i] = key(i);
  const before = (a: number, b: number) => compareRows(keys[a]!, ids[a]!, keys[b]!, ids[b]!, dir) < 0;
  // The best `count` rows in a heap with the worst of them on top: O(rows × log count), whatever
  // order the rows come in (a list in ascending date order is the worst case of a sorted insert).
  const heap: number[] = [];
  const down = (at: number) => {
    for (;;) {
      const l = 2 * at + 1;
      const r = l + 1;
      let worst = at;
      if (l < heap.length && before(heap[worst]!, heap[l]!)) worst = l;
      if (r < heap.length && before(heap[worst]!, heap[r]!)) worst = r;
      if (worst === at) return;
      [heap[at], heap[worst]] = [heap[worst]!, heap[at]!];
      at = worst;
    }
  };
  for (let i = 0; i < ids.length; i++) {
    if (heap.length < count) {
      heap.push(i);
      for (let at = heap.length - 1; at > 0; ) {
        const up = (at - 1) >> 1;
        if (!before(heap[up]!, heap[at]!)) break;
        [heap[at], heap[up]] = [heap[up]!, heap[at]!];
        at = up;
      }
    } else if (before(i, heap[0]!)) {
      heap[0] = i;
      down(0);
    }
  }
  return heap.sort((a, b) => (before(a, b) ? -1 : 1));
}
