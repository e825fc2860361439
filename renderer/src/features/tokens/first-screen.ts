/**
 * The first screen of a big cached list, before the rest of it is built. Building 100,000 rows
 * (and their search and sort entries) takes a few hundred ms; the rows the sort puts first can
 * be picked straight from the table's columns, shown at once, and the whole list follows right
 * after that paint (tokens-store). Same order as sortIndexed, ties by id ascending, so nothing
 * moves when the whole list arrives.
 *
 * Only for what can be decided without every row's text: no filter, and a sort on a number the
 * table holds (dates, status, module count). Name and creator sorts need every row's folded key.
 */
import type { TokenView } from '../../../../common/contract';
import { viewsOf, type ReadList } from '../../../../common/token-list-wire';
import { TOKEN_STATUSES, type Stamp, type TokenTable } from '../../../../common/token-table';
import { hasActiveFilters, indexUnpacked, parseIso, type IndexedToken, type SortState, type TokenFilters } from './filtering';

/** Enough rows for the tallest window (each row is 52 px). */
export const FIRST_SCREEN_ROWS = 40;

const stampKey = (s: Stamp | undefined): number => (typeof s === 'number' ? s : (parseIso(s) ?? Number.NEGATIVE_INFINITY));

function keyReader(table: TokenTable, sort: SortState): ((row: number) => number) | null {
  switch (sort.key) {
    case 'createdAt':
      return (i) => stampKey(table.createdAt[i]);
    case 'lastAccess':
      return (i) => stampKey(table.lastAccessAt[i]);
    case 'status':
      return (i) => (TOKEN_STATUSES[table.status[i]!] ? table.status[i]! : 0);
    case 'modules':
      return (i) => (table.modules[i] ?? []).filter((m) => m < table.moduleRefs.length).length;
    default:
      return null;
  }
}

/** The indexes of the first `count` rows in the sort's order, or null when the sort or filters need every row. */
export function firstRows(table: TokenTable, sort: SortState, filters: TokenFilters, count = FIRST_SCREEN_ROWS): number[] | null {
  const key = keyReader(table, sort);
  if (!key || hasActiveFilters(filters)) return null;
  const ids = table.id;
  const desc = sort.dir === 'desc';
  const keys = new Float64Array(ids.length);
  for (let i = 0; i < ids.length; i++) keys[i] = key(i);
  const before = (a: number, b: number) => (keys[a] !== keys[b] ? (desc ? keys[a]! > keys[b]! : keys[a]! < keys[b]!) : ids[a]! < ids[b]!);
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

/** The first screen's tokens and entries, or null (see firstRows). */
export function firstScreen(list: ReadList, sort: SortState, filters: TokenFilters): { tokens: TokenView[]; entries: IndexedToken[] } | null {
  const rows = firstRows(list.table, sort, filters);
  if (!rows) return null;
  const tokens = viewsOf(list, rows);
  return { tokens, entries: indexUnpacked({ tokens, table: list.table }, rows) };
}
