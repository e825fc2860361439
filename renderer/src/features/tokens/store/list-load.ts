/**
 * Loading the list: the cached list at once (a big list's first screen before the whole list),
 * then a refresh from the Marketplace with progress. A load started later, or a reset, makes an
 * older load's answers land nowhere.
 */
import type { EventPayload, TokenList, TokenView } from '../../../../../common/contract';
import { readPackedList, readPackedListInSlices, type ReadList } from '../../../../../common/token-list-wire';
import { tableSize } from '../../../../../common/token-table';
import { isUnreachable, offlineStateOf } from '../../../../../common/messages';
import { desk } from '../../../desk';
import { errorMessage } from '../../../error-message';
import { askCachedList, takeCachedList, takeLaunchFirstScreen } from '../../../shell/launch-list';
import { afterNextPaint } from '../../../ui/after-paint';
import { backgroundTurn } from '../../../ui/background';
import { markOnce } from '../../../ui/timing';
import { useConnectionsStore } from '../../connections/connections-store';
import { hasActiveFilters } from '../filtering';
import { indexTokens, type IndexedToken } from '../token-index';
import { lazyRows, lazyRowsBuilder } from '../lazy-rows';
import { firstScreen } from '../first-screen';
import { carryOver } from '../carry-over';
import type { GetTokens, ListLoading, SetTokens, TokensData } from './state';
import { tokensUiReady, useTokensUiStore } from './tokens-ui-store';

/** A list this big paints before the work that follows it: its first screen before the whole list is built, the whole list before a refresh is read. */
const PAINT_FIRST_ROWS = 10_000;

interface Rows {
  tokens: TokenView[];
  entries: IndexedToken[];
}

/** The list's rows: asked for packed (one string, not an object per token through the bridge). `read`: the packed list already read. */
function rowsOf(list: TokenList, read?: ReadList): Rows {
  if (list.packed === undefined) return { tokens: list.tokens, entries: indexTokens(list.tokens) };
  return lazyRows(read ?? readPackedList(list.packed));
}

/** Entries a refresh builds at a time, and how long it keeps the page's thread before letting go. */
const ROWS_PER_STEP = 5_000;
const SLICE_MS = 8;
/** One turn of the page's thread for whatever waits (a key, a click, a paint). */
const letGo = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
/** For a refresh, which may arrive while someone types: everything else goes first. */
const letInputGo = backgroundTurn;
const clock = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * A refresh's rows, built a slice at a time with the page's thread let go between slices: the
 * list arrives while someone may be typing, and a key must not wait for a whole big list to be
 * built. What the list on screen (`shown`) derived is carried over (carry-over.ts), so the swap
 * and the first search after it do not compute it again for every row. (The list on screen
 * stays until the new one is whole.)
 */
async function rowsInSlices(list: TokenList, shown: readonly IndexedToken[]): Promise<Rows> {
  if (list.packed === undefined) return rowsOf(list);
  const read = await readPackedListInSlices(list.packed, letInputGo, { inPieces: true });
  if (tableSize(read.table) < PAINT_FIRST_ROWS) return rowsOf(list, read);
  const builder = lazyRowsBuilder(read);
  let sliceStart = clock();
  while (builder.more(ROWS_PER_STEP)) {
    if (clock() - sliceStart >= SLICE_MS) {
      await letInputGo();
      sliceStart = clock();
    }
  }
  const rows = builder.rows();
  await carryOver(shown, rows.entries, letInputGo);
  return rows;
}

/**
 * At launch the refresh waits for the connection check (connections-store's restore): a rejected
 * credential must lead to the re-enter form, not to a failed refresh on the cached table.
 */
async function mayRefresh(): Promise<boolean> {
  const check = useConnectionsStore.getState().checking;
  return check ? check : true;
}

