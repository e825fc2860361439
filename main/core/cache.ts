/**
 * Offline cache: the last token list and modules seen per connection, each
 * with when it was fetched, so the UI can show data at once (stale-while-revalidate) and say
 * "offline — showing data from <time>" when the API cannot be reached.
 *
 * The token list has a file per connection, in the compact table form (token-list-cache.ts):
 * a large list must not be rewritten with every modules change, nor block main while it is
 * written. The rest lives in the cache store (flat keys; one key per LIST):
 *   cache:<connId>:tokens      (before the table files: read once, moved to the table file)
 *   cache:<connId>:modules     { items: Module[], fetchedAt }
 *   cache:<connId>:valueFacts  { [TKN-id]: { name, status } } of the tokens with a stored value
 * The audit records have a cache of their own (audit/cache.ts).
 *
 * SECRETS NEVER REACH THE STORE: every write goes through `stripSecrets`, which drops every
 * `token` property at any depth and masks anything that looks like a token value
 * (`idt:TKN-…:…`), e.g. inside a description. This is enforced here, not left
 * to callers, because a single forgotten field would put a live credential in a plain file.
 */
import path from 'node:path';
import type { ApiToken, Module } from '../../common/domain';
import { maskTokenValues } from '../../common/token-value';
import type { TokenTable } from '../../common/token-table';
import type { KeyValueStore } from './store';
import { TokenListCache, type TokenListState } from './token-list-cache';

export interface CacheSnapshot<T> {
  items: T[];
  /** ISO-8601: when the data was fetched from the API. */
  fetchedAt: string;
  /** Token lists: where the next delta sync starts (server time; tokens/delta-sync.ts). */
  mark?: string | null;
}

/** A token as cached: never with its secret value. */
export type CachedToken = Omit<ApiToken, 'token'>;

export interface OfflineCacheOptions {
  now?: () => Date;
  /** Where the per-connection token list files go. Default: beside the cache store (none for a store without a file). */
  tokenListDir?: string | null;
}

/**
 * A deep copy of `value` without secrets: every `token` property removed (at any depth) and
 * every string that contains a token value masked. Also turns the value into plain JSON data.
 */
export function stripSecrets<T>(value: T): T {
  return strip(value) as T;
}

function strip(value: unknown): unknown {
  if (typeof value === 'string') return maskTokenValues(value);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(strip);
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === 'token') continue;
    out[key] = strip(child);
  }
  return out;
}

const key = (connectionId: string, part: 'tokens' | 'modules' | 'audit' | 'valueFacts') => `cache:${connectionId}:${part}`;

type Facts = Map<string, { name: string; status: string }>;

/** Remembered facts as read back from disk: a record of `{ name, status }`, else nothing. */
function factsFrom(value: unknown): Facts | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const out: Facts = new Map();
  for (const [id, fact] of Object.entries(value as Record<string, unknown>)) {
    const f = fact as { name?: unknown; status?: unknown } | null;
    if (!f || typeof f.name !== 'string' || typeof f.status !== 'string') return undefined;
    out.set(id, { name: f.name, status: f.status });
  }
  return out;
}

function isSnapshot(value: unknown): value is CacheSnapshot<unknown> {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Partial<CacheSnapshot<unknown>>;
  return Array.isArray(v.items) && typeof v.fetchedAt === 'string';
}

export class OfflineCache {
  private readonly now: () => Date;
  readonly tokenLists: TokenListCache;

  constructor(
    private readonly store: KeyValueStore,
    options: OfflineCacheOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    const dir = options.tokenListDir !== undefined ? options.tokenListDir : path.isAbsolute(store.path) ? path.dirname(store.path) : null;
    this.tokenLists = new TokenListCache({ dir });
  }

  /** The cached list; its `items` are built from the compact table on first use. */
  getTokens(connectionId: string): CacheSnapshot<CachedToken> | undefined {
    const state = this.tokenTable(connectionId);
    if (!state) return undefined;
    return this.tokenSnapshot(state);
  }

  /** The cached list in its compact form (what `tokens.cached` sends, without building objects). */
  tokenTable(connectionId: string): TokenListState | undefined {
    const state = this.tokenLists.get(connectionId);
    if (state) return state;
    // A list cached before the table files existed: move it over once.
    const old = this.read<CachedToken>(key(connectionId, 'tokens'));
    if (!old) return undefined;
    this.store.delete(key(connectionId, 'tokens'));
    return this.tokenLists.put(connectionId, old.items as unknown as ApiToken[], old.fetchedAt, null);
  }

  /**
   * `fetchedAt` defaults to now (a full sync). A single-token change passes the snapshot's
   * own time so "offline — data from …" keeps meaning the last full sync. `mark` (where the next
   * delta sync starts) is kept when not given; `null` forgets it (the next sync is a full one).
   */
  putTokens(connectionId: string, items: readonly ApiToken[], fetchedAt?: string, mark?: string | null): CacheSnapshot<CachedToken> {
    // No mark given (a single-token change): the list's mark stays, so the next refresh is still a delta.
    const keep = mark === undefined ? (this.tokenLists.get(connectionId)?.mark ?? null) : mark;
    const state = this.tokenLists.put(connectionId, items, fetchedAt ?? this.now().toISOString(), keep);
    return this.tokenSnapshot(state);
  }

