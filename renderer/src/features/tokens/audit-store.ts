/**
 * The audit trail of the token whose details are open: the whole trail, newest first, a page at
 * a time through main's offline audit cache (`audit.token`). `refresh` asks only for what is
 * new (one request when nothing is) and puts it on top, keeping the older pages already shown.
 */
import { create } from 'zustand';
import { compareEntries, type AuditEntry, type TokenTrail } from '../../../../common/audit-log';
import type { OfflineState } from '../../../../common/messages';
import { desk } from '../../desk';
import { errorMessage } from '../../error-message';

export const AUDIT_PAGE = 50;

interface AuditState {
  tokenId: string | null;
  items: AuditEntry[];
  hasMore: boolean;
  loading: boolean;
  error: string | null;
  offline: OfflineState | null;
  refreshError: string | null;
  fetchedAt: string | null;
  load(tokenId: string): Promise<void>;
  loadMore(): Promise<void>;
  refresh(): Promise<void>;
}

const notices = (page: TokenTrail) => ({ offline: page.offline ?? null, refreshError: page.refreshError ?? null, fetchedAt: page.fetchedAt });

function merge(a: readonly AuditEntry[], b: readonly AuditEntry[]): AuditEntry[] {
  const seen = new Set(a.map((e) => e.id));
  return [...a, ...b.filter((e) => !seen.has(e.id))].sort(compareEntries);
}

export const useAuditStore = create<AuditState>((set, get) => ({
  tokenId: null,
  items: [],
  hasMore: false,
  loading: false,
  error: null,
  offline: null,
  refreshError: null,
  fetchedAt: null,
  async load(tokenId) {
    set({ tokenId, items: [], hasMore: false, loading: true, error: null, offline: null, refreshError: null });
    try {
      const page = await desk.call('audit.token', { id: tokenId, offset: 0, limit: AUDIT_PAGE, refresh: true });
      if (get().tokenId !== tokenId) return;
      set({ items: page.items, hasMore: page.hasMore, loading: false, ...notices(page) });
    } catch (error) {
      if (get().tokenId === tokenId) set({ loading: false, error: errorMessage(error, 'Could not load the audit trail.') });
    }
  },
  async loadMore() {
    const { tokenId, items, loading, hasMore } = get();
    if (!tokenId || loading || !hasMore) return;
    set({ loading: true, error: null });
    try {
      const page = await desk.call('audit.token', { id: tokenId, offset: items.length, limit: AUDIT_PAGE });
      if (get().tokenId !== tokenId) return;
      set({ items: merge(get().items, page.items), hasMore: page.hasMore, loading: false, ...notices(page) });
    } catch (error) {
      if (get().tokenId === tokenId) set({ loading: false, error: errorMessage(error, 'Could not load older audit records.') });
    }
  },
  async refresh() {
    const { tokenId } = get();
    if (!tokenId) return;
    try {
      const page = await desk.call('audit.token', { id: tokenId, offset: 0, limit: AUDIT_PAGE, refresh: true });
      if (get().tokenId !== tokenId) return;
      set({ items: merge(get().items, page.items), error: null, ...notices(page), hasMore: get().hasMore || page.hasMore });
    } catch (error) {
      if (get().tokenId === tokenId) set({ refreshError: errorMessage(error, 'The audit trail could not be refreshed.') });
    }
  },
}));
