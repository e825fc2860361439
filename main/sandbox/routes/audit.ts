/**
 * /public/v1/audit/records (§5.2). Non-ops callers see only records their account is a viewer of.
 *
 * Sized for 100k+ records: a client syncing a whole trail asks the same filter page after page,
 * so the matching records of a (caller scope, filter, order) are kept until a record is added;
 * and a refresh that asks only for records newer than a timestamp, newest first, stops reading
 * at the first older record instead of scanning the whole history.
 */
import { ok, type HandlerContext, type SandboxResponse } from '../http';
import { buildProjection, pageOf } from '../listing';
import { parseListQuery, projectOne } from '../list-response';
import type { AuditRecordJson } from '../model';
import { notFound } from '../problem';
import { AUDIT_FIELDS } from '../resource-fields';
import type { Route } from '../router';
import { matches } from '../rql/evaluate';
import type { OrderKey, RqlNode, RqlQuery } from '../rql/types';
import { isOps, type Caller, type SandboxStore } from '../store';

const BASE = '/public/v1/audit/records';

export function auditRoutes(): Route[] {
  return [
    { method: 'GET', path: BASE, handler: list },
    { method: 'GET', path: `${BASE}/:id`, handler: get },
  ];
}

interface Matched {
  version: number;
  items: AuditRecordJson[];
}
const matchedCache = new WeakMap<SandboxStore, Map<string, Matched>>();

function list(ctx: HandlerContext): SandboxResponse {
  const query = parseListQuery(ctx.req.rawQuery, AUDIT_FIELDS);
  const items = matching(ctx.store, ctx.caller, query);
  const { offset, limit } = pageOf(query);
  const projection = buildProjection(query, AUDIT_FIELDS, []);
  return ok({
    $meta: { pagination: { offset, limit, total: items.length }, omitted: projection.omitted },
    data: items.slice(offset, offset + limit).map((r) => projection.project(r)),
  });
}

/** Every record the caller may see that the filter matches, in the requested order. */
function matching(store: SandboxStore, caller: Caller, query: RqlQuery): AuditRecordJson[] {
  let byQuery = matchedCache.get(store);
  if (!byQuery) {
    byQuery = new Map();
    matchedCache.set(store, byQuery);
  }
  const key = `${isOps(caller) ? '*' : caller.account.id}|${orderKey(query.order)}|${query.terms.join('&')}`;
  const hit = byQuery.get(key);
  if (hit && hit.version === store.auditVersion) return hit.items;
  const floor = newestFirst(query.order) ? timestampFloor(query.filter) : undefined;
  const items: AuditRecordJson[] = [];
  for (const record of store.visibleAudit(caller, query.order, pinnedObjectId(query.filter))) {
    if (floor && (record.timestamp < floor.value || (!floor.inclusive && record.timestamp === floor.value))) break;
    if (!query.filter || matches(query.filter, record)) items.push(record);
  }
  if (byQuery.size >= 16) byQuery.clear(); // bounded: one-off refresh filters do not pile up
  byQuery.set(key, { version: store.auditVersion, items });
  return items;
}

const orderKey = (order: readonly OrderKey[]): string => order.map((o) => (o.desc ? '-' : '+') + o.path.join('.')).join(',');
const newestFirst = (order: readonly OrderKey[]): boolean => order.length >= 1 && order[0]?.desc === true && order[0].path.join('.') === 'timestamp';

/**
 * The object id an (AND-ed) `eq(object.id,'…')` pins the result to, if any. The full filter
 * still runs afterwards; this only narrows the candidates through the store's index.
 */
export function pinnedObjectId(node: RqlNode | null): string | undefined {
  if (!node) return undefined;
  if (node.op === 'eq' && node.path.length === 2 && node.path[0] === 'object' && node.path[1] === 'id' && node.value.kind === 'string') return node.value.value;
  if (node.op === 'and') {
    for (const arg of node.args) {
      const id = pinnedObjectId(arg);
      if (id !== undefined) return id;
    }
  }
  return undefined;
}

/**
 * The lower bound an (AND-ed) `gt/ge(timestamp,'…')` puts on the result, if any. Timestamps are
 * ISO-8601 UTC with milliseconds, so for a bound in that same form string order is time order.
 * The filter still runs.
 */
const CANONICAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function timestampFloor(node: RqlNode | null): { value: string; inclusive: boolean } | undefined {
  if (!node) return undefined;
  if ((node.op === 'gt' || node.op === 'ge') && node.path.length === 1 && node.path[0] === 'timestamp' && node.value.kind === 'string' && CANONICAL_TIME.test(node.value.value)) {
    return { value: node.value.value, inclusive: node.op === 'ge' };
  }
  if (node.op === 'and') {
    for (const arg of node.args) {
      const floor = timestampFloor(arg);
      if (floor) return floor;
    }
  }
  return undefined;
}

function get(ctx: HandlerContext): SandboxResponse {
  const id = ctx.req.params.id ?? '';
  const record = ctx.store.auditRecord(ctx.caller, id);
  if (!record) throw notFound(id);
  return ok(projectOne(ctx.req.rawQuery, AUDIT_FIELDS, record));
}
