/**
 * The token list of the active connection and the lifecycle actions on it.
 * Server data only; what the user filters/selects lives in tokens-ui-store.
 */
import { create } from 'zustand';
import type { ConnectionProfile, EventPayload, TokenList, TokenView } from '../../../../../common/contract';
import { readPackedList, viewsOf, type ReadList } from '../../../../../common/token-list-wire';
import { tableSize } from '../../../../../common/token-table';
import type { Module } from '../../../../../common/domain';
import { DeskError } from '../../../../../common/errors';
import { desk } from '../../../desk';
import { errorMessage } from '../../../error-message';
import { runBulk } from '../bulk-runner';
import { hasActiveFilters, indexToken, indexTokens, indexUnpacked } from '../filtering';
import { firstScreen } from '../first-screen';
import type { IndexedToken } from '../filtering';
import type { BulkAction, BulkState } from '../bulk-runner';
import { afterNextPaint } from '../../../ui/after-paint';
import { askCachedList, takeCachedList, takeLaunchFirstScreen } from '../../../shell/launch-list';
import { tokensUiReady, useTokensUiStore } from './tokens-ui-store';

export type { BulkAction, BulkResultItem, BulkState } from '../bulk-runner';

export type LoadPhase = 'idle' | 'loading' | 'ready' | 'error';

interface TokensState {
  tokens: TokenView[];
  /** While only the first screen of a big list is shown: how many tokens the whole list has. */
  loadingTotal: number | null;
  /** The tokens' search and sort entries, kept beside them (entries[i].token === tokens[i]): a change to one token re-indexes that one. */
  entries: IndexedToken[];
  fetchedAt: string | null;
  /** Set when the list shown comes from the offline cache. */
  offline: { message: string } | null;
  phase: LoadPhase;
  syncing: boolean;
  progress: { loaded: number; total: number } | null;
  /** The list could not be loaded at all (nothing to show). */
  loadError: string | null;
  /** A refresh failed while (cached) data is on screen. */
  syncError: string | null;
  connection: ConnectionProfile | null;
  modules: Module[] | null;
  modulesPartial: boolean;
  /** The last failed action, shown until dismissed. */
  actionError: string | null;
  bulk: BulkState | null;
  /** `connectionId`: the connection the page shows (lets the launch's early read be used without asking again). */
  load(connectionId?: string): Promise<void>;
  /** Forget everything (another connection became active). */
  reset(): void;
  loadConnection(): Promise<void>;
  loadModules(): Promise<Module[]>;
  applyToken(token: TokenView): void;
  removeToken(id: string): void;
  refreshToken(id: string): Promise<TokenView | undefined>;
  setEnabled(id: string, enabled: boolean): Promise<boolean>;
  runBulk(action: BulkAction, ids: string[]): Promise<void>;
  closeBulk(): void;
  setActionError(message: string | null): void;
}

let loadSeq = 0;

/**
 * The cached list read at launch, alongside the connection check (connections.restore asks the
 * keychain and the API; the cached list needs neither), so the first rows do not wait for it.
 * Taken by the first load; forgotten when the connection changes.
 */
let early: Promise<{ list: TokenList; activeId: string | null }> | null = null;

/**
 * At launch the refresh waits for the connection check (connections-store's restore): a rejected
 * credential must lead to the re-enter form, not to a failed refresh on the cached table.
 * Resolves false when the list must not be refreshed.
 */
let syncGate: Promise<boolean> | null = null;

export function holdSyncUntil(gate: Promise<boolean>): void {
  syncGate = gate;
  void gate.then(() => {
    if (syncGate === gate) syncGate = null;
  });
}

export function prefetchCachedTokens(): void {
  if (early) return;
  askCachedList(); // (done already at launch: then this takes that answer)
  early = takeCachedList()!.then(([state, list]) => {
    markOnce('tokens:reply');
    return { list, activeId: state.activeId };
  });
  early.catch(() => undefined);
}

async function cachedList(connectionId: string | undefined): Promise<TokenList> {
  const taken = early;
  early = null;
  if (taken) {
    // Only if it is still the active connection's list (the user may have switched since launch):
    // the page says which connection it shows; else main is asked.
    const got = await taken.catch(() => null);
    if (got && connectionId !== undefined && got.activeId === connectionId) return got.list;
    const state = await desk.call('connections.list');
    if (got && got.activeId === state.activeId) return got.list;
  }
  return desk.call('tokens.cached', { packed: true });
}

interface Rows {
  tokens: TokenView[];
  entries: IndexedToken[];
}

