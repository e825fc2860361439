/**
 * A refresh brings a new list that mostly holds the tokens already shown, unchanged. What the
 * page derived for them (search texts, sort keys, the kept sort orders) is carried over to the
 * new list's entries instead of being computed again for every row: the swap then costs a pass
 * over the list instead of a sort of it, and the first keystroke after it scans search texts
 * that are already there instead of building 100,000 of them.
 *
 * Carried only where the source is the same: a text whose fields differ is built again on first
 * use, and a token whose sort key changed (or that is new) is sorted and merged in, so the
 * result is exactly what computing everything afresh would give.
 */
import { SORT_KEYS, compareRows, type SortKey } from '../../../../common/token-sort';
import { keepOrder, knownOrder, sortAscending } from './sorting';
import { sortKeyOf, textsOf, type IndexedToken } from './token-index';

/** Copies the derived texts of `prev` (the same token in the list before) that `next` would build the same. */
export function carryTexts(prev: IndexedToken, next: IndexedToken): void {
  if (prev.id !== next.id) return;
  const a = textsOf(prev);
  const b = textsOf(next);
  const sameName = a.name === b.name;
  const sameBy = a.byName === b.byName && a.byId === b.byId;
  if (sameName && next.nameKey === undefined) next.nameKey = prev.nameKey;
  if (sameBy && next.createdByKey === undefined) next.createdByKey = prev.createdByKey;
  if (sameName && sameBy && a.description === b.description && next.haystack === undefined) {
    next.haystack = prev.haystack;
    next.chars = prev.chars;
  }
}

/**
 * The ascending order by `key` of the new list, from the old list's ascending order `prevAsc`:
 * the old order is walked once, each token that is still there with the same key keeps its
 * place relative to the others, and only the rest (`added`, and those whose key changed) are
 * sorted and merged in. `nextOf` gives a token's entry in the new list (undefined: gone); every
 * new entry must come either from exactly one old one or from `added`.
 */
export function carryOrder(
  prevAsc: readonly IndexedToken[],
  key: SortKey,
  nextOf: (prev: IndexedToken) => IndexedToken | undefined,
  added: readonly IndexedToken[],
): IndexedToken[] {
  const steps = carryOrderSteps(prevAsc, key, nextOf, added);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** carryOrder a slice at a time: it yields after every STEP old rows walked. */
function* carryOrderSteps(
  prevAsc: readonly IndexedToken[],
  key: SortKey,
  nextOf: (prev: IndexedToken) => IndexedToken | undefined,
  added: readonly IndexedToken[],
): Generator<void, IndexedToken[]> {
  const STEP = 5_000;
  const kept: IndexedToken[] = [];
  const moved: IndexedToken[] = added.slice();
  for (let from = 0; from < prevAsc.length; from += STEP) {
    const to = Math.min(prevAsc.length, from + STEP);
    for (let i = from; i < to; i++) {
      const prev = prevAsc[i]!;
      const next = nextOf(prev);
      if (next === undefined) continue;
      if (sortKeyOf(next, key) === sortKeyOf(prev, key)) kept.push(next);
      else moved.push(next);
    }
    yield;
  }
  if (moved.length === 0) return kept;
  return merge(kept, sortAscending(moved, key), key);
}

function merge(a: readonly IndexedToken[], b: readonly IndexedToken[], key: SortKey): IndexedToken[] {
  const out = new Array<IndexedToken>(a.length + b.length);
  let i = 0;
  let j = 0;
  let w = 0;
  while (j < b.length) {
    const y = b[j]!;
    const ky = sortKeyOf(y, key);
    // Everything in `a` before y goes first (a run, as `b` is short next to `a` in a refresh).
    while (i < a.length && compareRows(sortKeyOf(a[i]!, key), a[i]!.id, ky, y.id) < 0) out[w++] = a[i++]!;
    out[w++] = y;
    j++;
  }
  while (i < a.length) out[w++] = a[i++]!;
  return out;
}

/** Pauses when the slice has run this long. */
const SLICE_MS = 8;
const clock = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * Carries what `prev` (the list on screen) has derived over to `next` (a refresh's list, not
 * shown yet): texts per token, then every kept sort order, with `pause` awaited whenever a
 * slice has run SLICE_MS, so typing goes on meanwhile. Lists with a repeated id carry texts only.
 */
export async function carryOver(prev: readonly IndexedToken[], next: readonly IndexedToken[], pause: () => Promise<void>): Promise<void> {
  if (prev.length === 0 || next.length === 0) return;
  const STEP = 2_000;
  let sliceStart = clock();
  const step = async () => {
    if (clock() - sliceStart < SLICE_MS) return;
    await pause();
    sliceStart = clock();
  };
  const prevById = new Map<string, IndexedToken>();
  // Each old entry's place, and its counterpart in the new list found once by id: the orders
  // below follow these (an identity lookup), not a lookup by id text per row and per order.
  const place = new Map<IndexedToken, number>();
  const successor = new Array<IndexedToken | undefined>(prev.length);
  for (let i = 0; i < prev.length; i++) {
    prevById.set(prev[i]!.id, prev[i]!);
    place.set(prev[i]!, i);
    if (i % STEP === STEP - 1) await step();
  }
  const nextIds = new Set<string>();
  const added: IndexedToken[] = [];
  for (let i = 0; i < next.length; i++) {
    const entry = next[i]!;
    nextIds.add(entry.id);
    const before = prevById.get(entry.id);
    if (before) {
      carryTexts(before, entry);
      successor[place.get(before)!] = entry;
    } else added.push(entry);
    if (i % STEP === STEP - 1) await step();
  }
  if (prevById.size !== prev.length || nextIds.size !== next.length) return;
  for (const key of SORT_KEYS) {
    const asc = knownOrder(prev, key);
    if (!asc || knownOrder(next, key)) continue;
    const steps = carryOrderSteps(asc, key, (p) => successor[place.get(p)!], added);
    for (;;) {
      const s = steps.next();
      if (s.done) {
        keepOrder(next, key, s.value);
        break;
      }
      await step();
    }
  }
}
