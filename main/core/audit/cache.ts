/**
 * The offline audit cache: per connection, every audit entry Token Desk has seen (the account's
 * token log and the token trails opened), newest first, capped (default: the newest 100,000).
 *
 * Why several files per connection: a KeyValueStore (electron-store / conf) rewrites its whole
 * file on every set, and reads it twice doing so; with one file per connection, a refresh that
 * adds ten records would rewrite them all. So a connection's entries live in chunks,
 * each its own small store (`audit-<connection>/c<gen>-<n>.json`), listed in order by a small
 * index store (`audit-<connection>/index.json`, its shape in cache-index.ts) that also records
 * what is known to be complete. A refresh that adds records rewrites only the chunks they land
 * in (usually the newest one; chunk-plan.ts decides) and the index.
 *
 * Atomic, copy-on-write commits: changed chunks are written to NEW files first, then the index
 * is switched to them (each store write is itself atomic: temp file + rename), and only then are
 * the old files removed. A failure at any step leaves the previous index pointing at the previous,
 * untouched files, so the cache is never half-updated. Callers commit only validated data: a
 * malformed or truncated page fails before anything is written.
 *
 * A damaged file (bad JSON, wrong shape, wrong count) makes the connection's audit cache start
 * empty, like the main cache does: it is disposable and is rebuilt from the API.
 */
import fs from 'node:fs';
import type { AuditEntry } from '../../../common/audit-log';
import type { KeyValueStore } from '../store';
import { dirOf, emptyIndex, readIndex, type AccountCoverage, type AuditIndex, type Chunk, type TokenCoverage } from './cache-index';
import { planChunks, type AuditChange } from './chunk-plan';
import { fromTuple, toTuple } from './entries';

export { NO_ACCOUNT_COVERAGE, type AccountCoverage, type TokenCoverage } from './cache-index';
export type { AuditChange } from './chunk-plan';

export const DEFAULT_AUDIT_CAP = 100_000;
const DEFAULT_CHUNK = 2_000;

export interface AuditCacheOptions {
  /** Opens (creating on first write) the store `name`, e.g. `audit-<id>/index`. */
  openStore: (name: string) => Promise<KeyValueStore>;
  cap?: number;
  chunkSize?: number;
}

interface ConnectionState {
  dir: string;
  indexStore: KeyValueStore;
  index: AuditIndex;
  chunks: Chunk[];
  ids: Set<string> | null;
  flat: AuditEntry[] | null;
  byToken: Map<string, AuditEntry[]> | null;
}

export class AuditCache {
  readonly cap: number;
  private readonly chunkSize: number;
  private readonly states = new Map<string, Promise<ConnectionState>>();
  /** Commits per connection run one after another (a refresh and a tab load may overlap). */
  private readonly tails = new Map<string, Promise<unknown>>();

  constructor(private readonly options: AuditCacheOptions) {
    this.cap = options.cap ?? DEFAULT_AUDIT_CAP;
    this.chunkSize = options.chunkSize ?? DEFAULT_CHUNK;
  }

  async account(connectionId: string): Promise<AccountCoverage> {
    return (await this.state(connectionId)).index.account;
  }

  async tokenCoverage(connectionId: string, tokenId: string): Promise<TokenCoverage | undefined> {
    return (await this.state(connectionId)).index.tokens[tokenId];
  }

  async count(connectionId: string): Promise<number> {
    return (await this.state(connectionId)).chunks.reduce((n, c) => n + c.count, 0);
  }

  /** Entries [offset, offset+limit) newest first, reading only the chunks that hold them. */
  async range(connectionId: string, offset: number, limit: number): Promise<AuditEntry[]> {
    const state = await this.state(connectionId);
    const out: AuditEntry[] = [];
    let start = 0;
    for (const chunk of state.chunks) {
      const end = start + chunk.count;
      if (end > offset && start < offset + limit) {
        const entries = await this.chunkEntries(state, chunk);
        out.push(...entries.slice(Math.max(0, offset - start), Math.max(0, offset + limit - start)));
      }
      if (end >= offset + limit) break;
      start = end;
    }
    return out;
  }

  /** Every cached entry, newest first (a shared array: do not mutate). */
  async all(connectionId: string): Promise<readonly AuditEntry[]> {
    const state = await this.state(connectionId);
    return this.flat(state);
  }

  /** One token's cached entries, newest first. */
  async forToken(connectionId: string, tokenId: string): Promise<readonly AuditEntry[]> {
    const state = await this.state(connectionId);
    if (!state.byToken) {
      const map = new Map<string, AuditEntry[]>();
      for (const e of await this.flat(state)) {
        const list = map.get(e.token.id);
        if (list) list.push(e);
        else map.set(e.token.id, [e]);
      }
      state.byToken = map;
    }
    return state.byToken.get(tokenId) ?? [];
  }

  /**
   * Adds entries (deduplicated by id) and coverage facts in one atomic step. Returns how many
   * entries were new. Nothing is written when nothing changed.
   */
  commit(connectionId: string, change: AuditChange): Promise<{ added: number }> {
    const run = (this.tails.get(connectionId) ?? Promise.resolve()).catch(() => undefined).then(() => this.doCommit(connectionId, change));
    this.tails.set(connectionId, run);
    return run;
  }