/** The list's rows: asked for packed (one string, not 100,000 objects through the bridge). `read`: the packed list already read. */
function rowsOf(list: TokenList, read?: ReadList): Rows {
  if (list.packed === undefined) return { tokens: list.tokens, entries: indexTokens(list.tokens) };
  const { table } = (read ??= readPackedList(list.packed));
  const tokens = viewsOf(read);
  return { tokens, entries: indexUnpacked({ tokens, table }) };
}

/** A list this big paints before the work that follows it: its first screen before the whole list is built, the whole list before a refresh is read. */
const PAINT_FIRST_ROWS = 10_000;

/** The packed list the rows on screen were unpacked from; forgotten when a row changes here. */
let shownPacked: string | undefined;

function markOnce(name: string) {
  if (typeof performance !== 'undefined' && performance.getEntriesByName(name).length === 0) performance.mark(name);
}

/** Puts a first screen on the page; resolves once it is painted and what waited for that paint (a click, a key) has run. */
async function showFirstScreen(seq: number, state: Partial<TokensState>): Promise<boolean> {
  if (seq !== loadSeq) return false;
  useTokensStore.setState(state);
  await afterNextPaint();
  await new Promise((resolve) => setTimeout(resolve, 0));
  return true;
}

/** The launch's first screen (shell/launch-list.ts), if it is of this connection's big list in the order the page will sort it. */
async function showLaunchFirstScreen(seq: number, connectionId: string | undefined): Promise<boolean> {
  const first = await (takeLaunchFirstScreen() ?? Promise.resolve(null)).catch(() => null);
  if (!first?.list.packed || (first.list.total ?? 0) < PAINT_FIRST_ROWS) return false;
  if (connectionId !== undefined && first.activeId !== connectionId) return false;
  await tokensUiReady;
  const { sort, filters } = useTokensUiStore.getState();
  if (sort.key !== first.sort.key || sort.dir !== first.sort.dir || hasActiveFilters(filters)) return false;
  markOnce('tokens:first-screen');
  return showFirstScreen(seq, {
    ...rowsOf(first.list),
    fetchedAt: first.list.fetchedAt,
    offline: first.list.offline ?? null,
    phase: 'ready',
    loadingTotal: first.list.total ?? null,
  });
}

/** The state of a fresh store, and after `reset()` (e.g. when the connection changes). */
const INITIAL_STATE = {
  tokens: [],
  loadingTotal: null,
  entries: [],
  fetchedAt: null,
  offline: null,
  phase: 'idle',
  syncing: false,
  progress: null,
  loadError: null,
  syncError: null,
  connection: null,
  modules: null,
  modulesPartial: false,
  actionError: null,
  bulk: null,
} satisfies Partial<TokensState>;

