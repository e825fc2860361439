/** The audit trail of the token whose details are open, paged (newest first). */
import { create } from 'zustand';
import type { AuditRecord } from '../../../../common/domain';
import { desk } from '../../desk';
import { errorMessage } from '../../error-message';

export const AUDIT_PAGE = 20;

interface AuditState {
  tokenId: string | null;
  items: AuditRecord[];
  total: number;
  loading: boolean;
  error: string | null;
  offline: string | null;
  fetchedAt: string | null;
  load(tokenId: string): Promise<void>;
  loadMore(): Promise<void>;
}

function newestFirst(items: AuditRecord[]): AuditRecord[] {
  return [...items].sort((a, b) => (a.timestamp < b.timestamp ? 1 : a.timestamp > b.timestamp ? -1 : 0));
}

export const useAuditStore = create<AuditState>((set, get) => ({
  tokenId: null,
  items: [],
  total: 0,
  loading: false,
  error: null,
  offline: null,
  fetchedAt: null,
  async load(tokenId) {
    set({ tokenId, items: [], total: 0, loading: true, error: null, offline: null });
    try {
      const page = await desk.call('tokens.audit', { id: tokenId, offset: 0, limit: AUDIT_PAGE });
      if (get().tokenId !== tokenId) return;
      set({ items: newestFirst(page.items), total: page.total, loading: false, offline: page.offline?.message ?? null, fetchedAt: page.fetchedAt });
    } catch (error) {
      if (get().tokenId === tokenId) set({ loading: false, error: errorMessage(error, 'Could not load the audit trail.') });
    }
  },
  async loadMore() {
    const { tokenId, items, loading } = get();
    if (!tokenId || loading) return;
    set({ loading: true, error: null });
    try {
      const page = await desk.call('tokens.audit', { id: tokenId, offset: items.length, limit: AUDIT_PAGE });
      if (get().tokenId !== tokenId) return;
      const seen = new Set(items.map((i) => i.id));
      set({
        items: newestFirst([...items, ...page.items.filter((i) => !seen.has(i.id))]),
        total: page.total,
        loading: false,
        offline: page.offline?.message ?? null,
      });
    } catch (error) {
      if (get().tokenId === tokenId) set({ loading: false, error: errorMessage(error, 'Could not load more audit records.') });
    }
  },
}));