  /** Forgets a connection's audit data (when the connection is removed). */
  async drop(connectionId: string): Promise<void> {
    const state = await this.state(connectionId);
    this.states.delete(connectionId);
    for (const chunk of state.chunks) await this.removeStore(state.dir, chunk.file);
    await this.removeStore(state.dir, 'index');
  }

  private async doCommit(connectionId: string, change: AuditChange): Promise<{ added: number }> {
    const state = await this.state(connectionId);
    const ids = await this.ids(state);
    const fresh: AuditEntry[] = [];
    for (const e of change.add) {
      if (!ids.has(e.id)) {
        ids.add(e.id);
        fresh.push(e);
      }
    }
    // Keep the id set true if this commit fails: take the new ids out again on error.
    try {
      return await this.write(state, fresh, change);
    } catch (error) {
      for (const e of fresh) ids.delete(e.id);
      throw error;
    }
  }

  private async write(state: ConnectionState, fresh: AuditEntry[], change: AuditChange): Promise<{ added: number }> {
    if (fresh.length === 0 && !change.account && !change.tokens) return { added: 0 };
    const plan = await planChunks(state.index, state.chunks, fresh, change, { chunkSize: this.chunkSize, cap: this.cap }, (chunk) => this.chunkEntries(state, chunk));
    const { chunks, changed, dropped } = plan;

    const written: string[] = [];
    try {
      for (const chunk of chunks) {
        if (!changed.has(chunk)) continue;
        const store = await this.options.openStore(`${state.dir}/${chunk.file}`);
        store.set('entries', (chunk.entries as AuditEntry[]).map(toTuple));
        written.push(chunk.file);
      }
      state.indexStore.set('index', plan.index); // the commit point
    } catch (error) {
      for (const file of written) await this.removeStore(state.dir, file).catch(() => undefined);
      throw error;
    }

    const keep = new Set(chunks.map((c) => c.file));
    const stale = state.chunks.filter((c) => !keep.has(c.file));
    state.index = plan.index;
    state.chunks = chunks;
    state.flat = null;
    state.byToken = null;
    if (dropped.length > 0 && state.ids) for (const e of dropped) state.ids.delete(e.id);
    for (const chunk of stale) await this.removeStore(state.dir, chunk.file).catch(() => undefined);
    const freshSet = new Set(fresh);
    return { added: fresh.length - dropped.filter((e) => freshSet.has(e)).length };
  }

  private state(connectionId: string): Promise<ConnectionState> {
    let state = this.states.get(connectionId);
    if (!state) {
      state = this.open(connectionId);
      this.states.set(connectionId, state);
      state.catch(() => this.states.delete(connectionId));
    }
    return state;
  }

  private async open(connectionId: string): Promise<ConnectionState> {
    const dir = dirOf(connectionId);
    const indexStore = await this.options.openStore(`${dir}/index`);
    const index = readIndex(indexStore.get<unknown>('index'));
    return { dir, indexStore, index, chunks: index.chunks.map((c) => ({ file: c.file, entries: null, count: c.count })), ids: null, flat: null, byToken: null };
  }

  private async chunkEntries(state: ConnectionState, chunk: Chunk): Promise<AuditEntry[]> {
    if (chunk.entries) return chunk.entries;
    const store = await this.options.openStore(`${state.dir}/${chunk.file}`);
    const raw = store.get<unknown>('entries');
    const entries = Array.isArray(raw) ? raw.map(fromTuple) : [];
    if (entries.length !== chunk.count || entries.some((e) => e === undefined)) {
      await this.reset(state);
      throw new AuditCacheDamaged();
    }
    chunk.entries = entries as AuditEntry[];
    return chunk.entries;
  }

  /** A damaged chunk: start this connection's audit cache over (the API rebuilds it). */
  private async reset(state: ConnectionState): Promise<void> {
    const old = state.chunks;
    state.index = emptyIndex();
    state.chunks = [];
    state.ids = new Set();
    state.flat = null;
    state.byToken = null;
    state.indexStore.set('index', state.index);
    for (const chunk of old) await this.removeStore(state.dir, chunk.file).catch(() => undefined);
  }

  private async flat(state: ConnectionState): Promise<AuditEntry[]> {
    if (!state.flat) {
      const out: AuditEntry[] = [];
      for (const chunk of state.chunks) {
        const entries = await this.chunkEntries(state, chunk);
        for (let i = 0; i < entries.length; i++) out.push(entries[i] as AuditEntry);
      }
      state.flat = out;
    }
    return state.flat;
  }

  private async ids(state: ConnectionState): Promise<Set<string>> {
    if (!state.ids) state.ids = new Set((await this.flat(state)).map((e) => e.id));
    return state.ids;
  }

  private async removeStore(dir: string, file: string): Promise<void> {
    const store = await this.options.openStore(`${dir}/${file}`);
    fs.rmSync(store.path, { force: true });
  }
}

/** Thrown when a cache file turned out damaged; the cache has been reset, the caller may retry once. */
export class AuditCacheDamaged extends Error {
  constructor() {
    super('The offline audit cache was damaged and has been reset.');
    this.name = 'AuditCacheDamaged';
  }
}
