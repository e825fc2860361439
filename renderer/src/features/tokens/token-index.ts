/**
 * The token list as the page searches and sorts it: one entry per token beside the token, with
 * what a search and a sort read from it. Work per list change is one pass (an entry per token;
 * the tokens store keeps the entries beside the tokens, so an optimistic update of one token
 * re-indexes one token); everything else in an entry is built on first use.
 *
 * Name and creator sort by a folded key computed once per row and compared with `<`, not by a
 * collator called for every comparison, which is what a big list cannot afford. The folded key
 * gives the order people expect from a collator set to base sensitivity and numeric: case and
 * accents do not matter ("é" = "e"), digit runs compare as numbers ("Robot 2" before "Robot 10").
 */
import type { TokenView } from '../../../../common/contract';
import { parseIso } from '../../../../common/dates';
import type { UnpackedList } from '../../../../common/token-list-wire';
import { statusKey, timeKey, type RowKey, type SortKey } from '../../../../common/token-sort';
import { stampMs } from '../../../../common/token-table';

export interface IndexedToken {
  /** The token's id (the sort's tiebreak, the table's row key): readable without its view. */
  readonly id: string;
  token: TokenView;
  /**
   * The texts of `token` that a search and the text sorts read, when the entry can give them
   * without building its view (a list read from a table: lazy-rows.ts); else they are read from
   * the view.
   */
  texts?(): TokenTexts;
  /** Lowercase search text; built on first use (see `haystackOf`), not at indexing time. */
  haystack: string | undefined;
  /** charBits of the haystack, built with it. */
  chars: number | undefined;
  /** Sort keys for name and creator; built on first sort by them. */
  nameKey: string | undefined;
  createdByKey: string | undefined;
  createdAt: number;
  /** null = never used. */
  lastAccess: number | null;
}

export interface TokenTexts {
  name: string;
  description: string | null | undefined;
  /** The creator's name and id. */
  byName: string | undefined;
  byId: string | undefined;
}

export function textsOfView(token: TokenView): TokenTexts {
  const by = token.audit?.created?.by;
  return { name: token.name, description: token.description, byName: by?.name, byId: by?.id };
}

export const textsOf = (e: IndexedToken): TokenTexts => (e.texts ? e.texts() : textsOfView(e.token));

/** Indexing does only what the default sort needs; the rest is built lazily. */
export function indexToken(token: TokenView): IndexedToken {
  return entryOf(token, parseIso(token.audit?.created?.at), parseIso(token.lastAccessAt));
}

function entryOf(token: TokenView, createdAt: number | null, lastAccess: number | null): IndexedToken {
  return { id: token.id, token, haystack: undefined, chars: undefined, nameKey: undefined, createdByKey: undefined, createdAt: timeKey(createdAt), lastAccess };
}

export function indexTokens(tokens: readonly TokenView[]): IndexedToken[] {
  return tokens.map(indexToken);
}

/**
 * The entries of an unpacked list: its times are read from the table's columns (already numbers),
 * not parsed again from the views' text. `rows`: the table row of each token, when not all.
 */
export function indexUnpacked({ tokens, table }: UnpackedList, rows?: readonly number[]): IndexedToken[] {
  const out = new Array<IndexedToken>(tokens.length);
  for (let k = 0; k < tokens.length; k++) {
    const i = rows ? rows[k]! : k;
    out[k] = entryOf(tokens[k]!, stampMs(table.createdAt[i]), stampMs(table.lastAccessAt[i]));
  }
  return out;
}

const NON_ASCII = /[^ -~]/; // anything outside printable ASCII may need accents removed
const MARKS = /[\u0300-\u036f]/g;
const DIGITS = /\d+/g;
/** Digit runs become fixed width (numbers then compare as numbers), leading zeros kept as a tiebreak. */
const padRun = (run: string) => (run.length >= 16 ? run : '0'.repeat(16 - run.length) + run);

/** The folded sort key of a text (see the top of this file). */
export function foldKey(text: string): string {
  let k = text.toLowerCase();
  if (NON_ASCII.test(k)) k = k.normalize('NFD').replace(MARKS, '');
  DIGITS.lastIndex = 0;
  return DIGITS.test(k) ? k.replace(DIGITS, padRun) : k;
}

export function nameKeyOf(e: IndexedToken): string {
  return (e.nameKey ??= foldKey(textsOf(e).name));
}

export function createdByKeyOf(e: IndexedToken): string {
  if (e.createdByKey === undefined) {
    const { byName, byId } = textsOf(e);
    e.createdByKey = foldKey(byName ?? byId ?? '');
  }
  return e.createdByKey;
}

/** An entry's key for a sort (common/token-sort.ts orders the keys). */
export function sortKeyOf(e: IndexedToken, key: SortKey): RowKey {
  switch (key) {
    case 'name':
      return nameKeyOf(e);
    case 'modules':
      return e.token.modules.length;
    case 'createdBy':
      return createdByKeyOf(e);
    case 'createdAt':
      return e.createdAt;
    case 'lastAccess':
      return timeKey(e.lastAccess);
    case 'status':
      return statusKey(e.token.status);
  }
}

/** Free text covers name, id, description and creator (name and id). */
export function haystackOf(entry: IndexedToken): string {
  let h = entry.haystack;
  if (h === undefined || entry.chars === undefined) {
    const t = textsOf(entry);
    h = `${t.name}\n${entry.id}\n${t.description ?? ''}\n${t.byName ?? ''}\n${t.byId ?? ''}`.toLowerCase();
    entry.haystack = h;
    entry.chars = charBits(h);
  }
  return h;
}

/** The search text's charBits (built with the haystack). */
export function charsOf(entry: IndexedToken): number {
  haystackOf(entry);
  return entry.chars!;
}

const A = 97;
const DIGIT_BIT = 26;
const OTHER_BIT = 30;

/**
 * Which characters a lowercase text holds, as bits: one per letter a–z, digits four to a bit,
 * every other character one bit. A text can hold a search term only if it has all of the
 * term's bits, so a search skips most rows without reading their text; for a term of one letter
 * the bits are the whole answer.
 */
export function charBits(text: string): number {
  let bits = 0;
  for (let i = 0; i < text.length; i++) bits |= charBit(text.charCodeAt(i));
  return bits;
}

function charBit(c: number): number {
  if (c >= A && c <= 122) return 1 << (c - A);
  if (c >= 48 && c <= 57) return 1 << (DIGIT_BIT + ((c - 48) >> 2));
  return 1 << OTHER_BIT;
}

/** Whether charBits alone answers whether a text holds `term` (a single letter). */
export const bitsAnswer = (term: string): boolean => term.length === 1 && term.charCodeAt(0) >= A && term.charCodeAt(0) <= 122;
