/**
 * The token table's filters: status, module, "unused", last access (the Overview's spans, rule in
 * common/last-access.ts), and free text over name, id, description
 * and creator. A keystroke only runs a substring test over precomputed lowercase texts
 * (token-index.ts haystackOf), in the already sorted order (sorting.ts), and a search box
 * narrows its last result instead of scanning the whole list again (createFilterCache).
 */
import type { TokenView } from '../../../../common/contract';
import { DEFAULT_STALE_DAYS, isStale, matchesLastAccess, type LastAccessFilter } from '../../../../common/last-access';
import { bitsAnswer, charBits, charsOf, haystackOf, type IndexedToken } from './token-index';
import { lazySourceOf } from './lazy-rows';

export type StatusFilter = 'all' | 'Active' | 'Disabled';
export interface TokenFilters {
  text: string;
  status: StatusFilter;
  /** '' = any module. */
  moduleId: string;
  /** Only tokens never used or not used for 90+ days. */
  unused: boolean;
  /** Only tokens last used in this span ('' = any): what an Overview bar opens the table on. */
  lastAccess: LastAccessFilter;
}

export const DEFAULT_FILTERS: TokenFilters = { text: '', status: 'all', moduleId: '', unused: false, lastAccess: '' };
export const UNUSED_DAYS = DEFAULT_STALE_DAYS;

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export function isUnused(entry: IndexedToken, now: number): boolean {
  return isStale(entry.lastAccess, now, UNUSED_DAYS);
}

export function hasActiveFilters(filters: TokenFilters): boolean {
  return filters.text.trim() !== '' || filters.status !== 'all' || filters.moduleId !== '' || filters.unused || filters.lastAccess !== '';
}

/** A text search scans the list's kept search texts when it has them (haystacksOf, and every text search's result). */
export function filterIndexed(sorted: readonly IndexedToken[], filters: TokenFilters, now: number): IndexedToken[] {
  if (!hasActiveFilters(filters)) return sorted as IndexedToken[];
  const terms = filters.text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (filters.status === 'all' && !filters.moduleId && !filters.unused && !filters.lastAccess) return matchText(sorted, texts.get(sorted), terms);
  const need = termBits(terms);
  const out: IndexedToken[] = [];
  for (const entry of sorted) {
    if (filters.status !== 'all' && entry.token.status !== filters.status) continue;
    if (filters.moduleId && !entry.token.modules.some((m) => m.id === filters.moduleId)) continue;
    if (filters.unused && !isUnused(entry, now)) continue;
    if (filters.lastAccess && !matchesLastAccess(filters.lastAccess, entry.lastAccess, now)) continue;
    if ((charsOf(entry) & need) === need && hasTerms(haystackOf(entry), terms)) out.push(entry);
  }
  return out;
}

function hasTerms(haystack: string, terms: readonly string[]): boolean {
  for (let k = 0; k < terms.length; k++) if (!haystack.includes(terms[k]!)) return false;
  return true;
}

const termBits = (terms: readonly string[]): number => charBits(terms.join(''));

/** A list's search texts and their charBits, each as one array in the list's order. */
interface ListTexts {
  hay: string[];
  bits: number[];
}

const texts = new WeakMap<readonly IndexedToken[], ListTexts>();

/**
 * A list's search texts, kept per list: the whole sorted list is scanned again on every first
 * letter typed, and flat arrays scan about twice as fast as reaching each text through its entry.
 */
export function haystacksOf(list: readonly IndexedToken[]): string[] {
  let kept = texts.get(list);
  if (!kept) {
    kept = { hay: new Array<string>(list.length), bits: new Array<number>(list.length) };
    for (let i = 0; i < list.length; i++) {
      kept.hay[i] = haystackOf(list[i]!);
      kept.bits[i] = list[i]!.chars!;
    }
    texts.set(list, kept);
  }
  return kept.hay;
}

/**
 * Text search alone (the usual case while typing). A row's charBits rule most rows out without
 * reading their text, and answer a single letter alone. The result keeps its texts too: the
 * next keystroke narrows it.
 */
