/**
 * The compact token table: the token list column by column, with only the fields the app
 * shows, and the account, module and person references written once each and pointed to by
 * index. It is the ONE compact form of the list: the per-connection cache file holds it and
 * `tokens.cached` / `tokens.sync` carry it (packed into one string) to the renderer.
 *
 * Why: at 100,000 tokens the list as objects is ~70 MB of JSON, and every reply passes the
 * dispatch gate (schema check + masking of every string), which took seconds. Columns of
 * primitives are about a fifth of the bytes, parse in tens of milliseconds, and the gate checks
 * one string. Dates are epoch milliseconds when they round-trip exactly (else kept as text).
 *
 * Only data the API sent and the app shows goes in; never a token value (there is no column
 * for it, and free text is masked by the writer: see toTable's `mask`).
 */

/** 2: names and descriptions are indexes into `texts` (1 had the text in every row). */
export const TOKEN_TABLE_VERSION = 2;
/** The `status` column holds the index into this list. */
export const TOKEN_STATUSES = ['Active', 'Disabled', 'Deleted'] as const;
const STATUSES = TOKEN_STATUSES;
type Status = (typeof STATUSES)[number];

/** A time as epoch ms when it round-trips exactly, else the API's text; null: none. */
export type Stamp = number | string | null;

export interface TokenTable {
  v: typeof TOKEN_TABLE_VERSION;
  /** [id, name, type, status, icon] */
  accountRefs: Array<[string, string | null, string | null, string | null, string | null]>;
  /** [id, name, icon] of who created/updated */
  peopleRefs: Array<[string, string | null, string | null]>;
  /** [id, name, description] */
  moduleRefs: Array<[string, string | null, string | null]>;
  /**
   * Each distinct name and description once: lists made by automation repeat a few texts
   * thousands of times (the sandbox's 100,000 tokens have about 300), and every repeat was
   * bytes to write, send and parse, and a string to allocate.
   */
  texts: string[];
  id: string[];
  /** Index into `texts`. */
  name: number[];
  /** Index into `texts`; -1: none. */
  description: number[];
  icon: Array<string | null>;
  status: number[];
  lastAccessAt: Stamp[];
  account: number[];
  modules: number[][];
  createdAt: Stamp[];
  /** -1: not known */
  createdBy: number[];
  updatedAt: Stamp[];
  updatedBy: number[];
  revision: Array<number | null>;
}

/** The token shape the table reads and gives back (ApiToken without its value, structurally). */
export interface TableToken {
  id: string;
  name: string;
  description?: string | null;
  icon?: string | null;
  status: Status;
  lastAccessAt?: string | null;
  account: { id: string; name?: string; type?: string | null; status?: string | null; icon?: string | null };
  modules: Array<{ id: string; name?: string; description?: string | null }>;
  audit?: { created?: { at?: string | null; by?: { id: string; name?: string; icon?: string | null } | null } | null; updated?: { at?: string | null; by?: { id: string; name?: string; icon?: string | null } | null } | null };
  revision?: number;
}

