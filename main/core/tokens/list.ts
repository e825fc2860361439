/**
 * The token list: `tokens.cached` (what is on disk, at once) and `tokens.sync` (the first time
 * the whole list with the concurrent pager, after that only what changed: delta-sync.ts; then
 * cached). Stale-while-revalidate: the renderer calls cached first, then sync.
 *
 * `packed: true` (what the renderer asks for) sends the compact table as one string
 * (common/token-list-wire.ts) instead of one object per token, so the reply gate checks one
 * string rather than walking every object of a large list. A packed `tokens.cached` reads no keychain: the
 * key icons come from the ids last seen there (the sync that follows reads the keychain), so
 * the start shows the cached rows with nothing but a file read.
 */
import type { TokenList } from '../../../common/contract';
import { firstRows } from '../../../common/first-screen';
import type { SortState } from '../../../common/token-sort';
import { packTokenList } from '../../../common/token-list-wire';
import { subTable, tableSize } from '../../../common/token-table';
import type { HandlerContext } from '../dispatch';
import type { OfflineCache } from '../cache';
import type { ConnectionService } from '../connections';
import type { Sessions } from '../session';
import type { TokenListState } from '../token-list-cache';
import { syncTokenList } from './delta-sync';
import { isUnreachable, offlineStateOf } from '../../../common/messages';
import { throttleProgress } from '../progress';
import { loadViewContext, toView, type ViewContext, type ViewServices } from './views';

/** What the token list needs: the session to sync, the cache it answers from, the view facts. */
export type ListServices = ViewServices &
  Sessions & {
    cache: OfflineCache;
    connections: Pick<ConnectionService, 'active'>;
  };

export interface ListOptions {
  packed?: boolean;
  first?: { count: number; sort: SortState };
}

async function viewContext(services: ListServices, connectionId: string, ctx: HandlerContext): Promise<ViewContext> {
  const views = await loadViewContext(services, connectionId, (error) =>
    ctx.emit('app.notice', { level: 'warning', message: `Stored token values cannot be checked: ${error.message}` }),
  );
  services.cache.tokenLists.setValueIds(connectionId, [...views.valueIds]);
  services.cache.rememberValueFacts(connectionId, [...views.valueIds]);
  return views;
}

function answer(services: ListServices, state: TokenListState | undefined, views: ViewContext, packed: boolean): TokenList {
  const fetchedAt = state?.fetchedAt ?? null;
  if (packed) return state ? { tokens: [], packed: packTokenList(state.table, views, services.cache.tokenLists.tableJsonOf(state)), fetchedAt } : { tokens: [], fetchedAt };
  const items = state ? services.cache.tokenLists.itemsOf(state) : [];
  return { tokens: items.map((t) => toView(t, views)), fetchedAt };
}

async function listFrom(services: ListServices, connectionId: string, ctx: HandlerContext, packed: boolean): Promise<TokenList> {
  const state = services.cache.tokenTable(connectionId);
  return answer(services, state, await viewContext(services, connectionId, ctx), packed);
}

/** The active connection's cached list; empty with fetchedAt null when nothing is cached. */
export async function cachedTokens(services: ListServices, ctx: HandlerContext, options: ListOptions = {}): Promise<TokenList> {
  // No API client here: the cached list must show even when the credential cannot be read.
  const profile = services.connections.active();
  if (!profile) return { tokens: [], fetchedAt: null };
  if (!options.packed) return listFrom(services, profile.id, ctx, false);
  const state = services.cache.tokenTable(profile.id);
  const known = { valueIds: new Set(state?.valueIds ?? []), ...services.links.index(profile.id) };
  if (options.first) return firstScreenOf(state, known, options.first);
  return answer(services, state, known, true);
}

/** The first rows in the sort's order, and how many the list has (a few KB, sent before the whole list). */
function firstScreenOf(state: TokenListState | undefined, known: ViewContext, first: NonNullable<ListOptions['first']>): TokenList {
  if (!state) return { tokens: [], fetchedAt: null, total: 0 };
  const total = tableSize(state.table);
  const rows = firstRows(state.table, first.sort, first.count);
  if (!rows) return { tokens: [], fetchedAt: state.fetchedAt, total };
  return { tokens: [], packed: packTokenList(subTable(state.table, rows), known), fetchedAt: state.fetchedAt, total };
}

/**
 * Every token of the account (the client adds `select=audit` for the Created by/at columns),
 * with `tokens.progress` events: a delta from the cached list when it has a mark, else a full
 * sync. Unreachable API -> the cached list with an `offline` notice; any other failure (401,
 * 403, 5xx) is thrown: the user must see it, not stale data.
 */
export async function syncTokens(services: ListServices, ctx: HandlerContext, options: ListOptions = {}): Promise<TokenList> {
  const { profile, client } = await services.session();
  const onProgress = throttleProgress((loaded, total) => ctx.emit('tokens.progress', { loaded, total }));
  const held = services.cache.tokenTable(profile.id);
  let result;
  try {
    result = await syncTokenList(client.tokens, held ? { ids: held.table.id, mark: held.mark } : undefined, { onProgress });
  } catch (error) {
    if (!isUnreachable(error)) throw error;
    const list = await listFrom(services, profile.id, ctx, options.packed === true);
    return { ...list, offline: offlineStateOf(error) };
  }
  if (result.kind === 'full') services.cache.putTokenTable(profile.id, result.table, result.mark);
  else services.cache.patchTokens(profile.id, result.changed, result.removed, result.mark);
  return listFrom(services, profile.id, ctx, options.packed === true);
}
