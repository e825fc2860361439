/**
 * The value access log: every reveal and copy of a token value, kept locally in the settings
 * store, newest first, capped at ACCESS_LOG_MAX entries. An entry names the token, its
 * connection, where the access came from and what it was: never the value.
 */
import { ACCESS_LOG_MAX, accessEntrySchema } from '../../common/quick-access';
import type { AccessSurface } from '../../common/access-sources';
import type { AccessEntry } from '../../common/quick-access';
import type { HandlerContext } from './dispatch';
import { SETTINGS_KEYS } from './settings-keys';
import type { KeyValueStore } from './store';

/**
 * The source of a read made through a call, decided here and never taken from the call's input:
 * the window that called when the host knows it (Electron), else the channel (the browser host,
 * where `quick.copy` is the Quick Access page's call and every other read is the app window's).
 * The tray copies in main and names itself.
 */
export function accessSourceOf(channel: 'values.copy' | 'values.reveal' | 'quick.copy', ctx: Pick<HandlerContext, 'window'>): AccessSurface {
  if (ctx.window) return ctx.window === 'quick' ? 'quick' : 'window';
  return channel === 'quick.copy' ? 'quick' : 'window';
}

const KEY = SETTINGS_KEYS.accessLog;

export interface AccessQuery {
  tokenId?: string;
  connectionId?: string;
  action?: AccessEntry['action'];
  /** Matched against token name, token id and connection name, case-insensitively. */
  text?: string;
  /** Inclusive time bounds, ISO. */
  from?: string;
  to?: string;
  limit?: number;
}

export class AccessLog {
  private listeners = new Set<(entry: AccessEntry) => void>();

  constructor(
    private readonly store: KeyValueStore,
    private readonly max: number = ACCESS_LOG_MAX,
  ) {}

  /** All entries, newest first; entries that do not parse (a hand-edited file) are left out. */
  all(): AccessEntry[] {
    const raw = this.store.get<unknown[]>(KEY);
    if (!Array.isArray(raw)) return [];
    return raw.flatMap((item) => {
      const entry = accessEntrySchema.safeParse(item);
      return entry.success ? [entry.data] : [];
    });
  }

  record(entry: AccessEntry): void {
    const clean = accessEntrySchema.parse(entry);
    this.store.set(KEY, [clean, ...this.all()].slice(0, this.max));
    for (const listener of this.listeners) listener(clean);
  }

  list(query: AccessQuery = {}): AccessEntry[] {
    const text = query.text?.trim().toLowerCase();
    // Compared as instants: the bounds may carry an offset, the entries are UTC.
    const from = query.from ? Date.parse(query.from) : -Infinity;
    const to = query.to ? Date.parse(query.to) : Infinity;
    const matches = this.all().filter(
      (e) =>
        (!query.tokenId || e.tokenId === query.tokenId) &&
        (!query.connectionId || e.connectionId === query.connectionId) &&
        (!query.action || e.action === query.action) &&
        (from === -Infinity || Date.parse(e.at) >= from) &&
        (to === Infinity || Date.parse(e.at) <= to) &&
        (!text || `${e.tokenName}\n${e.tokenId}\n${e.connectionName}`.toLowerCase().includes(text)),
    );
    return matches.slice(0, query.limit ?? matches.length);
  }

  /** The newest distinct copies (tray "recently copied"). */
  recentCopies(count: number): AccessEntry[] {
    const seen = new Set<string>();
    const out: AccessEntry[] = [];
    for (const entry of this.all()) {
      const key = `${entry.connectionId}\n${entry.tokenId}`;
      if (entry.action !== 'copy' || seen.has(key)) continue;
      seen.add(key);
      out.push(entry);
      if (out.length === count) break;
    }
    return out;
  }

  onRecord(listener: (entry: AccessEntry) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
