/**
 * The token list on its way to the renderer as ONE string (`TokenList.packed`): the compact
 * table (token-table.ts) plus what main knows locally (a value in the keychain, rotation links).
 * A string, because the dispatch gate checks and masks every value of a reply: one string is
 * one check, where a big list of objects would be a check per field. Main packs, the renderer
 * unpacks; nothing else.
 */
import type { TokenView } from './contract';
import { checkTable, COLUMNS, tableSize, type TokenTable } from './token-table';
import { rowOf, tableRefs, type TableRefs } from './token-table-read';

interface PackedList {
  table: TokenTable;
  /** '1' where a value is in the keychain, per row. */
  hasValue: string;
  replacedBy: Record<string, string>;
  replaces: Record<string, string>;
}

export interface LocalFacts {
  valueIds: ReadonlySet<string>;
  replacedBy: ReadonlyMap<string, string>;
  replaces: ReadonlyMap<string, string>;
}

const NON_ASCII = /[\u007f-\uffff]/;
const NON_ASCII_ALL = /[\u007f-\uffff]/g;

/**
 * JSON text with every character outside ASCII written as its `\u` escape: the same JSON to
 * any parser, but a string of one-byte characters. A browser decodes a WebSocket text frame with
 * a single accented name in it into two-byte characters, several times the work of an all-ASCII
 * frame, while the page's thread waits; token values are ASCII, so masking sees them unchanged.
 */
