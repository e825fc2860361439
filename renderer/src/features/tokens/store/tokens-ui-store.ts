/**
 * What the user is looking at in the token table: filters, sort, selection, the focused row
 * and the details' tab. Which token's details are open is the address (`/tokens/TKN-…`, see
 * shell/routes.ts); the actions here go there. Filters and sort are saved through the prefs adapter.
 */
import { create } from 'zustand';
import { go, useRouter } from '../../../shell/router';
import { pathTo } from '../../../shell/routes';
import { DEFAULT_SORT, type SortKey, type SortState } from '../../../../../common/token-sort';
import { DEFAULT_FILTERS } from '../filtering';
import type { TokenFilters } from '../filtering';
import * as prefs from '../prefs';

export type DetailsTab = 'general' | 'modules' | 'details' | 'audit';
export type TokenDialog =
  | { kind: 'edit'; tokenId: string }
  | { kind: 'delete'; tokenId: string }
  | { kind: 'disable'; tokenId: string }
  | { kind: 'addValue'; tokenId: string }
  | { kind: 'bulkDelete'; ids: string[] };

interface TokensUiState {
  filters: TokenFilters;
  sort: SortState;
  /** Ids of the selected rows (multi-select). */
  selection: ReadonlySet<string>;
  /** The row with the keyboard focus (roving tabindex). */
  focusedId: string | null;
  detailsTab: DetailsTab;
  /** The open dialog, if any (one at a time). */
  dialog: TokenDialog | null;
  /**
   * Details → table: the row to scroll to and focus when the table mounts again (it mounts at
   * the top, so that row may not be rendered yet). The table takes it once.
   */
  rowToRestore: string | null;
  setFilters(patch: Partial<TokenFilters>): void;
  clearFilters(): void;
  /**
   * The list with exactly these filters (the others cleared, no selection), e.g. an Overview bar's
   * tokens: whatever was typed or chosen before would show fewer than the bar counts.
   */
  showFiltered(filters: Partial<TokenFilters>): void;
  /** Click on a column header: same column flips the direction, a new one starts ascending. */
  toggleSort(key: SortKey): void;
  setSort(sort: SortState): void;
  toggleSelected(id: string): void;
  setSelection(ids: Iterable<string>): void;
  clearSelection(): void;
  setFocused(id: string | null): void;
  /** Goes to the token's address, on the given tab (General by default). */
  openDetails(id: string, tab?: DetailsTab): void;
  /** Leaves a token's details for the list in place of the current entry (the token is gone). */
  closeDetails(): void;
  /** Goes to the list, which brings back the token's row, focused. */
  backToList(id: string): void;
  /** The row to restore, cleared as it is read. */
  takeRowToRestore(): string | null;
  setDetailsTab(tab: DetailsTab): void;
  openDialog(dialog: TokenDialog): void;
  closeDialog(): void;
}

// Saved prefs arrive asynchronously (a call to main); defaults apply until then.
const loaded = prefs.load();

export const useTokensUiStore = create<TokensUiState>((set, get) => ({
  filters: DEFAULT_FILTERS,
  sort: DEFAULT_SORT,
  selection: new Set(),
  focusedId: null,
  detailsTab: 'general',
  dialog: null,
  rowToRestore: null,
  setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch } })),
  clearFilters: () => set({ filters: DEFAULT_FILTERS }),
  showFiltered: (filters) => {
    set({ filters: { ...DEFAULT_FILTERS, ...filters }, selection: new Set(), focusedId: null, rowToRestore: null });
    go('tokens');
  },
  toggleSort: (key) =>
    set((s) => ({ sort: s.sort.key === key ? { key, dir: s.sort.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' } })),
  setSort: (sort) => set({ sort }),
  toggleSelected: (id) =>
    set((s) => {
      const next = new Set(s.selection);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return { selection: next };
    }),
  setSelection: (ids) => set({ selection: new Set(ids) }),
  clearSelection: () => set({ selection: new Set() }),
  setFocused: (focusedId) => set({ focusedId }),
  openDetails: (id, tab = 'general') => {
    set({ focusedId: id, detailsTab: tab });
    go('token', { id });
  },
  closeDetails: () => {
    if (openTokenId() !== null) useRouter.getState().navigate(pathTo('tokens'), { replace: true });
  },
  backToList: (id) => {
    set({ focusedId: id, rowToRestore: id });
    go('tokens');
  },
  takeRowToRestore: () => {
    const id = get().rowToRestore;
    if (id !== null) set({ rowToRestore: null });
    return id;
  },
  setDetailsTab: (detailsTab) => set({ detailsTab }),
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
}));

/** The token whose details the address names, or null. */
export function openTokenId(): string | null {
  const { match } = useRouter.getState();
  return match.name === 'token' ? match.params.id : null;
}

// However the details are left for the list (a link, the sidebar, the history's Back), the table
// brings back that token's row.
useRouter.subscribe((state, prev) => {
  if (prev.match.name === 'token' && state.match.name === 'tokens') {
    const id = prev.match.params.id;
    useTokensUiStore.setState({ focusedId: id, rowToRestore: id });
  }
});

let touched = false;
useTokensUiStore.subscribe((state, prev) => {
  if (state.filters !== prev.filters || state.sort !== prev.sort) {
    touched = true;
    prefs.save({ filters: state.filters, sort: state.sort });
  }
});

/** Resolves once the saved filters and sort are in the store (or are known to be missing). */
export const tokensUiReady: Promise<void> = loaded.then(
  (p) => {
    if (p && !touched) useTokensUiStore.setState({ filters: { ...DEFAULT_FILTERS, ...p.filters }, sort: p.sort ?? DEFAULT_SORT });
  },
  () => undefined,
);
