/**
 * The cached token list, one file per connection (`tokens-<connection>.json` beside the cache),
 * in the compact table form (common/token-table.ts), a fraction of the size of the list as objects.
 *
 * The file is a conf/electron-store file (a JSON object, key `tokens`, mode 0600, read through
 * the stores' damaged-file rule: moved aside, the list starts empty and the next sync rebuilds
 * it). It is not WRITTEN through conf: conf's `set` re-reads, re-parses and rewrites the whole
 * file synchronously, which at this size stops main's event loop (every IPC reply, every
 * WebSocket message) for as long as the write takes. Here the list is kept in memory, the
 * reply goes out first, and the file is written afterwards column by column, yielding to the
 * event loop between columns, into a temp file that is then renamed over the old one (atomic:
 * a crash leaves the previous list). Writes to one connection are coalesced.
 */
import fs from 'node:fs';
import path from 'node:path';
import { TOKEN_STATUSES, TOKEN_TABLE_VERSION, checkTable, type TableToken, type TokenTable } from '../../common/token-table';
import { fromTable } from '../../common/token-table-read';
import { asciiJson } from '../../common/token-list-wire';
import { patchTable, toTable } from '../../common/token-table-write';
import { maskTokenValues } from '../../common/token-value';
import type { ApiToken } from '../../common/domain';
import { prepareConfOptions, type StoreRecovery } from './store';

export interface TokenListState {
  table: TokenTable;
  /** ISO-8601: when the list was fetched from the API. */
  fetchedAt: string;
  /** Where the next delta sync starts (tokens/delta-sync.ts). */
  mark: string | null;
  /**
   * Ids whose value was in the keychain when the list was last shown: lets the start show the
   * key icons without a keychain read (ids only, never a value).
   */
  valueIds: string[];
}

interface Entry extends TokenListState {
  items: ApiToken[] | null;
  rowOfId?: Map<string, number>;
  /** The table as JSON text when known (read from or written to the file): packing reuses it. */
  tableJson?: string;
  /** The table's JSON in pieces, as the last write made them (tableJsonOf joins them once). */
  tableJsonParts?: string[];
}

export interface TokenListCacheOptions {
  /** null: keep the lists in memory only (a store with no file, as in unit tests). */
  dir: string | null;
  /** Wait this long after a change before writing (coalesces bursts of single-token edits). Default 100 ms. */
  writeDelayMs?: number;
  onRecovered?: (recovery: StoreRecovery) => void;
  /** Test seam: told how long each slice of a write held the event loop. */
  onWriteSlice?: (ms: number) => void;
}

