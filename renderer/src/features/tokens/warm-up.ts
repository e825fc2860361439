/**
 * Work done ahead while the page is idle, in slices of a few milliseconds so a keystroke that
 * arrives meanwhile waits at most one slice: the search texts before the first search, then the
 * name and creator sort keys and orders before a click on those columns (collating every name is
 * the one sort that would stall the page), then one practice search.
 */
import type { SortKey } from '../../../../common/token-sort';
import { compareRows } from '../../../../common/token-sort';
import { DEFAULT_FILTERS, filterIndexed, haystacksOf } from './filtering';
import { createdByKeyOf, haystackOf, nameKeyOf, sortKeyOf, type IndexedToken } from './token-index';
import { keepOrder, knownOrder, sortAscending } from './sorting';

const SLICE_MS = 4;
const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

type Schedule = (fn: () => void) => void;

let practised = false;

/** Builds the haystacks ahead of the first search, then the text columns' sort keys and orders. Returns a stop function. */
export function warmHaystacks(entries: readonly IndexedToken[], schedule: Schedule = (fn) => setTimeout(fn, 0)): () => void {
  let i = 0;
  let k = 0;
  let stopped = false;
  // Then the sort keys and orders of the text columns, so a click on "API token" is instant.
  const keys = () => {
    if (stopped) return;
    const t0 = now();
    while (k < entries.length && now() - t0 < SLICE_MS) {
      const end = Math.min(entries.length, k + 500);
      for (; k < end; k++) {
        nameKeyOf(entries[k]!);
        createdByKeyOf(entries[k]!);
      }
    }
    if (k < entries.length) schedule(keys);
    else warmSort(entries, 'name', schedule, () => stopped, () => warmSort(entries, 'createdBy', schedule, () => stopped, practice));
  };
  // One throwaway search so the first real keystroke runs optimised code, not the interpreter.
  // Once per page: the code stays optimised, and a refreshed list would only pay for a second
  // full scan in one task, right when someone may be typing.
  const practice = () => {
    if (stopped || practised) return;
    practised = true;
    haystacksOf(entries);
    filterIndexed(entries, { ...DEFAULT_FILTERS, text: 'e' }, Date.now());
  };
  const step = () => {
    if (stopped) return;
    const t0 = now();
    while (i < entries.length && now() - t0 < SLICE_MS) {
      const end = Math.min(entries.length, i + 500);
      for (; i < end; i++) haystackOf(entries[i]!);
    }
    if (i < entries.length) schedule(step);
    else schedule(keys);
  };
  schedule(step);
  return () => {
    stopped = true;
  };
}

/**
 * Computes the ascending order of a column ahead of a click (sorted chunks, then pairwise
 * merges), and keeps it where sortIndexed finds it. `done` when kept.
 */
export function warmSort(entries: readonly IndexedToken[], key: SortKey, schedule: Schedule, stopped: () => boolean, done: () => void): void {
  if (knownOrder(entries, key)) return done();
  const before = (a: IndexedToken, b: IndexedToken) => compareRows(sortKeyOf(a, key), a.id, sortKeyOf(b, key), b.id) < 0;
  const CHUNK = 2048;
  const runs: IndexedToken[][] = [];
  let next = 0;
  // The merge in progress: a slice moves at most CHUNK rows, so even the last merge (all the
  // rows) never holds the page for longer than a slice.
  let merging: { a: IndexedToken[]; b: IndexedToken[]; out: IndexedToken[]; i: number; j: number } | null = null;
  const mergeSome = (m: NonNullable<typeof merging>): boolean => {
    const { a, b, out } = m;
    let { i, j } = m;
    const stop = Math.min(out.length, i + j + CHUNK);
    while (i + j < stop) {
      if (j >= b.length || (i < a.length && !before(b[j]!, a[i]!))) out[i + j] = a[i++]!;
      else out[i + j] = b[j++]!;
    }
    m.i = i;
    m.j = j;
    return i + j === out.length;
  };
  const step = () => {
    if (stopped()) return;
    const t0 = now();
    do {
      if (next < entries.length) {
        runs.push(sortAscending(entries.slice(next, next + CHUNK), key));
        next += CHUNK;
      } else if (merging) {
        if (mergeSome(merging)) {
          runs.push(merging.out);
          merging = null;
        }
      } else if (runs.length > 1) {
        const a = runs.shift()!;
        const b = runs.shift()!;
        merging = { a, b, out: new Array<IndexedToken>(a.length + b.length), i: 0, j: 0 };
      } else {
        keepOrder(entries, key, runs[0] ?? []);
        return done();
      }
    } while (now() - t0 < SLICE_MS);
    schedule(step);
  };
  schedule(step);
}
