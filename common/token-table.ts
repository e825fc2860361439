/**
 * The compact token table: the token list column by column, with only the fields the app
 * shows, and the account, module and person references written once each and pointed to by
 * index. It is the ONE compact form of the list: the per-connection cache file holds it and
 * `tokens.cached` / `tokens.sync` carry it (packed into one string) to the renderer.
 *
 * Why: a big list as objects is many times the bytes, and every reply passes the dispatch gate
 * (schema check + masking of every string), string by string. Columns of primitives are a
 * fraction of the bytes, parse fast, and the gate checks one string. Dates are epoch
 * milliseconds when they round-trip exactly (else kept as text).
 *
 * This file holds the format, its time stamps and its check; token-table-write.ts builds and
 * patches tables, token-table-read.ts gives rows back as tokens.
 *
 * Only data the API sent and the app shows goes in; never a token value (there is no column
 * for it, and free text is masked by the writer: see toTable's `mask`).
 */
import { exactIsoMs, formatIso, parseIso } from './dates';

/** Raised with every change of layout: a table of another version is refused (checkTable) and rebuilt. */
export const TOKEN_TABLE_VERSION = 2;
/** The `status` column holds the index into this list. */
export const TOKEN_STATUSES = ['Active', 'Disabled', 'Deleted'] as const;
type Status = (typeof TOKEN_STATUSES)[number];

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
   * thousands of times, and every repeat would be bytes to write, send and parse, and a string
   * to allocate.
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

export const COLUMNS = ['id', 'name', 'description', 'icon', 'status', 'lastAccessAt', 'account', 'modules', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'revision'] as const;

/** A time from the API as a stamp: a number only when it reads back as the very same text. */
export function toStamp(at: string | null | undefined): Stamp {
  if (at === null || at === undefined) return null;
  return exactIsoMs(at) ?? at;
}

/** A stamp back as the API's text. */
export function fromStamp(s: Stamp | undefined): string | null {
  if (s === null || s === undefined) return null;
  return typeof s === 'number' ? formatIso(s) : s;
}

/** A stamp as epoch ms (the text of a stamp that is not a number is parsed); null: none. */
export const stampMs = (s: Stamp | undefined): number | null => (typeof s === 'number' ? s : parseIso(s));

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
