/**
 * A packed list's rows as the page holds them: an entry per token from the table's columns (what
 * the default sort and the row count need), and each token's view built the first time something
 * reads it. The table draws the rows on screen, so a 100,000-token list is shown after building
 * a few dozen views; the rest are built by whoever needs them (a filter on status or module, a
 * find by id) and kept. The search texts and the text sorts read the columns (`texts`), not views.
 *
 * `tokens` is an array to every reader (length, indexes, find, map, slice …) whose items are
 * the entries' views, in the entries' order: `entries[i].token === tokens[i]` as for any list.
 */
import type { TokenView } from '../../../../common/contract';
import { viewOf, type ReadList } from '../../../../common/token-list-wire';
import { tableRefs, type TableRefs } from '../../../../common/token-table-read';
import { stampMs, tableSize } from '../../../../common/token-table';
import { timeKey } from '../../../../common/token-sort';
import { textsOfView, type IndexedToken, type TokenTexts } from './token-index';

interface Source {
  list: ReadList;
  refs: TableRefs;
}

class LazyEntry implements IndexedToken {
  haystack: string | undefined = undefined;
  chars: number | undefined = undefined;
  nameKey: string | undefined = undefined;
  createdByKey: string | undefined = undefined;
  #view: TokenView | undefined = undefined;

  constructor(
    private readonly source: Source,
    private readonly row: number,
    readonly id: string,
    public createdAt: number,
    public lastAccess: number | null,
  ) {}

  get token(): TokenView {
    return (this.#view ??= viewOf(this.source.list, this.row, this.source.refs));
  }

  /** As rowOf (common/token-table-read.ts) reads them into the view. */
  texts(): TokenTexts {
    if (this.#view) return textsOfView(this.#view);
    const t = this.source.list.table;
    const i = this.row;
    const by = this.source.refs.people[t.createdBy[i] as number];
    return { name: t.texts[t.name[i] as number] as string, description: t.texts[t.description[i] as number] ?? null, byName: by?.name, byId: by?.id };
  }
}

/** The lists made here, with what they were read from (modulesInUse reads the modules column instead of every view). */
const sources = new WeakMap<readonly TokenView[], ReadList>();

/** The read list behind `tokens`, when lazyRows made it. */
export const lazySourceOf = (tokens: readonly TokenView[]): ReadList | undefined => sources.get(tokens);

export interface LazyRows {
  tokens: TokenView[];
  entries: IndexedToken[];
}

/**
 * The rows of `list`, `from` up to `to` (default: all) entries at a time through `more` (a big
 * refresh builds its entries in slices between the page's other work); the rows are whole once
 * `more` returns false.
 */
export function lazyRowsBuilder(list: ReadList): { more(count: number): boolean; rows(): LazyRows } {
  const source: Source = { list, refs: tableRefs(list.table) };
  const n = tableSize(list.table);
  const { id: ids, createdAt, lastAccessAt } = list.table;
  const entries = new Array<IndexedToken>(n);
  let built = 0;
  return {
    more(count) {
      const end = Math.min(n, built + count);
      for (let i = built; i < end; i++) entries[i] = new LazyEntry(source, i, ids[i]!, timeKey(stampMs(createdAt[i])), stampMs(lastAccessAt[i]));
      built = end;
      return built < n;
    },
    rows() {
      if (built < n) throw new Error('lazyRowsBuilder: rows() before every entry was built');
      const tokens = tokensOf(entries);
      sources.set(tokens, list);
      return { tokens, entries };
    },
  };
}

/** Every row of `list` at once. */
export function lazyRows(list: ReadList): LazyRows {
  const builder = lazyRowsBuilder(list);
  builder.more(Number.MAX_SAFE_INTEGER);
  return builder.rows();
}

/** An array whose item i is entries[i].token, read when asked for. */
function tokensOf(entries: readonly IndexedToken[]): TokenView[] {
  // Filled (not holes): an array method asks whether an index is there before it reads it.
  const target = new Array<TokenView | undefined>(entries.length).fill(undefined) as TokenView[];
  return new Proxy(target, {
    get(array, key, receiver) {
      if (typeof key === 'string') {
        const c = key.charCodeAt(0);
        if (c >= 48 && c <= 57) {
          const i = Number(key);
          if (Number.isInteger(i) && i < entries.length) return entries[i]!.token;
        }
      }
      return Reflect.get(array, key, receiver);
    },
    set() {
      // The list is replaced, never changed in place (the store's updates copy it).
      return false;
    },
  });
}
