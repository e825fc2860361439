/**
 * The account audit log: the cached entries at once (the newest page first, so the first row
 * paints without waiting for 100,000), then the rest, then a refresh from the API. Filters run
 * here, on the loaded entries, so they work offline too.
 */
import { create } from 'zustand';
import { EMPTY_AUDIT_FILTERS, type AccountLogState, type AuditEntry, type AuditFilters } from '../../../../common/audit-log';
import type { OfflineState } from '../../../../common/messages';
import { desk } from '../../desk';
import { errorMessage } from '../../error-message';
import { EMPTY_INDEX, indexEntries, type AuditIndex } from './filter-rows';

/** The first slice: enough to fill any window. */
export const FIRST_SLICE = 200;

export type LogPhase = 'idle' | 'loading' | 'ready' | 'error';

interface AuditLogState {
  connectionId: string | null;
  phase: LogPhase;
  entries: AuditEntry[];
  /** The search index of `entries` (built once per load, not per keystroke). */
  index: AuditIndex;
  meta: AccountLogState | null;
  syncing: boolean;
  progress: { loaded: number; total: number } | null;
  offline: OfflineState | null;
  refreshError: string | null;
  error: string | null;
  filters: AuditFilters;
  load(connectionId: string): Promise<void>;
  refresh(): Promise<void>;
  setFilters(patch: Partial<AuditFilters>): void;
  clearFilters(): void;
  /**
   * The log of that connection with only a date range as its filter (an Overview day's bar); the
   * page's load keeps it, since it names the same connection.
   */
  showRange(connectionId: string, from: string, to: string): void;
  setProgress(progress: { loaded: number; total: number }): void;
}

const withIndex = (entries: AuditEntry[]) => ({ entries, index: indexEntries(entries) });

export const useAuditLogStore = create<AuditLogState>((set, get) => ({
  connectionId: null,
  phase: 'idle',
  entries: [],
  index: EMPTY_INDEX,
  meta: null,
  syncing: false,
  progress: null,
  offline: null,
  refreshError: null,
  error: null,
  filters: EMPTY_AUDIT_FILTERS,

  async load(connectionId) {
    const same = get().connectionId === connectionId;
    set({ connectionId, phase: same && get().entries.length > 0 ? 'ready' : 'loading', error: null, ...(same ? {} : { entries: [], index: EMPTY_INDEX, meta: null, filters: EMPTY_AUDIT_FILTERS, offline: null, refreshError: null }) });
    try {
      if (!same || get().entries.length === 0) {
        const first = await desk.call('audit.account', { offset: 0, limit: FIRST_SLICE });
        if (get().connectionId !== connectionId) return;
        const { items, offset: _o, ...meta } = first;
        set({ ...withIndex(items), meta, phase: 'ready' });
        if (meta.total > items.length) {
          const rest = await desk.call('audit.account', { offset: items.length, limit: 200_000 });
          if (get().connectionId !== connectionId) return;
          set(withIndex([...items, ...rest.items]));
        }
      }
    } catch (error) {
      if (get().connectionId === connectionId) set({ phase: 'error', error: errorMessage(error, 'Could not read the saved audit log.') });
      return;
    }
    await get().refresh();
  },

  async refresh() {
    const connectionId = get().connectionId;
    if (!connectionId || get().syncing) return;
    set({ syncing: true, progress: null });
    try {
      const result = await desk.call('audit.syncAccount', {});
      if (get().connectionId !== connectionId) return;
      const { added, offline, refreshError, ...meta } = result;
      set({ meta, offline: offline ?? null, refreshError: refreshError ?? null, phase: 'ready' });
      if (added > 0) {
        // New entries are the newest unless a first sync filled the cache: then read it all again.
        const fresh = get().entries.length > 0 && added < 5_000 ? await desk.call('audit.account', { offset: 0, limit: added }) : await desk.call('audit.account', { offset: 0, limit: 200_000 });
        if (get().connectionId !== connectionId) return;
        if (fresh.items.length >= meta.total) set(withIndex(fresh.items));
        else {
          const known = new Set(get().entries.map((e) => e.id));
          const add = fresh.items.filter((e) => !known.has(e.id));
          set(withIndex([...add, ...get().entries].slice(0, meta.total)));
        }
      }
    } catch (error) {
      if (get().connectionId === connectionId) set({ refreshError: errorMessage(error, 'The audit log could not be refreshed.') });
    } finally {
      if (get().connectionId === connectionId) set({ syncing: false, progress: null });
    }
  },

  setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch } })),
  clearFilters: () => set({ filters: EMPTY_AUDIT_FILTERS }),
  showRange(connectionId, from, to) {
    if (get().connectionId !== connectionId) set({ connectionId, phase: 'idle', entries: [], index: EMPTY_INDEX, meta: null, offline: null, refreshError: null, error: null });
    set({ filters: { ...EMPTY_AUDIT_FILTERS, from, to } });
  },
  setProgress: (progress) => set({ progress }),
}));

