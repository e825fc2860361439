/**
 * Writing the compact token table (token-table.ts): a whole list, or a patch of changed and
 * removed tokens over a table. References and texts are interned so each is stored once.
 */
import { COLUMNS, TOKEN_STATUSES, TOKEN_TABLE_VERSION, toStamp, type TableToken, type TokenTable } from './token-table';

/**
 * Index of a reference in its table, added on first sight. Looked up by id, then the fields are
 * compared (no key string and no row array built per token: the same few references repeat on
 * every row). Compared as the API sent them; `mask` runs only on a new reference's text, once
 * per reference instead of several times per token.
 */
function interner(rows: Array<Array<string | null>>, width: 3 | 5, maskAt: readonly number[], mask: (text: string) => string) {
  const byId = new Map<string, Array<{ row: number; raw: Array<string | null> }>>();
  const add = (raw: Array<string | null>, stored: Array<string | null>): number => {
    const row = rows.length;
    rows.push(stored);
    const seen = byId.get(raw[0]!);
    if (seen) seen.push({ row, raw });
    else byId.set(raw[0]!, [{ row, raw }]);
    return row;
  };
  const find = (id: string, a: string | null, b: string | null, c: string | null, d: string | null): number => {
    const seen = byId.get(id);
    if (seen) {
      for (let k = 0; k < seen.length; k++) {
        const r = seen[k]!.raw;
        if (r[1] === a && r[2] === b && (width === 3 || (r[3] === c && r[4] === d))) return seen[k]!.row;
      }
    }
    const raw = width === 3 ? [id, a, b] : [id, a, b, c, d];
    const stored = raw.slice();
    for (const i of maskAt) if (stored[i] != null) stored[i] = mask(stored[i]!);
    return add(raw, stored);
  };
  // A table that already has references (a patch): index them first, as stored.
  const existing = rows.splice(0);
  for (const r of existing) add(r, r);
  return find;
}

const emptyTable = (): TokenTable => ({
  v: TOKEN_TABLE_VERSION,
  accountRefs: [],
  peopleRefs: [],
  moduleRefs: [],
  texts: [],
  id: [],
  name: [],
  description: [],
  icon: [],
  status: [],
  lastAccessAt: [],
  account: [],
  modules: [],
  createdAt: [],
  createdBy: [],
  updatedAt: [],
  updatedBy: [],
  revision: [],
});

/** Writes tokens into a table's rows (row = its index, or appended), interning references. */
function rowWriter(t: TokenTable, mask: (text: string) => string) {
  const account = interner(t.accountRefs as Array<Array<string | null>>, 5, [1], mask);
  const person = interner(t.peopleRefs as Array<Array<string | null>>, 3, [1], mask);
  const module = interner(t.moduleRefs as Array<Array<string | null>>, 3, [1, 2], mask);
  const moduleSets = new Map<number | string, number[]>();
  // By the text as the API sent it: `mask` runs once per distinct text, not once per row. (A
  // patch's stored texts are masked already, and masking is idempotent: they key as themselves.)
  const textIndex = new Map<string, number>();
  t.texts.forEach((text, i) => textIndex.set(text, i));
  const text = (raw: string): number => {
    let i = textIndex.get(raw);
    if (i === undefined) {
      i = t.texts.length;
      t.texts.push(mask(raw));
      textIndex.set(raw, i);
    }
    return i;
  };
  const personOf = (by: { id: string; name?: string; icon?: string | null } | null | undefined) => (by ? person(by.id, by.name ?? null, by.icon ?? null, null, null) : -1);
  return (row: number, token: TableToken): void => {
    const a = token.account;
    const audit = token.audit;
    t.id[row] = token.id;
    t.name[row] = text(token.name);
    t.description[row] = token.description == null ? -1 : text(token.description);
    t.icon[row] = token.icon ?? null;
    t.status[row] = Math.max(0, TOKEN_STATUSES.indexOf(token.status));
    t.lastAccessAt[row] = toStamp(token.lastAccessAt);
    t.account[row] = account(a.id, a.name ?? null, a.type ?? null, a.status ?? null, a.icon ?? null);
    const modules = token.modules ?? [];
    // Rows with the same modules share one (never changed) index list: no array per row.
    let key: number | string = 0;
    for (let k = 0; k < modules.length; k++) {
      const m = modules[k]!;
      const index = module(m.id, m.name ?? null, m.description ?? null, null, null);
      key = typeof key === 'number' && index < 4096 && key < 2 ** 40 ? key * 4097 + index + 1 : `${key},${index}`;
    }
    let indexes = moduleSets.get(key);
    if (!indexes) {
      indexes = modules.map((m) => module(m.id, m.name ?? null, m.description ?? null, null, null));
      moduleSets.set(key, indexes);
    }
    t.modules[row] = indexes;
    t.createdAt[row] = toStamp(audit?.created?.at);
    t.createdBy[row] = personOf(audit?.created?.by);
    t.updatedAt[row] = toStamp(audit?.updated?.at);
    t.updatedBy[row] = personOf(audit?.updated?.by);
    t.revision[row] = token.revision ?? null;
  };
}

/** A table built a batch of tokens at a time (a page as it arrives), in the order given. */
export interface TableBuilder {
  add(tokens: readonly TableToken[]): void;
  readonly table: TokenTable;
}

/**
 * A table filled page by page: each page's tokens become rows as the page arrives, so a whole
 * list never exists as objects at once and no pass over it is left for the end of a sync.
 */
export function tableBuilder(mask: (text: string) => string = (t) => t): TableBuilder {
  const table = emptyTable();
  const write = rowWriter(table, mask);
  return {
    table,
    add(tokens) {
      let row = table.id.length;
      for (let i = 0; i < tokens.length; i++) write(row++, tokens[i]!);
    },
  };
}

/** Builds the table. `mask` is applied to free text (names, descriptions) on its way in. */
export function toTable(tokens: readonly TableToken[], mask: (text: string) => string = (t) => t): TokenTable {
  const builder = tableBuilder(mask);
  builder.add(tokens);
  return builder.table;
}

/**
 * A new table: `table` with `changed` tokens written over their rows (or appended) and the
 * `removed` ids left out. Costs O(changes) unless something is removed (then a copy of each
 * column, still no objects per row).
 */
export function patchTable(table: TokenTable, changed: readonly TableToken[], removed: readonly string[], mask: (text: string) => string = (t) => t): TokenTable {
  const t: TokenTable = { ...table, accountRefs: [...table.accountRefs], peopleRefs: [...table.peopleRefs], moduleRefs: [...table.moduleRefs], texts: [...table.texts] };
  for (const c of COLUMNS) (t as unknown as Record<string, unknown[]>)[c] = [...(table[c] as unknown[])];
  if (removed.length > 0) {
    const gone = new Set(removed);
    const keep: number[] = [];
    for (let i = 0; i < t.id.length; i++) if (!gone.has(t.id[i]!)) keep.push(i);
    for (const c of COLUMNS) {
      const col = (t as unknown as Record<string, unknown[]>)[c]!;
      (t as unknown as Record<string, unknown[]>)[c] = keep.map((i) => col[i]);
    }
  }
  const rowOfId = new Map<string, number>();
  t.id.forEach((id, i) => rowOfId.set(id, i));
  const write = rowWriter(t, mask);
  for (const token of changed) {
    let row = rowOfId.get(token.id);
    if (row === undefined) rowOfId.set(token.id, (row = t.id.length));
    write(row, token);
  }
  return t;
}
