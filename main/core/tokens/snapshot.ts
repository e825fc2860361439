/**
 * Keeps the cached token list in step with single-token changes (enable, disable, edit,
 * delete), so a restart while offline shows the state the user last saw, not the state of the
 * last full sync.
 *
 * Only an EXISTING snapshot is touched: writing a one-token snapshot where there was none would
 * make `tokens.cached` present one token as the whole account.
 * The snapshot keeps its `fetchedAt`: "offline — data from …" still names the last full sync;
 * and its delta mark: these are the server's answers, but other people's changes since the
 * last sync are still to be fetched.
 */
import type { ApiToken } from '../../../common/domain';
import type { OfflineCache } from '../cache';
import { cachedItems } from './views';

export function upsertCachedToken(cache: OfflineCache, connectionId: string, token: ApiToken): void {
  const snapshot = cache.getTokens(connectionId);
  if (!snapshot) return;
  let found = false;
  const items = cachedItems(snapshot).map((t) => {
    if (t.id !== token.id) return t;
    found = true;
    return token;
  });
  if (!found) items.push(token);
  cache.putTokens(connectionId, items, snapshot.fetchedAt, snapshot.mark);
}

export function removeCachedTokens(cache: OfflineCache, connectionId: string, ids: readonly string[]): void {
  const snapshot = cache.getTokens(connectionId);
  if (!snapshot) return;
  const gone = new Set(ids);
  const items = cachedItems(snapshot);
  if (!items.some((t) => gone.has(t.id))) return;
  cache.putTokens(connectionId, items.filter((t) => !gone.has(t.id)), snapshot.fetchedAt, snapshot.mark);
}

/** The cached name of a token, for messages ("Copied CI pipeline"): one row of the table, not the whole list as objects. */
export function cachedName(cache: OfflineCache, connectionId: string, tokenId: string): string | undefined {
  return cache.tokenFacts(connectionId, [tokenId]).get(tokenId)?.name;
}
