/**
 * The Overview's numbers, as main computes them (`overview.get`, from the saved token lists
 * and audit logs, so they show offline too): for the active connection or for all of them.
 * Asked again after an action changes a token and after the token list refreshes.
 */
import { create } from 'zustand';
import { pageTimeZone, type OverviewResult, type OverviewScope } from './model';
import { desk } from '../../desk';
import { useAuditLogStore } from '../audit/audit-log-store';
import { errorMessage } from '../../error-message';
import { markOnce } from '../../ui/timing';

export type OverviewPhase = 'idle' | 'loading' | 'ready' | 'error';

interface OverviewState {
  scope: OverviewScope;
  phase: OverviewPhase;
  result: OverviewResult | null;
  error: string | null;
  /** Which connection the numbers were asked for (the active one when asked). */
  connectionId: string | null;
  load(connectionId: string | null): Promise<void>;
  setScope(scope: OverviewScope): void;
  /**
   * Refreshes the active connection's saved audit log from the Marketplace (the audit chart counts
   * what is saved, and nothing else saves it until the Audit log is opened), then the numbers.
   */
  refreshAudit(connectionId: string): Promise<void>;
}

/** Counts asks: an answer to an older one lands nowhere. */
let seq = 0;

export const useOverviewStore = create<OverviewState>((set, get) => ({
  scope: 'connection',
  phase: 'idle',
  result: null,
  error: null,
  connectionId: null,

  async load(connectionId) {
    const mine = ++seq;
    const { scope } = get();
    const asked = scope === 'all' ? 'all' : connectionId;
    if (asked === null) return;
    // The same question again (a refresh) keeps the numbers on screen until the answer comes.
    const same = get().result?.scope === asked;
    set({ connectionId, phase: same ? 'ready' : 'loading', error: null, ...(same ? {} : { result: null }) });
    const timeZone = pageTimeZone();
    try {
      const result = await desk.call('overview.get', { scope: asked, ...(timeZone ? { timeZone } : {}) });
      if (mine !== seq) return;
      markOnce('overview:data');
      set({ result, phase: 'ready' });
    } catch (error) {
      if (mine !== seq) return;
      set({ phase: get().result ? 'ready' : 'error', error: errorMessage(error, 'Could not work out the overview.') });
    }
  },

  async refreshAudit(connectionId) {
    // The Audit log page refreshes the same log: one refresh at a time.
    if (useAuditLogStore.getState().syncing) return;
    try {
      const { added } = await desk.call('audit.syncAccount', {});
      if (added > 0 && get().connectionId === connectionId) await get().load(connectionId);
    } catch {
      // The numbers stand as saved; the token list's refresh says whether the Marketplace is reachable.
    }
  },

  setScope(scope) {
    if (scope === get().scope) return;
    set({ scope });
    void get().load(get().connectionId);
  },
}));
