/**
 * The token table's filters: status, module, "unused", last access (the Overview's spans, rule in
 * common/last-access.ts), and free text over name, id, description
 * and creator. A keystroke only runs a substring test over precomputed lowercase texts
 * (token-index.ts haystackOf), in the already sorted order (sorting.ts), and a search box
 * narrows its last result instead of scanning the whole list again (createFilterCache).
 */
import type { TokenView } from '../../../../common/contract';
import { DEFAULT_STALE_DAYS, isStale, matchesLastAccess, type LastAccessFilter } from '../../../../common/last-access';
import { haystackOf, type IndexedToken } from './token-index';
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

/** A text search scans the list's kept haystacks when it has them (haystacksOf, and every text search's result). */
export function filterIndexed(sorted: readonly IndexedToken[], filters: TokenFilters, now: number): IndexedToken[] {
  if (!hasActiveFilters(filters)) return sorted as IndexedToken[];
  const terms = filters.text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (filters.status === 'all' && !filters.moduleId && !filters.unused && !filters.lastAccess) return matchText(sorted, haystackLists.get(sorted), terms);
  const out: IndexedToken[] = [];
  for (const entry of sorted) {
    if (filters.status !== 'all' && entry.token.status !== filters.status) continue;
    if (filters.moduleId && !entry.token.modules.some((m) => m.id === filters.moduleId)) continue;
    if (filters.unused && !isUnused(entry, now)) continue;
    if (filters.lastAccess && !matchesLastAccess(filters.lastAccess, entry.lastAccess, now)) continue;
    if (hasTerms(haystackOf(entry), terms)) out.push(entry);
  }
  return out;
}

function hasTerms(haystack: string, terms: readonly string[]): boolean {
  for (let k = 0; k < terms.length; k++) if (!haystack.includes(terms[k]!)) return false;
  return true;
}

const haystackLists = new WeakMap<readonly IndexedToken[], string[]>();

/**
 * A list's search texts as one array in its order, kept per list: the whole sorted list is
 * scanned again on every first letter typed, and a flat array of strings scans about twice as
 * fast as reaching each through its entry.
 */
export function haystacksOf(list: readonly IndexedToken[]): string[] {
  let hay = haystackLists.get(list);
  if (!hay) {
    hay = new Array<string>(list.length);
    for (let i = 0; i < list.length; i++) hay[i] = haystackOf(list[i]!);
    haystackLists.set(list, hay);
  }
  return hay;
}

/** Text search alone (the usual case while typing). The result keeps its haystacks too: the next keystroke narrows it. */
function matchText(list: readonly IndexedToken[], hay: readonly string[] | undefined, terms: readonly string[]): IndexedToken[] {
  const out: IndexedToken[] = [];
  const outHay: string[] = [];
  for (let i = 0; i < list.length; i++) {
    const h = hay ? hay[i]! : haystackOf(list[i]!);
    if (hasTerms(h, terms)) {
      out.push(list[i]!);
      outHay.push(h);
    }
  }
  haystackLists.set(out, outHay);
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
