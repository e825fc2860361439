/**
 * The token list of the active connection and the changes made to it. Server data only; what
 * the user filters and selects lives in tokens-ui-store. Each job lives in its own file:
 * list-load.ts (loading and refreshing), token-actions.ts (single tokens, optimistic
 * enable / disable), bulk.ts (bulk runs); state.ts holds the shape.
 */
import { create } from 'zustand';
import { useConnectionsStore } from '../../connections/connections-store';
import { bulkActions } from './bulk';
import { listLoading } from './list-load';
import { useModulesStore } from './modules-store';
import { INITIAL_DATA, type TokensState } from './state';
import { tokenActions } from './token-actions';
import { useTokensUiStore } from './tokens-ui-store';

export type { LoadPhase, TokensState } from './state';
export type { BulkAction, BulkResultItem, BulkState } from '../bulk-runner';

export const useTokensStore = create<TokensState>((set, get) => {
  const { forget, ...loading } = listLoading(set, get);
  return {
    ...INITIAL_DATA,
    ...loading,
    ...tokenActions(set, get),
    ...bulkActions(set, get),
    reset() {
      forget();
      set(INITIAL_DATA);
      useModulesStore.getState().reset();
      const ui = useTokensUiStore.getState();
      ui.clearSelection();
      ui.closeDetails();
      ui.closeDialog();
      ui.setFocused(null);
    },
  };
});

// The list belongs to one connection: another one becoming active forgets it, before the page
// renders for the new one (an answer still on its way for the old one then lands nowhere). A
// rejected credential replaces the table with the re-enter form: once the token is entered
// again, the list loads afresh. The launch's first answer (no connection known yet) keeps what
// was already asked for.
useConnectionsStore.subscribe((state, prev) => {
  const switched = prev.activeId !== null && state.activeId !== prev.activeId;
  const rejected = state.needsToken !== undefined && state.needsToken !== prev.needsToken;
  if (switched || rejected) useTokensStore.getState().reset();
});
