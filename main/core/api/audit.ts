/**
 * Audit records: /public/v1/audit/records (marketplace-api.md §5.2), for a token's
 * "Audit trail" tab: `eq(object.id,'TKN-…')` newest first.
 */
import { auditRecordSchema, type AuditRecord, type ListPage } from '../../../common/domain';
import type { CallOptions, HttpClient } from './http';
import { fetchAll, fetchPageOnce, listFetcher, type FetchAllOptions } from './pagination';
import { idSegment, parseBody } from './parse';
import { eq, type QueryParts } from './rql';

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
}

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
    async get(id, opts) {
      const res = await http.request({ method: 'GET', path: `${AUDIT_PATH}/${idSegment(id, 'audit record')}`, ...(opts?.signal ? { signal: opts.signal } : {}) });
      return parseBody(auditRecordSchema, res.body, 'an audit record');
    },
  };
}