const COLUMNS = ['id', 'name', 'description', 'icon', 'status', 'lastAccessAt', 'account', 'modules', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'revision'] as const;

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;
/** The API's `YYYY-MM-DDTHH:MM:SS.fffZ`: what toISOString gives back, when every part is in range. */
const CANONICAL_ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d\d\dZ$/;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function toStamp(at: string | null | undefined): Stamp {
  if (at === null || at === undefined) return null;
  if (!CANONICAL_ISO.test(at)) return at;
  // Digit math, several times faster than Date.parse / Date.UTC. Only a time that reads back
  // the same becomes a number: out-of-range parts (Feb 30, 10:60) stay text.
  const y = digit(at, 0) * 1000 + digit(at, 1) * 100 + digit(at, 2) * 10 + digit(at, 3);
  const mo = digit(at, 5) * 10 + digit(at, 6);
  const d = digit(at, 8) * 10 + digit(at, 9);
  const h = digit(at, 11) * 10 + digit(at, 12);
  const mi = digit(at, 14) * 10 + digit(at, 15);
  const sec = digit(at, 17) * 10 + digit(at, 18);
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || sec > 59) return at;
  if (d > MONTH_DAYS[mo - 1]! && !(mo === 2 && d === 29 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return at;
  return daysFromCivil(y, mo, d) * DAY_MS + h * 3_600_000 + mi * 60_000 + sec * 1000 + digit(at, 20) * 100 + digit(at, 21) * 10 + digit(at, 22);
}

const DAY_MS = 86_400_000;
/** The character codes of `YYYY-MM-DD` per day number (a list spans a few hundred days); null: not 4 digits. */
const dayCodes = new Map<number, number[] | null>();

function dayCodesOf(day: number): number[] | null {
  let codes = dayCodes.get(day);
  if (codes === undefined) {
    const iso = new Date(day * DAY_MS).toISOString();
    codes = iso.length === 24 ? Array.from(iso.slice(0, 10), (c) => c.charCodeAt(0)) : null;
    if (dayCodes.size > 10_000) dayCodes.clear();
    dayCodes.set(day, codes);
  }
  return codes;
}

/**
 * toISOString for a stamp, several times faster. Built as ONE string from character codes:
 * pieces joined with `+` make a chain of partial strings that is copied again on first read
 * (three dates per token, 100,000 tokens at start: that was most of the garbage).
 */
function fromStamp(s: Stamp | undefined): string | null {
  if (s === null || s === undefined) return null;
  if (typeof s !== 'number') return s;
  const day = Math.floor(s / DAY_MS);
  const d = dayCodesOf(day);
  if (d === null) return new Date(s).toISOString(); // years outside 0000–9999: the slow path
  let r = s - day * DAY_MS;
  const h = Math.floor(r / 3_600_000);
  r -= h * 3_600_000;
  const m = Math.floor(r / 60_000);
  r -= m * 60_000;
  const sec = Math.floor(r / 1000);
  const ms = r - sec * 1000;
  const tens = (n: number) => 48 + Math.floor(n / 10);
  const ones = (n: number) => 48 + (n % 10);
  return String.fromCharCode(
    d[0]!, d[1]!, d[2]!, d[3]!, 45, d[5]!, d[6]!, 45, d[8]!, d[9]!, 84,
    tens(h), ones(h), 58, tens(m), ones(m), 58, tens(sec), ones(sec), 46,
    48 + Math.floor(ms / 100), tens(ms % 100), ones(ms), 90,
  );
}

/**
 * Index of a reference in its table, added on first sight. Looked up by id, then the fields are
 * compared (no key string and no row array built per token: the same few references repeat
 * 100,000 times). Compared as the API sent them; `mask` runs only on a new reference's text
 * (a few hundred calls per list instead of several per token).
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
    t.status[row] = Math.max(0, STATUSES.indexOf(token.status));
    t.lastAccessAt[row] = toStamp(token.lastAccessAt);
    t.account[row] = account(a.id, a.name ?? null, a.type ?? null, a.status ?? null, a.icon ?? null);
    const modules = token.modules ?? [];
    // Rows with the same modules share one (never changed) index list: 100,000 arrays less.
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

/** Builds the table. `mask` is applied to free text (names, descriptions) on its way in. */
export function toTable(tokens: readonly TableToken[], mask: (text: string) => string = (t) => t): TokenTable {
  const t = emptyTable();
  const write = rowWriter(t, mask);
  for (let i = 0; i < tokens.length; i++) write(i, tokens[i]!);
  return t;
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

/** A table of only the given rows, in that order (the references and texts are shared, not copied). */
export function subTable(t: TokenTable, rows: readonly number[]): TokenTable {
  const out: TokenTable = { ...t };
  for (const c of COLUMNS) {
    const col = t[c] as unknown[];
    (out as unknown as Record<string, unknown[]>)[c] = rows.map((i) => col[i]);
  }
  return out;
}

/** How many tokens a (checked) table holds. */
export const tableSize = (t: TokenTable): number => t.id.length;

type ModuleList = TableToken['modules'];

/**
 * A row's modules. Rows with the same modules share one (read-only) list: a list has a few
 * dozen distinct sets, and 100,000 arrays less is much less garbage collection at start.
 */
function modulesOf(indexes: number[] | undefined, refs: TableRefs): ModuleList {
  if (!indexes || indexes.length === 0) return refs.noModules;
  // Key: the indexes as one number while that is exact, else as text.
  let key: number | string = 0;
  const base = refs.modules.length + 1;
  for (let k = 0; k < indexes.length; k++) key = key * base + indexes[k]! + 1;
  if (!Number.isSafeInteger(key)) key = indexes.join(',');
  let list = refs.moduleSets.get(key);
  if (!list) {
    list = [];
    for (let k = 0; k < indexes.length; k++) {
      const m = refs.modules[indexes[k]!];
      if (m) list.push(m);
    }
    refs.moduleSets.set(key, list);
  }
  return list;
}

/** Row `i` as a token; references are shared objects (treat them as read-only). */
export function rowOf(t: TokenTable, i: number, refs: TableRefs = tableRefs(t)): TableToken {
  const token: TableToken = {
    id: t.id[i] as string,
    name: t.texts[t.name[i] as number] as string,
    description: t.texts[t.description[i] as number] ?? null,
    icon: t.icon[i] ?? null,
    status: STATUSES[t.status[i] as number] ?? 'Active',
    lastAccessAt: fromStamp(t.lastAccessAt[i]),
    account: refs.accounts[t.account[i] as number] ?? { id: '' },
    modules: modulesOf(t.modules[i], refs),
  };
  const createdAt = t.createdAt[i];
  const updatedAt = t.updatedAt[i];
  const audit: NonNullable<TableToken['audit']> = {};
  if (createdAt != null || (t.createdBy[i] ?? -1) >= 0) audit.created = { at: fromStamp(createdAt), by: refs.people[t.createdBy[i] as number] ?? null };
  if (updatedAt != null || (t.updatedBy[i] ?? -1) >= 0) audit.updated = { at: fromStamp(updatedAt), by: refs.people[t.updatedBy[i] as number] ?? null };
  if (audit.created || audit.updated) token.audit = audit;
  const revision = t.revision[i];
  if (revision != null) token.revision = revision;
  return token;
}

/**
 * The reference tables as objects, built once per expansion. A reference's null and absent
 * fields read the same in the app, so both come back absent.
 */
export interface TableRefs {
  accounts: Array<TableToken['account']>;
  people: Array<{ id: string; name?: string }>;
  modules: ModuleList;
  moduleSets: Map<number | string, ModuleList>;
  noModules: ModuleList;
}

export function tableRefs(t: TokenTable): TableRefs {
  return {
    moduleSets: new Map(),
    noModules: [],
    accounts: t.accountRefs.map(([id, name, type, status, icon]) => present({ id, name, type, status, icon }) as TableToken['account']),
    people: t.peopleRefs.map(([id, name, icon]) => present({ id, name, icon }) as { id: string; name?: string }),
    modules: t.moduleRefs.map(([id, name, description]) => present({ id, name, description }) as TableToken['modules'][number]),
  };
}

function present(o: Record<string, unknown>): Record<string, unknown> {
  for (const k of Object.keys(o)) if (o[k] === null) delete o[k];
  return o;
}

/** Every row as a token. */
export function fromTable(t: TokenTable): TableToken[] {
  const refs = tableRefs(t);
  const out = new Array<TableToken>(tableSize(t));
  for (let i = 0; i < out.length; i++) out[i] = rowOf(t, i, refs);
  return out;
}

/**
 * A table read from disk or the wire, checked without walking every value: the version, that
 * every column is an array of the same length, and the reference tables. Returns why not.
 */
export function checkTable(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return 'not an object';
  const t = value as Record<string, unknown>;
  if (t.v !== TOKEN_TABLE_VERSION) return `version ${String(t.v)} is not ${TOKEN_TABLE_VERSION}`;
  for (const refs of ['accountRefs', 'peopleRefs', 'moduleRefs']) {
    const r = t[refs];
    if (!Array.isArray(r) || !r.every((x) => Array.isArray(x) && typeof x[0] === 'string')) return `${refs} is not a list of references`;
  }
  const texts = t.texts;
  if (!Array.isArray(texts) || !texts.every((x) => typeof x === 'string')) return 'texts is not a list of texts';
  const n = Array.isArray(t.id) ? t.id.length : -1;
  for (const c of COLUMNS) {
    const col = t[c];
    if (!Array.isArray(col) || col.length !== n) return `column ${c} does not have ${n} rows`;
  }
  // Every text index (a wrong one would be a row without a name): plain integer compares, cheap.
  const name = t.name as unknown[];
  const description = t.description as unknown[];
  for (let i = 0; i < n; i++) {
    if (!Number.isInteger(name[i]) || (name[i] as number) < 0 || (name[i] as number) >= texts.length) return `row ${i} has no name`;
    if (!Number.isInteger(description[i]) || (description[i] as number) < -1 || (description[i] as number) >= texts.length) return `row ${i} has a wrong description`;
  }
  // Spot-check the first and last rows' types: cheap, and catches a column of the wrong kind.
  for (const i of n > 0 ? [0, n - 1] : []) {
    if (typeof (t.id as unknown[])[i] !== 'string') return `row ${i} has no id`;
    if (typeof (t.status as unknown[])[i] !== 'number' || !Array.isArray((t.modules as unknown[])[i])) return `row ${i} is malformed`;
  }
  return undefined;
}
