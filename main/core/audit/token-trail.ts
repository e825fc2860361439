/**
 * A token's audit trail (the details' "Audit trail" tab): the whole trail, newest first, paged
 * from the offline audit cache (audit/cache.ts), which fills as the user scrolls.
 *
 * - First page with `refresh`: if the cache already holds the top of the trail, ask only for
 *   records at or after its newest timestamp (`ge`, not `gt`: two records can share a
 *   millisecond; the one already cached is dropped by id), so an unchanged trail is ONE request.
 *   Otherwise fetch the newest page.
 * - Older pages: served from the cache while it has them; beyond, the next API page
 *   (offset = what is cached, which is always a newest-first prefix of the trail) is fetched,
 *   validated and committed, then served.
 * - API unreachable: the cache, with the "offline — data from …" notice. The API answered but
 *   the refresh failed (a malformed page, a 5xx): the cache, with `refreshError`. Anything else
 *   (401, 403, 404) is thrown, like the token list does.
 */
import type { TokenTrail } from '../../../common/audit-log';
import { DeskError } from '../../../common/errors';
import { and, eq, ge } from '../api/rql';
import { AuditCacheDamaged, type AuditCache } from './cache';
import { entryOf } from './entries';
import type { Sessions } from '../session';
import { isUnreachable, offlineStateOf } from '../../../common/messages';

/** Records per API page (the platform maximum). */
const API_PAGE = 100;

/** What a token's trail needs: the session to fetch it, and the audit cache that holds it. */
export type AuditServices = Sessions & { audit: AuditCache };

export interface TrailInput {
  id: string;
  offset: number;
  limit: number;
  refresh: boolean;
}

/** A refresh that failed after the API answered: shown with the cached data, never thrown. */
export function isRefreshFailure(error: unknown): error is DeskError {
  return DeskError.is(error) && (error.code === 'server' || error.code === 'rate_limited');
}

export async function tokenTrail(services: AuditServices, input: TrailInput): Promise<TokenTrail> {
  try {
    return await trail(services, input);
  } catch (error) {
    if (!(error instanceof AuditCacheDamaged)) throw error;
    return trail(services, input); // the damaged cache was reset: once more, from the API
  }
}

async function trail(services: AuditServices, input: TrailInput): Promise<TokenTrail> {
  const { profile, client } = await services.session();
  const cache = services.audit;
  const conn = profile.id;
  let notice: Pick<TokenTrail, 'offline' | 'refreshError'> = {};
  try {
    const cached = await cache.forToken(conn, input.id);
    const complete = await isComplete(services, conn, input.id);
    const covered = complete || (await cache.tokenCoverage(conn, input.id)) !== undefined;
    const now = () => new Date().toISOString();
    if (input.offset === 0 && (input.refresh || !covered)) {
      const newest = cached[0];
      if (covered && newest) {
        const records = await client.audit.listAll(and(eq('object.id', input.id), ge('timestamp', newest.timestamp)));
        await cache.commit(conn, { add: records.map(entryOf), tokens: { [input.id]: { complete, fetchedAt: now() } } });
      } else {
        const page = await client.audit.listPage(eq('object.id', input.id), { offset: 0, limit: API_PAGE });
        await cache.commit(conn, { add: page.items.map(entryOf), tokens: { [input.id]: { complete: page.items.length >= page.total, fetchedAt: now() } } });
      }
    } else if (!complete && input.offset + input.limit > cached.length) {
      const page = await client.audit.listPage(eq('object.id', input.id), { offset: cached.length, limit: API_PAGE });
      const done = page.items.length < API_PAGE || cached.length + page.items.length >= page.total;
      const fetchedAt = (await cache.tokenCoverage(conn, input.id))?.fetchedAt ?? now();
      await cache.commit(conn, { add: page.items.map(entryOf), tokens: { [input.id]: { complete: done, fetchedAt } } });
    }
  } catch (error) {
    if (error instanceof AuditCacheDamaged) throw error;
    if (isUnreachable(error)) notice = { offline: offlineStateOf(error) };
    else if (isRefreshFailure(error)) notice = { refreshError: `The audit trail could not be refreshed: ${error.message} Showing what is saved on this computer.` };
    else throw error;
  }

  const entries = await cache.forToken(conn, input.id);
  const complete = await isComplete(services, conn, input.id);
  const coverage = await cache.tokenCoverage(conn, input.id);
  const end = input.offset + input.limit;
  return {
    items: entries.slice(input.offset, end),
    offset: input.offset,
    // Offline, only what is cached can be offered.
    hasMore: end < entries.length || (!complete && !notice.offline && !notice.refreshError),
    complete,
    fetchedAt: coverage?.fetchedAt ?? (await cache.account(conn)).fetchedAt,
    ...notice,
  };
}

/** The whole trail is cached: fetched to its end, or the account log is whole and nothing was capped away. */
async function isComplete(services: AuditServices, conn: string, tokenId: string): Promise<boolean> {
  const coverage = await services.audit.tokenCoverage(conn, tokenId);
  if (coverage?.complete) return true;
  const account = await services.audit.account(conn);
  return account.complete && !account.capped;
}
