/**
 * Offline cache: the last token list, modules and audit records seen per connection, each
 * with when it was fetched, so the UI can show data at once (stale-while-revalidate) and say
 * "offline — showing data from <time>" when the API cannot be reached.
 *
 * Layout in the store (flat keys; one key per LIST, never one per token, so 10,000 tokens are
 * one read and one write):
 *   cache:<connId>:tokens    { items: ApiToken[] (no `token` field), fetchedAt }
 *   cache:<connId>:modules   { items: Module[], fetchedAt }
 *   cache:<connId>:audit     { [TKN-id]: { items: AuditRecord[], fetchedAt } }
 *
 * SECRETS NEVER REACH THE STORE: every write goes through `stripSecrets`, which drops every
 * `token` property at any depth and masks anything that looks like a token value
 * (`idt:TKN-…:…`), e.g. inside an audit record's free text. This is enforced here, not left
 * to callers, because a single forgotten field would put a live credential in a plain file.
 */
import type { ApiToken, AuditRecord, Module } from '../../common/domain';
import { maskTokenValues } from '../../common/token-value';
import type { KeyValueStore } from './store';

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
  /** Audit lists kept per connection (the most recently fetched win). Default 500. */
  maxAuditLists?: number;
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

const key = (connectionId: string, part: 'tokens' | 'modules' | 'audit') => `cache:${connectionId}:${part}`;

function isSnapshot(value: unknown): value is CacheSnapshot<unknown> {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Partial<CacheSnapshot<unknown>>;
  return Array.isArray(v.items) && typeof v.fetchedAt === 'string';
}

export class OfflineCache {
  private readonly now: () => Date;
  private readonly maxAuditLists: number;

  constructor(
    private readonly store: KeyValueStore,
    options: OfflineCacheOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.maxAuditLists = options.maxAuditLists ?? 500;
  }

  getTokens(connectionId: string): CacheSnapshot<CachedToken> | undefined {
    return this.read<CachedToken>(key(connectionId, 'tokens'));
  }

  /**
   * `fetchedAt` defaults to now (a full sync). A single-token change passes the snapshot's
   * own time so "offline — data from …" keeps meaning the last full sync.
   */
  putTokens(connectionId: string, items: readonly ApiToken[], fetchedAt?: string, mark?: string | null): CacheSnapshot<CachedToken> {
    const snapshot = this.snapshot<CachedToken>(items, fetchedAt);
    if (mark !== undefined) snapshot.mark = mark;
    this.store.set(key(connectionId, 'tokens'), snapshot);
    return snapshot;
  }

  getModules(connectionId: string): CacheSnapshot<Module> | undefined {
    return this.read<Module>(key(connectionId, 'modules'));
  }

  putModules(connectionId: string, items: readonly Module[]): CacheSnapshot<Module> {
    return this.write<Module>(key(connectionId, 'modules'), items);
  }

  getAudit(connectionId: string, tokenId: string): CacheSnapshot<AuditRecord> | undefined {
    const entry = this.auditMap(connectionId)[tokenId];
    return isSnapshot(entry) ? (entry as CacheSnapshot<AuditRecord>) : undefined;
  }

  putAudit(connectionId: string, tokenId: string, items: readonly AuditRecord[]): CacheSnapshot<AuditRecord> {
    const snapshot = this.snapshot<AuditRecord>(items);
    const map = this.auditMap(connectionId);
    // Re-insert so the newest entry is last; trim the oldest beyond the cap.
    delete map[tokenId];
    map[tokenId] = snapshot;
    const ids = Object.keys(map);
    for (const old of ids.slice(0, Math.max(0, ids.length - this.maxAuditLists))) delete map[old];
    this.store.set(key(connectionId, 'audit'), map);
    return snapshot;
  }

  /** Forgets everything cached for a connection (when it is removed). */
  dropConnection(connectionId: string): void {
    for (const part of ['tokens', 'modules', 'audit'] as const) this.store.delete(key(connectionId, part));
  }

  private auditMap(connectionId: string): Record<string, unknown> {
    const map = this.store.get<unknown>(key(connectionId, 'audit'));
    return map !== null && typeof map === 'object' && !Array.isArray(map) ? { ...(map as Record<string, unknown>) } : {};
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
