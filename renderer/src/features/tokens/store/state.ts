/**
 * The token list's state: its shape and the values of a fresh store. The jobs that change it
 * (list-load.ts, token-actions.ts, bulk.ts) are composed into one store in tokens-store.ts.
 */
import type { StoreApi } from 'zustand';
import type { TokenView } from '../../../../../common/contract';
import type { OfflineState } from '../../../../../common/messages';
import type { IndexedToken } from '../token-index';
import type { BulkAction, BulkState } from '../bulk-runner';

export type LoadPhase = 'idle' | 'loading' | 'ready' | 'error';

export interface TokensData {
  /** The connection the list is of, as the page named it when it asked for the list. */
  connectionId: string | undefined;
  tokens: TokenView[];
  /** While only the first screen of a big list is shown: how many tokens the whole list has. */
  loadingTotal: number | null;
  /** The tokens' search and sort entries, kept beside them (entries[i].token === tokens[i]): a change to one token re-indexes that one. */
  entries: IndexedToken[];
  /**
   * The packed list the rows were read from, while no row has changed here: a refresh that
   * answers the same string keeps the rows (with their search text and sort orders) as they are.
   */
  packed: string | undefined;
  fetchedAt: string | null;
  /** Set when the list shown comes from the offline cache. */
  offline: OfflineState | null;
  phase: LoadPhase;
  syncing: boolean;
  progress: { loaded: number; total: number } | null;
  /** The list could not be loaded at all (nothing to show). */
  loadError: string | null;
  /** A refresh failed while (cached) data is on screen. */
  syncError: string | null;
  /** The last failed action, shown until dismissed. */
  actionError: string | null;
  bulk: BulkState | null;
}

export interface ListLoading {
  /** `connectionId`: the connection the page shows (lets the launch's early read be used without asking again). */
  load(connectionId?: string): Promise<void>;
  /** Starts reading the cached list before the page asks for it (at launch, beside the connection check). */
  prefetch(): void;
}

export interface TokenActions {
  applyToken(token: TokenView): void;
  removeToken(id: string): void;
  refreshToken(id: string): Promise<TokenView | undefined>;
  /** Optimistic: the row changes at once and changes back, with a message, if main refuses. */
  setEnabled(id: string, enabled: boolean): Promise<boolean>;
  setActionError(message: string | null): void;
}

export interface BulkActions {
  runBulk(action: BulkAction, ids: string[]): Promise<void>;
  closeBulk(): void;
}

export interface TokensState extends TokensData, ListLoading, TokenActions, BulkActions {
  /** Forget everything (another connection became active, or its credential was rejected). */
  reset(): void;
}

export type SetTokens = StoreApi<TokensState>['setState'];
export type GetTokens = StoreApi<TokensState>['getState'];

export const INITIAL_DATA: TokensData = {
  connectionId: undefined,
  tokens: [],
  loadingTotal: null,
  entries: [],
  packed: undefined,
  fetchedAt: null,
  offline: null,
  phase: 'idle',
  syncing: false,
  progress: null,
  loadError: null,
  syncError: null,
  actionError: null,
  bulk: null,
};
