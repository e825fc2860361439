/**
 * Audit records: /public/v1/audit/records (marketplace-api.md §5.2): a token's "Audit trail"
 * tab (`eq(object.id,'TKN-…')`) and the account's token log (`eq(object.objectType,'ApiToken')`),
 * newest first, with `render()` so `details` come rendered.
 */
import { auditRecordSchema, type AuditRecord, type ListPage } from '../../../common/domain';
import type { CallOptions, HttpClient } from './http';
import { fetchAll, fetchPageOnce, listFetcher, type FetchAllOptions } from './pagination';
import { eq, type Rql } from './rql';

export const AUDIT_PATH = '/public/v1/audit/records';

export interface AuditApi {
  /** One page of the records `filter` matches, newest first, rendered. */
  listPage(filter: Rql | readonly Rql[], page: { offset: number; limit: number }, opts?: CallOptions): Promise<ListPage<AuditRecord>>;
  /**
   * Every record `filter` matches, newest first, rendered; at most `maxItems` (the newest).
   * Pages come with bounded concurrency; one failing page fails the whole call.
   */
  listAll(filter: Rql | readonly Rql[], opts?: FetchAllOptions & { maxItems?: number }): Promise<AuditRecord[]>;
}

/** The account log's filter: every API-token event the caller's account may see. */
export const API_TOKEN_EVENTS = eq('object.objectType', 'ApiToken');

export function createAuditApi(http: HttpClient): AuditApi {
  return {
    listPage(filter, page, opts = {}) {
      const fetcher = listFetcher(http, AUDIT_PATH, { filter, order: ['-timestamp'], extra: ['render()'] }, auditRecordSchema);
      return fetchPageOnce(fetcher, page.offset, page.limit, opts.signal);
    },
    listAll(filter, opts = {}) {
      const fetcher = listFetcher(http, AUDIT_PATH, { filter, order: ['-timestamp'], extra: ['render()'] }, auditRecordSchema);
      const max = opts.maxItems;
      if (max === undefined) return fetchAll(fetcher, { limits: http.limits, ...opts });
      // Plan pages only up to the cap: the server's total is reported no higher than `max`.
      const capped: typeof fetcher = async (offset, limit, signal) => {
        const page = await fetcher(offset, limit, signal);
        const room = Math.max(0, max - page.offset);
        return { ...page, items: page.items.slice(0, room), total: page.total < 0 ? page.total : Math.min(page.total, max) };
      };
      return fetchAll(capped, { limits: http.limits, ...opts });
    },
  };
}
