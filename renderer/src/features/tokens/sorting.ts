/**
 * The token table's sort: each row's key is computed once (token-index.ts), rows are ordered by
 * common/token-sort.ts's rule, and each order is kept per list and key, so a click on a column
 * sorts once and a direction change reuses it. warm-up.ts computes the costly orders ahead.
 */
import { compareRows, type RowKey, type SortKey, type SortState } from '../../../../common/token-sort';
import { sortKeyOf, type IndexedToken } from './token-index';

/** Orders already computed per list (the list's identity) and sort key, ascending. */
const sortedCache = new WeakMap<readonly IndexedToken[], Map<SortKey, IndexedToken[]>>();

/** The ascending order of a list by a key, if computed already. */
export function knownOrder(entries: readonly IndexedToken[], key: SortKey): IndexedToken[] | undefined {
  return sortedCache.get(entries)?.get(key);
}

/** Keeps the ascending order of a list by a key (computed here or in slices by warm-up.ts). */
export function keepOrder(entries: readonly IndexedToken[], key: SortKey, ascending: IndexedToken[]): void {
  let byKey = sortedCache.get(entries);
  if (!byKey) sortedCache.set(entries, (byKey = new Map()));
  byKey.set(key, ascending);
}

/** Stable sort; ties fall back to the token id so the order is deterministic. */
export function sortIndexed(entries: readonly IndexedToken[], sort: SortState): IndexedToken[] {
  let asc = knownOrder(entries, sort.key);
  if (!asc) {
    asc = sortAscending(entries, sort.key);
    keepOrder(entries, sort.key, asc);
  }
  return sort.dir === 'asc' ? asc : descendingOf(asc, sort.key);
}

export function sortAscending(entries: readonly IndexedToken[], key: SortKey): IndexedToken[] {
  const n = entries.length;
  const keys = new Array<RowKey>(n);
  const ids = new Array<string>(n);
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const e = entries[i]!;
    keys[i] = sortKeyOf(e, key);
    ids[i] = e.id;
    order[i] = i;
  }
  order.sort((a, b) => compareRows(keys[a]!, ids[a]!, keys[b]!, ids[b]!));
  const out = new Array<IndexedToken>(n);
  for (let i = 0; i < n; i++) out[i] = entries[order[i]!]!;
  return out;
}

/** The descending order from the ascending one: reversed, with equal keys still by id ascending. */
function descendingOf(asc: readonly IndexedToken[], key: SortKey): IndexedToken[] {
  const out = new Array<IndexedToken>(asc.length);
  let w = 0;
  let end = asc.length;
  while (end > 0) {
    // The run of equal keys ending at `end`, copied in its (id-ascending) order.
    const k = sortKeyOf(asc[end - 1]!, key);
    let start = end - 1;
    while (start > 0 && sortKeyOf(asc[start - 1]!, key) === k) start--;
    for (let i = start; i < end; i++) out[w++] = asc[i]!;
    end = start;
  }
  return out;
}