export const useTokensStore = create<TokensState>((set, get) => ({
  ...INITIAL_STATE,

  async load(connectionId) {
    const seq = ++loadSeq;
    const hadData = get().phase === 'ready';
    set({ phase: hadData ? 'ready' : 'loading', loadError: null, syncError: null, syncing: true, progress: null });
    markOnce('tokens:load-start');
    void get().loadConnection();
    let shown = hadData;
    if (!hadData) {
      try {
        // A big list's first screen at once (common/first-screen.ts), in the saved sort's order:
        // the launch's small answer when there is one, else picked from the whole list below.
        let firstShown = await showLaunchFirstScreen(seq, connectionId);
        const cached = await cachedList(connectionId);
        if (seq !== loadSeq) return;
        markOnce('tokens:reply');
        const read = cached.packed !== undefined ? readPackedList(cached.packed) : undefined;
        const loaded = { fetchedAt: cached.fetchedAt, offline: cached.offline ?? null, phase: 'ready' } as const;
        if (!firstShown && read && tableSize(read.table) >= PAINT_FIRST_ROWS) {
          await tokensUiReady;
          const { sort, filters } = useTokensUiStore.getState();
          const first = seq === loadSeq ? firstScreen(read, sort, filters) : null;
          if (first) firstShown = await showFirstScreen(seq, { ...first, ...loaded, loadingTotal: tableSize(read.table) });
          if (seq !== loadSeq) return;
        }
        const rows = rowsOf(cached, read);
        if (rows.tokens.length > 0 || cached.fetchedAt) {
          markOnce('tokens:data');
          shownPacked = cached.packed;
          set({ ...rows, ...loaded, loadingTotal: null });
          shown = true;
        }
      } catch {
        // No cache is fine: the sync below decides.
      }
    }
    const off = desk.on('tokens.progress', (p: EventPayload<'tokens.progress'>) => {
      if (seq === loadSeq) set({ progress: { loaded: p.loaded, total: p.total } });
    });
    try {
      if (syncGate && !(await syncGate)) return;
      // The refresh's reply is unpacked on this thread too (a few hundred ms at 100,000 rows):
      // let a big cached list paint first. A small one costs nothing to unpack, so no wait.
      if (!hadData && get().tokens.length >= PAINT_FIRST_ROWS) await afterNextPaint();
      if (seq !== loadSeq) return;
      const list = await desk.call('tokens.sync', { packed: true });
      if (seq !== loadSeq) return;
      markOnce('tokens:reply');
      const done = { fetchedAt: list.fetchedAt, offline: list.offline ?? null, phase: 'ready', syncing: false, progress: null } as const;
      // Nothing changed since the list on screen (the usual refresh): keep it, with its search
      // text, sort orders and selection, instead of unpacking 100,000 rows again.
      if (list.packed !== undefined && list.packed === shownPacked) return set(done);
      const rows = rowsOf(list);
      markOnce('tokens:data');
      shownPacked = list.packed;
      set({ ...rows, ...done });
    } catch (error) {
      if (seq !== loadSeq) return;
      const message = errorMessage(error, 'Could not load the API tokens.');
      if (shown) {
        const offline = DeskError.is(error) && error.code === 'offline' ? { message } : get().offline;
        set({ syncError: offline ? null : message, offline, syncing: false, progress: null });
      } else {
        set({ phase: 'error', loadError: message, syncing: false, progress: null });
      }
    } finally {
      off();
    }
  },

  reset() {
    loadSeq++;
    early = null;
    shownPacked = undefined;
    set(INITIAL_STATE);
    const ui = useTokensUiStore.getState();
    ui.clearSelection();
    ui.closeDetails();
    ui.closeDialog();
    ui.setFocused(null);
  },

  async loadConnection() {
    try {
      const state = await desk.call('connections.list');
      set({ connection: state.connections.find((c) => c.id === state.activeId) ?? null });
    } catch {
      set({ connection: null });
    }
  },

  async loadModules() {
    const known = get().modules;
    if (known) return known;
    const result = await desk.call('tokens.modules');
    set({ modules: result.modules, modulesPartial: result.partial });
    return result.modules;
  },

  applyToken(token) {
    shownPacked = undefined;
    set((s) => {
      const entry = indexToken(token);
      const i = s.tokens.findIndex((t) => t.id === token.id);
      if (i < 0) return { tokens: [token, ...s.tokens], entries: [entry, ...s.entries] };
      const tokens = s.tokens.slice();
      const entries = s.entries.slice();
      tokens[i] = token;
      entries[i] = entry;
      return { tokens, entries };
    });
  },

  removeToken(id) {
    shownPacked = undefined;
    set((s) => {
      const i = s.tokens.findIndex((t) => t.id === id);
      if (i < 0) return {};
      return { tokens: s.tokens.toSpliced(i, 1), entries: s.entries.toSpliced(i, 1) };
    });
    const ui = useTokensUiStore.getState();
    if (ui.selection.has(id)) ui.toggleSelected(id);
    if (ui.selectedTokenId === id) ui.closeDetails();
  },

  async refreshToken(id) {
    try {
      const token = await desk.call('tokens.get', { id });
      get().applyToken(token);
      return token;
    } catch {
      return undefined;
    }
  },

  async setEnabled(id, enabled) {
    const before = get().tokens.find((t) => t.id === id);
    if (!before) return false;
    const target = enabled ? 'Active' : 'Disabled';
    // Optimistic: the row and the details change at once.
    get().applyToken({ ...before, status: target });
    set({ actionError: null });
    try {
      const updated = await desk.call(enabled ? 'tokens.enable' : 'tokens.disable', { id });
      get().applyToken(updated);
      return true;
    } catch (error) {
      const current = get().tokens.find((t) => t.id === id);
      if (current && current.status === target) get().applyToken({ ...current, status: before.status });
      set({
        actionError: `Could not ${enabled ? 'enable' : 'disable'} “${before.name}”: ${errorMessage(error)} It is ${before.status.toLowerCase()} again.`,
      });
      return false;
    }
  },

  runBulk(action, ids) {
    return runBulk(
      {
        tokens: () => get().tokens,
        bulk: () => get().bulk,
        setBulk: (bulk) => set({ bulk }),
        applyToken: (token) => get().applyToken(token),
        removeToken: (id) => get().removeToken(id),
      },
      action,
      ids,
    );
  },

  closeBulk: () => set({ bulk: null }),
  setActionError: (actionError) => set({ actionError }),
}));
