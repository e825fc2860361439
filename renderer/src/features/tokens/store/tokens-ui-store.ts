/**
 * What the user is looking at in the token table: filters, sort, selection, the focused row
 * and which token's details are open. Filters and sort are saved through the prefs adapter.
 */
import { create } from 'zustand';
import { DEFAULT_SORT, type SortKey, type SortState } from '../../../../../common/token-sort';
import { DEFAULT_FILTERS } from '../filtering';
import type { TokenFilters } from '../filtering';
import * as prefs from '../prefs';

export type DetailsTab = 'general' | 'modules' | 'details' | 'audit';
export type TokenDialog =
  | { kind: 'edit'; tokenId: string }
  | { kind: 'delete'; tokenId: string }
  | { kind: 'addValue'; tokenId: string }
  | { kind: 'bulkDelete'; ids: string[] };

interface TokensUiState {
  filters: TokenFilters;
  sort: SortState;
  /** Ids of the selected rows (multi-select). */
  selection: ReadonlySet<string>;
  /** The row with the keyboard focus (roving tabindex). */
  focusedId: string | null;
  /** The token whose details are open; null shows the table. */
  selectedTokenId: string | null;
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
  /** Click on a column header: same column flips the direction, a new one starts ascending. */
  toggleSort(key: SortKey): void;
  setSort(sort: SortState): void;
  toggleSelected(id: string): void;
  setSelection(ids: Iterable<string>): void;
  clearSelection(): void;
  setFocused(id: string | null): void;
  openDetails(id: string, tab?: DetailsTab): void;
  closeDetails(): void;
  /** Close the details and have the table bring back the token's row, focused. */
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
  selectedTokenId: null,
  detailsTab: 'general',
  dialog: null,
  rowToRestore: null,
  setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch } })),
  clearFilters: () => set({ filters: DEFAULT_FILTERS }),
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
  openDetails: (id, tab = 'general') => set({ selectedTokenId: id, focusedId: id, detailsTab: tab }),
  closeDetails: () => set({ selectedTokenId: null }),
  backToList: (id) => set({ selectedTokenId: null, focusedId: id, rowToRestore: id }),
  takeRowToRestore: () => {
    const id = get().rowToRestore;
    if (id !== null) set({ rowToRestore: null });
    return id;
  },
  setDetailsTab: (detailsTab) => set({ detailsTab }),
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
}));

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