  /** A full sync's list, as the table it built (fetched now, with the sync's mark). */
  putTokenTable(connectionId: string, table: TokenTable, mark: string | null): void {
    this.tokenLists.putTable(connectionId, table, this.now().toISOString(), mark);
  }

  /** A delta sync's changes to the cached list (fetched now, with the sync's mark). */
  patchTokens(connectionId: string, changed: readonly ApiToken[], removed: readonly string[], mark: string | null): void {
    this.tokenLists.patch(connectionId, changed, removed, this.now().toISOString(), mark);
  }

  /**
   * Single-token changes (an action's answer): written over their rows, not a rebuild of the
   * whole list. The list keeps its fetch time and its delta mark (tokens/snapshot.ts says why).
   */
  changeTokens(connectionId: string, changed: readonly ApiToken[], removed: readonly string[]): void {
    const state = this.tokenTable(connectionId);
    if (!state) return;
    const next = this.tokenLists.patch(connectionId, changed, removed, state.fetchedAt, state.mark);
    if (!next) return;
    const remembered = factsFrom(this.store.get<unknown>(key(connectionId, 'valueFacts')))?.keys() ?? [];
    this.rememberValueFacts(connectionId, [...new Set([...next.valueIds, ...remembered])]);
  }

  /**
   * Remembers the name and status of the tokens whose values are stored (a few, in this small
   * store, written only when they changed): the tray lists every connection's values from them,
   * without reading another connection's whole token list.
   */
  rememberValueFacts(connectionId: string, ids: readonly string[]): void {
    this.storeValueFacts(connectionId, this.tokenFacts(connectionId, ids));
  }

  /** Name and status of tokens with a stored value: as remembered, else (never remembered yet) from the token list. */
  valueFacts(connectionId: string, ids: readonly string[]): Facts {
    const saved = factsFrom(this.store.get<unknown>(key(connectionId, 'valueFacts')));
    if (saved && ids.every((id) => saved.has(id))) return saved;
    const facts = this.tokenFacts(connectionId, ids);
    if (facts.size > 0) this.storeValueFacts(connectionId, facts);
    return facts;
  }

  private storeValueFacts(connectionId: string, facts: Facts): void {
    const record = Object.fromEntries(facts);
    const storeKey = key(connectionId, 'valueFacts');
    if (JSON.stringify(this.store.get<unknown>(storeKey) ?? null) !== JSON.stringify(record)) this.store.set(storeKey, record);
  }

  /** Name and status of the given cached tokens (those found), without expanding the whole list. */
  tokenFacts(connectionId: string, ids: readonly string[]): Map<string, { name: string; status: string }> {
    if (ids.length === 0) return new Map(); // do not read a whole list file to find nothing
    const state = this.tokenTable(connectionId);
    return state ? this.tokenLists.facts(state, ids) : new Map();
  }

  /** Writes the pending token lists (before quitting). */
  flush(): Promise<void> {
    return this.tokenLists.flush();
  }

  private tokenSnapshot(state: TokenListState): CacheSnapshot<CachedToken> {
    const lists = this.tokenLists;
    return {
      fetchedAt: state.fetchedAt,
      mark: state.mark,
      get items() {
        return lists.itemsOf(state) as unknown as CachedToken[];
      },
    };
  }

  getModules(connectionId: string): CacheSnapshot<Module> | undefined {
    return this.read<Module>(key(connectionId, 'modules'));
  }

  putModules(connectionId: string, items: readonly Module[]): CacheSnapshot<Module> {
    return this.write<Module>(key(connectionId, 'modules'), items);
  }

  /** Forgets everything cached for a connection (when it is removed). */
  dropConnection(connectionId: string): void {
    // `audit` too: a cache file may hold per-token audit lists of an older layout.
    for (const part of ['tokens', 'modules', 'audit', 'valueFacts'] as const) this.store.delete(key(connectionId, part));
    this.tokenLists.drop(connectionId);
  }

  private read<T>(storeKey: string): CacheSnapshot<T> | undefined {
    const value = this.store.get<unknown>(storeKey);
    // A hand-edited or old-format entry is treated as "not cached", never as an error.
    return isSnapshot(value) ? (value as CacheSnapshot<T>) : undefined;
  }

  private write<T>(storeKey: string, items: readonly unknown[], fetchedAt?: string): CacheSnapshot<T> {
    const snapshot = this.snapshot<T>(items, fetchedAt);
    this.store.set(storeKey, snapshot);
    return snapshot;
  }

  private snapshot<T>(items: readonly unknown[], fetchedAt?: string): CacheSnapshot<T> {
    return { items: stripSecrets([...items]) as T[], fetchedAt: fetchedAt ?? this.now().toISOString() };
  }
}
