/**
 * The token list: `tokens.cached` (what is on disk, at once) and `tokens.sync` (the first time
 * the whole list with the concurrent pager, after that only what changed: delta-sync.ts; then
 * cached). Stale-while-revalidate: the renderer calls cached first, then sync.
 */
import type { TokenList } from '../../../common/contract';
import type { HandlerContext } from '../dispatch';
import type { CacheSnapshot, CachedToken } from '../cache';
import type { CoreServices } from '../services';
import { syncTokenList } from './delta-sync';
import { isUnreachable, offlineNotice } from './offline';
import { throttleProgress } from './progress';
import { cachedItems, loadViewContext, toView } from './views';

async function listFrom(
  services: CoreServices,
  connectionId: string,
  snapshot: CacheSnapshot<CachedToken> | undefined,
  ctx: HandlerContext,
): Promise<TokenList> {
  const views = await loadViewContext(services, connectionId, (error) =>
    ctx.emit('app.notice', { level: 'warning', message: `Stored token values cannot be checked: ${error.message}` }),
  );
  return {
    tokens: cachedItems(snapshot).map((t) => toView(t, views)),
    fetchedAt: snapshot?.fetchedAt ?? null,
  };
}

/** The active connection's cached snapshot; empty with fetchedAt null when nothing is cached. */
export async function cachedTokens(services: CoreServices, ctx: HandlerContext): Promise<TokenList> {
  // No API client here: the cached list must show even when the credential cannot be read.
  const profile = services.connections.active();
  if (!profile) return { tokens: [], fetchedAt: null };
  return listFrom(services, profile.id, services.cache.getTokens(profile.id), ctx);
}

/**
 * Every token of the account (the client adds `select=audit` for the Created by/at columns),
 * with `tokens.progress` events: a delta from the cached list when it has a mark, else a full sync. Unreachable API -> the cached list with an `offline` notice;
 * any other failure (401, 403, 5xx) is thrown: the user must see it, not stale data.
 */
export async function syncTokens(services: CoreServices, ctx: HandlerContext): Promise<TokenList> {
  const { profile, client } = await services.session();
  const onProgress = throttleProgress((loaded, total) => ctx.emit('tokens.progress', { loaded, total }));
  const base = services.cache.getTokens(profile.id);
  let result;
  try {
    result = await syncTokenList(client.tokens, base ? { items: cachedItems(base), mark: base.mark ?? null } : undefined, { onProgress });
  } catch (error) {
    if (!isUnreachable(error)) throw error;
    const snapshot = services.cache.getTokens(profile.id);
    const list = await listFrom(services, profile.id, snapshot, ctx);
    return { ...list, offline: offlineNotice(list.fetchedAt) };
  }
  const snapshot = services.cache.putTokens(profile.id, result.items, undefined, result.mark);
  return listFrom(services, profile.id, snapshot, ctx);
}
