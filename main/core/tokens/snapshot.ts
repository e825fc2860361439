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

export function upsertCachedToken(cache: OfflineCache, connectionId: string, token: ApiToken): void {
  cache.changeTokens(connectionId, [token], []);
}

export function removeCachedTokens(cache: OfflineCache, connectionId: string, ids: readonly string[]): void {
  if (cache.tokenFacts(connectionId, ids).size === 0) return; // none of them is in the list
  cache.changeTokens(connectionId, [], ids);
}

/** The cached name of a token, for messages ("Copied CI pipeline"): one row of the table, not the whole list as objects. */
export function cachedName(cache: OfflineCache, connectionId: string, tokenId: string): string | undefined {
  return cache.tokenFacts(connectionId, [tokenId]).get(tokenId)?.name;
}
