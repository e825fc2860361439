/**
 * Audit records: /public/v1/audit/records (marketplace-api.md §5.2): a token's "Audit trail"
 * tab (`eq(object.id,'TKN-…')`) and the account's token log (`eq(object.objectType,'ApiToken')`),
 * newest first, with `render()` so `details` come rendered.
 */
import { auditRecordSchema, type AuditRecord, type ListPage } from '../../../common/domain';
import type { CallOptions, HttpClient } from './http';
import { fetchAll, fetchPageOnce, listFetcher, type FetchAllOptions } from './pagination';
import { idSegment, parseBody } from './parse';
import { eq, type QueryParts, type Rql } from './rql';

export const AUDIT_PATH = '/public/v1/audit/records';

export interface AuditPageOptions extends CallOptions {
  limit?: number;
  offset?: number;
  /** Default `-timestamp` (newest first; INFERRED sort key, documented field). */
  order?: readonly string[];
  /** Append `render()` so the server renders `details` templates (CONFIRMED in the Python client). */
  render?: boolean;
}

export interface AuditApi {
  listForObject(objectId: string, opts?: AuditPageOptions): Promise<ListPage<AuditRecord>>;
  listAllForObject(objectId: string, opts?: FetchAllOptions & Pick<AuditPageOptions, 'order' | 'render'>): Promise<AuditRecord[]>;
  get(id: string, opts?: CallOptions): Promise<AuditRecord>;
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

function objectQuery(objectId: string, order: readonly string[] | undefined, render: boolean | undefined): Omit<QueryParts, 'limit' | 'offset'> {
  return { filter: eq('object.id', objectId), order: order ?? ['-timestamp'], ...(render ? { extra: ['render()'] } : {}) };
}

export function createAuditApi(http: HttpClient): AuditApi {
  return {
    listForObject(objectId, opts = {}) {
      const fetcher = listFetcher(http, AUDIT_PATH, objectQuery(objectId, opts.order, opts.render), auditRecordSchema);
      return fetchPageOnce(fetcher, opts.offset ?? 0, opts.limit ?? 100, opts.signal);
    },
    listAllForObject(objectId, opts = {}) {
      return fetchAll(listFetcher(http, AUDIT_PATH, objectQuery(objectId, opts.order, opts.render), auditRecordSchema), opts);
    },
    listPage(filter, page, opts = {}) {
      const fetcher = listFetcher(http, AUDIT_PATH, { filter, order: ['-timestamp'], extra: ['render()'] }, auditRecordSchema);
      return fetchPageOnce(fetcher, page.offset, page.limit, opts.signal);
    },
    listAll(filter, opts = {}) {
      const fetcher = listFetcher(http, AUDIT_PATH, { filter, order: ['-timestamp'], extra: ['render()'] }, auditRecordSchema);
      const max = opts.maxItems;
      if (max === undefined) return fetchAll(fetcher, opts);
      // Plan pages only up to the cap: the server's total is reported no higher than `max`.
      const capped: typeof fetcher = async (offset, limit, signal) => {
        const page = await fetcher(offset, limit, signal);
        const room = Math.max(0, max - page.offset);
        return { ...page, items: page.items.slice(0, room), total: page.total < 0 ? page.total : Math.min(page.total, max) };
      };
      return fetchAll(capped, opts);
    },
    async get(id, opts) {
      const res = await http.request({ method: 'GET', path: `${AUDIT_PATH}/${idSegment(id, 'audit record')}`, ...(opts?.signal ? { signal: opts.signal } : {}) });
      return parseBody(auditRecordSchema, res.body, 'an audit record');
    },
  };
}