function matchText(list: readonly IndexedToken[], kept: ListTexts | undefined, terms: readonly string[]): IndexedToken[] {
  const need = termBits(terms);
  const byBits = terms.length === 1 && bitsAnswer(terms[0]!);
  const out: IndexedToken[] = [];
  const outHay: string[] = [];
  const outBits: number[] = [];
  for (let i = 0; i < list.length; i++) {
    const bits = kept ? kept.bits[i]! : charsOf(list[i]!);
    if ((bits & need) !== need) continue;
    const h = kept ? kept.hay[i]! : haystackOf(list[i]!);
    if (byBits || hasTerms(h, terms)) {
      out.push(list[i]!);
      outHay.push(h);
      outBits.push(bits);
    }
  }
  texts.set(out, { hay: outHay, bits: outBits });
  return out;
}

/** The modules that appear on the tokens, for the module filter (id → name). */
export function modulesInUse(tokens: readonly TokenView[]): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  const source = lazySourceOf(tokens);
  if (source) {
    // A packed list's modules column, not every row's view (most are not built yet).
    const { modules, moduleRefs } = source.table;
    const used = new Set<number>();
    for (const list of modules) if (list) for (const k of list) used.add(k);
    for (const k of used) {
      const ref = moduleRefs[k];
      if (ref && !seen.has(ref[0])) seen.set(ref[0], ref[1] ?? ref[0]);
    }
    return sorted(seen);
  }
  // An unpacked list shares one module list among the rows with the same modules: each is walked once.
  const lists = new Set<TokenView['modules']>();
  for (const token of tokens) {
    if (lists.has(token.modules)) continue;
    lists.add(token.modules);
    for (const m of token.modules) if (!seen.has(m.id)) seen.set(m.id, m.name ?? m.id);
  }
  return sorted(seen);
}

const sorted = (modules: ReadonlyMap<string, string>) => [...modules].map(([id, name]) => ({ id, name })).sort((a, b) => collator.compare(a.name, b.name));

/**
 * filterIndexed with memory, for a search box: typing on narrows the last result (a longer text
 * can only match rows the shorter one matched), and deleting back finds the result the shorter
 * text had a moment ago, so neither scans the whole list. Forgotten when the list, the other
 * filters, or (for "unused" and last access) the minute changes.
 */
export function createFilterCache() {
  const RECENT = 32;
  let context: { sorted: readonly IndexedToken[]; status: StatusFilter; moduleId: string; unused: boolean; lastAccess: LastAccessFilter; now: number } | null = null;
  /** By normalised search text, oldest first. */
  const recent = new Map<string, IndexedToken[]>();
  let last: { text: string; result: IndexedToken[] } | null = null;
  return (sorted: readonly IndexedToken[], filters: TokenFilters, now: number): IndexedToken[] => {
    const same =
      context !== null &&
      context.sorted === sorted &&
      context.status === filters.status &&
      context.moduleId === filters.moduleId &&
      context.unused === filters.unused &&
      context.lastAccess === filters.lastAccess &&
      ((!filters.unused && !filters.lastAccess) || Math.abs(now - context.now) < 60_000);
    if (!same) {
      recent.clear();
      last = null;
      context = { sorted, status: filters.status, moduleId: filters.moduleId, unused: filters.unused, lastAccess: filters.lastAccess, now };
    }
    const text = filters.text.trim().toLowerCase();
    let result = recent.get(text);
    if (result) {
      recent.delete(text);
    } else {
      // Every old term is inside some new term when the old text is inside the new one.
      const narrow = last !== null && last.text !== '' && text.includes(last.text);
      if (!narrow && text !== '') haystacksOf(sorted);
      result = filterIndexed(narrow ? last!.result : sorted, filters, now);
      if (recent.size >= RECENT) recent.delete(recent.keys().next().value!);
    }
    recent.set(text, result);
    last = { text, result };
    return result;
  };
}