export function listLoading(set: SetTokens, get: GetTokens): ListLoading & { forget(): void } {
  /** Counts loads and resets: a load whose number is not the latest drops its answers. */
  let seq = 0;
  /**
   * The cached list read at launch, alongside the connection check (it needs no keychain or
   * network), so the first rows do not wait for it. Taken by the first load; forgotten on reset.
   */
  let early: Promise<{ list: TokenList; activeId: string | null }> | null = null;

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
    return desk.call('tokens.cached', { packed: true, ...(connectionId !== undefined ? { connectionId } : {}) });
  }

  /** Puts a first screen on the page; resolves once it is painted and what waited for that paint (a click, a key) has run. */
  async function showFirstScreen(mine: number, state: Partial<TokensData>): Promise<boolean> {
    if (mine !== seq) return false;
    set(state);
    await afterNextPaint();
    await new Promise((resolve) => setTimeout(resolve, 0));
    return true;
  }

  /** The launch's first screen (shell/launch-list.ts), if it is of this connection's big list in the order the page will sort it. */
  async function showLaunchFirstScreen(mine: number, connectionId: string | undefined): Promise<boolean> {
    const first = await (takeLaunchFirstScreen() ?? Promise.resolve(null)).catch(() => null);
    if (!first?.list.packed || (first.list.total ?? 0) < PAINT_FIRST_ROWS) return false;
    if (connectionId !== undefined && first.activeId !== connectionId) return false;
    await tokensUiReady;
    const { sort, filters } = useTokensUiStore.getState();
    if (sort.key !== first.sort.key || sort.dir !== first.sort.dir || hasActiveFilters(filters)) return false;
    markOnce('tokens:first-screen');
    return showFirstScreen(mine, {
      ...rowsOf(first.list),
      fetchedAt: first.list.fetchedAt,
      offline: first.list.offline ?? null,
      phase: 'ready',
      loadingTotal: first.list.total ?? null,
    });
  }

  /** The cached list, its first screen first when it is big. Resolves whether rows are shown. */
  async function showCached(mine: number, connectionId: string | undefined): Promise<boolean> {
    // A big list's first screen at once (common/first-screen.ts), in the saved sort's order:
    // the launch's small answer when there is one, else picked from the whole list below.
    let firstShown = await showLaunchFirstScreen(mine, connectionId);
    const cached = await cachedList(connectionId);
    if (mine !== seq) return false;
    markOnce('tokens:reply');
    // Read a column at a time: the first screen is up, and a click on it must not wait for the whole parse.
    const read = cached.packed !== undefined ? await readPackedListInSlices(cached.packed, letGo) : undefined;
    if (mine !== seq) return false;
    const loaded = { fetchedAt: cached.fetchedAt, offline: cached.offline ?? null, phase: 'ready' } as const;
    if (!firstShown && read && tableSize(read.table) >= PAINT_FIRST_ROWS) {
      await tokensUiReady;
      const { sort, filters } = useTokensUiStore.getState();
      const first = mine === seq ? firstScreen(read, sort, filters) : null;
      if (first) firstShown = await showFirstScreen(mine, { ...first, ...loaded, loadingTotal: tableSize(read.table) });
      if (mine !== seq) return false;
    }
    const rows = rowsOf(cached, read);
    if (rows.tokens.length === 0 && !cached.fetchedAt) return false;
    markOnce('tokens:data');
    set({ ...rows, ...loaded, packed: cached.packed, loadingTotal: null });
    return true;
  }

  return {
    async load(connectionId) {
      const mine = ++seq;
      const hadData = get().phase === 'ready';
      if (connectionId !== undefined) set({ connectionId });
      set({ phase: hadData ? 'ready' : 'loading', loadError: null, syncError: null, syncing: true, progress: null });
      markOnce('tokens:load-start');
      let shown = hadData;
      if (!hadData) {
        // No cache is fine: the refresh below decides.
        shown = await showCached(mine, connectionId).catch(() => false);
        if (mine !== seq) return;
      }
      const off = desk.on('tokens.progress', (p: EventPayload<'tokens.progress'>) => {
        if (mine === seq) set({ progress: { loaded: p.loaded, total: p.total } });
      });
      try {
        if (!(await mayRefresh())) return;
        // The refresh's reply is unpacked on this thread too (long for a big list):
        // let a big cached list paint first. A small one costs nothing to unpack, so no wait.
        if (!hadData && get().tokens.length >= PAINT_FIRST_ROWS) await afterNextPaint();
        if (mine !== seq) return;
        const list = await desk.call('tokens.sync', { packed: true });
        if (mine !== seq) return;
        markOnce('tokens:reply');
        const done = { fetchedAt: list.fetchedAt, offline: list.offline ?? null, phase: 'ready', syncing: false, progress: null } as const;
        // Nothing changed since the list on screen (the usual refresh): keep it, with its search
        // text, sort orders and selection, instead of unpacking every row again.
        if (list.packed !== undefined && list.packed === get().packed) return set(done);
        const rows = await rowsInSlices(list, get().entries);
        if (mine !== seq) return;
        markOnce('tokens:data');
        set({ ...rows, ...done, packed: list.packed });
      } catch (error) {
        if (mine !== seq) return;
        const message = errorMessage(error, 'Could not load the API tokens.');
        if (shown) {
          const offline = isUnreachable(error) ? offlineStateOf(error) : get().offline;
          set({ syncError: offline ? null : message, offline, syncing: false, progress: null });
        } else {
          set({ phase: 'error', loadError: message, syncing: false, progress: null });
        }
      } finally {
        off();
      }
    },

    prefetch() {
      if (early) return;
      askCachedList(); // (done already at launch: then this takes that answer)
      early = takeCachedList()!.then(([state, list]) => {
        markOnce('tokens:reply');
        return { list, activeId: state.activeId };
      });
      early.catch(() => undefined);
    },

    forget() {
      seq++;
      early = null;
    },
  };
}
