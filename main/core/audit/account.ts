/**
 * The account's token log (the "Audit log" view): every API-token event the connection's
 * account may see — for an Operations account, every account's.
 *
 * `accountLog` reads the cache only (fast, works offline); `syncAccountLog` refreshes it:
 * the first time the whole log (the newest `cap` records, pages in parallel), afterwards only
 * records at or after the newest cached one — one request when nothing changed. Either way
 * all pages are fetched and validated before ONE atomic commit: a malformed or truncated page
 * fails the refresh and leaves the cache as it was.
 */
import type { AccountLogPage, AccountLogState, AccountSync } from '../../../common/audit-log';
import { API_TOKEN_EVENTS } from '../api/audit';
import { and, ge } from '../api/rql';
import type { HandlerContext } from '../dispatch';
import type { ConnectionService } from '../connections';
import { isRefreshFailure, type AuditServices } from './token-trail';
import { isUnreachable, offlineStateOf } from '../../../common/messages';
import { throttleProgress } from '../progress';
import { AuditCacheDamaged } from './cache';
import { entryOf } from './entries';

/** What the account log needs besides a trail's services: which connection is active. */
export type AccountLogServices = AuditServices & { connections: Pick<ConnectionService, 'active'> };

async function stateOf(services: AccountLogServices, connectionId: string): Promise<AccountLogState> {
  const account = await services.audit.account(connectionId);
  return { total: await services.audit.count(connectionId), fetchedAt: account.fetchedAt, complete: account.complete, capped: account.capped, cap: services.audit.cap };
}

/** A slice of the cached log, newest first. No API call: the view shows it at once, then syncs. */
export async function accountLog(services: AccountLogServices, input: { offset: number; limit: number }): Promise<AccountLogPage> {
  const profile = services.connections.active();
  if (!profile) return { items: [], offset: input.offset, total: 0, fetchedAt: null, complete: false, capped: false, cap: services.audit.cap };
  const read = async () => ({ items: await services.audit.range(profile.id, input.offset, input.limit), offset: input.offset, ...(await stateOf(services, profile.id)) });
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof AuditCacheDamaged)) throw error;
    return read(); // reset to empty: the next sync rebuilds it
  }
}

export async function syncAccountLog(services: AccountLogServices, ctx: HandlerContext): Promise<AccountSync> {
  try {
    return await sync(services, ctx);
  } catch (error) {
    if (!(error instanceof AuditCacheDamaged)) throw error;
    return sync(services, ctx);
  }
}

async function sync(services: AccountLogServices, ctx: HandlerContext): Promise<AccountSync> {
  const { profile, client } = await services.session();
  const conn = profile.id;
  const cache = services.audit;
  const before = await cache.account(conn);
  const onProgress = throttleProgress((loaded, total) => ctx.emit('audit.progress', { loaded, total }));
  try {
    const incremental = before.complete && before.newest !== null;
    const filter = incremental ? and(API_TOKEN_EVENTS, ge('timestamp', before.newest as string)) : API_TOKEN_EVENTS;
    const records = await client.audit.listAll(filter, { maxItems: cache.cap, onProgress });
    const entries = records.map(entryOf);
    let newest = before.newest;
    for (const e of entries) if (newest === null || e.timestamp > newest) newest = e.timestamp;
    // A full sync that reached the cap means older records exist that are not kept.
    const capped = before.capped || (!incremental && entries.length >= cache.cap);
    const { added } = await cache.commit(conn, { add: entries, account: { complete: true, newest, fetchedAt: new Date().toISOString(), capped } });
    return { added, ...(await stateOf(services, conn)) };
  } catch (error) {
    if (error instanceof AuditCacheDamaged) throw error;
    const state = await stateOf(services, conn);
    if (isUnreachable(error)) return { added: 0, ...state, offline: offlineStateOf(error) };
    if (isRefreshFailure(error)) return { added: 0, ...state, refreshError: `The audit log could not be refreshed: ${error.message} Nothing saved on this computer was changed.` };
    throw error;
  }
}