export function asciiJson(json: string): string {
  if (!NON_ASCII.test(json)) return json;
  return json.replace(NON_ASCII_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `tableJson`: the table already as JSON text, all ASCII (asciiJson; the cache keeps its file's so), else it is serialised here. */
export function packTokenList(table: TokenTable, facts: LocalFacts, tableJson?: string): string {
  // Codes into one string at once (a string grown a character at a time is 100,000 pieces).
  const flags = new Uint8Array(table.id.length).fill(48);
  if (facts.valueIds.size > 0) for (let i = 0; i < flags.length; i++) if (facts.valueIds.has(table.id[i]!)) flags[i] = 49;
  // (common/ has neither DOM nor Node types, so no TextDecoder: chunks of char codes.)
  let hasValue = '';
  for (let i = 0; i < flags.length; i += 8192) hasValue += String.fromCharCode(...flags.subarray(i, i + 8192));
  const only = (m: ReadonlyMap<string, string>) => {
    const out: Record<string, string> = {};
    for (const [k, v] of m) out[k] = v;
    return out;
  };
  const rest: Omit<PackedList, 'table'> = { hasValue, replacedBy: only(facts.replacedBy), replaces: only(facts.replaces) };
  if (tableJson === undefined) return asciiJson(JSON.stringify({ table, ...rest } satisfies PackedList));
  return `{"table":${tableJson},${JSON.stringify(rest).slice(1)}`;
}

export interface UnpackedList {
  tokens: TokenView[];
  /** The table the views were read from: its columns (e.g. times as epoch ms) spare re-parsing the views' text. */
  table: TokenTable;
}

/** A packed list read and checked, before any view is built. */
export type ReadList = PackedList;

/** Reads and checks a packed list; throws on a malformed one (never half a list). */
export function readPackedList(packed: string): ReadList {
  return checkedList(JSON.parse(packed) as Partial<PackedList> | null);
}

function checkedList(data: Partial<PackedList> | null): ReadList {
  const problem = checkTable(data?.table);
  if (problem || !data?.table || typeof data.hasValue !== 'string' || data.hasValue.length !== tableSize(data.table)) {
    throw new Error(`The token list arrived damaged (${problem ?? 'value flags'}).`);
  }
  return { table: data.table, hasValue: data.hasValue, replacedBy: data.replacedBy ?? {}, replaces: data.replaces ?? {} };
}

/** The table's members: the column names, then what precedes them (token-table.ts). */
const TABLE_KEYS = ['v', 'accountRefs', 'peopleRefs', 'moduleRefs', 'texts', ...COLUMNS] as const;

/**
 * Where each member of the packed string's table is, as [key, value start, value end], or null
 * when the string is not the shape packTokenList makes. A key with its quotes and a colon after
 * it (`"id":`) cannot occur inside a JSON string (a quote there is escaped), and the table's
 * only objects are the table itself, so each key's first occurrence is the member.
 */
function tableMembers(packed: string): { members: Array<[string, number, number]>; restAt: number } | null {
  if (!packed.startsWith('{"table":{')) return null;
  const found: Array<[string, number]> = [];
  // Searched in the order the table is written, each from the key before: one pass over a
  // string of megabytes, not one per key. A key that is not after the one before (another
  // writer's order) is searched from the start.
  let from = 9;
  for (const key of TABLE_KEYS) {
    let at = packed.indexOf(`"${key}":`, from);
    if (at < 0) at = packed.indexOf(`"${key}":`, 9);
    if (at < 0) return null;
    found.push([key, at]);
    from = at;
  }
  found.sort((a, b) => a[1] - b[1]);
  const last = found.at(-1)!;
  // The table ends where the packed list's next member starts (packTokenList puts hasValue next).
  const end = packed.indexOf('},"hasValue":', last[1]);
  if (end < 0) return null;
  const members: Array<[string, number, number]> = [];
  for (let k = 0; k < found.length; k++) {
    const [key, at] = found[k]!;
    const next = k + 1 < found.length ? found[k + 1]![1] - 1 : end;
    if (packed[next] !== (k + 1 < found.length ? ',' : '}')) return null;
    members.push([key, at + key.length + 3, next]);
  }
  return { members, restAt: end + 2 };
}

/** How long the sliced reader parses before it lets go of the thread. */
const SLICE_MS = 8;
/** With `inPieces`, a column longer than this (a few ms of parsing) is parsed in pieces of about this size. */
const PIECE_CHARS = 256 * 1024;

/**
 * Where a column's JSON array may be cut between two items, from its first item: the table's
 * columns are flat arrays of strings (a quote, a comma and a quote occur only between two
 * strings: a quote inside a string is escaped), flat arrays of numbers and nulls (any comma), or
 * the modules column's arrays of numbers.
 */
function cutOf(first: string | undefined): string {
  if (first === '"') return '","';
  if (first === '[') return '],[';
  return ',';
}

/**
 * The array member packed[from, to) parsed a piece at a time, `pause()` awaited between pieces.
 * Each piece is cut where cutOf says and parsed as an array of its own; the items joined are
 * what one parse of the whole would give. A piece that does not parse throws, and the caller
 * reads the whole string at once (where a malformed list is refused).
 */
async function parseArrayInPieces(packed: string, from: number, to: number, pause: () => Promise<void>): Promise<unknown[]> {
  if (packed[from] !== '[' || packed[to - 1] !== ']') return JSON.parse(packed.slice(from, to)) as unknown[];
  const cut = cutOf(packed[from + 1]);
  const out: unknown[] = [];
  let start = from + 1;
  while (start < to - 1) {
    const at = to - 1 - start > PIECE_CHARS ? packed.indexOf(cut, start + PIECE_CHARS) : -1;
    // The piece ends after the first character of the cut (its item's end); the next starts after the comma.
    const end = at < 0 || at >= to - 1 ? to - 1 : at + cut.indexOf(',');
    const items = JSON.parse(`[${packed.slice(start, end)}]`) as unknown[];
    for (let k = 0; k < items.length; k++) out.push(items[k]);
    start = end + 1;
    if (start < to - 1) await pause();
  }
  return out;
}

/**
 * readPackedList a member at a time, `letGo()` awaited between them: a big list's whole string
 * parsed at once holds the page's thread for one long task, each column alone for a fraction of
 * it. `inPieces`: big columns too are parsed a piece at a time (for a list read while someone
 * may type; at launch the extra turns only delay the whole list). The result is checked exactly
 * as readPackedList checks (never half a list); a string of another shape is read whole by
 * readPackedList.
 */
export async function readPackedListInSlices(packed: string, letGo: () => Promise<void>, { inPieces = false }: { inPieces?: boolean } = {}): Promise<ReadList> {
  const found = tableMembers(packed);
  if (!found) return readPackedList(packed);
  const table: Record<string, unknown> = {};
  let rest: Partial<PackedList>;
  try {
    let since = Date.now();
    const pause = async () => {
      if (Date.now() - since < SLICE_MS) return;
      await letGo();
      since = Date.now();
    };
    for (const [key, from, to] of found.members) {
      table[key] = inPieces && to - from > PIECE_CHARS ? await parseArrayInPieces(packed, from, to, pause) : JSON.parse(packed.slice(from, to));
      await pause();
    }
    rest = JSON.parse(`{${packed.slice(found.restAt)}`) as Partial<PackedList>;
  } catch {
    return readPackedList(packed); // not what it looked like: read whole (and refused there if malformed)
  }
  return checkedList({ ...rest, table: table as unknown as TokenTable });
}

/** Row `i` of a read list as a view; `refs`: the table's references (tableRefs), shared among the rows read. */
export function viewOf(list: ReadList, i: number, refs: TableRefs): TokenView {
  const view = rowOf(list.table, i, refs) as TokenView;
  view.hasValue = list.hasValue.charCodeAt(i) === 49;
  const by = list.replacedBy[view.id];
  const of = list.replaces[view.id];
  if (by) view.replacedBy = by;
  if (of) view.replaces = of;
  return view;
}

/** The views of a read list: every row, or only `rows` (indexes, in the order wanted). */
export function viewsOf(list: ReadList, rows?: readonly number[]): TokenView[] {
  const refs = tableRefs(list.table);
  const n = rows ? rows.length : tableSize(list.table);
  const out = new Array<TokenView>(n);
  for (let k = 0; k < n; k++) out[k] = viewOf(list, rows ? rows[k]! : k, refs);
  return out;
}
