/**
 * The account log's search, fast enough for every keystroke at 100,000 entries.
 *
 * What matches is common/audit-log.ts's rule (auditFieldMatcher, searchWordsOf, searchFieldsOf),
 * the same one the CSV export runs; this file only makes it quick:
 * - the index is built once per load: every distinct field value (token, actor, account, event,
 *   summary, details) is lower-cased once into a dictionary, and each entry is a row of
 *   dictionary ids. The log repeats its values (500 tokens, a few actors, five events), so a
 *   word is tested once per distinct value, then each entry costs a few integer lookups;
 * - results are lists of entry indexes (Int32Array), never arrays of entries;
 * - the field filters' result is kept while only the text changes;
 * - typing on (the new words contain the old ones) checks only the last matches, and recent
 *   results are remembered, so backspacing to an earlier search costs nothing.
 */
import { auditFieldMatcher, searchFieldsOf, searchWordsOf, type AuditEntry, type AuditFilters } from '../../../../common/audit-log';

/** Search fields per entry (searchFieldsOf gives at most this many; missing ones are id 0, ''). */
const FIELDS = 9;

export interface AuditIndex {
  entries: readonly AuditEntry[];
  /** Distinct lower-cased field values; dictionary[0] is ''. */
  dictionary: readonly string[];
  /** Entry i's fields are dictionary ids fieldIds[i * FIELDS ... i * FIELDS + FIELDS - 1]. */
  fieldIds: Int32Array;
}

export const EMPTY_INDEX: AuditIndex = { entries: [], dictionary: [''], fieldIds: new Int32Array(0) };

/** Built once when the entries load (O(n)); never per keystroke. */
export function indexEntries(entries: readonly AuditEntry[]): AuditIndex {
  const ids = new Map<string, number>([['', 0]]);
  const dictionary = [''];
  const fieldIds = new Int32Array(entries.length * FIELDS);
  for (let i = 0; i < entries.length; i++) {
    const fields = searchFieldsOf(entries[i] as AuditEntry);
    for (let f = 0; f < fields.length; f++) {
      const value = fields[f] as string;
      let id = ids.get(value);
      if (id === undefined) {
        id = dictionary.length;
        dictionary.push(value.toLowerCase());
        ids.set(value, id);
      }
      fieldIds[i * FIELDS + f] = id;
    }
  }
  return { entries, dictionary, fieldIds };
}

/** The matching entries' indexes in log order; null = every entry (no filter set). */
export type RowSet = Int32Array | null;

export function rowCount(index: AuditIndex, rows: RowSet): number {
  return rows ? rows.length : index.entries.length;
}

/** Which dictionary values hold `word`: all of them tested up front (a search over many rows). */
function valuesWithWord(dictionary: readonly string[], word: string): Uint8Array {
  const hit = new Uint8Array(dictionary.length);
  for (let id = 1; id < dictionary.length; id++) if ((dictionary[id] as string).includes(word)) hit[id] = 1;
  return hit;
}

/** Entries of `index` (all of them when `within` is null) with `word` in one of their fields. */
function rowsWithWord(index: AuditIndex, within: RowSet, word: string, scratch: Int32Array): Int32Array {
  const { dictionary, fieldIds } = index;
  const count = within ? within.length : index.entries.length;
  let n = 0;
  // The whole log (no narrower result yet) always takes the first way: the second walks `within`,
  // and a tiny log whose values all differ has more dictionary values than fields.
  if (within === null || count * FIELDS >= dictionary.length) {
    // Many rows: test every distinct value once, then each row is nine lookups, no branches.
    const hit = valuesWithWord(dictionary, word);
    for (let k = 0; k < count; k++) {
      const row = within ? (within[k] as number) : k;
      const at = row * FIELDS;
      if (
        ((hit[fieldIds[at] as number] as number) |
          (hit[fieldIds[at + 1] as number] as number) |
          (hit[fieldIds[at + 2] as number] as number) |
          (hit[fieldIds[at + 3] as number] as number) |
          (hit[fieldIds[at + 4] as number] as number) |
          (hit[fieldIds[at + 5] as number] as number) |
          (hit[fieldIds[at + 6] as number] as number) |
          (hit[fieldIds[at + 7] as number] as number) |
          (hit[fieldIds[at + 8] as number] as number)) !==
        0
      )
        scratch[n++] = row;
    }
  } else {
    // Few rows (typing on in a narrow result): test only the values these rows hold, once each.
    const seen = new Map<number, boolean>();
    for (let k = 0; k < count; k++) {
      const row = (within as Int32Array)[k] as number;
      const at = row * FIELDS;
      for (let f = 0; f < FIELDS; f++) {
        const id = fieldIds[at + f] as number;
        let yes = seen.get(id);
        if (yes === undefined) {
          yes = id !== 0 && (dictionary[id] as string).includes(word);
          seen.set(id, yes);
        }
        if (yes) {
          scratch[n++] = row;
          break;
        }
      }
    }
  }
  return scratch.slice(0, n);
}

interface Remembered {
  words: string[];
  rows: Int32Array;
}

const REMEMBERED = 24;
const fieldsKey = (f: AuditFilters) => JSON.stringify([f.actions, f.actorId, f.token.trim().toLowerCase(), f.accountId, f.from, f.to]);
/** Every old word lies inside some new word: whatever matches the new words matched the old ones. */
const narrows = (from: string[], to: string[]) => from.every((o) => to.some((w) => w.includes(o)));

/** A filter with memory, for one view: call it with the current index and filters on every change. */
export function createRowFilter() {
  let index: AuditIndex | null = null;
  let scratch = new Int32Array(0);
  let fields = '';
  let base: RowSet = null;
  /** Recent text results for this index and these field filters, newest last. */
  let remembered: Remembered[] = [];

  return (next: AuditIndex, filters: AuditFilters): RowSet => {
    const key = fieldsKey(filters);
    if (next !== index || key !== fields) {
      index = next;
      fields = key;
      remembered = [];
      if (scratch.length < next.entries.length) scratch = new Int32Array(next.entries.length);
      const match = auditFieldMatcher(filters);
      if (match === null) base = null;
      else {
        let n = 0;
        for (let i = 0; i < next.entries.length; i++) if (match(next.entries[i] as AuditEntry)) scratch[n++] = i;
        base = scratch.slice(0, n);
      }
    }
    const words = searchWordsOf(filters.text);
    if (words.length === 0) return base;
    const wordsKey = words.join(' ');
    const known = remembered.find((r) => r.words.join(' ') === wordsKey);
    if (known) return known.rows;

    // Start from the smallest remembered result the new words narrow, else from the field filters' result.
    let rows: RowSet = base;
    let done: string[] = [];
    for (const r of remembered) {
      if (narrows(r.words, words) && (rows === null || r.rows.length < rows.length)) {
        rows = r.rows;
        done = r.words;
      }
    }
    // The longest word first: it is usually the rarest, so the rest check few rows.
    const todo = words.filter((w) => !done.includes(w)).sort((a, b) => b.length - a.length);
    for (const word of todo) {
      rows = rowsWithWord(next, rows, word, scratch);
      if (rows.length === 0) break;
    }
    const result = rows ?? new Int32Array(0);
    remembered.push({ words, rows: result });
    if (remembered.length > REMEMBERED) remembered.shift();
    return result;
  };
}