const fileName = (connectionId: string) => `tokens-${connectionId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
/** A table an earlier version of the app wrote: a cache, so it is not kept (nor reported as damaged). */
const isOlderTable = (table: unknown): boolean => {
  const v = (table as { v?: unknown } | null | undefined)?.v;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v < TOKEN_TABLE_VERSION;
};
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Rows serialised per turn of the event loop: a whole column of a big list at once holds main too long on a busy machine. */
const ROWS_PER_SLICE = 10_000;

/**
 * The table's JSON (`{"v":…,"accountRefs":[…],…}`, what JSON.stringify gives with the characters
 * outside ASCII escaped: asciiJson) as pieces made one at a time, none larger than ROWS_PER_SLICE
 * values of one column.
 */
function* jsonPieces(table: TokenTable): Generator<() => string> {
  const keys = Object.keys(table) as Array<keyof TokenTable>;
  for (let k = 0; k < keys.length; k++) {
    const key = `${k > 0 ? ',' : '{'}${JSON.stringify(keys[k])}:`;
    const value = table[keys[k]!] as unknown;
    if (!Array.isArray(value) || value.length <= ROWS_PER_SLICE) {
      yield () => `${key}${asciiJson(JSON.stringify(value))}`;
      continue;
    }
    for (let from = 0; from < value.length; from += ROWS_PER_SLICE) {
      const to = Math.min(value.length, from + ROWS_PER_SLICE);
      // A slice's own brackets are cut off; the column's open with its first slice and close with its last.
      yield () => `${from === 0 ? `${key}[` : ','}${asciiJson(JSON.stringify(value.slice(from, to))).slice(1, -1)}${to === value.length ? ']' : ''}`;
    }
  }
  yield () => '}';
}

export class TokenListCache {
  private readonly entries = new Map<string, Entry | null>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly writing = new Map<string, Promise<void>>();
  private readonly writeDelayMs: number;

  constructor(private readonly options: TokenListCacheOptions) {
    this.writeDelayMs = options.writeDelayMs ?? 100;
  }

  filePath(connectionId: string): string | null {
    return this.options.dir === null ? null : path.join(this.options.dir, `${fileName(connectionId)}.json`);
  }

  /** The connection's list (read from disk once), or undefined when none is cached. */
  get(connectionId: string): TokenListState | undefined {
    if (!this.entries.has(connectionId)) this.entries.set(connectionId, this.load(connectionId));
    return this.entries.get(connectionId) ?? undefined;
  }

  /**
   * Reads a list ahead of its first `get` (the host calls it while it starts, for the active
   * connection): the file is read off the event loop, so the page's first request finds it
   * in memory. Never throws; a `get` meanwhile simply reads the file itself.
   */
  async warm(connectionId: string): Promise<void> {
    const file = this.filePath(connectionId);
    if (!file || this.entries.has(connectionId)) return;
    const text = await fs.promises.readFile(file, 'utf8').catch(() => null);
    if (text === null || this.entries.has(connectionId)) return;
    try {
      this.entries.set(connectionId, this.fromText(connectionId, text));
    } catch {
      // Left for `get`, which reports a damaged file through the stores' rule.
    }
  }

  /** The table as JSON, from the file's own text when it has it (saves re-serialising every row). */
  tableJsonOf(state: TokenListState): string {
    const entry = state as Entry;
    // The parts are the whole object, its closing brace included (jsonPieces).
    if (entry.tableJson === undefined && entry.tableJsonParts) entry.tableJson = entry.tableJsonParts.join('');
    entry.tableJsonParts = undefined;
    entry.tableJson ??= asciiJson(JSON.stringify(entry.table));
    return entry.tableJson;
  }

  /** A list's tokens (built from its table once, then kept). */
  itemsOf(state: TokenListState): ApiToken[] {
    const entry = state as Entry;
    entry.items ??= fromTable(entry.table) as ApiToken[];
    return entry.items;
  }

  /** Replaces the list in memory at once; the file follows off the hot path. */
  put(connectionId: string, tokens: readonly ApiToken[], fetchedAt: string, mark: string | null): TokenListState {
    return this.putTable(connectionId, toTable(tokens as readonly TableToken[], maskTokenValues), fetchedAt, mark);
  }

  /** `put` for a table built already (a full sync builds it as the pages arrive); its free text masked by its builder. */
  putTable(connectionId: string, table: TokenTable, fetchedAt: string, mark: string | null): TokenListState {
    const valueIds = this.entries.get(connectionId)?.valueIds ?? [];
    const entry: Entry = { table, fetchedAt, mark, valueIds, items: null };
    this.entries.set(connectionId, entry);
    this.schedule(connectionId);
    return entry;
  }

  /**
   * Name and status of a few tokens, without building the list as objects (the tray and Quick Access
   * need them for the handful of tokens whose value is stored, after every change).
   */
  facts(state: TokenListState, ids: readonly string[]): Map<string, { name: string; status: string }> {
    const entry = state as Entry;
    const { table } = entry;
    const out = new Map<string, { name: string; status: string }>();
    const put = (id: string, row: number) => out.set(id, { name: table.texts[table.name[row]!]!, status: TOKEN_STATUSES[table.status[row]!] ?? 'Active' });
    if (ids.length === 0) return out;
    if (!entry.rowOfId && ids.length <= 64) {
      // A few ids (the stored values, one copy): one pass over the ids is cheaper than an index of every row.
      const rows = new Map<string, number>(ids.map((id) => [id, -1]));
      for (let row = 0; row < table.id.length; row++) if (rows.has(table.id[row]!)) rows.set(table.id[row]!, row);
      for (const [id, row] of rows) if (row >= 0) put(id, row);
      return out;
    }
    if (!entry.rowOfId) {
      const index = new Map<string, number>();
      table.id.forEach((id, row) => index.set(id, row));
      entry.rowOfId = index;
    }
    for (const id of ids) {
      const row = entry.rowOfId.get(id);
      if (row !== undefined) put(id, row);
    }
    return out;
  }

  /**
   * A delta sync's changes: written over their rows, without building the list as objects. An
   * unchanged list keeps its table (and its JSON text) and only gets the new time and mark.
   */
  patch(connectionId: string, changed: readonly ApiToken[], removed: readonly string[], fetchedAt: string, mark: string | null): TokenListState | undefined {
    const old = this.get(connectionId) as Entry | undefined;
    if (!old) return undefined;
    const same = changed.length === 0 && removed.length === 0;
    const table = same ? old.table : patchTable(old.table, changed as readonly TableToken[], removed, maskTokenValues);
    const entry: Entry = { table, fetchedAt, mark, valueIds: old.valueIds, items: same ? old.items : null, ...(same && old.tableJson ? { tableJson: old.tableJson } : {}), ...(same && old.tableJsonParts ? { tableJsonParts: old.tableJsonParts } : {}) };
    if (same && old.rowOfId) entry.rowOfId = old.rowOfId;
    this.entries.set(connectionId, entry);
    this.schedule(connectionId);
    return entry;
  }

  /** Records which tokens have a value in the keychain (written only when it changed). */
  setValueIds(connectionId: string, ids: readonly string[]): void {
    const entry = this.get(connectionId) as Entry | undefined;
    if (!entry) return;
    const next = [...ids].sort();
    if (next.length === entry.valueIds.length && next.every((id, i) => id === entry.valueIds[i])) return;
    entry.valueIds = next;
    this.schedule(connectionId);
  }

  /** Writes what is pending now (quit, tests). */
  async flush(): Promise<void> {
    for (const [id, timer] of this.timers) {
      clearTimeout(timer);
      this.timers.delete(id);
      void this.write(id);
    }
    await Promise.all([...this.writing.values()]);
  }

  drop(connectionId: string): void {
    const timer = this.timers.get(connectionId);
    if (timer) clearTimeout(timer);
    this.timers.delete(connectionId);
    this.entries.set(connectionId, null);
    const file = this.filePath(connectionId);
    if (file) void (this.writing.get(connectionId) ?? Promise.resolve()).then(() => fs.rmSync(file, { force: true }));
  }

  private load(connectionId: string): Entry | null {
    const file = this.filePath(connectionId);
    if (!file || this.options.dir === null) return null;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return null; // no file yet
    }
    return this.fromText(connectionId, text);
  }

  private fromText(connectionId: string, text: string): Entry | null {
    if (this.options.dir === null) return null;
    const { confOptions } = prepareConfOptions({
      cwd: this.options.dir,
      configName: fileName(connectionId),
      onCorrupt: 'move-aside',
      validate: (data) => {
        const v = data.tokens as Partial<TokenListState> | undefined;
        if (!v || typeof v.fetchedAt !== 'string') return 'the token list has no fetch time';
        if (v.mark !== null && v.mark !== undefined && typeof v.mark !== 'string') return 'the token list mark is not a time';
        if (v.valueIds !== undefined && !(Array.isArray(v.valueIds) && v.valueIds.every((id) => typeof id === 'string'))) return 'valueIds is not a list of ids';
        if (isOlderTable(v.table)) return undefined; // not damaged: left out below, the next sync writes the new form
        return checkTable(v.table);
      },
      ...(this.options.onRecovered ? { onRecovered: this.options.onRecovered } : {}),
    });
    const data = confOptions.deserialize(text).tokens as TokenListState | undefined;
    if (!data || isOlderTable(data.table)) return null;
    const entry: Entry = { table: data.table, fetchedAt: data.fetchedAt, mark: data.mark ?? null, valueIds: data.valueIds ?? [], items: null };
    // Our writer puts the table last: `…,"table":{…}}}`. (`"table":` cannot occur inside a JSON
    // string: a quote there is escaped.) The parsed table was checked; its text is the same data.
    const at = text.indexOf('"table":');
    // (All ASCII for packing: a file written before the cache escaped its texts is escaped once, here.)
    if (at > 0 && text.endsWith('}}}')) entry.tableJson = asciiJson(text.slice(at + 8, text.length - 2));
    return entry;
  }

  private schedule(connectionId: string): void {
    if (this.options.dir === null) return;
    const old = this.timers.get(connectionId);
    if (old) clearTimeout(old);
    const timer = setTimeout(() => {
      this.timers.delete(connectionId);
      void this.write(connectionId);
    }, this.writeDelayMs);
    timer.unref?.();
    this.timers.set(connectionId, timer);
  }

  /** One write at a time per connection; a change during a write is written after it. */
  private write(connectionId: string): Promise<void> {
    const run = (this.writing.get(connectionId) ?? Promise.resolve())
      .then(() => this.writeNow(connectionId))
      .catch((error: unknown) => {
        // The list stays in memory and the next change retries; a full disk must not crash main.
        console.error('[token-desk] could not write the token list cache:', error instanceof Error ? error.message : String(error));
      });
    this.writing.set(connectionId, run);
    void run.finally(() => {
      if (this.writing.get(connectionId) === run) this.writing.delete(connectionId);
    });
    return run;
  }

  private async writeNow(connectionId: string): Promise<void> {
    const entry = this.entries.get(connectionId);
    const file = this.filePath(connectionId);
    if (!entry || !file || this.options.dir === null) return;
    const { table, fetchedAt, mark, valueIds } = entry;
    // The same JSON conf would write ({"tokens":{…}}), built a column at a time and handed to
    // the file as it is made (the disk works while the next column is serialised; no one huge join).
    const temp = `${file}.tmp-${process.pid}`;
    await fs.promises.mkdir(this.options.dir, { recursive: true });
    const out = await fs.promises.open(temp, 'w', 0o600);
    let written: Promise<unknown> = Promise.resolve();
    const put = (text: string) => {
      written = written.then(() => out.writeFile(text)); // writeFile: the whole text, from the current position
    };
    try {
      put(`{"tokens":{"fetchedAt":${JSON.stringify(fetchedAt)},"mark":${JSON.stringify(mark)},"valueIds":${JSON.stringify(valueIds)},"table":`);
      if (entry.tableJson !== undefined) put(entry.tableJson);
      else {
        const members: string[] = [];
        for (const piece of jsonPieces(table)) {
          const t0 = performance.now();
          const text = piece();
          this.options.onWriteSlice?.(performance.now() - t0);
          members.push(text);
          put(text);
          await yieldToLoop();
        }
        // Kept for packing (tokens.cached); joined only when it is asked for.
        if (entry.table === table && entry.tableJson === undefined) entry.tableJsonParts = members;
      }
      put('}}');
      await written;
    } catch (error) {
      await written.catch(() => undefined);
      await out.close().catch(() => undefined);
      await fs.promises.rm(temp, { force: true });
      throw error;
    }
    await out.close();
    // Temp file, then renamed over the list's file: a crash leaves the previous list.
    if (this.entries.get(connectionId) === null) {
      await fs.promises.rm(temp, { force: true }); // dropped meanwhile
      return;
    }
    await fs.promises.rename(temp, file);
  }
}
